// `?` in a real terminal at the small sizes the app supports (80x24, 60x20): the built program's help fits the
// screen, cuts no text (long entries wrap into one column) and scrolls to its last key.
import { afterEach, describe, expect, it } from 'vitest';
import { helpOf } from '../../src/ui/registry/screens.js';
import { ensureBuilt, ROOT, BIN } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';

const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the real-terminal help test did not run');

const LIST = /[1-9]\d* clusters · [1-9] profiles/;
let term: Tmux | undefined;
afterEach(() => term?.kill());

describe.skipIf(!TMUX)('help in a real terminal', () => {
  for (const [cols, rows] of [[80, 24], [60, 20]] as const) {
    it(`${cols}x${rows}: every key's text whole, nothing past the edge, paged to the end`, async () => {
      ensureBuilt();
      const t = new Tmux();
      term = t;
      t.start(`${process.execPath} ${BIN} --demo`, { cols, rows, cwd: ROOT, env: { HOME: process.env.HOME ?? '/tmp' } });
      await t.waitFor(LIST, 30_000);
      t.type('?');
      const pages = [await t.waitFor('Keys (esc or ? closes)')];
      const position = () => /lines (\d+)–(\d+) of (\d+)/.exec(t.capture());
      // Page down until the last line shows (each page is a new screen to wait for).
      for (let i = 0; i < 10; i++) {
        const at = position();
        if (!at || at[2] === at[3]) break;
        t.send('C-f');
        pages.push(await t.waitFor((s) => !s.includes(at[0])));
      }
      expect(position()?.[2]).toBe(position()?.[3]);
      const text = pages.join('\n');
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(cols);
      // The help's box: no entry cut (the header above it may shorten its own line at 60 columns).
      const box = text.split('\n').filter((l) => l.startsWith('│'));
      expect(box.length).toBeGreaterThan(rows / 2);
      for (const line of box) expect(line, line).not.toContain('…');
      const inside = box.map((l) => l.replace(/^│\s?/, '').replace(/\s*│\s*$/, '')).join(' ').replace(/\s+/g, ' ');
      for (const [, help] of helpOf('list', false)) expect(inside, help).toContain(help);
      t.send('Escape');
      await t.waitForGone('Keys (esc or ? closes)');
      expect(t.capture()).toMatch(LIST);
    }, 60_000);
  }
});
