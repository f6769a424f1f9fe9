// Fleet health in the list (ink-testing-library): the HEALTH column with each cluster's worst verdict, `s`
// cycling to it (worst first), F showing the faults only (and the header saying so), the detail screen's
// Health section with each non-green check's evidence and next action, and F in the footer and in `?`.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster } from '../../../src/api/core/types.js';
import type { CheckResult, Verdict } from '../../../src/diagnose/types.js';
import { DEFAULT_SETTINGS, type ClusterHealth } from '../../../src/state/types.js';
import { hintsOf } from '../../../src/ui/registry/screens.js';
import { cluster, fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { waitForFrame as until } from '../forms/keys.js';

const PROFILES: Profile[] = [
  { kind: 'ionos-v2', name: 'prod', username: 'u', password: 'p' },
  { kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' },
];
const CLUSTERS: Cluster[] = [
  cluster({ id: 'a', name: 'alpha', profile: 'prod' }),
  cluster({ id: 'b', name: 'bravo', profile: 'prod', phase: 'failed', state: 'FAILED' }),
  cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', state: 'running' }),
  cluster({ id: 'd', name: 'delta', profile: 'ch', provider: 'clickhouse', state: 'running' }),
  cluster({ id: 'e', name: 'echo', profile: 'ch', provider: 'clickhouse', state: 'running' }),
];

const check = (id: string, verdict: Verdict, evidence: string, action = ''): CheckResult => ({ id, title: id === 'backup-age' ? 'Last successful backup' : `Check ${id}`, source: 'provider', verdict, evidence, action });
const judged = (verdict: Verdict, reason: string, checks: CheckResult[]): ClusterHealth => ({ verdict, reason, checks, since: Date.UTC(2026, 0, 1, 9, 30) });

const HEALTH = new Map<string, ClusterHealth>([
  ['prod/a', judged('green', 'every check passed', [check('phase', 'green', 'ready (AVAILABLE)')])],
  ['prod/b', judged('red', 'phase: failed (FAILED)', [check('phase', 'red', 'failed (FAILED)', 'open a support case with the provider'), check('backup-age', 'yellow', 'newest backup 30 h ago', 'check that the daily backup ran'), check('disk', 'unknown', 'not read yet')])],
  ['ch/c', judged('yellow', 'backup-age: newest backup 30 h ago', [check('backup-age', 'yellow', 'newest backup 30 h ago', 'check that the daily backup ran')])],
  ['ch/d', judged('unknown', 'no answer from the provider since 10:31:05', [])],
  ['ch/e', judged('green', 'every check passed', [check('phase', 'green', 'ready (running)')])],
]);

function setup(health: ReadonlyMap<string, ClusterHealth> | null = HEALTH) {
  const store = fakeStore({ profiles: PROFILES, connection: () => ({ host: 'h.example', port: 5432, database: 'postgres', user: 'admin', sslmode: 'require' }) });
  store.setClusters(CLUSTERS, health ? { health } : {});
  const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
  return { store, app };
}

const rowOf = (frame: string, name: string) => frame.split('\n').find((l) => l.includes(` ${name} `)) ?? '';
const names = (frame: string) => frame.split('\n').map((l) => /^[❯ ] (\w+)\s/.exec(l)?.[1]).filter((n): n is string => Boolean(n) && n !== 'NAME');

/** Scrolls the detail screen a line at a time until `text` is in view. */
async function scrollTo(app: { lastFrame(): string | undefined; stdin: { write(s: string): void } }, text: string): Promise<string> {
  for (let i = 0; i < 40 && !app.lastFrame()!.includes(text); i++) {
    const before = app.lastFrame();
    app.stdin.write('j');
    await until(app.lastFrame, (f) => f !== before, 1_000).catch(() => undefined);
  }
  return app.lastFrame()!;
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('fleet health in the list', () => {
  it('F is in the footer where there is room (it gives way first when the terminal is narrow)', () => {
    expect(hintsOf('list', false, 200)).toContainEqual(['F', 'faults']);
    expect(hintsOf('list', false, 200).findIndex(([k]) => k === 'F')).toBeGreaterThan(hintsOf('list', false, 200).findIndex(([k]) => k === 'ctrl-d'));
  });

  it('shows a HEALTH column with each cluster\'s worst verdict', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    const frame = await until(app.lastFrame, 'alpha');
    expect(frame).toMatch(/NAME▲?\s+PHASE\s+HEALTH\s+PROFILE/);
    expect(rowOf(frame, 'alpha')).toMatch(/AVAILABLE\s+GREEN\s+prod/);
    expect(rowOf(frame, 'bravo')).toMatch(/failed\s+RED\s+prod/);
    expect(rowOf(frame, 'charlie')).toContain('YELLOW');
    expect(rowOf(frame, 'delta')).toContain('UNKNOWN');
  });

  it('has no HEALTH column when the store does not judge health', async () => {
    const { app } = setup(null);
    cleanup = app.unmount;
    expect(await until(app.lastFrame, 'alpha')).not.toContain('HEALTH');
  });

  it('s cycles to HEALTH and sorts worst first; S reverses', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, 'alpha');
    app.stdin.write('s');
    await until(app.lastFrame, 'PHASE▲');
    app.stdin.write('s');
    const frame = await until(app.lastFrame, 'HEALTH▲');
    expect(names(frame)).toEqual(['bravo', 'charlie', 'delta', 'alpha', 'echo']);
    app.stdin.write('S');
    expect(names(await until(app.lastFrame, 'HEALTH▼'))).toEqual(['echo', 'alpha', 'delta', 'charlie', 'bravo']);
  });

  it('F shows exactly the clusters that are not green, the header says so, F again shows all', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, 'alpha');
    app.stdin.write('F');
    const faults = await until(app.lastFrame, 'with faults');
    expect(faults).toContain('3/5 clusters with faults (not green)');
    expect(names(faults).sort()).toEqual(['bravo', 'charlie', 'delta']);
    app.stdin.write('F');
    const back = await until(app.lastFrame, (f) => !f.includes('with faults') && f.includes('echo'));
    expect(names(back)).toHaveLength(5);
  });

  it('F with every cluster green says there is nothing to show', async () => {
    const green = new Map([...HEALTH].map(([k, h]) => [k, { ...h, verdict: 'green' as const }]));
    const { app } = setup(green);
    cleanup = app.unmount;
    await until(app.lastFrame, 'alpha');
    app.stdin.write('F');
    expect(await until(app.lastFrame, 'no faults')).toContain('every cluster is green (F shows them all)');
  });

  it('the detail screen shows the verdict, each non-green check with its evidence and next action', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, 'alpha');
    app.stdin.write('j\r');
    // The verdict on the title line; the section below the state timeline, scrolled to.
    expect((await until(app.lastFrame, 'Connection')).split('\n')[1]).toMatch(/bravo\s+failed \(FAILED\)\s+health RED/);
    const frame = await scrollTo(app, '(disk): not read yet');
    expect(frame).toContain('RED  phase: failed (FAILED)');
    expect(frame).toMatch(/RED\s+Check phase \(phase\): failed \(FAILED\)/);
    expect(frame).toContain('→ open a support case with the provider');
    expect(frame).toMatch(/YELLOW\s+Last successful backup \(backup-age\): newest backup 30 h ago/);
    expect(frame).toContain('→ check that the daily backup ran');
    expect(frame).toMatch(/UNKNOWN\s+Check disk \(disk\): not read yet/);
  });

  it('an unknown verdict says since when there was no answer, in the detail screen', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, 'alpha');
    app.stdin.write('jjj\r');
    await until(app.lastFrame, 'Connection');
    expect(await scrollTo(app, 'no answer from the provider')).toContain('UNKNOWN  no answer from the provider since 10:31:05');
  });

  it('? lists F', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, 'alpha');
    app.stdin.write('?');
    await until(app.lastFrame, 'Keys');
    // The help scrolls: down a line at a time until F's line is in view (the help has fewer than 60 lines).
    for (let i = 0; i < 60 && !app.lastFrame()!.includes('faults only'); i++) {
      const before = app.lastFrame();
      app.stdin.write('j');
      await until(app.lastFrame, (f) => f !== before || f.includes('faults only'), 1_000).catch(() => undefined);
    }
    expect(app.lastFrame()).toMatch(/F\s+faults only \(health not green\) \/ all/);
  });
});
