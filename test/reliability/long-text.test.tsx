// Long provider text never reaches Ink's layout (src/text/safe.ts forScreen, the stored-line cap): a 200 KB
// cluster name and 80 log lines of 100 KB, each holding one non-ASCII character (what made string-width and
// yoga take minutes), through every screen of the App; on each, the longest text Ink is given to measure is
// screen-sized (counted in Ink's own tree, ./ink-layout.ts), and q quits. The frame times are a bench figure
// (`npm run bench -- long-text`, bench/long-text.tsx), not asserted here.
import { render } from 'ink-testing-library';
import { useEffect } from 'react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/app.js';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster } from '../../src/api/core/types.js';
import { sanitize } from '../../src/present/format.js';
import { DEFAULT_SETTINGS } from '../../src/state/types.js';
import { capStored, forScreen, oneLine, SCREEN_CELLS, STORED_LINE_MAX } from '../../src/text/safe.js';
import { LogBuffer } from '../../src/ui/models/log-view.js';
import { cluster, fakeProfilesApi, fakeStore } from '../screens/forms/doubles.js';
import { KEY, press, waitForFrame } from '../screens/forms/keys.js';
import { firstUnsafe } from './hostile.js';
import { longestLaidOutText } from './ink-layout.js';
import { Tally } from './rigs.js';
import { until } from '../poll.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/long-text')));

/**
 * The longest text one <Text> may hand to Ink: a few values cut to a screen's worth of cells each (forScreen; the
 * detail's title holds the name and the state message) and their labels. Below the 8 KB a stored line keeps, far
 * below the 200 KB name: the old code handed Ink those whole and took 15 s to minutes per frame.
 */
const LAID_OUT_MAX = 4 * SCREEN_CELLS;
const LONG_NAME = `${'n'.repeat(100_000)}é${'m'.repeat(100_000)}`;
const LONG_LINE = (i: number) => `line ${i} ${'x'.repeat(50_000)}é${'y'.repeat(50_000)}`;

describe('forScreen and the stored cap', () => {
  it('cut before anything is measured: bounded, marked, safe, and short text unchanged', () => {
    tally.try('forScreen');
    const shown = forScreen(`${LONG_NAME}\u001b[2J`);
    expect(shown.length).toBeLessThanOrEqual(SCREEN_CELLS);
    expect(shown.endsWith('…')).toBe(true);
    expect(forScreen('short é\u0007', 80)).toBe('short é\ufffd');
    expect(forScreen('😀'.repeat(10), 4)).toBe('😀…');
    expect(forScreen('abcdef', 4)).toBe('abc…');
    expect(firstUnsafe(forScreen(`a\u009b31m${'é'.repeat(5000)}`, 100))).toBeUndefined();
    expect(capStored(LONG_NAME).length).toBe(STORED_LINE_MAX);
    expect(oneLine(`${'\n'.repeat(1_000_000)}x`).length).toBeLessThanOrEqual(300);
    // sanitize takes one argument: as a .map() callback the index must not become a width.
    expect(['abc', 'def', 'ghi'].map(sanitize)).toEqual(['abc', 'def', 'ghi']);
    expect(sanitize(LONG_NAME).length).toBeLessThanOrEqual(SCREEN_CELLS);
    tally.ok('forScreen');
  });
});

function Probe({ onGone }: { onGone: () => void }) {
  useEffect(() => onGone, [onGone]);
  return null;
}

