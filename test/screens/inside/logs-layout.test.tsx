// The logs screen's rows: wrapped lines fill exactly the screen with every row within the width (no cut line, no
// fragment, no blank bottom rows), the compact time at 80 columns, search matches marked with n/N between them,
// and the selected line shown whole (enter) and copied (y).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine, LogPage } from '../../../src/api/core/insight.js';
import { render } from 'ink-testing-library';
import { Help } from '../../../src/ui/screens/Help.js';
import { helpOf } from '../../../src/ui/registry/screens.js';
import { Logs } from '../../../src/ui/screens/Logs.js';
import { renderScreen } from '../render.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame } from '../forms/keys.js';

const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
const T0 = Date.UTC(2026, 10, 30, 23, 50, 0);
const at = (i: number) => new Date(T0 + i * 60_000).toISOString();
/** Messages of varied length made of numbered words, so every part of a line can be found on screen. */
const words = (i: number, n: number) => Array.from({ length: n }, (_, k) => `m${i}w${k}`).join(' ');
const plain = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');

function setup(lines: LogLine[], size: { width: number; height: number }, more: { copy?: (t: string) => void; say?: (t: string) => void } = {}) {
  const store = fakeStore({ logs: async (): Promise<LogPage> => ({ lines, truncated: false }), supports: (_c, cap) => cap === 'logs' });
  return renderScreen(<Logs cluster={ch} height={size.height} width={size.width} readOnly={false} active onBack={vi.fn()} onHelp={vi.fn()} onQuit={vi.fn()} pollMs={60_000} {...more} />, store);
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('logs rows', () => {
  it('w wraps every line whole at 80x22: the screen is filled exactly, no row wider than 80, nothing cut', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({ at: at(i), severity: 'LOG', message: words(i, 3 + ((i * 7) % 25)) }));
    const ui = setup(lines, { width: 80, height: 22 });
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'm39w0');
    await press(ui.stdin, 'w');
    const frame = plain(await waitForFrame(ui.lastFrame, '· wrap'));
    const rows = frame.split('\n');
    expect(rows.length).toBe(22);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(80);
    const body = rows.slice(2);
    // Filled to the last row: no blank rows at the bottom (the one row under the title is the note line).
    expect(body.filter((r) => r.trim() === '').length).toBeLessThanOrEqual(1);
    expect(body.at(-1)!.trim()).not.toBe('');
    // Every line that starts on screen is there whole, its words in order, up to the bottom one.
    const text = body.join(' ').replace(/\s+/g, ' ');
    const starts = body.map((r) => /^\d\d:\d\d:\d\d {2}LOG {6}(m(\d+)w0)/.exec(r)?.[2]).filter((x): x is string => x !== undefined).map(Number);
    expect(starts.at(-1)).toBe(39);
    expect(starts.length).toBeGreaterThan(3);
    for (const i of starts) expect(text).toContain(words(i, 3 + ((i * 7) % 25)));
  });

  it('at 80 columns the time is HH:MM:SS, the day is in the title and a date row marks a new day; 120 keeps ISO', async () => {
    const lines = Array.from({ length: 16 }, (_, i) => ({ at: at(i), severity: 'LOG', message: `event ${i}` }));
    const ui = setup(lines, { width: 80, height: 20 });
    unmount = ui.unmount;
    const frame = plain(await waitForFrame(ui.lastFrame, 'event 15'));
    expect(frame).not.toMatch(/2026-\d\d-\d\dT/);
    expect(frame).toMatch(/^23:59:00 {2}LOG {6}event 9\s*$/m);
    expect(frame).toMatch(/^── 2026-12-01 ──\s*$/m);
    expect(frame).toMatch(/^00:00:00 {2}LOG {6}event 10\s*$/m);
    expect(frame.split('\n')[0]).toContain('· 2026-11-30 ·');
    ui.unmount();
    const wide = setup(lines, { width: 120, height: 20 });
    unmount = wide.unmount;
    expect(plain(await waitForFrame(wide.lastFrame, 'event 15'))).toMatch(/^2026-12-01T00:05:00\.000Z {2}LOG {6}event 15\s*$/m);
  });

  it('/ marks each match; a shows all lines; n and N move the selection between matching lines', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({ at: at(i), severity: 'LOG', message: i % 10 === 3 ? `Deadlock found in step ${i}` : `routine step ${i}` }));
    const say = vi.fn();
    const ui = setup(lines, { width: 100, height: 12 }, { say });
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'routine step 29');
    await press(ui.stdin, '/', ...'deadlock'.split(''), KEY.enter);
    let frame = await waitForFrame(ui.lastFrame, '"deadlock": 3 matches');
    // (How a match is marked, row by row, is tested in test/tui/log-lines.test.ts: the test terminal has no colour.)
    expect(plain(frame)).not.toContain('routine step');
    await press(ui.stdin, 'a');
    frame = plain(await waitForFrame(ui.lastFrame, '3 matches · all lines'));
    expect(frame).toContain('routine step 29');
    await press(ui.stdin, 'N');
    frame = plain(await waitForFrame(ui.lastFrame, 'paused'));
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/Deadlock found in step 23$/);
    await press(ui.stdin, 'N');
    await waitForFrame(ui.lastFrame, (f) => /Deadlock found in step 13\s*$/.test(plain(f).trimEnd()));
    await press(ui.stdin, 'n');
    await waitForFrame(ui.lastFrame, (f) => /Deadlock found in step 23\s*$/.test(plain(f).trimEnd()));
    await press(ui.stdin, 'n');
    await vi.waitFor(() => expect(say).toHaveBeenCalledWith('no match below: G goes to the newest line'));
  });

  it('enter shows the selected line whole, wrapped and scrollable; y copies it; esc goes back', async () => {
    const long = `${words(1, 120)} THE-END`;
    const copy = vi.fn();
    const ui = setup([{ at: at(0), severity: 'ERROR', message: 'short one' }, { at: at(1), severity: 'LOG', message: long }], { width: 60, height: 12 }, { copy });
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'short one');
    expect(plain(ui.lastFrame()!)).not.toContain('THE-END');
    await press(ui.stdin, KEY.enter);
    let frame = plain(await waitForFrame(ui.lastFrame, 'Log line · chdb'));
    expect(frame).toMatch(/rows 1–11 of \d+/);
    await press(ui.stdin, 'G');
    frame = plain(await waitForFrame(ui.lastFrame, 'THE-END'));
    for (const r of frame.split('\n')) expect(r.length).toBeLessThanOrEqual(60);
    await press(ui.stdin, 'y');
    expect(copy).toHaveBeenCalledWith(expect.stringContaining(`LOG      ${long}`));
    await press(ui.stdin, KEY.esc);
    await waitForFrame(ui.lastFrame, 'short one');
    // y on the list copies the selected (bottom) line; k selects the one above.
    await press(ui.stdin, 'k', 'y');
    expect(copy).toHaveBeenLastCalledWith(expect.stringMatching(/ERROR {4}short one$/));
  });

  it('a cut first read names the read limit, not a count the title contradicts once follow adds lines', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ at: at(i), severity: 'LOG', message: `n${i}` }));
    const store = fakeStore({ logs: async (): Promise<LogPage> => ({ lines, truncated: true }), supports: (_c, cap) => cap === 'logs' });
    const ui = renderScreen(<Logs cluster={ch} height={10} width={100} readOnly={false} active onBack={vi.fn()} onHelp={vi.fn()} onQuit={vi.fn()} pollMs={60_000} />, store);
    unmount = ui.unmount;
    const frame = plain(await waitForFrame(ui.lastFrame, 'n9999'));
    expect(frame).toContain('10,000 lines');
    expect(frame).toContain('older lines of the range not loaded: one read returns at most 10,000 lines');
    expect(frame).not.toContain('10000');
  });
});

describe('logs help', () => {
  it('lists the search keys n, N and a, and enter / y on a line', () => {
    const ui = render(<Help entries={helpOf('logs', false)} height={40} width={120} />);
    const frame = plain(ui.lastFrame()!);
    ui.unmount();
    expect(frame).toMatch(/\bn +logs: next search match/);
    expect(frame).toMatch(/\bN +logs: previous search match/);
    expect(frame).toMatch(/\ba +logs: all lines/);
    expect(frame).toMatch(/enter +the whole log line/);
    expect(frame).toMatch(/\by +copy the log line/);
    // Only the logs screen's own keys: not the list's.
    expect(frame).not.toMatch(/connection string|open the cluster/);
  });
});
