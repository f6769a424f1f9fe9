// The request budget on fake timers: the sliding window, the priority shares, a 429 pausing the whole
// credential, the notice a waiting user action shows, and the HTTP client going through it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Budget, withPriority, type Priority } from '../../src/api/core/budget.js';
import { limitsOf } from '../../src/api/core/budget-profile.js';
import { CLICKHOUSE_RATE } from '../../src/api/clickhouse/client.js';
import { IONOS_RATE } from '../../src/api/ionos-shared/client-kit.js';
import { PGO_RATE } from '../../src/api/pgo/transport.js';
import type { Profile } from '../../src/api/profile.js';

/** The credential a profile's requests count against, by its provider's own policy. */
function credentialKey(p: Profile): string {
  if (p.kind === 'clickhouse') return CLICKHOUSE_RATE.credential(p);
  if (p.kind === 'pgo') return PGO_RATE.credential(p);
  return IONOS_RATE.credential(p);
}
import { HttpClient } from '../../src/api/core/http.js';

const T0 = Date.UTC(2026, 0, 1);

/** Starts `n` acquisitions of a priority and records when (ms since T0) each was granted. */
function take(b: Budget, priority: Priority, n: number, log: Array<[Priority, number]>): Promise<void>[] {
  return Array.from({ length: n }, () => b.acquire(priority).then(() => void log.push([priority, Date.now() - T0])));
}

describe('Budget', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('never sends more than the limit in any window, whatever the priority', async () => {
    const b = new Budget('ClickHouse', { requests: 10, windowMs: 10_000 });
    const log: Array<[Priority, number]> = [];
    const all = take(b, 'user', 30, log);
    await vi.advanceTimersByTimeAsync(40_000);
    await Promise.all(all);
    const at = log.map(([, t]) => t);
    expect(at).toHaveLength(30);
    // Any 10-s window (plus the skew allowance) holds at most 10 sends.
    for (const t of at) expect(at.filter((u) => u >= t && u < t + 10_250).length).toBeLessThanOrEqual(10);
    expect(at.slice(0, 10).every((t) => t === 0)).toBe(true);
    expect(at[10]).toBeGreaterThanOrEqual(10_250);
  });

  it('background may fill only half the window, watch most of it: a user action always finds a slot', async () => {
    const b = new Budget('ClickHouse', { requests: 10, windowMs: 10_000 });
    const log: Array<[Priority, number]> = [];
    const bg = take(b, 'background', 20, log);
    const watch = take(b, 'watch', 20, log);
    await vi.advanceTimersByTimeAsync(0);
    // At t=0: 5 background (its share), then watch up to 8 in all.
    expect(log.filter(([p]) => p === 'background')).toHaveLength(5);
    expect(log.filter(([p]) => p === 'watch')).toHaveLength(3);
    const user = take(b, 'user', 2, log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.filter(([p, t]) => p === 'user' && t === 0)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all([...bg, ...watch, ...user]);
  });

  it('serves the highest priority first when a slot opens', async () => {
    const b = new Budget('IONOS', { requests: 2, windowMs: 1_000 });
    const log: Array<[Priority, number]> = [];
    const first = take(b, 'user', 2, log);
    const later = [...take(b, 'background', 1, log), ...take(b, 'watch', 1, log), ...take(b, 'user', 1, log)];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all([...first, ...later]);
    expect(log.slice(2).map(([p]) => p)).toEqual(['user', 'watch', 'background']);
  });

  it('a 429 pauses every priority for Retry-After, and says so while a user action waits', async () => {
    const b = new Budget('ClickHouse', { requests: 10, windowMs: 10_000 });
    const notices: Array<string | undefined> = [];
    b.onNotice((n) => notices.push(n?.text));
    b.throttled(4_000);
    const log: Array<[Priority, number]> = [];
    const all = [...take(b, 'user', 1, log), ...take(b, 'background', 1, log)];
    await vi.advanceTimersByTimeAsync(3_999);
    expect(log).toEqual([]);
    expect(notices).toContain('rate limited by ClickHouse, retrying in 4 s');
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(all);
    expect(log).toEqual([
      ['user', 4_000],
      ['background', 4_000],
    ]);
    expect(notices.at(-1)).toBeUndefined();
    expect(b.stats.throttled).toBe(1);
  });

  it('a cancelled wait leaves the queue', async () => {
    const b = new Budget('ClickHouse', { requests: 1, windowMs: 10_000 });
    await b.acquire('user');
    const ctl = new AbortController();
    const waiting = b.acquire('user', ctl.signal);
    ctl.abort();
    await expect(waiting).rejects.toThrow(/cancelled/);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(b.stats.sent).toBe(1);
  });
});

describe('credentials and limits', () => {
  it('one budget per API key, per IONOS user or token, per PGO apiserver; secrets are not in the key', () => {
    const ch = credentialKey({ kind: 'clickhouse', name: 'a', keyId: 'K1', keySecret: 'S' });
    expect(ch).toBe(credentialKey({ kind: 'clickhouse', name: 'b', keyId: 'K1', keySecret: 'S' }));
    expect(ch).not.toBe(credentialKey({ kind: 'clickhouse', name: 'a', keyId: 'K2', keySecret: 'S' }));
    const v1 = credentialKey({ kind: 'ionos-v1', name: 'a', token: 'sekret-token' });
    expect(v1).toBe(credentialKey({ kind: 'ionos-v2', name: 'b', token: 'sekret-token' }));
    expect(v1).not.toContain('sekret');
    const pgo = { kind: 'pgo' as const, name: 'p', namespace: 'n', username: 'u', password: 'p' };
    expect(credentialKey({ ...pgo, apiUrl: 'https://a:8443/x' })).toBe(credentialKey({ ...pgo, apiUrl: 'https://a:8443/y', username: 'v' }));
    expect(limitsOf({ name: 'a' }, CLICKHOUSE_RATE as never)).toEqual({ requests: 10, windowMs: 10_000 });
    expect(limitsOf({ name: 'a', rateLimit: { requests: 50, windowSeconds: 10 } }, CLICKHOUSE_RATE as never)).toEqual({ requests: 50, windowMs: 10_000 });
  });
});

describe('HttpClient with a budget', () => {
  let server: Server;
  let url: string;
  let hits = 0;
  /** The server answers 429 with X-RateLimit-Reset: 0 for the first `refuse` requests. */
  let refuse = 0;
  beforeEach(async () => {
    hits = 0;
    server = createServer((req, res) => {
      hits++;
      if (refuse > 0) {
        refuse--;
        res.writeHead(429, { 'x-ratelimit-reset': '0', 'content-type': 'application/json' }).end('{"error":"slow down"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
  });

  it('waits out a 429 through the budget (the whole credential pauses) and counts requests per context', async () => {
    refuse = 1;
    const budget = new Budget('ClickHouse', { requests: 10, windowMs: 10_000 });
    const http = new HttpClient({ baseUrl: url, budget, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 5_000 } });
    const ctx = { priority: 'user' as const, sent: 0 };
    const started = Date.now();
    const out = await withPriority('user', () => http.json<{ ok: boolean }>({ method: 'POST', path: '/x' }), ctx);
    expect(out).toEqual({ ok: true });
    expect(hits).toBe(2);
    expect(ctx.sent).toBe(2);
    expect(budget.stats).toEqual({ sent: 2, throttled: 1 });
    // X-RateLimit-Reset 0 means "wait reset+1 s" (docs/polling-store.md).
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    await http.close();
  });
});