const PROFILES: Profile[] = [{ kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' }];
const CLUSTERS: Cluster[] = [
  cluster({ id: 'a', name: 'alpha', profile: 'ch', provider: 'clickhouse', state: 'running' }),
  cluster({ id: 'l', name: LONG_NAME, profile: 'ch', provider: 'clickhouse', state: `running ${LONG_NAME}`, stateMessage: LONG_NAME, raw: { note: LONG_NAME, [LONG_NAME]: 'key' } }),
];
const INSIDE = new Set(['logs', 'metrics', 'slowQueries', 'settings']);

/** Runs `step`, waits (bounded: a hang guard) for the frame it leads to, and checks what Ink was given to lay out. */
async function drawn(what: string, longest: number[], step: () => Promise<void>, app: { lastFrame(): string | undefined; stdout: object }, want: (f: string) => boolean): Promise<string> {
  await step();
  const f = await waitForFrame(app.lastFrame, want, 30_000);
  const laidOut = longestLaidOutText(app.stdout);
  longest.push(laidOut);
  expect(laidOut, `${what}: the longest text Ink lays out`).toBeLessThanOrEqual(LAID_OUT_MAX);
  return f;
}

describe('every screen with a 200 KB name and 80 × 100 KB log lines', () => {
  it('list, detail, j, logs, wrap, metrics, settings, slow queries and help: Ink lays out screen-sized text only; q quits', async () => {
    tally.try('screens');
    const store = fakeStore({
      profiles: PROFILES,
      supports: (_c, cap) => INSIDE.has(cap),
      unsupportedReason: () => 'not here',
      logs: async () => ({ lines: Array.from({ length: 80 }, (_, i) => ({ at: new Date(Date.UTC(2026, 11, 7) + i).toISOString(), severity: 'LOG', message: LONG_LINE(i) })), truncated: false }),
      metrics: async () => [{ key: 'cpu', name: `CPU ${LONG_NAME}`, unit: '%', points: [1, 5].map((value, i) => ({ at: i * 60_000, value })) }],
      slowQueries: async () => [{ id: 'q1', query: `SELECT ${LONG_NAME}`, calls: 10, errors: 0, totalMs: 50, avgMs: 5 }],
      readSettings: async () => ({ values: { work_mem: LONG_NAME }, specs: [{ key: 'work_mem', group: 'postgres', kind: 'text' }] }),
    });
    store.setClusters(CLUSTERS);
    let gone = false;
    const longest: number[] = [];
    const app = render(
      <>
        <App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />
        <Probe onGone={() => void (gone = true)} />
      </>,
    );
    try {
      await drawn('list', longest, async () => {}, app, (s) => s.includes('❯ alpha') && s.includes('nnnn'));
      await drawn('j to the long name', longest, () => press(app.stdin, 'j'), app, (s) => /❯ n{5}/.test(s));
      await drawn('detail', longest, () => press(app.stdin, KEY.enter), app, (s) => s.includes('Connection'));
      await drawn('j on the detail', longest, () => press(app.stdin, 'j'), app, (s) => s.includes('Connection'));
      await drawn('logs', longest, () => press(app.stdin, 'l'), app, (s) => s.includes('line 79 xxx') && s.includes('line 61 xxx'));
      await drawn('logs wrapped', longest, () => press(app.stdin, 'w'), app, (s) => /^x{50,}/m.test(s));
      await drawn('logs k', longest, () => press(app.stdin, 'k'), app, (s) => s.includes('line 78 xxx'));
      await drawn('back to the detail', longest, () => press(app.stdin, KEY.esc), app, (s) => s.includes('Connection'));
      await drawn('metrics', longest, () => press(app.stdin, 'm'), app, (s) => s.includes('CPU nnn'));
      await drawn('back', longest, () => press(app.stdin, KEY.esc), app, (s) => s.includes('Connection'));
      await drawn('slow queries', longest, () => press(app.stdin, 'Q'), app, (s) => s.includes('SELECT nnn'));
      await drawn('back', longest, () => press(app.stdin, KEY.esc), app, (s) => s.includes('Connection'));
      await drawn('settings', longest, () => press(app.stdin, 'C'), app, (s) => s.includes('work_mem'));
      await drawn('back', longest, () => press(app.stdin, KEY.esc), app, (s) => s.includes('Connection'));
      await drawn('help', longest, () => press(app.stdin, '?'), app, (s) => /Keys \(esc or \? closes\)/.test(s) && !s.includes('Connection'));
      await drawn('back', longest, () => press(app.stdin, KEY.esc), app, (s) => s.includes('Connection'));
      const frame = app.lastFrame() ?? '';
      for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(SCREEN_CELLS);
      await press(app.stdin, 'q');
      await until(() => gone, 15_000); // a hang guard
      expect(gone, 'q quits').toBe(true);
      console.log(`long-text: the longest text Ink laid out on any screen: ${Math.max(...longest)} characters (the name is ${LONG_NAME.length})`);
      tally.ok('screens');
    } finally {
      app.unmount();
    }
  }, 120_000);
});

describe('the logs model keeps a bounded line', () => {
  it('a 100 KB line is stored cut to the cap, marked', () => {
    tally.try('stored cap');
    const b = new LogBuffer();
    b.add([{ at: '2026-12-07T00:00:00.000Z', severity: 'LOG', message: LONG_LINE(1) }]);
    expect(b.entries[0]!.text.length).toBe(STORED_LINE_MAX);
    expect(b.entries[0]!.text.endsWith('…')).toBe(true);
    tally.ok('stored cap');
  });
});
