// The whole SQL of a slow query: the pattern screen wraps it, enter there shows all of it (scrollable), `y` copies
// it from the list and from the pattern, esc steps back one screen at a time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlowQuery } from '../../../src/api/core/insight.js';
import { SlowQueries } from '../../../src/ui/screens/SlowQueries.js';
import { renderScreen } from '../render.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame } from '../forms/keys.js';

const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
const columns = Array.from({ length: 160 }, (_, i) => `col_${i}`).join(', ');
const LONG = `SELECT ${columns} FROM orders o JOIN users u ON u.id = o.user_id WHERE the_very_end = 1`;
const q = (id: string, totalMs: number, query: string): SlowQuery => ({ id, query, calls: 1, errors: 0, totalMs, avgMs: totalMs });

function setup() {
  const copy = vi.fn();
  const say = vi.fn();
  const onBack = vi.fn();
  const store = fakeStore({
    supports: (_c, cap) => cap === 'slowQueries',
    slowQueries: async () => [q('a', 10, 'SELECT small'), q('b', 5000, LONG)],
    slowQueryDetail: async () => ({ recent: [] }),
  });
  const ui = renderScreen(<SlowQueries cluster={ch} height={14} width={70} readOnly={false} active onBack={onBack} onHelp={vi.fn()} onQuit={vi.fn()} copy={copy} say={say} />, store);
  return { ui, copy, say, onBack };
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('slow query SQL', () => {
  it('y copies the selected query; enter opens it wrapped; enter again shows all of it; esc goes back step by step', async () => {
    const { ui, copy, say, onBack } = setup();
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'SELECT small');
    await press(ui.stdin, 'y');
    expect(copy).toHaveBeenLastCalledWith(LONG);
    expect(say).toHaveBeenLastCalledWith('sent the query to the terminal clipboard');
    await press(ui.stdin, KEY.enter);
    const pattern = await waitForFrame(ui.lastFrame, 'recent executions (0)');
    // Wrapped over several rows within the width, cut with … (the rest is one key away).
    expect(pattern).toContain('enter shows all the SQL');
    expect(pattern).toContain('col_10, col_11');
    expect(pattern).not.toContain('the_very_end');
    for (const row of pattern.split('\n')) expect(row.length).toBeLessThanOrEqual(70);
    await press(ui.stdin, KEY.enter);
    await waitForFrame(ui.lastFrame, /rows 1–13 of \d+/);
    await press(ui.stdin, 'G');
    const whole = await waitForFrame(ui.lastFrame, "the_very_end = 1");
    for (const row of whole.split('\n')) expect(row.length).toBeLessThanOrEqual(70);
    // Every column of the SQL is somewhere in the whole text.
    await press(ui.stdin, 'g');
    await waitForFrame(ui.lastFrame, 'SELECT col_0, col_1');
    await press(ui.stdin, 'y');
    expect(copy).toHaveBeenCalledTimes(2);
    await press(ui.stdin, KEY.esc);
    await waitForFrame(ui.lastFrame, 'recent executions (0)');
    await press(ui.stdin, KEY.esc);
    await waitForFrame(ui.lastFrame, 'worst first');
    expect(onBack).not.toHaveBeenCalled();
  });
});
