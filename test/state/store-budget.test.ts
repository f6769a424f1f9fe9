// The store within a request budget, on fake timers: the inventory cadence scales with pages per list and the
// budget, what runs at which priority, watched clusters (the detail screen's) kept fresh, and a 429 that is not
// a failed profile. The stub provider reports its "pages" through the same request context the HTTP client
// counts (src/api/core/budget.ts), and records the priority each call ran at.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { currentContext, type Priority } from '../../src/api/core/budget.js';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster, FormSpec, Identity, ListResult, Provider } from '../../src/api/core/types.js';
import { createClusterStore } from '../../src/state/store.js';
import { clusterKey, type ClusterStore } from '../../src/state/types.js';

const T0 = Date.UTC(2026, 0, 1);

class PagedStub implements Provider {
  readonly kind = 'ionos-v1' as const;
  readonly calls: Array<{ op: 'list' | 'get' | 'create'; at: number; priority: Priority | undefined; id?: string }> = [];
  readonly server = new Map<string, Cluster>();
  listError: unknown;

  constructor(
    readonly profile: string,
    readonly pages: number,
    count: number,
  ) {
    for (let i = 0; i < count; i++) this.put({ id: `c${i}` });
  }

  put(c: Partial<Cluster> & { id: string }): void {
    const old = this.server.get(c.id);
    this.server.set(c.id, { profile: this.profile, provider: 'ionos-v1', name: `db-${c.id}`, phase: 'ready', state: 'AVAILABLE', raw: {}, ...old, ...c });
  }

  private log(op: 'list' | 'get' | 'create', requests: number, id?: string): void {
    const ctx = currentContext();
    if (ctx) ctx.sent += requests;
    this.calls.push({ op, at: Date.now() - T0, priority: ctx?.priority, ...(id ? { id } : {}) });
  }

  times(op: 'list' | 'get', priority?: Priority): number[] {
    return this.calls.filter((c) => c.op === op && (!priority || c.priority === priority)).map((c) => c.at);
  }

