// The intents behind the TUI's backups and health screens: restore runs once at user priority, is refused on a
// read-only profile before any request, and a cluster it restores into is listed at once; PGO's health reads
// (disk use, reachability, failover targets) are one call each; a provider without one is refused in one line.
import { afterEach, describe, expect, it } from 'vitest';
import { currentContext, type Priority } from '../../src/api/core/budget.js';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster, Identity, ListResult, Provider, RestoreRequest } from '../../src/api/core/types.js';
import { createClusterStore } from '../../src/state/store.js';
import type { ClusterStore } from '../../src/state/types.js';

const c: Cluster = { profile: 'p', provider: 'pgo', id: 'c1', name: 'hippo', phase: 'ready', state: 'pgcluster Initialized', raw: {} };

function stub(withOps = true) {
  const calls: Array<{ op: string; priority: Priority | undefined; args: unknown[] }> = [];
  const log = (op: string, ...args: unknown[]) => calls.push({ op, priority: currentContext()?.priority, args });
  const base = {
    kind: 'pgo' as const,
    profile: 'p',
    verify: async (): Promise<Identity> => ({ summary: 'stub' }),
    list: async (): Promise<ListResult> => ({ clusters: [c], failures: [], warnings: [], duplicates: [] }),
    get: async () => c,
    createForm: async () => ({ title: '', fields: [], validate: () => ({}) }),
    create: async () => c,
    remove: async () => undefined,
    connection: () => ({ host: 'h', port: 5432, user: 'u', database: 'd' }),
  };
  const ops = {
    restore: async (_c: Cluster, req: RestoreRequest) => (log('restore', req), { ...c, id: 'c2', name: 'hippo restored', phase: 'creating' as const }),
    diskUsage: async () => (log('diskUsage'), [{ instance: 'hippo', pod: 'hippo-0', kind: 'data', volume: 'v', usedBytes: 1, capacityBytes: 2 }]),
    reachability: async () => (log('reachability'), [{ what: 'instance', role: 'primary', name: 'hippo-0', available: true }]),
    failoverTargets: async () => (log('failoverTargets'), []),
  };
  return { provider: (withOps ? { ...base, ...ops } : base) as unknown as Provider, calls };
}

let store: ClusterStore | undefined;
afterEach(async () => {
  await store?.stop();
  store = undefined;
});
const make = (provider: Provider, readOnly = false) => {
  const profile = { kind: 'pgo', name: 'p', apiUrl: 'https://x', namespace: 'n', username: 'u', password: 'pw', ...(readOnly ? { readOnly } : {}) } as Profile;
  return (store = createClusterStore({ profiles: [profile], providerFor: () => provider, random: () => 0.5 }));
};

describe('restore and health intents', () => {
  it('restore asks once at user priority and lists the cluster it restored into at once', async () => {
    const { provider, calls } = stub();
    const s = make(provider);
    const restored = await s.restore(c, { targetTime: '2026-12-06T08:00:00Z' });
    expect(restored.name).toBe('hippo restored');
    expect(calls).toEqual([{ op: 'restore', priority: 'user', args: [{ targetTime: '2026-12-06T08:00:00Z' }] }]);
    expect(s.getSnapshot().clusters.find((x) => x.id === 'c2')?.phase).toBe('creating');
  });

  it('a read-only profile refuses restore before any request; the health reads still run', async () => {
    const { provider, calls } = stub();
    const s = make(provider, true);
    await expect(s.restore(c, { backupId: 'b1' })).rejects.toThrow('profile p is read-only: restoring from a backup is disabled');
    await s.diskUsage(c);
    await s.reachability(c);
    await s.failoverTargets(c);
    expect(calls.map((x) => [x.op, x.priority])).toEqual([['diskUsage', 'user'], ['reachability', 'user'], ['failoverTargets', 'user']]);
  });

  it('a provider without them is refused in one line', async () => {
    const s = make(stub(false).provider);
    await expect(s.diskUsage(c)).rejects.toThrow('disk usage is not available for Crunchy PGO clusters');
    await expect(s.restore(c, { backupId: 'b1' })).rejects.toThrow('restoring from a backup is not available for Crunchy PGO clusters');
  });
});
