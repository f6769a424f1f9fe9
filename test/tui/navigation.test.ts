import { describe, expect, it } from 'vitest';
import { INITIAL_NAV, isConfirm, navigate, scrolled, type NavEvent, type NavState } from '../../src/ui/shell/navigation.js';

const run = (events: NavEvent[], from: NavState = INITIAL_NAV) => events.reduce(navigate, from);

describe('navigation reducer', () => {
  it('starts on the list with nothing open', () => {
    expect(INITIAL_NAV).toEqual({ screen: 'list', overlay: 'none', scroll: 0, revealed: false });
  });

  it('opens a detail screen from the top with the password hidden, whatever the last one showed', () => {
    const seen = run([{ type: 'open', key: 'prod/a' }, { type: 'scroll', move: 'pageDown', lines: 100, page: 10 }, { type: 'reveal' }]);
    expect(seen).toMatchObject({ screen: 'detail', detailKey: 'prod/a', scroll: 10, revealed: true });
    expect(navigate(seen, { type: 'open', key: 'prod/b' })).toEqual({ screen: 'detail', overlay: 'none', detailKey: 'prod/b', scroll: 0, revealed: false });
  });

  it('goes back from detail to the list and keeps the list as it is', () => {
    const detail = run([{ type: 'open', key: 'prod/a' }]);
    expect(navigate(detail, { type: 'back' }).screen).toBe('list');
    expect(navigate(INITIAL_NAV, { type: 'back' })).toBe(INITIAL_NAV);
  });

  it('opens a screen inside the detail cluster (logs, metrics, slow) only from its detail; back returns to it; gone closes it', () => {
    const detail = run([{ type: 'open', key: 'prod/a' }, { type: 'scroll', move: 'down', lines: 10, page: 5 }]);
    for (const screen of ['logs', 'metrics', 'slow'] as const) {
      const inside = navigate(detail, { type: 'inside', screen });
      expect(inside).toMatchObject({ screen, detailKey: 'prod/a', overlay: 'none' });
      expect(navigate(inside, { type: 'back' })).toMatchObject({ screen: 'detail', detailKey: 'prod/a', scroll: 1 });
      expect(navigate(inside, { type: 'gone' })).toMatchObject({ screen: 'list', detailKey: undefined });
    }
    expect(navigate(INITIAL_NAV, { type: 'inside', screen: 'logs' })).toBe(INITIAL_NAV);
    expect(isConfirm('switchover')).toBe(true);
  });

  it('edits the detail cluster and returns to its detail screen', () => {
    const editing = run([{ type: 'open', key: 'prod/a' }, { type: 'edit', key: 'prod/a' }]);
    expect(editing).toMatchObject({ screen: 'edit', detailKey: 'prod/a' });
    expect(navigate(editing, { type: 'show', screen: 'detail' })).toMatchObject({ screen: 'detail', detailKey: 'prod/a' });
  });

  it('a cluster that is gone closes its detail or edit screen, and nothing else', () => {
    for (const events of [[{ type: 'open', key: 'prod/a' }], [{ type: 'open', key: 'prod/a' }, { type: 'edit', key: 'prod/a' }]] as NavEvent[][]) {
      const after = navigate(run(events), { type: 'gone' });
      expect(after).toMatchObject({ screen: 'list', overlay: 'none', detailKey: undefined });
    }
    const creating = run([{ type: 'show', screen: 'create' }]);
    expect(navigate(creating, { type: 'gone' })).toBe(creating);
  });

  it('opens and closes overlays; showing a screen closes any overlay', () => {
    const confirming = run([{ type: 'open', key: 'prod/a' }, { type: 'overlay', overlay: 'restart' }]);
    expect(confirming.overlay).toBe('restart');
    expect(isConfirm(confirming.overlay)).toBe(true);
    expect(navigate(confirming, { type: 'close' })).toMatchObject({ screen: 'detail', overlay: 'none' });
    expect(navigate(confirming, { type: 'show', screen: 'profiles' })).toMatchObject({ screen: 'profiles', overlay: 'none' });
    for (const o of ['none', 'help', 'filter', 'command'] as const) expect(isConfirm(o)).toBe(false);
  });

  it('returns the same state for events that change nothing (no extra render)', () => {
    expect(navigate(INITIAL_NAV, { type: 'close' })).toBe(INITIAL_NAV);
    expect(navigate(INITIAL_NAV, { type: 'show', screen: 'list' })).toBe(INITIAL_NAV);
    const helping = navigate(INITIAL_NAV, { type: 'overlay', overlay: 'help' });
    expect(navigate(helping, { type: 'overlay', overlay: 'help' })).toBe(helping);
    const top = run([{ type: 'open', key: 'prod/a' }]);
    expect(navigate(top, { type: 'scroll', move: 'up', lines: 50, page: 10 })).toBe(top);
  });

  it('does not touch its input state', () => {
    const before = run([{ type: 'open', key: 'prod/a' }]);
    const copy = { ...before };
    navigate(before, { type: 'scroll', move: 'down', lines: 50, page: 10 });
    navigate(before, { type: 'reveal' });
    expect(before).toEqual(copy);
  });
});

describe('detail scrolling', () => {
  it('moves by a line or a page and stays within the lines', () => {
    expect(scrolled(0, 'down', 30, 10)).toBe(1);
    expect(scrolled(29, 'down', 30, 10)).toBe(29);
    expect(scrolled(0, 'up', 30, 10)).toBe(0);
    expect(scrolled(5, 'up', 30, 10)).toBe(4);
    expect(scrolled(0, 'pageDown', 30, 10)).toBe(10);
    expect(scrolled(15, 'pageDown', 30, 10)).toBe(20);
    expect(scrolled(15, 'pageUp', 30, 10)).toBe(5);
    expect(scrolled(5, 'pageUp', 30, 10)).toBe(0);
    expect(scrolled(3, 'top', 30, 10)).toBe(0);
    expect(scrolled(0, 'bottom', 30, 10)).toBe(20);
  });

  it('a screen shorter than a page does not scroll', () => {
    expect(scrolled(0, 'bottom', 5, 10)).toBe(0);
    expect(scrolled(0, 'pageDown', 5, 10)).toBe(0);
    expect(scrolled(0, 'down', 0, 10)).toBe(0);
  });

  it('a run of moves composes like the keys arriving one by one', () => {
    const keys: NavEvent[] = Array.from({ length: 40 }, () => ({ type: 'scroll', move: 'down', lines: 25, page: 10 }));
    expect(run([{ type: 'open', key: 'prod/a' }, ...keys]).scroll).toBe(24);
  });
});
