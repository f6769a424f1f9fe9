// `?` on every screen lists that screen's keys and no other screen's (the Settings screen showed the list's), and
// the help stays readable at every size the app supports: one column that wraps and scrolls when narrow.
import { afterEach, describe, expect, it } from 'vitest';
import { helpFor, KEYMAP, type Scope } from '../../../src/components/keymap.js';
import { press, waitForFrame as until } from '../forms/keys.js';
import { helpText } from '../help-text.js';
import { startApp } from './app-setup.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One help entry as drawn: its keys, its text, then only padding to the box's border or the next column. */
const entry = (keys: string, help: string) => new RegExp(`(^|│| )${escape(keys)}\\s+${escape(help)}(\\s*│|\\s{2,})`, 'm');

const SCREENS: Array<{ screen: string; keys: string[]; shows: string | RegExp; scopes: Scope[] }> = [
  { screen: 'list', keys: [], shows: /❯ alpha/, scopes: ['list', 'detail'] },
  { screen: 'detail', keys: ['\r'], shows: /alpha\s+ready \(AVAILABLE\)/, scopes: ['list', 'detail'] },
  { screen: 'logs', keys: ['l'], shows: 'Logs · alpha', scopes: ['logs'] },
  { screen: 'metrics', keys: ['m'], shows: 'Metrics · alpha', scopes: ['inside'] },
  { screen: 'slow queries', keys: ['Q'], shows: 'Slow queries · alpha', scopes: ['slow'] },
  { screen: 'settings', keys: ['C'], shows: 'Settings · alpha', scopes: ['settings'] },
  { screen: 'raw view', keys: ['v'], shows: 'Raw · alpha', scopes: ['raw'] },
  { screen: 'backups', keys: ['b'], shows: 'Backups · alpha', scopes: ['backups'] },
  { screen: 'health', keys: ['H'], shows: 'Health · alpha', scopes: ['health'] },
];

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('? on every screen', () => {
  for (const { screen, keys, shows, scopes } of SCREENS) {
    it(`${screen}: lists its own keys, none of another screen's, and esc returns`, async () => {
      // Nothing supported: every screen inside a cluster opens and says why in one line.
      // Tall and wide enough that every entry is one line in one column.
      const { app } = startApp({ supports: () => false, size: { columns: 110, rows: 70 } });
      cleanup = app.unmount;
      await until(app.lastFrame, /❯ alpha/);
      await press(app.stdin, ...keys);
      await until(app.lastFrame, shows);
      await press(app.stdin, '?');
      const help = await helpText(app);
      const own = helpFor(scopes, false);
      for (const b of own) expect(help, `${b.keys} ${b.help}`).toMatch(entry(b.keys, b.help));
      for (const b of KEYMAP.filter((x) => !own.includes(x))) expect(help, `${b.keys} ${b.help}`).not.toMatch(entry(b.keys, b.help));
      await press(app.stdin, '\u001b');
      expect(await until(app.lastFrame, (f) => !f.includes('Keys (esc'))).toMatch(shows);
    });
  }
});

describe('help at the sizes the app supports', () => {
  for (const size of [{ columns: 80, rows: 24 }, { columns: 60, rows: 20 }, { columns: 120, rows: 40 }]) {
    it(`${size.columns}x${size.rows}: nothing cut, no line wider than the terminal, every key reachable by scrolling`, async () => {
      const { app } = startApp({ size });
      cleanup = app.unmount;
      await until(app.lastFrame, /❯ alpha/);
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
      for (const b of helpFor(['list', 'detail'], false)) expect(inside, b.help).toMatch(inOrder(b.help));
    });
  }
});