  verify(): Promise<Identity> {
    return Promise.resolve({ summary: 'stub' });
  }
  list(): Promise<ListResult> {
    this.log('list', this.pages);
    if (this.listError) return Promise.reject(this.listError);
    return Promise.resolve({ clusters: [...this.server.values()].map((c) => structuredClone(c)), failures: [], warnings: [], duplicates: [] });
  }
  get(id: string): Promise<Cluster> {
    this.log('get', 1, id);
    return Promise.resolve(structuredClone(this.server.get(id)!));
  }
  createForm(): Promise<FormSpec> {
    return Promise.resolve({ title: 'stub', fields: [] } as unknown as FormSpec);
  }
  create(): Promise<Cluster> {
    this.log('create', 1);
    this.put({ id: 'new', phase: 'creating', state: 'BUSY' });
    return Promise.resolve(structuredClone(this.server.get('new')!));
  }
  remove(): Promise<void> {
    return Promise.resolve();
  }
  connection(): never {
    throw new Error('not used');
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const profileOf = (name: string, rateLimit?: Profile['rateLimit']): Profile => ({ kind: 'ionos-v1', name, token: `token-${name}`, ...(rateLimit ? { rateLimit } : {}) });

let store: ClusterStore | undefined;
const make = (stub: PagedStub, rateLimit?: Profile['rateLimit']) =>
  (store = createClusterStore({ profiles: [profileOf(stub.profile, rateLimit)], providerFor: () => stub, random: () => 0.5 }));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(async () => {
  await store?.stop();
  store = undefined;
  vi.useRealTimers();
});

describe('inventory cadence', () => {
  it('a 5,000-cluster IONOS account (51 pages a list) idles at ≤ 60 requests a minute, and says the budget limits it', async () => {
    const stub = new PagedStub('big', 51, 50);
    const s = make(stub);
    s.start();
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    const lists = stub.times('list');
    // Ten minutes after the first list (the user's, at start).
    const perMinute = (lists.filter((t) => t >= 60_000).length * 51) / 10;
    expect(perMinute).toBeLessThanOrEqual(60);
    expect(perMinute).toBeGreaterThan(30);
    const h = s.getSnapshot().profiles[0]!;
    expect(h.budgetLimited).toBe(true);
    expect(h.refreshEveryMs).toBeGreaterThan(50_000);
    expect(h.lastRefresh).toBe(T0 + lists.at(-1)!);
  });

  it('the snapshot carries every list of a budget-limited profile at once, and r resets it (the header never lies)', async () => {
    const stub = new PagedStub('big', 51, 50);
    const s = make(stub);
    s.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    const lists = stub.times('list');
    expect(lists.length).toBeGreaterThanOrEqual(4);
    // Sampled every second: the header's lastRefresh is never older than the last list that answered.
    for (let i = 0; i < 120; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      const done = stub.times('list').filter((t) => T0 + t <= Date.now() - 1_000);
      expect(s.getSnapshot().profiles[0]!.lastRefresh).toBeGreaterThanOrEqual(T0 + done.at(-1)!);
    }
    const before = s.getSnapshot().version;
    await s.refresh();
    expect(s.getSnapshot().version).toBeGreaterThan(before);
    expect(s.getSnapshot().profiles[0]!.lastRefresh).toBe(Date.now());
  });

  it('two profiles on one credential (IONOS v1 and v2) split the background share: busy clusters never starve the lists', async () => {
    const v1 = new PagedStub('v1', 2, 5);
    const v2 = new PagedStub('v2', 9, 5);
    v1.put({ id: 'c0', phase: 'updating', state: 'BUSY' });
    v2.put({ id: 'c0', phase: 'updating', state: 'BUSY' });
    v2.put({ id: 'c1', phase: 'creating', state: 'BUSY' });
    const byName = new Map([['v1', v1], ['v2', v2]]);
    // One account: the same token, so one budget (120 a minute, background 60).
    const shared = (name: string): Profile => ({ kind: 'ionos-v1', name, token: 'one-account' });
    store = createClusterStore({ profiles: [shared('v1'), shared('v2')], providerFor: (p) => byName.get(p.name)!, random: () => 0.5 });
    store.start();
    await vi.advanceTimersByTimeAsync(6 * 60_000);
    const requests = (stub: PagedStub) => stub.calls.filter((c) => c.at >= 60_000).reduce((n, c) => n + (c.op === 'list' ? stub.pages : 1), 0);
    // Five minutes after the first: lists and busy clusters' gets of both together stay within the background share.
    expect((requests(v1) + requests(v2)) / 5).toBeLessThanOrEqual(60);
    // And each still lists at a steady pace: v1 (2 pages) at least every 10 s.
    const gaps = v1.times('list').slice(1).map((t, i) => t - v1.times('list')[i]!);
    expect(Math.max(...gaps.slice(-10))).toBeLessThanOrEqual(10_000);
  });

  it('a small account lists at the refresh setting, not budget-limited', async () => {
    const stub = new PagedStub('small', 1, 5);
    const s = make(stub);
    s.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(stub.times('list')).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
    expect(s.getSnapshot().profiles[0]!.budgetLimited).toBe(false);
  });

  it('the per-profile rateLimit override sets the cadence', async () => {
    const stub = new PagedStub('tight', 10, 5);
    make(stub, { requests: 20, windowSeconds: 60 }).start();
    await vi.advanceTimersByTimeAsync(130_000);
    // Background may use 10 of 20 per ~60 s: one 10-page list a minute.
    expect(stub.times('list').length).toBeLessThanOrEqual(3);
    expect(stub.times('list').length).toBeGreaterThanOrEqual(2);
  });
});

describe('priorities', () => {
  it('the first list and r are the user’s, the inventory is background, fast polls are watch, intents are the user’s', async () => {
    const stub = new PagedStub('p', 1, 3);
    stub.put({ id: 'c1', phase: 'updating', state: 'BUSY' });
    const s = make(stub);
    s.start();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(stub.calls[0]).toMatchObject({ op: 'list', priority: 'user' });
    expect(stub.times('list', 'background').length).toBeGreaterThan(0);
    expect(stub.calls.filter((c) => c.op === 'get').every((c) => c.priority === 'watch')).toBe(true);
    expect(stub.times('get').length).toBeGreaterThan(0);
    s.refresh();
    await vi.advanceTimersByTimeAsync(10);
    expect(stub.calls.at(-1)).toMatchObject({ op: 'list', priority: 'user' });
    await s.create('p', {});
    expect(stub.calls.find((c) => c.op === 'create')?.priority).toBe('user');
  });
});

describe('watch', () => {
  it('the detail screen’s cluster is fetched within seconds while open, and no longer after', async () => {
    const stub = new PagedStub('big', 51, 50);
    const s = make(stub);
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    const key = clusterKey({ profile: 'big', id: 'c7' });
    const unwatch = s.watch!(key);
    stub.put({ id: 'c7', phase: 'updating', state: 'BUSY' });
    await vi.advanceTimersByTimeAsync(2_100);
    expect(s.getSnapshot().clusters.find((c) => c.id === 'c7')?.phase).toBe('updating');
    stub.put({ id: 'c7', phase: 'ready', state: 'AVAILABLE' });
    await vi.advanceTimersByTimeAsync(10_000);
    // Shown within 10 s although the inventory is listed about once a minute.
    expect(s.getSnapshot().clusters.find((c) => c.id === 'c7')?.phase).toBe('ready');
    unwatch();
    const gets = stub.times('get').length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(stub.times('get').length).toBe(gets);
  });
});

describe('throttling', () => {
  it('a list that ends in 429 is not a failed profile; a 429 that never ends is shown after two lists', async () => {
    const stub = new PagedStub('p', 1, 3);
    const s = make(stub);
    s.start();
    await vi.advanceTimersByTimeAsync(100);
    stub.listError = new ApiError('p: 429 request rate limit exceeded', { kind: 'rate-limit', status: 429, retryAfterMs: 3_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    const h = s.getSnapshot().profiles[0]!;
    expect(h.status).toBe('ok');
    expect(s.getSnapshot().staleProfiles).toEqual([]);
    expect(h.nextRetryAt).toBe(T0 + 5_000 + 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.getSnapshot().profiles[0]!.status).toBe('error');
    stub.listError = undefined;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.getSnapshot().profiles[0]!.status).toBe('ok');
  });
});
