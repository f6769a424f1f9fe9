// Unit tests for the polling cluster store: cadence, single-flight, backoff, isolation between profiles,
// change detection, pausing, fast polling of transitional clusters, and the intents' read-only guard.
// Everything runs on fake timers against a hand-written provider whose "server" state the tests control.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import type { ClickHouseProfile } from '../../src/api/profile.js';
import type { Cluster, ConnectionInfo, FormSpec, FormValues, Identity, ListResult, Provider } from '../../src/api/core/types.js';
import { createClusterStore, type StoreOptions } from '../../src/state/store.js';
import { clusterKey, type ClusterStore, type StoreSnapshot } from '../../src/state/types.js';

/** Fake clock origin; call times are recorded relative to it. */
const T0 = Date.UTC(2025, 0, 1);

interface Call {
  op: 'list' | 'get' | 'create' | 'remove';
  /** ms since T0. */
  at: number;
  id?: string;
}

function cluster(profile: string, id: string, over: Partial<Cluster> = {}): Cluster {
  return { profile, provider: 'clickhouse', id, name: `db-${id}`, phase: 'ready', state: 'running', size: 'small', raw: { id }, ...over };
}

const copy = (c: Cluster): Cluster => structuredClone(c);

/** A provider whose list/get read a mutable "server" map and always return fresh objects. */
class StubProvider implements Provider {
  readonly kind = 'clickhouse' as const;
  readonly def: ClickHouseProfile;
  readonly calls: Call[] = [];
  readonly server = new Map<string, Cluster>();
  /** Thrown by every list while set. */
  listError: unknown = undefined;
  /** Every list takes this long (fake time). */
  listDelayMs = 0;
  /** Every list never settles while set. */
  hang = false;
  /** Lists do not stop when cancelled (a provider that ignores its signal). */
  ignoreAbort = false;
  /** A list answers with the server as it was when the list was sent (a slow page, fetched before a create). */
  staleLists = false;
  listsInFlight = 0;
  maxListsInFlight = 0;

  constructor(
    readonly profile: string,
    clusters: Array<Partial<Cluster> & { id: string }> = [],
    extra: Partial<ClickHouseProfile> = {},
  ) {
    this.def = { kind: 'clickhouse', name: profile, keyId: 'key-id', keySecret: 'key-secret', ...extra };
    for (const c of clusters) this.put(c);
  }

  put(c: Partial<Cluster> & { id: string }): void {
    this.server.set(c.id, cluster(this.profile, c.id, { ...this.server.get(c.id), ...c }));
  }

  private log(op: Call['op'], id?: string): void {
    this.calls.push({ op, at: Date.now() - T0, ...(id === undefined ? {} : { id }) });
  }

  times(op: Call['op']): number[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.at);
  }

  verify(): Promise<Identity> {
    return Promise.resolve({ summary: 'stub' });
  }

  /** Reported through onProgress before a delayed list settles (a big account's first page). */
  firstPage?: number;

  async list(signal?: AbortSignal, onProgress?: (soFar: Cluster[]) => void): Promise<ListResult> {
    this.log('list');
    this.listsInFlight++;
    this.maxListsInFlight = Math.max(this.maxListsInFlight, this.listsInFlight);
    // Like the real providers, a cancelled list stops at once (and no longer counts as in flight).
    let settled = false;
    const done = () => {
      if (!settled) this.listsInFlight--;
      settled = true;
    };
    const aborted = new Promise<never>((_, reject) => {
      if (this.ignoreAbort) return;
      signal?.addEventListener('abort', () => {
        done();
        reject(new ApiError('request cancelled', { kind: 'timeout' }));
      }, { once: true });
    });
    const sent = [...this.server.values()].map(copy);
    const work = async () => {
      if (this.firstPage !== undefined) onProgress?.([...this.server.values()].slice(0, this.firstPage).map(copy));
      if (this.hang) await new Promise(() => {});
      if (this.listDelayMs > 0) await new Promise((r) => setTimeout(r, this.listDelayMs));
      if (this.listError !== undefined) throw this.listError;
      return { clusters: this.staleLists ? sent : [...this.server.values()].map(copy), failures: [], warnings: [], duplicates: [] };
    };
    try {
      return await Promise.race([work(), aborted]);
    } finally {
      done();
    }
  }

  async get(id: string): Promise<Cluster> {
    this.log('get', id);
    const c = this.server.get(id);
    if (!c) throw new ApiError('404 Not Found', { kind: 'not-found', status: 404 });
    return copy(c);
  }

  createForm(): Promise<FormSpec> {
    return Promise.resolve({ title: 'create', fields: [], validate: () => ({}) });
  }

  async create(values: FormValues): Promise<Cluster> {
    this.log('create');
    const id = values.name ?? 'new';
    this.put({ id, phase: 'creating', state: 'PROVISIONING' });
    return copy(this.server.get(id)!);
  }

  /** Accepts the request; the server keeps listing the cluster until the test deletes it. */
  async remove(id: string): Promise<void> {
    this.log('remove', id);
  }

  connection(): ConnectionInfo {
    return { port: 5432, database: 'postgres', sslmode: 'require' };
  }
}

