// Issue 12's scenario on fake timers: a ClickHouse-shaped server enforcing the documented 10 requests per 10 s
// per key (429 + X-RateLimit-Reset beyond it), the real ClickHouse provider and polling store, three services
// created by the user and watched until running, a detail screen open, a burst of twelve lookups, for 70
// simulated seconds. Before the
// request budget: 58 requests, 15 throttled. Now: no 429 at all, none shown as an error, every state change on
// screen within 10 s. The server is the real ClickHouse fake's request handler behind an undici MockAgent (no
// sockets, so fake time drives everything).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockAgent } from 'undici';
import type { ClickHouseProfile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock, type FakeRequest, type FakeResponse } from '../../src/fake/kit.js';
import { createClusterStore } from '../../src/state/store.js';
import { clusterKey, type ClusterStore } from '../../src/state/types.js';
// The undici transport (a MockAgent dispatcher implies it) is imported lazily by http.ts: load it before the clock is faked.
import '../../src/api/core/transport-undici.js';

const ORIGIN = 'http://clickhouse.test';
const T0 = Date.UTC(2026, 0, 1);

interface Handler {
  settle(): void;
  handle(req: FakeRequest): FakeResponse;
}

/** Routes every request to the fake's handler; counts requests and the 429s the fake's own limit answered. */
function bridge(fake: ClickHouseFake, log: Array<{ at: number; method: string; path: string; status: number }>): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const h = fake as unknown as Handler;
  agent
    .get(ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply((opts) => {
      const url = new URL(opts.path, ORIGIN);
      const text = typeof opts.body === 'string' ? opts.body : '';
      const headers = Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      h.settle();
      const out = h.handle({ method: opts.method, path: url.pathname, query: url.searchParams, headers, text, json: text ? JSON.parse(text) : undefined, badJson: false });
      log.push({ at: Date.now() - T0, method: opts.method, path: url.pathname, status: out.status });
      return { statusCode: out.status, data: out.raw ?? JSON.stringify(out.body ?? {}), responseOptions: { headers: { 'content-type': 'application/json', ...out.headers } } };
    })
    .persist();
  return agent;
}

describe('ClickHouse within 10 requests per 10 s', () => {
  let fake: ClickHouseFake;
  let store: ClusterStore | undefined;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0);
    // The documented limit, counted on the (fake) wall clock; services take 30 s to create.
    fake = await startClickHouseFake({ clock: new FakeClock(1), transitionMs: 30_000, seed: 5, rateLimit: { requests: 10, windowSeconds: 10 } });
    fake.seedServices(4);
  });
  afterEach(async () => {
    await store?.stop();
    vi.useRealTimers();
    await fake.stop();
  });

  it('three services created and watched for 70 s, a detail screen open: zero 429s, none shown, changes within 10 s', async () => {
    const log: Array<{ at: number; method: string; path: string; status: number }> = [];
    const agent = bridge(fake, log);
    // The MockAgent origin is plain http to a name that is not loopback: allowed only with insecure (api/http-plain.ts).
    const profile: ClickHouseProfile = { kind: 'clickhouse', name: 'ch', apiUrl: ORIGIN, keyId: fake.keyId, keySecret: fake.keySecret, insecure: true };
    store = createClusterStore({ profiles: [profile], providerFor: (p) => createProvider(p, { secrets: memorySecretStore(), dispatcher: agent }) });
    const errors: string[] = [];
    const notices = new Set<string>();
    store.subscribe(() => {
      const s = store!.getSnapshot();
      for (const p of s.profiles) if (p.status === 'error') errors.push(p.error ?? 'error');
      if (s.notice) notices.add(s.notice);
    });
    store.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getSnapshot().clusters).toHaveLength(4);

    // The detail screen is open on one existing service.
    const open = store.getSnapshot().clusters[0]!;
    const unwatch = store.watch!(clusterKey(open));
    const created = [];
    for (const name of ['alpha', 'beta', 'gamma']) {
      created.push(await store.create('ch', { name, provider: 'aws', region: 'us-east-1', size: 'r8gd.large' }));
      await vi.advanceTimersByTimeAsync(500);
    }
    const createdAt = Date.now();
    // When each service turned running on the server, and when the store first showed it running.
    const shownAt = new Map<string, number>();
    let lookups: Promise<unknown>[] = [];
    for (let t = 0; t < 70_000; t += 250) {
      // At 20 s the user fires twelve lookups at once (psql's, `pgtui get`): more than the whole window holds.
      if (t === 20_000) lookups = Array.from({ length: 12 }, () => store!.provider('ch')!.get(open.id));
      await vi.advanceTimersByTimeAsync(250);
      for (const c of created) {
        const shown = store.getSnapshot().clusters.find((x) => x.id === c.id);
        if (shown?.phase === 'ready' && !shownAt.has(c.id)) shownAt.set(c.id, Date.now());
      }
    }
    unwatch();
    expect(await Promise.all(lookups)).toHaveLength(12);

    const throttled = log.filter((r) => r.status === 429);
    console.log(`RATE-LIMIT ClickHouse 10/10 s, 3 creating + 1 detail for 70 s: ${log.length} requests, ${throttled.length} throttled, ready shown ${[...shownAt.values()].map((t) => `${((t - createdAt) / 1000).toFixed(1)} s`).join(', ')} after the creates (server: 30 s)`);
    expect(throttled).toEqual([]);
    expect(errors).toEqual([]);
    expect(notices.size).toBe(0);
    // No 10-s window holds more than 10 requests.
    for (const r of log) expect(log.filter((q) => q.at >= r.at && q.at < r.at + 10_000).length).toBeLessThanOrEqual(10);
    // Every service is shown running within 10 s of turning running on the server (30 s after its create).
    expect(shownAt.size).toBe(3);
    for (const t of shownAt.values()) expect(t - createdAt).toBeLessThanOrEqual(30_000 + 1_000 + 10_000);
    await agent.close();
  });
});
