// A read-only profile in the TUI (docs/plans.md): every key bound to a change is off on every screen, and every
// writing store intent (the table's writes plus create, update and remove) is refused with 0 writes at the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { CALLS } from '../../src/api/core/operations.js';
import type { Cluster } from '../../src/api/core/types.js';
import { bindingIn } from '../../src/ui/input/keymap.js';
import { SCREENS } from '../../src/ui/registry/screens.js';
import { MUTATING_METHODS } from '../../src/plan/operations.js';
import { createClusterStore } from '../../src/state/store.js';
import type { ClusterStore } from '../../src/state/types.js';
import { rig, type Rig } from '../api/clickhouse-helpers.js';

const NO_KEY = {} as Key;

describe('read-only keys', () => {
  it('no key bound to a change does anything on any screen', () => {
    const rows = Object.entries(SCREENS);
    expect(rows.flatMap(([, row]) => row.keys).filter((b) => b.writes).length).toBeGreaterThan(0);
    for (const [screen, row] of rows) {
      // Every printable key and the named ones the bindings match on.
      for (const input of [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ:/? ']) {
        expect(bindingIn(row.keys, input, NO_KEY, true)?.writes ?? false, `${screen} ${input}`).toBe(false);
      }
    }
  });
});

describe('read-only store', () => {
  let r: Rig;
  let store: ClusterStore;
  let target: Cluster;
  beforeAll(async () => {
    r = await rig({ seed: 5 });
    r.fake.addService({ name: 'main', state: 'running' });
    target = (await r.provider.list()).clusters.find((c) => c.name === 'main')!;
    store = createClusterStore({ profiles: [{ kind: 'clickhouse', name: 'ch', apiUrl: r.fake.url, keyId: r.fake.keyId, keySecret: r.fake.keySecret, protection: 'read-only' }], providerFor: () => r.provider });
    r.fake.requests.length = 0;
  });
  afterAll(async () => {
    await store.stop();
    await r.close();
  });

  it('refuses every writing intent before a request', async () => {
    const writing = (Object.keys(CALLS) as Array<keyof typeof CALLS>).filter((n) => CALLS[n].writes);
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ...writing.map((n): [string, () => Promise<unknown>] => [n, () => (store[n] as (c: Cluster, ...a: unknown[]) => Promise<unknown>)(target, { work_mem: '64MB' })]),
      ['create', () => store.create('ch', { name: 'x' })],
      ['update', () => store.update(target, { size: 'r8gd.xlarge' })],
      ['remove', () => store.remove(target)],
    ];
    expect(new Set(attempts.map(([n]) => CALLS[n as keyof typeof CALLS]?.method ?? n))).toEqual(new Set(MUTATING_METHODS));
    for (const [name, run] of attempts) await expect(run(), name).rejects.toThrow(/read-only/);
    expect(r.fake.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });
});
