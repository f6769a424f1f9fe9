// One path for every change (docs/plans.md): the mutating operations are enumerated from the operations table,
// each store intent behind one applies a plan (and is journalled), and with plans required no provider write
// is reachable any other way: a direct call is refused before it reaches the fake.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLS } from '../../src/api/core/operations.js';
import type { Cluster } from '../../src/api/core/types.js';
import { requirePlans } from '../../src/api/core/write-scope.js';
import { openJournal } from '../../src/plan/journal.js';
import { MUTATING_METHODS } from '../../src/plan/operations.js';
import { createClusterStore } from '../../src/state/store.js';
import type { ClusterStore } from '../../src/state/types.js';
import { rig, type Rig } from '../api/clickhouse-helpers.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const writes = (r: Rig) => r.fake.requests.filter((q) => q.method !== 'GET');

describe('the mutating operations', () => {
  it('are enumerated from the operations table plus create, remove and update', () => {
    expect([...MUTATING_METHODS].sort()).toEqual(['create', 'promote', 'remove', 'resetPassword', 'restart', 'restore', 'switchover', 'update', 'updateSettings']);
  });

  it('only src/plan/apply.ts opens the scope in which writes may go out', () => {
    const openers = files(SRC).filter((f) => /\bapplyingPlan\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(openers.sort()).toEqual(['api/core/write-scope.ts', 'plan/apply.ts']);
  });
});

describe('with plans required', () => {
  let r: Rig;
  let primary: Cluster;
  let replica: Cluster;
  let store: ClusterStore;
  let stateDir: string;

  beforeAll(async () => {
    r = await rig({ seed: 3 });
    const p = r.fake.addService({ name: 'main', state: 'running', haType: 'async', firstBackupAt: 0 });
    r.fake.addService({ name: 'main-replica', state: 'running', isPrimary: false, parentId: p.id });
    const list = (await r.provider.list()).clusters;
    primary = list.find((c) => c.name === 'main')!;
    replica = list.find((c) => c.name === 'main-replica')!;
    stateDir = mkdtempSync(join(tmpdir(), 'pgtui-plan-'));
    store = createClusterStore({ profiles: [{ kind: 'clickhouse', name: 'ch', apiUrl: r.fake.url, keyId: r.fake.keyId, keySecret: r.fake.keySecret }], providerFor: () => r.provider, journal: openJournal(stateDir) });
    requirePlans(true);
  });
  afterEach(() => {
    r.fake.requests.length = 0;
  });
  afterAll(async () => {
    requirePlans(false);
    await store.stop();
    await r.close();
  });

  it('a direct call of every mutating provider method is refused before any write reaches the fake', async () => {
    const direct: Record<string, () => Promise<unknown>> = {
      create: () => r.provider.create({ mode: 'new', name: 'x', provider: 'aws', region: 'us-west-2', postgresVersion: '18', size: 'r8gd.large', haType: 'none' }),
      remove: () => r.provider.remove(primary.id),
      update: () => r.provider.update(primary, { size: 'r8gd.xlarge' }),
      updateSettings: () => r.provider.updateSettings(primary, { work_mem: '64MB' }),
      restart: () => r.provider.restart(primary.id),
      promote: () => r.provider.promote(replica.id),
      switchover: () => r.provider.switchover(primary.id),
      resetPassword: () => r.provider.resetPassword(primary.id),
      restore: () => r.provider.restore(primary, { targetTime: new Date().toISOString() }),
    };
    expect(Object.keys(direct).sort()).toEqual([...MUTATING_METHODS].sort());
    for (const [name, call] of Object.entries(direct)) {
      await expect(call(), name).rejects.toThrow(/outside a reviewed plan/);
    }
    expect(writes(r)).toEqual([]);
  });

  it('every writing store intent applies a plan: the write reaches the fake and the journal has its entry', async () => {
    const writing = (Object.keys(CALLS) as Array<keyof typeof CALLS>).filter((n) => CALLS[n].writes);
    expect(writing.sort()).toEqual(['promote', 'resetPassword', 'restart', 'restore', 'switchover', 'updateSettings']);
    const runs: Record<string, () => Promise<unknown>> = {
      restart: () => store.restart(primary),
      promote: () => store.promote(replica),
      switchover: () => store.switchover(primary),
      resetPassword: () => store.resetPassword(primary),
      updateSettings: () => store.updateSettings(primary, { work_mem: '64MB' }),
      restore: () => store.restore(primary, { targetTime: new Date(Date.now() - 60_000).toISOString() }),
    };
    for (const name of writing) {
      r.fake.settle();
      const before = writes(r).length;
      // The fake may refuse a second state command while the first settles: what counts is that it was sent.
      await runs[name]!().catch(() => undefined);
      r.advance(60_000);
      expect(writes(r).length, name).toBe(before + 1);
    }
    const entries = openJournal(stateDir).read();
    expect(entries.map((e) => e.operation)).toEqual(writing);
    for (const e of entries) expect(e.outcome === 'ok' || e.error).toBeTruthy();
  });

  it('create, update and remove (the intents the table writes out) apply a plan too', async () => {
    const journal = openJournal(stateDir);
    const before = journal.read().length;
    await store.update(primary, { size: 'r8gd.xlarge' }).catch(() => undefined);
    await store.create('ch', { mode: 'new', name: 'fresh', provider: 'aws', region: 'us-west-2', postgresVersion: '18', size: 'r8gd.large', haType: 'none' });
    await store.remove(replica);
    expect(writes(r).map((w) => w.method)).toEqual(['PATCH', 'POST', 'DELETE']);
    expect(journal.read().slice(before).map((e) => [e.operation, e.cluster.name])).toEqual([['update', 'main'], ['create', 'fresh'], ['remove', 'main-replica']]);
  });
});