const stores: ClusterStore[] = [];

function storeFor(providers: StubProvider[], opts: Partial<StoreOptions> = {}): ClusterStore {
  const byName = new Map(providers.map((p) => [p.profile, p]));
  const store = createClusterStore({
    profiles: providers.map((p) => p.def),
    providerFor: (p) => byName.get(p.name)!,
    settings: { refreshSeconds: 5 },
    ...opts,
  });
  stores.push(store);
  return store;
}

/** Advances fake time (ms) and settles the promises and microtasks it set off. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const settle = () => vi.advanceTimersByTimeAsync(0);
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);
const range = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

const byId = (s: StoreSnapshot, profile: string, id: string) => s.clusters.find((c) => c.profile === profile && c.id === id);
const health = (s: StoreSnapshot, profile: string) => s.profiles.find((p) => p.profile === profile)!;

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(async () => {
  for (const s of stores.splice(0)) await s.stop();
  vi.useRealTimers();
});

describe('list cadence', () => {
  it('start() lists every profile once, then once per refresh interval', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    const b = new StubProvider('b', [{ id: 'b1' }]);
    const store = storeFor([a, b]);
    expect(a.calls).toHaveLength(0);

    store.start();
    store.start(); // idempotent
    await settle();
    expect(a.times('list')).toEqual([0]);
    expect(b.times('list')).toEqual([0]);
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a1', 'b1']);

    await advance(60_000);
    expect(a.times('list')).toEqual(range(0, 60_000, 5_000));
    expect(b.times('list')).toEqual(range(0, 60_000, 5_000));
    expect(a.times('get')).toEqual([]);
  });

  it('floors refreshSeconds below 2 to 2 s', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    storeFor([a], { settings: { refreshSeconds: 0.5 } }).start();
    await advance(10_000);
    expect(a.times('list')).toEqual(range(0, 10_000, 2_000));
  });
});

describe('single-flight', () => {
  it('a list slower than the interval never overlaps with another; refresh() (r) drops the one in flight for a fresh one', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.listDelayMs = 12_000;
    const store = storeFor([a]);
    store.start();
    await advance(3_000);
    store.refresh();
    await advance(1_000);
    store.refresh('a');
    await advance(56_000);
    expect(a.maxListsInFlight).toBe(1);
    // Each refresh starts at once; the next scheduled list comes an interval after the previous one finished.
    expect(a.times('list')).toEqual([0, 3_000, 4_000, 21_000, 38_000, 55_000]);
  });

  it('refresh() while a list is in flight starts a fresh one at once, and after it too', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.listDelayMs = 1_000;
    const store = storeFor([a]);
    store.start();
    await advance(500);
    store.refresh();
    await advance(0); // the cancelled list settles, then the fresh one starts
    expect(a.times('list')).toEqual([0, 500]);
    await advance(1_500); // the second list is done at 1 500
    store.refresh('a');
    expect(a.times('list')).toEqual([0, 500, 2_000]);
    expect(a.maxListsInFlight).toBe(1);
  });
});

describe('overdue polls and r', () => {
  it('a list that stops answering marks the rows stale one deadline after it started; r brings them back at once', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    const store = storeFor([a]);
    store.start();
    await settle();
    expect(health(store.getSnapshot(), 'a').status).toBe('ok');
    a.hang = true;
    await advance(5_000 + 29_999); // the next list started at 5 s; the deadline is 2 × 15 s
    expect(store.getSnapshot().staleProfiles).toEqual([]);
    await advance(1);
    expect(store.getSnapshot().staleProfiles).toEqual(['a']);
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a1']);
    expect(health(store.getSnapshot(), 'a').error).toBe('no answer for 30 s; the clusters shown are from the last list (r tries again now)');
    a.hang = false;
    store.refresh('a');
    await settle();
    expect(a.times('list')).toEqual([0, 5_000, 35_000]);
    expect(store.getSnapshot().staleProfiles).toEqual([]);
    expect(health(store.getSnapshot(), 'a').status).toBe('ok');
    expect(a.maxListsInFlight).toBe(1);
  });

  it('r with a list that ignores the cancel: a fresh list starts a moment later anyway', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.hang = true;
    a.ignoreAbort = true;
    const store = storeFor([a]);
    store.start();
    await advance(100);
    store.refresh('a');
    await advance(999);
    expect(a.times('list')).toEqual([0]);
    await advance(1);
    expect(a.times('list')).toEqual([0, 1_100]);
  });
});

describe('errors', () => {
  it('backs off exponentially (deterministic jitter), caps at 60 s and resets after a success', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.listError = new Error('503 Service Unavailable');
    const store = storeFor([a], { random: () => 1 }); // jitter at its top: delay = base
    store.start();
    await advance(200_000);
    expect(gaps(a.times('list'))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(health(store.getSnapshot(), 'a').status).toBe('error');

    a.listError = undefined;
    await advance(62_000); // lists at 255 000 (ok) and 260 000 (ok)
    expect(health(store.getSnapshot(), 'a').status).toBe('ok');
    a.listError = new Error('503 Service Unavailable');
    await advance(40_000);
    expect(gaps(a.times('list')).slice(6)).toEqual([60_000, 5_000, 5_000, 5_000, 10_000, 20_000]);
  });

  it('jitters the delay between half and all of the base with the random option', async () => {
    const a = new StubProvider('a');
    a.listError = new Error('boom');
    storeFor([a], { random: () => 0 }).start();
    await advance(20_000);
    expect(gaps(a.times('list'))).toEqual([2_500, 5_000, 10_000]);
  });

  it('keeps health.nextRetryAt current across repeated identical failures', async () => {
    const a = new StubProvider('a');
    a.listError = new Error('503 Service Unavailable');
    const store = storeFor([a], { random: () => 1 });
    store.start();
    await advance(20_000); // lists at 0, 5 000 and 15 000; the next is due at 35 000
    expect(health(store.getSnapshot(), 'a').nextRetryAt).toBe(T0 + 35_000);
  });

  it('waits at least Retry-After when it exceeds the backoff', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.listError = new ApiError('429 Too Many Requests', { kind: 'rate-limit', status: 429, retryAfterMs: 45_000 });
    const store = storeFor([a], { random: () => 0 });
    store.start();
    await advance(44_999);
    expect(a.times('list')).toEqual([0]);
    expect(health(store.getSnapshot(), 'a').nextRetryAt).toBe(T0 + 45_000);
    await advance(1);
    expect(a.times('list')).toEqual([0, 45_000]);
  });

  it('honours a Retry-After longer than its own 60 s backoff cap', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.listError = new ApiError('429 Too Many Requests', { kind: 'rate-limit', status: 429, retryAfterMs: 120_000 });
    storeFor([a], { random: () => 0 }).start();
    await advance(119_999);
    expect(a.times('list')).toEqual([0]);
    await advance(1);
    expect(a.times('list')).toEqual([0, 120_000]);
  });
});

describe('profile isolation', () => {
  it('a failing profile keeps its last clusters, marked stale, and never blanks or delays another', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }, { id: 'a2' }]);
    const b = new StubProvider('b', [{ id: 'b1' }]);
    const store = storeFor([a, b]);
    store.start();
    await settle();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().clusters.length));

    await advance(1_000);
    a.listError = new Error('503 Service Unavailable:\n  upstream connect error\n  or disconnect');
    await advance(59_000);

    expect(b.times('list')).toEqual(range(0, 60_000, 5_000));
    expect(a.times('list').length).toBeLessThan(b.times('list').length);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 3)).toBe(true);

    const s = store.getSnapshot();
    expect(s.clusters.map((c) => `${c.profile}/${c.id}`)).toEqual(['a/a1', 'a/a2', 'b/b1']);
    expect(s.staleProfiles).toEqual(['a']);
    expect(health(s, 'a').status).toBe('error');
    expect(health(s, 'a').error).toMatch(/503/);
    expect(health(s, 'a').error).not.toMatch(/\n/);
    expect(health(s, 'a').clusterCount).toBe(2);
    expect(health(s, 'b').status).toBe('ok');
    expect(health(s, 'b').error).toBeUndefined();

    a.listError = undefined;
    await advance(60_000);
    expect(store.getSnapshot().staleProfiles).toEqual([]);
    expect(health(store.getSnapshot(), 'a').status).toBe('ok');
  });

  it('a profile whose list hangs does not hold up another', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    const b = new StubProvider('b', [{ id: 'b1' }]);
    a.hang = true;
    const store = storeFor([a, b]);
    store.start();
    await advance(30_000);
    expect(a.times('list')).toEqual([0]);
    expect(b.times('list')).toEqual(range(0, 30_000, 5_000));
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['b1']);
    // Two request timeouts (2 × 15 s) without an answer: the profile says so instead of loading for ever.
    expect(health(store.getSnapshot(), 'a').status).toBe('error');
    expect(health(store.getSnapshot(), 'a').error).toMatch(/^no answer for 30 s/);
  });
});

describe('change detection', () => {
  it('emits only on visible change and keeps the identity of unchanged data', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }, { id: 'a2' }]);
    const store = storeFor([a]);
    store.start();
    await settle();
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    expect(before.clusters).toHaveLength(2);

    await advance(30_000); // six identical polls
    expect(a.times('list')).toHaveLength(7);
    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(before);
    expect(store.getSnapshot().clusters).toBe(before.clusters);

    a.put({ id: 'a2', size: 'large' });
    await advance(5_000);
    expect(listener).toHaveBeenCalledTimes(1);
    const after = store.getSnapshot();
    expect(after.version).toBe(before.version + 1);
    expect(after.clusters).not.toBe(before.clusters);
    expect(after.clusters[0]).toBe(before.clusters[0]);
    expect(after.clusters[1]).not.toBe(before.clusters[1]);
    expect(after.clusters[1]!.size).toBe('large');

    await advance(20_000);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(after);
  });

  it('an unsubscribed listener is not called', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    const store = storeFor([a]);
    store.start();
    await settle();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    a.put({ id: 'a1', size: 'large' });
    await advance(5_000);
    expect(byId(store.getSnapshot(), 'a', 'a1')!.size).toBe('large');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('pause', () => {
  it('is a counter: nested pauses hold until every undo ran, and a repeated undo counts once', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    const store = storeFor([a]);
    store.start();
    await settle();
    const undoFirst = store.pause();
    const undoSecond = store.pause();
    expect(store.isPaused()).toBe(true);
    await advance(30_000);
    expect(a.times('list')).toEqual([0]);

    undoFirst();
    undoFirst();
    expect(store.isPaused()).toBe(true);
    await advance(30_000);
    expect(a.times('list')).toEqual([0]);

    undoSecond();
    expect(store.isPaused()).toBe(false);
    await advance(10_000);
    // Resuming lists at once, then at the normal cadence.
    expect(a.times('list')).toEqual([0, 60_000, 65_000, 70_000]);
  });

  it('stops fast polling while paused', async () => {
    const a = new StubProvider('a', [{ id: 'a1', phase: 'creating', state: 'PROVISIONING' }]);
    const store = storeFor([a]);
    store.start();
    await advance(3_000);
    expect(a.times('get')).toEqual([2_000]);
    const undo = store.pause();
    await advance(10_000);
    expect(a.times('get')).toEqual([2_000]);
    undo();
    await advance(2_000);
    expect(a.times('get')).toEqual([2_000, 15_000]);
  });
});

describe('a big first list', () => {
  it('shows its first page while the rest loads, the profile still loading; later lists never show partial data', async () => {
    const a = new StubProvider('a', Array.from({ length: 30 }, (_, i) => ({ id: `a${i}` })));
    a.firstPage = 10;
    a.listDelayMs = 1_000;
    const store = storeFor([a]);
    store.start();
    await advance(10);
    expect(store.getSnapshot().clusters).toHaveLength(10);
    expect(health(store.getSnapshot(), 'a').status).toBe('loading');
    await advance(1_000);
    expect(store.getSnapshot().clusters).toHaveLength(30);
    expect(health(store.getSnapshot(), 'a').status).toBe('ok');
    const sizes: number[] = [];
    store.subscribe(() => sizes.push(store.getSnapshot().clusters.length));
    await advance(6_100);
    expect(a.times('list')).toHaveLength(2);
    expect(sizes.every((n) => n === 30)).toBe(true);
  });
});

describe('transitional clusters', () => {
  it('are fetched every 2 s only while transitional, and the timeline records the transition', async () => {
    const a = new StubProvider('a', [{ id: 'a1', phase: 'creating', state: 'PROVISIONING' }, { id: 'a2' }]);
    const store = storeFor([a]);
    store.start();
    await advance(7_000);
    expect(a.times('get')).toEqual([2_000, 4_000, 6_000]);
    expect(byId(store.getSnapshot(), 'a', 'a1')!.phase).toBe('creating');

    a.put({ id: 'a1', phase: 'ready', state: 'running' });
    await advance(23_000);
    expect(a.calls.filter((c) => c.op === 'get')).toEqual([2_000, 4_000, 6_000, 8_000].map((at) => ({ op: 'get', at, id: 'a1' })));
    expect(byId(store.getSnapshot(), 'a', 'a1')!.phase).toBe('ready');
    expect(store.timeline(clusterKey({ profile: 'a', id: 'a1' }))).toEqual([
      { at: T0 + 8_000, from: 'creating', to: 'ready', fromState: 'PROVISIONING', toState: 'running' },
    ]);
    expect(store.timeline(clusterKey({ profile: 'a', id: 'a2' }))).toEqual([]);
  });

  it('a big account with many busy clusters fetches only a few one by one (no request storm)', async () => {
    const busy = Array.from({ length: 200 }, (_, i) => ({ id: `b${i}`, phase: 'updating' as const, state: 'BUSY' }));
    const a = new StubProvider('a', busy);
    storeFor([a]).start();
    await advance(10_000);
    // 8 clusters every 2 s (at 2, 4, 6, 8 and 10 s) and the list every 5 s, not 200 gets every 2 s.
    expect(a.times('get')).toHaveLength(8 * 5);
    expect(new Set(a.calls.filter((c) => c.op === 'get').map((c) => c.id)).size).toBe(8);
    expect(a.times('list')).toEqual([0, 5_000, 10_000]);
  });

  it('a cluster that turns transitional in a list starts fast polling', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    const store = storeFor([a]);
    store.start();
    await advance(4_000);
    a.put({ id: 'a1', phase: 'updating', state: 'BUSY' });
    await advance(6_000); // list at 5 000 sees it
    expect(a.times('get')).toEqual([7_000, 9_000]);
    expect(store.timeline(clusterKey({ profile: 'a', id: 'a1' }))).toMatchObject([{ at: T0 + 5_000, from: 'ready', to: 'updating' }]);
  });

  it('a get answering not-found removes the cluster from the snapshot', async () => {
    const a = new StubProvider('a', [{ id: 'a1', phase: 'creating', state: 'PROVISIONING' }, { id: 'a2' }]);
    const store = storeFor([a]);
    store.start();
    await advance(1_000);
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a1', 'a2']);
    a.server.delete('a1');
    await advance(1_000);
    expect(a.times('list')).toEqual([0]); // the get, not a list, removed it
    expect(a.times('get')).toEqual([2_000]);
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a2']);
    expect(health(store.getSnapshot(), 'a').clusterCount).toBe(1);
    await advance(10_000);
    expect(a.times('get')).toEqual([2_000]);
  });
});

describe('per-row extras after the list (ClickHouse hostnames)', () => {
  it('rows show when the list answers; the extras complete them later, never over a newer answer', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }, { id: 'a2' }]);
    const plain = a.list.bind(a);
    let release = () => {};
    const looked = new Promise<void>((r) => (release = r));
    a.list = async (signal, onProgress) => {
      const res = await plain(signal, onProgress);
      const listed = res.clusters;
      return { ...res, extras: async () => {
        await looked;
        return listed.map((c) => ({ ...c, host: `${c.id}.example` }));
      } };
    };
    const store = storeFor([a], { settings: { refreshSeconds: 60 } });
    store.start();
    await settle();
    expect(store.getSnapshot().clusters.map((c) => [c.id, c.host])).toEqual([['a1', undefined], ['a2', undefined]]);
    // A newer answer for a2 lands before the lookups finish (r: a second list; its extras wait too).
    a.put({ id: 'a2', phase: 'updating', state: 'BUSY' });
    await store.refresh('a');
    expect(byId(store.getSnapshot(), 'a', 'a2')!.phase).toBe('updating');
    release();
    await settle();
    expect(byId(store.getSnapshot(), 'a', 'a1')!.host).toBe('a1.example');
    expect(byId(store.getSnapshot(), 'a', 'a2')!.phase).toBe('updating');
    expect(byId(store.getSnapshot(), 'a', 'a2')!.host).toBe('a2.example'); // from the second list's extras
  });
});

describe('intents', () => {
  it('remove() marks the cluster deleting at once and keeps it so until the provider stops listing it', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }, { id: 'a2' }]);
    const store = storeFor([a]);
    store.start();
    await settle();
    const phases: Array<string | undefined> = [];
    store.subscribe(() => phases.push(byId(store.getSnapshot(), 'a', 'a1')?.phase));

    await store.remove(byId(store.getSnapshot(), 'a', 'a1')!);
    await settle();
    expect(a.calls.filter((c) => c.op === 'remove')).toEqual([{ op: 'remove', at: 0, id: 'a1' }]);
    expect(byId(store.getSnapshot(), 'a', 'a1')!.phase).toBe('deleting');

    await advance(20_000); // the provider still lists (and gets) it as ready
    expect(a.times('list').length).toBeGreaterThanOrEqual(4);
    expect(a.times('get').length).toBeGreaterThanOrEqual(9);
    expect(byId(store.getSnapshot(), 'a', 'a1')!.phase).toBe('deleting');
    expect(byId(store.getSnapshot(), 'a', 'a2')!.phase).toBe('ready');

    a.server.delete('a1');
    await advance(5_000);
    expect(byId(store.getSnapshot(), 'a', 'a1')).toBeUndefined();
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a2']);
    expect(phases.filter((p) => p !== undefined).every((p) => p === 'deleting')).toBe(true);
    expect(phases.at(-1)).toBeUndefined();
  });

  it('create() inserts the new cluster at once as creating and fast-polls it', async () => {
    const a = new StubProvider('a');
    const store = storeFor([a]);
    store.start();
    await advance(1_000);
    const c = await store.create('a', { name: 'fresh' });
    expect(c.id).toBe('fresh');
    await settle();
    expect(byId(store.getSnapshot(), 'a', 'fresh')!.phase).toBe('creating');
    await advance(2_000);
    expect(a.calls.filter((x) => x.op === 'get')).toEqual([{ op: 'get', at: 3_000, id: 'fresh' }]);
  });

  it('a list sent before a create never drops the new cluster; it stays watched until the provider lists it', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }]);
    a.staleLists = true;
    a.listDelayMs = 3_000;
    const store = storeFor([a], { settings: { refreshSeconds: 90 } });
    store.start();
    await advance(3_000); // first list done
    await advance(87_500); // the next list is sent at 93 s and answers at 96 s
    await advance(3_000);
    expect(a.times('list')).toEqual([0, 93_000]);
    await store.create('a', { name: 'fresh' }); // created while that list is out
    await settle();
    expect(byId(store.getSnapshot(), 'a', 'fresh')!.phase).toBe('creating');
    await advance(2_500); // the stale list answers without it (at 96 s)
    expect(a.times('list')).toEqual([0, 93_000]);
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a1', 'fresh']);
    a.put({ id: 'fresh', phase: 'ready', state: 'AVAILABLE' });
    await advance(5_000); // still watched: the fast poll finds it ready
    expect(byId(store.getSnapshot(), 'a', 'fresh')!.phase).toBe('ready');
    await advance(120_000); // later lists (fresh ones) list it: it stays
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a1', 'fresh']);
  });

  it('a cluster the provider stopped listing before the list was sent goes', async () => {
    const a = new StubProvider('a', [{ id: 'a1' }, { id: 'a2' }]);
    const store = storeFor([a]);
    store.start();
    await settle();
    await store.create('a', { name: 'a3' }); // put by an intent before the next list was sent
    a.server.delete('a3');
    a.server.delete('a2');
    await advance(5_000);
    expect(store.getSnapshot().clusters.map((c) => c.id)).toEqual(['a1']);
  });

  it('a read-only store refuses create and remove with an ApiError naming the profile', async () => {
    const a = new StubProvider('prod-eu', [{ id: 'a1' }]);
    const store = storeFor([a], { readOnly: true });
    store.start();
    await settle();
    expect(health(store.getSnapshot(), 'prod-eu').readOnly).toBe(true);

    const created = await rejection(store.create('prod-eu', { name: 'x' }));
    expect(created.kind).toBe('config');
    expect(created.profile).toBe('prod-eu');
    expect(created.summary).toMatch(/prod-eu/);
    expect(created.message).toMatch(/read-only/);

    const removed = await rejection(store.remove(byId(store.getSnapshot(), 'prod-eu', 'a1')!));
    expect(removed.profile).toBe('prod-eu');
    expect(removed.summary).toMatch(/prod-eu.*read-only/);

    expect(a.calls.filter((c) => c.op === 'create' || c.op === 'remove')).toEqual([]);
    expect(byId(store.getSnapshot(), 'prod-eu', 'a1')!.phase).toBe('ready');
  });

  it('a read-only profile is refused while another profile of the same store may still create', async () => {
    const ro = new StubProvider('ro', [], { readOnly: true });
    const rw = new StubProvider('rw');
    const store = storeFor([ro, rw]);
    store.start();
    await settle();
    const err = await rejection(store.create('ro', { name: 'x' }));
    expect(err.profile).toBe('ro');
    expect(ro.calls.filter((c) => c.op === 'create')).toEqual([]);
    await store.create('rw', { name: 'y' });
    expect(rw.calls.filter((c) => c.op === 'create')).toHaveLength(1);
  });
});
