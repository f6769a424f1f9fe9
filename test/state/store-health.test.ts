// Fleet health in the store, on fake timers (src/state/store-health.ts): verdicts from the list at once and
// without a request, the request-costing reads at background priority on a slow cadence within health's share,
// a provider that stops answering turning "unknown (no answer since T)" while the others go on, and Postgres
// only where the password is known, one session per cluster.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentContext, type Priority } from '../../src/api/core/budget.js';
import type { Profile } from '../../src/api/profile.js';
import type { Backup, Cluster, ConnectionInfo, FormSpec, Identity, ListResult, Provider } from '../../src/api/core/types.js';
import type { PgConnector } from '../../src/diagnose/pg-connect.js';
import { createClusterStore } from '../../src/state/store.js';
import { clockTime } from '../../src/state/store-health.js';
import type { ClusterStore } from '../../src/state/types.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const HOUR = 3_600_000;

class HealthStub implements Provider {
  readonly kind = 'ionos-v1' as const;
  readonly calls: Array<{ op: string; at: number; priority?: Priority; id?: string }> = [];
  readonly server = new Map<string, Cluster>();
  /** Backup age per cluster id, hours; absent: a day-old backup. */
  readonly backupAge = new Map<string, number>();
  hang = false;
  password?: string;
  /** How long a backups read takes, ms. */
  delay = 0;

  constructor(
    readonly profile: string,
    count: number,
  ) {
    for (let i = 0; i < count; i++) this.server.set(`c${i}`, { profile, provider: 'ionos-v1', id: `c${i}`, name: `db-${i}`, phase: 'ready', state: 'AVAILABLE', version: '16', raw: {} });
  }

