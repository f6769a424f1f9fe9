// The screens inside a cluster reached through the App: l, m and Q from the detail screen, esc back to it,
// nothing fetched for a screen that is not open, the unsupported line, switchover by typed name, and the help
// screen listing the new keys.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster } from '../../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { cluster, fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';
import { helpText } from '../help-text.js';

const PROFILES: Profile[] = [
  { kind: 'ionos-v2', name: 'prod', username: 'u', password: 'p' },
  { kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' },
];
const CLUSTERS: Cluster[] = [
  cluster({ id: 'a', name: 'alpha', profile: 'prod' }),
  cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', state: 'running' }),
];
const INSIDE = new Set(['logs', 'metrics', 'slowQueries', 'switchover', 'settings']);

function setup() {
  const store = fakeStore({
    profiles: PROFILES,
    supports: (c, cap) => c.provider === 'clickhouse' && INSIDE.has(cap),
    unsupportedReason: (_c, cap) => (cap === 'logs' ? 'IONOS v2 sends logs to the IONOS Logging Service (logsEnabled), not to this API' : `${cap} is not available here`),
    logs: async () => ({ lines: [{ at: '2026-11-30T00:00:00.000Z', severity: 'LOG', message: 'checkpoint complete' }], truncated: false }),
    metrics: async () => [{ key: 'cpu', name: 'CPU usage', unit: '%', points: [1, 5, 3, 9].map((value, i) => ({ at: i * 60_000, value })) }],
    slowQueries: async () => [
      { id: 'q1', query: 'SELECT 1', calls: 10, errors: 0, totalMs: 50, avgMs: 5 },
      { id: 'q2', query: 'SELECT * FROM orders WHERE id = $1', calls: 900, errors: 2, totalMs: 90_000, avgMs: 100, p95Ms: 400 },
    ],
    slowQueryDetail: async () => ({ recent: [{ at: '2026-11-30T00:01:00Z', durationMs: 420, rows: 1, user: 'app', error: 'canceling statement due to statement timeout' }] }),
    switchover: async () => undefined,
    readSettings: async () => ({ values: { work_mem: '4MB' }, specs: [{ key: 'work_mem', group: 'postgres', kind: 'int', units: true }] }),
  });
  store.setClusters(CLUSTERS);
  const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />);
  return { store, app };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function openCharlie(app: ReturnType<typeof setup>['app']) {
  await until(app.lastFrame, /❯ alpha/);
  await press(app.stdin, 'j');
  await until(app.lastFrame, /❯ charlie/);
  await press(app.stdin, KEY.enter);
  await until(app.lastFrame, /charlie\s+ready/);
}

describe('inside a cluster, from the detail screen', () => {
  it('fetches nothing until a screen opens, and only that screen\'s data while it is open', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await openCharlie(app);
    expect(store.logs).not.toHaveBeenCalled();
    expect(store.metrics).not.toHaveBeenCalled();
    expect(store.slowQueries).not.toHaveBeenCalled();

    await press(app.stdin, 'l');
    await until(app.lastFrame, 'checkpoint complete');
    expect(store.logs).toHaveBeenCalledTimes(1);
    expect(store.metrics).not.toHaveBeenCalled();
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /charlie\s+ready/);

    await press(app.stdin, 'm');
    const metrics = await until(app.lastFrame, 'CPU usage');
    expect(metrics).toMatch(/CPU usage\s+▁▅▃█/);
    expect(metrics).toContain('9%');
    expect(store.metrics).toHaveBeenCalledTimes(1);
    expect(store.metrics.mock.calls[0]![2]?.poll).toBe(false);
    expect(store.slowQueries).not.toHaveBeenCalled();
    expect(metrics).not.toContain('enter open');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /charlie\s+ready/);
    expect(store.logs).toHaveBeenCalledTimes(1);
  });

  it('Q lists slow queries worst first; enter shows one pattern with its recent executions; esc goes back', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await openCharlie(app);
    await press(app.stdin, 'Q');
    const list = await until(app.lastFrame, 'SELECT 1');
    expect(list.indexOf('FROM orders')).toBeLessThan(list.indexOf('SELECT 1'));
    await press(app.stdin, KEY.enter);
    const detail = await until(app.lastFrame, 'statement timeout');
    expect(detail).toContain('420 ms');
    expect(store.slowQueryDetail.mock.calls[0]![1]).toMatchObject({ id: 'q2' });
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, 'worst first');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /charlie\s+ready/);
  });

  it('a provider without logs says why in one line, and nothing is fetched', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, KEY.enter);
    await until(app.lastFrame, /alpha\s+ready/);
    await press(app.stdin, 'l');
    await until(app.lastFrame, 'IONOS Logging Service');
    expect(store.logs).not.toHaveBeenCalled();
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /alpha\s+ready/);
  });

  it('O switches over after the typed name (ClickHouse); refused in one line elsewhere', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, KEY.enter);
    await until(app.lastFrame, /alpha\s+ready/);
    await press(app.stdin, 'O');
    await until(app.lastFrame, 'switchover is not available here');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'j');
    await until(app.lastFrame, /❯ charlie/);
    await press(app.stdin, KEY.enter);
    await until(app.lastFrame, /charlie\s+ready/);
    await press(app.stdin, 'O');
    await until(app.lastFrame, 'Switch charlie over to its standby?');
    await press(app.stdin, ...'charlie'.split(''), KEY.enter);
    await until(app.lastFrame, 'charlie');
    await vi.waitFor(() => expect(store.switchover).toHaveBeenCalledTimes(1));
    expect(store.switchover.mock.calls[0]![0].name).toBe('charlie');
  });

  it('C opens the settings form; ctrl-c with typed input asks first, esc returns to the detail', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await openCharlie(app);
    await press(app.stdin, 'C');
    await until(app.lastFrame, 'Settings of charlie');
    expect(store.readSettings).toHaveBeenCalledTimes(1);
    await press(app.stdin, '8');
    await press(app.stdin, '\u0003');
    await until(app.lastFrame, 'unsaved input in this form');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /charlie\s+ready/);
  });

  it('the help screen lists the keys of its screen, and the logs footer keeps ? help and q quit', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await openCharlie(app);
    await press(app.stdin, '?');
    const help = await helpText(app);
    for (const text of [/l\s+logs/, /m\s+metrics/, /Q\s+slow queries/, /C\s+settings/, /O\s+switchover/]) expect(help).toMatch(text);
    expect(help).not.toContain('logs: search');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /charlie\s+ready/);
    await press(app.stdin, 'l');
    const logs = await until(app.lastFrame, 'checkpoint complete');
    const footer = logs.trimEnd().split('\n').at(-1)!;
    expect(footer).toContain('? help');
    expect(footer).toContain('q quit');
    expect(footer).toContain('/ search');
    await press(app.stdin, '?');
    const logsHelp = await helpText(app);
    for (const text of [/\/\s+logs: search/, /s\s+logs: severity/, /w\s+logs: wrap/, /t\s+time range/, /f\s+logs: follow/, /G\s+last row \/ follow/]) expect(logsHelp).toMatch(text);
    expect(logsHelp).not.toContain('create a cluster');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, 'checkpoint complete');
  });
});
