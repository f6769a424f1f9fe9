// The demo's screens in a real terminal (tmux), as a user sees them: the logs screen wrapped and scrolled at
// 120x40 and 80x24 (every row within the width, no row cut, no fragment of an earlier frame, no blank rows at the
// bottom), and a resize while pgtui is stopped (Ctrl-Z, resize, `fg`) laid out at the new size.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, BIN } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';

const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the real-terminal screen tests did not run');

const LIST = /[1-9]\d* clusters · [1-9] profiles/;
const TIME = /^(\d{4}-\d\d-\d\dT)?\d\d:\d\d:\d\d(\.\d+Z)? {2}[A-Z]+ /;
let term: Tmux | undefined;
let tmp: string | undefined;
afterEach(() => {
  term?.kill();
  term = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function start(cols: number, rows: number, command = `${process.execPath} ${BIN} --demo`): Tmux {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'pgtui-screens-'));
  chmodSync(tmp, 0o755); // as root the demo runs PostgreSQL as another user, who must reach its data directory
  const t = new Tmux();
  t.start(command, { cols, rows, cwd: ROOT, env: { TMPDIR: tmp, HOME: process.env.HOME ?? '/tmp' } });
  term = t;
  return t;
}

async function openLogs(t: Tmux, name: string): Promise<string> {
  await t.waitFor(LIST, 30_000);
  await t.waitForGone('loading', 20_000);
  t.type(`/${name}`);
  t.send('Enter');
  await t.waitFor((s) => s.includes(`matching "${name}"`) && /enter open/.test(s));
  t.send('Enter');
  await t.waitFor('Connection');
  t.type('l');
  return t.waitFor((s) => /Logs · .* lines · following/.test(s) && !s.includes('loading…'), 20_000);
}

/**
 * The logs screen as it should be at cols x rows: the app's header, the title, the note row, then log rows to the
 * row above the key hints, none blank; each log line's rows run until the next line's time. Returns the lines.
 */
function logScreen(screen: string, cols: number, rows: number): string[] {
  // The app draws rows - 1 rows (the last stays free, as for every screen: test/e2e/demo.test.ts).
  const lines = screen.split('\n').slice(0, rows - 1);
  expect(lines).toHaveLength(rows - 1);
  expect(lines[0]).toMatch(/^pgtui \[demo\]/);
  expect(lines[1]).toMatch(/^Logs · /);
  expect(lines[rows - 2]).toMatch(/esc back/);
  const body = lines.slice(3, rows - 2);
  for (const row of body) {
    expect(row.length).toBeLessThanOrEqual(cols);
    expect(row.trim(), screen).not.toBe('');
  }
  // Rows glued back into lines: a row starting with a time starts a line, every other row continues the last one.
  const joined: string[] = [];
  for (const row of body) {
    if (TIME.test(row) || joined.length === 0) joined.push(row);
    else joined[joined.length - 1] += row;
  }
  return joined;
}

describe.skipIf(!TMUX)('screens in a real terminal', () => {
  for (const [cols, rows, name] of [[120, 40, 'billing'], [80, 24, 'crm-prod']] as const) {
    it(`logs at ${cols}x${rows} (${name}): w wraps whole lines, scrolling keeps the frame clean, w again truncates`, async () => {
      const t = start(cols, rows);
      const before = logScreen(await openLogs(t, name), cols, rows);
      // Unwrapped: one row per line, cut ones end in "…".
      expect(before.every((l) => l.length <= cols)).toBe(true);
      const cut = before.filter((l) => l.endsWith('…'));
      expect(cut.length).toBeGreaterThan(0);
      // Compact time below 120 columns, full ISO time at 120.
      for (const l of before.slice(1)) expect(l).toMatch(cols < 120 ? /^\d\d:\d\d:\d\d {2}/ : /^\d{4}-\d\d-\d\dT/);
      t.type('w');
      const wrapped = logScreen(await t.waitFor(/following · wrap/), cols, rows);
      // The lines shown cut before are whole now: each one cut before that is on screen whole (below the top line,
      // which may have lost its first rows) starts as it did and goes on past the cut. tmux trims the spaces at the
      // end of a row, so lines are compared without spaces.
      for (const l of wrapped.slice(1)) expect(l.endsWith('…')).toBe(false);
      const bare = (x: string) => x.replace(/\s+/g, '');
      const timeOf = (x: string) => x.split(' ')[0]!;
      const whole = wrapped.slice(1).map(bare);
      const inRange = cut.filter((c) => timeOf(c) > timeOf(wrapped[1]!));
      expect(inRange.length).toBeGreaterThan(0);
      for (const c of inRange) {
        const prefix = bare(c.slice(0, -1));
        expect(whole.some((w) => w.startsWith(prefix) && w.length > prefix.length), `${c} is whole on:\n${wrapped.join('\n')}`).toBe(true);
      }
      // Scroll back a page and a few lines: the frame stays whole.
      t.send('PageUp');
      t.send('k');
      t.send('k');
      logScreen(await t.waitFor(/paused \(G follows\) · wrap/), cols, rows);
      // w again: back to one row per line.
      t.type('w');
      const flat = logScreen(await t.waitFor((s) => /paused \(G follows\)/.test(s) && !/· wrap/.test(s)), cols, rows);
      expect(flat).toHaveLength(rows - 5);
      t.type('q');
      await t.waitFor(/\[exit 0\]/, 20_000);
    }, 120_000);
  }

  it('a resize while stopped (Ctrl-Z, resize, fg) is laid out at the new size', async () => {
    const t = start(120, 40, 'bash --norc --noprofile -i');
    await t.waitFor(/[#$]\s*$/m);
    t.type("PS1='SHELL$ '");
    t.send('Enter');
    await t.waitFor(/^SHELL\$\s*$/m);
    t.send('C-l');
    t.type(`${process.execPath} ${BIN} --demo`);
    t.send('Enter');
    await t.waitFor(LIST, 30_000);
    await t.waitForGone('loading', 20_000);
    // At 120 columns the list has its wide columns.
    expect(t.capture()).toMatch(/LOCATION/);
    t.send('C-z');
    await t.waitFor(/Stopped[^\n]*\n(?:.*\n)*?SHELL\$\s*$/m, 10_000);
    t.resize(70, 20);
    // tmux sets the pane's size a moment later: the shell says when it has it, as a user would see it.
    t.type('stty size');
    t.send('Enter');
    await t.waitFor(/^20 70\s*$/m);
    t.type('fg');
    t.send('Enter');
    const screen = await t.waitFor((s) => LIST.test(s) && /\? help/.test(s.split('\n')[18] ?? ''), 10_000);
    const lines = screen.split('\n');
    // The frame is 70x20: the header on the first row, the key hints on the last it draws, nothing wrapped.
    expect(lines[0]).toMatch(/^pgtui \[demo\]/);
    expect(lines[1]).toMatch(/^ {2}NAME/);
    expect(lines[18]).toMatch(/\? help/);
    expect(screen).not.toMatch(/LOCATION/);
    t.send('q');
    await t.waitFor(/SHELL\$\s*$/m, 20_000);
  }, 90_000);
});