  private log(op: string, id?: string): void {
    const ctx = currentContext();
    if (ctx) ctx.sent += 1;
    this.calls.push({ op, at: Date.now() - T0, priority: ctx?.priority, ...(id ? { id } : {}) });
  }
  count(op: string, priority?: Priority): number {
    return this.calls.filter((c) => c.op === op && (!priority || c.priority === priority)).length;
  }
  verify(): Promise<Identity> {
    return Promise.resolve({ summary: 'stub' });
  }
  list(): Promise<ListResult> {
    this.log('list');
    if (this.hang) return new Promise(() => undefined);
    return Promise.resolve({ clusters: [...this.server.values()].map((c) => structuredClone(c)), failures: [], warnings: [], duplicates: [] });
  }
  get(id: string): Promise<Cluster> {
    this.log('get', id);
    return Promise.resolve(structuredClone(this.server.get(id)!));
  }
  backups(id: string, signal?: AbortSignal): Promise<Backup[]> {
    this.log('backups', id);
    if (this.hang) return new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new Error('request cancelled'))));
    const age = this.backupAge.get(id) ?? 20;
    if (this.delay) return new Promise((resolve) => setTimeout(() => resolve([{ id: `b-${id}`, clusterId: id, createdAt: new Date(Date.now() - age * HOUR).toISOString(), raw: {} }]), this.delay));
    return Promise.resolve([{ id: `b-${id}`, clusterId: id, createdAt: new Date(Date.now() - age * HOUR).toISOString(), raw: {} }]);
  }
  createForm(): Promise<FormSpec> {
    return Promise.resolve({ title: 'stub', fields: [] } as unknown as FormSpec);
  }
  create(): Promise<Cluster> {
    throw new Error('not used');
  }
  remove(): Promise<void> {
    return Promise.resolve();
  }
  connection(c: Cluster): ConnectionInfo {
    return { host: `${c.id}.example`, port: 5432, database: 'postgres', user: 'admin', sslmode: 'require', ...(this.password && c.id === 'c0' ? { password: this.password } : {}) };
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const profileOf = (name: string, token = `token-${name}`): Profile => ({ kind: 'ionos-v1', name, token });

let store: ClusterStore | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(async () => {
  await store?.stop();
  store = undefined;
  vi.useRealTimers();
});

const verdicts = (s: ClusterStore) => Object.fromEntries([...(s.getSnapshot().health ?? new Map()).entries()].map(([k, h]) => [k, h.verdict]));

describe('fleet health in the store', () => {
  it('judges every cluster from the list at once, with no request of its own, before any backup is read', async () => {
    const stub = new HealthStub('p', 3);
    stub.server.set('c1', { ...stub.server.get('c1')!, phase: 'failed', state: 'FAILED' });
    store = createClusterStore({ profiles: [profileOf('p')], providerFor: () => stub, health: { answerMs: 5_000 } });
    const seen: Array<{ clusters: number; health: number }> = [];
    store.subscribe(() => seen.push({ clusters: store!.getSnapshot().clusters.length, health: store!.getSnapshot().health?.size ?? 0 }));
    store.start();
    await vi.advanceTimersByTimeAsync(0);
    // The rows came first, the verdicts right after (no request between).
    expect(seen.find((s) => s.clusters > 0)).toEqual({ clusters: 3, health: 0 });
    expect(verdicts(store)['p/c1']).toBe('red');
    expect(store.getSnapshot().health!.get('p/c1')!.reason).toMatch(/phase: failed/);
    expect(stub.count('list')).toBe(1);
  });

  it('reads backups at background priority, paced within its share, and again a round later', async () => {
    const stub = new HealthStub('p', 4);
    stub.backupAge.set('c2', 60);
    store = createClusterStore({ profiles: [profileOf('p')], providerFor: () => stub, health: { everyMs: 5 * 60_000 } });
    store.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stub.count('backups')).toBe(4);
    expect(stub.count('backups', 'background')).toBe(4);
    expect(verdicts(store)['p/c2']).toBe('red');
    expect(store.getSnapshot().health!.get('p/c2')!.checks.find((c) => c.id === 'backup-age')!.verdict).toBe('red');
    // Paced: IONOS's background share is 60 a minute, health's a quarter of it: 15 a minute, one each 4 s.
    const at = stub.calls.filter((c) => c.op === 'backups').map((c) => c.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(4_000);
    // The next round starts five minutes after the first.
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(stub.count('backups')).toBe(4);
    await vi.advanceTimersByTimeAsync(60_000 + 20_000);
    expect(stub.count('backups')).toBe(8);
  });

  it('a pause (psql) stops the round; the resume starts one round, never two side by side', async () => {
    const stub = new HealthStub('p', 30);
    // Each read takes 1 s: reads at 0, 5, 10 s … (a 4-s gap after each).
    stub.delay = 1_000;
    store = createClusterStore({ profiles: [profileOf('p')], providerFor: () => stub, health: {} });
    store.start();
    // Paused while the read of 10 s is in flight, resumed a moment later.
    await vi.advanceTimersByTimeAsync(10_500);
    const resume = store.pause();
    const paused = stub.count('backups');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(stub.count('backups')).toBe(paused);
    resume();
    await vi.advanceTimersByTimeAsync(60_000);
    const at = stub.calls.filter((c) => c.op === 'backups' && c.at >= 12_000).map((c) => c.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(4_000);
    expect(at.length).toBeGreaterThan(8);
  });

  it('an idle store with health on stays within the background share of its budget', async () => {
    const stub = new HealthStub('p', 100);
    store = createClusterStore({ profiles: [profileOf('p')], providerFor: () => stub, health: {} });
    store.start();
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    const inLastTen = stub.calls.filter((c) => c.at >= 60_000);
    // IONOS: 120 a minute, half of it background.
    expect(inLastTen.length / 10).toBeLessThanOrEqual(60);
    // Health got its part (15 a minute), the lists theirs.
    expect(inLastTen.filter((c) => c.op === 'backups').length / 10).toBeGreaterThan(10);
    expect(inLastTen.filter((c) => c.op === 'list').length).toBeGreaterThan(10);
  });

  it('a provider that stops answering turns its clusters unknown with the time of its last answer; another profile goes on', async () => {
    const hung = new HealthStub('hung', 2);
    const fine = new HealthStub('fine', 2);
    fine.backupAge.set('c0', 60);
    store = createClusterStore({ profiles: [profileOf('hung'), profileOf('fine', 'other')], providerFor: (p) => (p.name === 'hung' ? hung : fine), health: { answerMs: 5_000 } });
    store.start();
    await vi.advanceTimersByTimeAsync(100);
    // The first backup read answered at once; the next one (paced, a few seconds later) hangs.
    const answered = T0;
    hung.hang = true;
    await vi.advanceTimersByTimeAsync(10_000);
    const h = store.getSnapshot().health!;
    expect(h.get('hung/c0')!.verdict).toBe('unknown');
    expect(h.get('hung/c0')!.reason).toBe(`no answer from the provider since ${clockTime(answered)}`);
    expect(h.get('hung/c1')!.verdict).toBe('unknown');
    expect(h.get('fine/c0')!.verdict).toBe('red');
    expect(h.get('fine/c1')!.verdict).not.toBe('unknown');
  });

  it('Postgres: only the cluster with a known password, never two sessions on one cluster', async () => {
    const stub = new HealthStub('p', 3);
    stub.password = 'secret';
    let open = 0;
    let most = 0;
    const asked: string[] = [];
    const connect: PgConnector = async (c) => {
      asked.push(c.id);
      open++;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, 100));
      return { query: () => Promise.reject(new Error('permission denied')), close: async () => void open-- };
    };
    store = createClusterStore({ profiles: [profileOf('p')], providerFor: () => stub, health: { connect, everyMs: 60_000 } });
    store.start();
    await vi.advanceTimersByTimeAsync(3 * 60_000 + 30_000);
    expect(new Set(asked)).toEqual(new Set(['c0']));
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
    expect(store.getSnapshot().health!.get('p/c1')!.postgresSkipped).toMatch(/password unknown/);
  });
});
