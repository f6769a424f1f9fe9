// The logs screen through ink-testing-library with the store double: the unsupported line, only the visible
// window drawn with 100,000 lines loaded, search, severity, follow pausing and resuming, hostile provider text
// shown safe, and the budget (the first load at user priority, follow polls at watch, nothing after closing).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLine, LogPage, LogQuery } from '../../../src/api/core/insight.js';
import type { Cluster } from '../../../src/api/core/types.js';
import type { InsightOptions } from '../../../src/state/types.js';
import { Logs } from '../../../src/ui/screens/Logs.js';
import { renderScreen } from '../render.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame } from '../forms/keys.js';

const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
const line = (i: number, severity = 'LOG', message = `message number ${i}`): LogLine => ({ at: new Date(Date.UTC(2026, 10, 30, 0, 0, 0) + i * 10).toISOString(), severity, message });
const page = (lines: LogLine[]): LogPage => ({ lines, truncated: false });

type LogsFn = (c: Cluster, q: LogQuery, o?: InsightOptions) => Promise<LogPage>;
function setup(logs: LogsFn, opts: { supports?: boolean; height?: number; pollMs?: number } = {}) {
  const store = fakeStore({
    logs,
    supports: (_c, cap) => opts.supports !== false && cap === 'logs',
    unsupportedReason: () => 'logs are not kept by this API: turn on logsEnabled and read them in the IONOS Logging Service',
  });
  const onBack = vi.fn();
  const ui = renderScreen(
    <Logs cluster={ch} height={opts.height ?? 12} width={100} readOnly={false} active onBack={onBack} onHelp={vi.fn()} onQuit={vi.fn()} pollMs={opts.pollMs ?? 60_000} />,
    store,
  );
  return { store, ui, onBack };
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('logs screen', () => {
  it('says in one line why a provider has no logs, and fetches nothing', async () => {
    const logs = vi.fn<LogsFn>();
    const { ui, onBack } = setup(logs, { supports: false });
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'IONOS Logging Service');
    expect(logs).not.toHaveBeenCalled();
    await press(ui.stdin, KEY.esc);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('draws only the window that fits with 100,000 lines loaded, newest at the bottom', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => line(i));
    const { ui } = setup(async () => page(lines), { height: 12 });
    unmount = ui.unmount;
    const frame = await waitForFrame(ui.lastFrame, 'message number 99999');
    expect(frame).toContain('100,000 lines');
    expect(frame.split('\n').length).toBeLessThanOrEqual(12);
    // 12 rows: a title, a note line, and 10 log lines: 99990 … 99999.
    expect(frame).toContain('message number 99990');
    expect(frame).not.toContain('message number 99989');
    // Scrolling a page back draws the page before it, still only a window.
    await press(ui.stdin, KEY.up);
    const back = await waitForFrame(ui.lastFrame, 'paused');
    expect(back).toContain('message number 99998');
    expect(back).not.toContain('message number 99999');
    expect(back.split('\n').length).toBeLessThanOrEqual(12);
  });

  it('/ search shows the matching lines (case-insensitive); esc clears it', async () => {
    const lines = [line(1, 'LOG', 'checkpoint starting'), line(2, 'ERROR', 'Deadlock detected'), line(3, 'LOG', 'connection received'), line(4, 'WARNING', 'another deadlock here')];
    const { ui } = setup(async () => page(lines));
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'another deadlock here');
    await press(ui.stdin, '/', ...'DEADLOCK'.split(''), KEY.enter);
    const frame = await waitForFrame(ui.lastFrame, '2 matches');
    expect(frame).toContain('Deadlock detected');
    expect(frame).not.toContain('checkpoint starting');
    expect(frame).not.toContain('connection received');
    await press(ui.stdin, KEY.esc);
    await waitForFrame(ui.lastFrame, 'checkpoint starting');
  });

  it('s filters by severity: warning and worse, then error and worse, then all', async () => {
    const lines = [line(1, 'LOG', 'plain log'), line(2, 'WARNING', 'a warning'), line(3, 'FATAL', 'a fatal one')];
    const { ui } = setup(async () => page(lines));
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'a fatal one');
    await press(ui.stdin, 's');
    let frame = await waitForFrame(ui.lastFrame, 'severity ≥ warning');
    expect(frame).toContain('a warning');
    expect(frame).not.toContain('plain log');
    await press(ui.stdin, 's');
    frame = await waitForFrame(ui.lastFrame, 'severity ≥ error');
    expect(frame).not.toContain('a warning');
    expect(frame).toContain('a fatal one');
    await press(ui.stdin, 's');
    await waitForFrame(ui.lastFrame, 'plain log');
  });

  it('follow: new lines show at the bottom; scrolling back pauses it (the view stays), G resumes', async () => {
    let n = 20;
    const logs = vi.fn<LogsFn>(async (_c, _q, o) => {
      if (o?.poll) n += 1;
      return page(Array.from({ length: n }, (_, i) => line(i)));
    });
    const { ui } = setup(logs, { height: 8, pollMs: 20 });
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'following');
    await waitForFrame(ui.lastFrame, 'message number 21');
    await press(ui.stdin, 'k');
    const paused = await waitForFrame(ui.lastFrame, 'paused (G follows)');
    const bottom = /message number (\d+)\s*$/m.exec(paused.trimEnd())![1]!;
    // More polls arrive while paused: the lines are kept, the view does not move.
    const calls = logs.mock.calls.length;
    await vi.waitFor(() => expect(logs.mock.calls.length).toBeGreaterThan(calls + 2));
    const still = await waitForFrame(ui.lastFrame, (f) => /(\d[\d,]*) lines/.test(f) && Number(/(\d[\d,]*) lines/.exec(f)![1]) > Number(bottom) + 2);
    expect(still).toContain('paused');
    expect(/message number (\d+)\s*$/m.exec(still.trimEnd())![1]).toBe(bottom);
    await press(ui.stdin, 'G');
    await waitForFrame(ui.lastFrame, (f) => f.includes('following') && Number(/message number (\d+)\s*$/m.exec(f.trimEnd())?.[1]) > Number(bottom) + 2);
  });

  it('t moves to the next time range and reloads it; w wraps a long line onto the next rows', async () => {
    const long = `start ${'x'.repeat(150)} tail-end`;
    const logs = vi.fn<LogsFn>(async () => page([line(1, 'LOG', long)]));
    const { ui } = setup(logs);
    unmount = ui.unmount;
    const first = await waitForFrame(ui.lastFrame, 'last 1h');
    expect(first).not.toContain('tail-end');
    const q0 = logs.mock.calls[0]![1];
    expect(q0.to.getTime() - q0.from.getTime()).toBe(3_600_000);
    await press(ui.stdin, 't');
    await waitForFrame(ui.lastFrame, 'last 6h');
    await vi.waitFor(() => expect(logs).toHaveBeenCalledTimes(2));
    const q1 = logs.mock.calls[1]![1];
    expect(q1.to.getTime() - q1.from.getTime()).toBe(6 * 3_600_000);
    expect(logs.mock.calls[1]![2]?.poll).toBeFalsy();
    await press(ui.stdin, 'w');
    const wrapped = await waitForFrame(ui.lastFrame, 'tail-end');
    expect(wrapped).toContain('· wrap');
    await press(ui.stdin, 'r');
    await vi.waitFor(() => expect(logs).toHaveBeenCalledTimes(3));
  });

  it('f turns following off (no more polls, nothing reloaded) and G turns it on again', async () => {
    let n = 5;
    const logs = vi.fn<LogsFn>(async (_c, _q, o) => {
      if (o?.poll) n += 1;
      return page(Array.from({ length: n }, (_, i) => line(i)));
    });
    const { ui } = setup(logs, { pollMs: 20 });
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'message number 6');
    await press(ui.stdin, 'f');
    await waitForFrame(ui.lastFrame, 'follow off (f)');
    // (That no poll is sent while off is not timed here: the chain stops at its next timer, see Logs.tsx.)
    await press(ui.stdin, 'G');
    await waitForFrame(ui.lastFrame, 'following');
    const after = logs.mock.calls.length;
    await vi.waitFor(() => expect(logs.mock.calls.length).toBeGreaterThan(after + 1));
    // Only the first load was a full read; every other call was a follow poll.
    expect(logs.mock.calls.slice(1).every((c) => c[2]?.poll === true)).toBe(true);
  });

  it('shows hostile provider text safe: no escape sequence or bidi override reaches the terminal', async () => {
    const { ui } = setup(async () => page([line(1, 'ERROR\u001b[2J', 'evil \u001b]52;c;cHduZWQ=\u0007 text \u202e reversed \u001b[31mred')]));
    unmount = ui.unmount;
    const frame = await waitForFrame(ui.lastFrame, 'evil');
    expect(frame).toContain('reversed');
    expect(frame).not.toMatch(/\u001b\]52/);
    expect(frame).not.toContain('\u202e');
    expect(frame).not.toContain('\u0007');
    expect(frame).toContain('\ufffd');
  });

  it('budget: loads at user priority, follows at watch priority, and stops polling once closed', async () => {
    const signals: AbortSignal[] = [];
    const logs = vi.fn<LogsFn>(async (_c, _q, o) => {
      if (o?.signal) signals.push(o.signal);
      return page([line(1)]);
    });
    const { ui } = setup(logs, { pollMs: 20 });
    await waitForFrame(ui.lastFrame, 'message number 1');
    await vi.waitFor(() => expect(logs.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(logs.mock.calls[0]![2]?.poll).toBeFalsy();
    expect(logs.mock.calls.slice(1).every((c) => c[2]?.poll === true)).toBe(true);
    ui.unmount();
    // Every request the screen made carries the one signal the screen aborts when it closes: no poll follows.
    expect(signals.length).toBe(logs.mock.calls.length);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});
