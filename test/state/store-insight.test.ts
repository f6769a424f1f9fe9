// The store's intents for what is inside a cluster (issue 16): each calls its provider method once, at the
// budget's user priority when a key asked and at watch priority for a screen's own refresh (follow, metrics);
// settings changes are refused on a read-only profile; a provider without the method is refused in one line.
import { afterEach, describe, expect, it } from 'vitest';
import { currentContext, type Priority } from '../../src/api/core/budget.js';
import type { LogQuery, TimeRange } from '../../src/api/core/insight.js';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster, Identity, ListResult, Provider } from '../../src/api/core/types.js';
import { createClusterStore } from '../../src/state/store.js';
import type { ClusterStore } from '../../src/state/types.js';

const c: Cluster = { profile: 'ch', provider: 'clickhouse', id: 'c1', name: 'db', phase: 'ready', state: 'running', raw: {} };

function stub(withInsight = true) {
  const calls: Array<{ op: string; priority: Priority | undefined; args: unknown[] }> = [];
  const log = (op: string, ...args: unknown[]) => calls.push({ op, priority: currentContext()?.priority, args });
  const base = {
    kind: 'clickhouse' as const,
    profile: 'ch',
    verify: async (): Promise<Identity> => ({ summary: 'stub' }),
    list: async (): Promise<ListResult> => ({ clusters: [c], failures: [], warnings: [], duplicates: [] }),
    get: async () => c,
    createForm: async () => ({ title: '', fields: [], validate: () => ({}) }),
    create: async () => c,
    remove: async () => undefined,
    connection: () => ({ host: 'h', port: 5432, user: 'u', database: 'd' }),
  };
  const insight = {
    logs: async (_c: Cluster, q: LogQuery) => (log('logs', q), { lines: [], truncated: false }),
    metrics: async (_c: Cluster, r: TimeRange) => (log('metrics', r), []),
    slowQueries: async (_c: Cluster, r: TimeRange) => (log('slowQueries', r), []),
    slowQueryDetail: async (_c: Cluster, id: string) => (log('slowQueryDetail', id), { recent: [] }),
    readSettings: async () => (log('readSettings'), { values: {}, specs: [] }),
    updateSettings: async (_c: Cluster, changes: Record<string, string>) => (log('updateSettings', changes), { values: changes }),
    switchover: async (id: string) => (log('switchover', id), { ...c, phase: 'updating' as const, state: 'switching-over' }),
  };
  return { provider: (withInsight ? { ...base, ...insight } : base) as unknown as Provider, calls };
}

let store: ClusterStore | undefined;
afterEach(async () => {
  await store?.stop();
  store = undefined;
});
const make = (provider: Provider, readOnly = false) => {
  const profile = { kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's', ...(readOnly ? { readOnly } : {}) } as Profile;
  return (store = createClusterStore({ profiles: [profile], providerFor: () => provider, random: () => 0.5 }));
};

describe('store intents inside a cluster', () => {
  it('a key asks at user priority, a screen refresh at watch priority', async () => {
    const { provider, calls } = stub();
    const s = make(provider);
    const range = { from: new Date(0), to: new Date(1000) };
    await s.logs(c, { ...range, limit: 10 });
    await s.logs(c, { ...range, limit: 10 }, { poll: true });
    await s.metrics(c, range, { poll: true });
    await s.slowQueries(c, range);
    await s.slowQueryDetail(c, { id: 'q1', database: 'postgres', user: 'app', operation: 'SELECT' });
    await s.readSettings(c);
    expect(calls.map((x) => [x.op, x.priority])).toEqual([
      ['logs', 'user'], ['logs', 'watch'], ['metrics', 'watch'], ['slowQueries', 'user'], ['slowQueryDetail', 'user'], ['readSettings', 'user'],
    ]);
    expect(calls[4]!.args).toEqual([{ id: 'q1', database: 'postgres', user: 'app', operation: 'SELECT' }]);
  });

  it('switchover and settings changes go to the provider; the cluster shows the switchover at once', async () => {
    const { provider, calls } = stub();
    const s = make(provider);
    await s.updateSettings(c, { work_mem: '64MB' });
    await s.switchover(c);
    expect(calls.map((x) => [x.op, x.priority, x.args[0]])).toEqual([['updateSettings', 'user', { work_mem: '64MB' }], ['switchover', 'user', 'c1']]);
    expect(s.getSnapshot().clusters.find((x) => x.id === 'c1')?.phase).toBe('updating');
  });

  it('a read-only profile refuses settings changes and switchover before any request', async () => {
    const { provider, calls } = stub();
    const s = make(provider, true);
    await expect(s.updateSettings(c, { work_mem: '64MB' })).rejects.toThrow('profile ch is read-only: changing settings is disabled');
    await expect(s.switchover(c)).rejects.toThrow('read-only');
    await s.readSettings(c);
    expect(calls.map((x) => x.op)).toEqual(['readSettings']);
  });

  it('a provider without the method is refused in one line', async () => {
    const { provider } = stub(false);
    const s = make(provider);
    await expect(s.logs(c, { from: new Date(0), to: new Date(1), limit: 1 })).rejects.toThrow('logs is not available for ClickHouse clusters');
  });
});
