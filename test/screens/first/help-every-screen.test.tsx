// The screen registry (src/ui/registry/screens.ts), walked row by row: every screen opens by its key, `?` lists that
// screen's keys and no other screen's (the Settings screen once showed the list's), esc returns to its parent,
// q and ctrl-c quit; and the help stays readable at every size the app supports.
import { afterEach, describe, expect, it } from 'vitest';
import { SCREENS, helpOf, rowOf, type Screen } from '../../../src/ui/registry/screens.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';
import { helpText } from '../help-text.js';
import { startApp } from './app-setup.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One help entry as drawn: its keys, its text, then only padding to the box's border or the next column. */
const entry = (keys: string, help: string) => new RegExp(`(^|│| )${escape(keys)}\\s+${escape(help)}(\\s*│|\\s{2,})`, 'm');

const LIST = /❯ alpha/;
const DETAIL = /alpha\s+ready \(AVAILABLE\)/;
/** How a person reaches each screen from the list, and what it shows then. */
function route(screen: Screen): { keys: string[]; shows: RegExp | string } {
  const row = rowOf(screen);
  if (row.kind === 'inside') return { keys: [KEY.enter, row.inside!.opens.keys], shows: `${row.title} · alpha` };
  if (screen === 'detail') return { keys: [KEY.enter], shows: DETAIL };
  if (screen === 'create') return { keys: ['c'], shows: 'Create cluster' };
  if (screen === 'edit') return { keys: [KEY.enter, 'e'], shows: 'Edit cluster alpha' };
  if (screen === 'profiles') return { keys: [':', 'profiles', KEY.enter], shows: 'Profiles' };
  return { keys: [], shows: LIST };
}
const shownOn = (parent: string | undefined) => (parent === 'detail' ? DETAIL : LIST);

const ALL = Object.keys(SCREENS) as Screen[];
const every = ALL.flatMap((s) => helpOf(s, false));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('every screen of the registry', () => {
  for (const screen of ALL.filter((s) => rowOf(s).kind !== 'form')) {
    it(`${screen}: ? lists its own keys, none of another screen's; esc returns to its parent`, async () => {
      // Nothing supported: every screen inside a cluster opens and says why in one line.
      // Tall and wide enough that every entry is one line in one column.
      const { app } = startApp({ supports: () => false, size: { columns: 110, rows: 70 } });
      cleanup = app.unmount;
      const { keys, shows } = route(screen);
      await until(app.lastFrame, LIST);
      await press(app.stdin, ...keys);
      await until(app.lastFrame, shows);
      await press(app.stdin, '?');
      const help = await helpText(app);
      const own = helpOf(screen, false);
      for (const [k, h] of own) expect(help, `${k} ${h}`).toMatch(entry(k, h));
      for (const [k, h] of every.filter(([k2, h2]) => !own.some(([a, b]) => a === k2 && b === h2))) expect(help, `${k} ${h}`).not.toMatch(entry(k, h));
      await press(app.stdin, KEY.esc);
      expect(await until(app.lastFrame, (f) => !f.includes('Keys (esc'))).toMatch(shows);
      if (screen === 'list') return;
      await press(app.stdin, KEY.esc);
      await until(app.lastFrame, shownOn(rowOf(screen).parent));
    });
  }

  for (const screen of ALL) {
    for (const [name, quit] of [['q', 'q'], ['ctrl-c', '\u0003']] as const) {
      // The forms take q as text; ctrl-c quits them (with nothing typed) as it does everywhere.
      if (name === 'q' && rowOf(screen).kind === 'form') continue;
      it(`${screen}: ${name} quits`, async () => {
        const { app, exited } = startApp({ size: { columns: 110, rows: 40 }, supports: () => true });
        cleanup = app.unmount;
        const { keys, shows } = route(screen);
        await until(app.lastFrame, LIST);
        await press(app.stdin, ...keys);
        await until(app.lastFrame, shows);
        await press(app.stdin, quit);
        await until(() => (exited() ? 'gone' : ''), 'gone');
      });
    }
  }
});

describe('help at the sizes the app supports', () => {
  for (const size of [{ columns: 80, rows: 24 }, { columns: 60, rows: 20 }, { columns: 120, rows: 40 }]) {
    it(`${size.columns}x${size.rows}: nothing cut, no line wider than the terminal, every key reachable by scrolling`, async () => {
      const { app } = startApp({ size });
      cleanup = app.unmount;
      await until(app.lastFrame, LIST);
      await press(app.stdin, '?');
      const help = await helpText(app);
      for (const line of help.split('\n')) expect(line.length, line).toBeLessThanOrEqual(size.columns);
      expect(help).not.toContain('…');
      // Each entry's text, wherever it wrapped: the box's inside, joined.
      const inside = help
        .split('\n')
        .map((l) => l.replace(/^│\s?/, '').replace(/\s?│$/, ''))
        .join(' ')
        .replace(/\s+/g, ' ');
      // In two columns a wrapped entry's continuation shares its row with the other column's entry: its words in order.
      const inOrder = (text: string) => new RegExp(text.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join(' (?:.*? )?'));
      for (const [, h] of helpOf('list', false)) expect(inside, h).toMatch(inOrder(h));
    });
  }
});
