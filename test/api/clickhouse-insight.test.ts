// ClickHouse provider: logs (paged, newest N oldest first), metrics, slow queries, settings and switchover
// against the fake, through createProvider as the app builds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supports, unsupportedReason } from '../../src/api/core/capabilities.js';
import { ApiError } from '../../src/api/core/errors.js';
import { FakeClock } from '../../src/fake/kit.js';
import type { FakePgService } from '../../src/fake/clickhouse/fake.js';
import { LOG_EVERY_MS } from '../../src/fake/insight/synthetic.js';
import { rig, type Rig } from './clickhouse-helpers.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const HOUR = 3_600_000;
let r: Rig;
let svc: FakePgService;

beforeAll(async () => {
  r = await rig({ clock: new FakeClock(0, NOW) });
  svc = r.fake.addService({ name: 'orders', state: 'running', haType: 'async' });
});
afterAll(async () => {
  await r.close();
});

const cluster = () => r.provider.get(svc.id);
const window = (hours: number) => ({ from: new Date(NOW - hours * HOUR), to: new Date(NOW) });

describe('ClickHouse logs', () => {
  it('returns the newest lines of the window, oldest first, and says when older ones were left out', async () => {
    const page = await r.provider.logs(await cluster(), { ...window(1), limit: 100 });
    expect(page.lines).toHaveLength(100);
    expect(page.truncated).toBe(true);
    const times = page.lines.map((l) => l.at);
    expect(times).toEqual([...times].sort());
    // the newest line of the hour is the last one shown
    expect(Date.parse(times.at(-1)!)).toBeGreaterThan(NOW - 2 * LOG_EVERY_MS);
    const all = await r.provider.logs(await cluster(), { ...window(1), limit: 5000 });
    expect(all.truncated).toBe(false);
    expect(all.lines.length).toBeGreaterThan(400);
    expect(all.lines.length).toBeLessThan(600);
  });

  it('pages past the API limit of 2000 by offset, without duplicates, in a bounded number of requests', async () => {
    const before = r.fake.requests.length;
    const page = await r.provider.logs(await cluster(), { ...window(12), limit: 4500 });
    const logRequests = r.fake.requests.slice(before).filter((q) => q.path.endsWith('/logs'));
    expect(page.lines).toHaveLength(4500);
    expect(new Set(page.lines.map((l) => `${l.at}${l.message}`)).size).toBe(4500);
    expect(logRequests.length).toBe(3);
    expect(logRequests.every((q) => Number(q.query.limit) <= 2000)).toBe(true);
  });

  it('passes grep and severity to the API', async () => {
    const page = await r.provider.logs(await cluster(), { ...window(6), limit: 50, severity: 'ERROR', grep: 'constraint' });
    expect(page.lines.length).toBeGreaterThan(0);
    expect(page.lines.every((l) => l.severity === 'ERROR' && l.message.includes('constraint'))).toBe(true);
    const last = r.fake.requests.filter((q) => q.path.endsWith('/logs')).at(-1)!;
    expect(last.query).toMatchObject({ severity: 'ERROR', body_contains: 'constraint', sort_order: 'desc' });
  });

  it('asks at most 30 days back, with a note', async () => {
    const page = await r.provider.logs(await cluster(), { from: new Date(NOW - 90 * 86_400_000), to: new Date(NOW), limit: 10 });
    expect(page.note).toMatch(/30 days/);
    const last = r.fake.requests.filter((q) => q.path.endsWith('/logs')).at(-1)!;
    expect(NOW - Date.parse(last.query.from_date!)).toBeLessThanOrEqual(30 * 86_400_000);
  });

  it('a failing logs endpoint is a named ApiError', async () => {
    const undo = r.fake.inject({ match: /\/logs$/, status: 403, message: 'Forbidden' });
    try {
      await expect(r.provider.logs(await cluster(), { ...window(1), limit: 10 })).rejects.toThrow(ApiError);
    } finally {
      undo();
    }
  });
});

describe('ClickHouse metrics and slow queries', () => {
  it('one series per metric label, each within 250 points, asked with a bucket that fits', async () => {
    const series = await r.provider.metrics(await cluster(), window(24 * 7));
    expect(series.map((s) => s.key)).toEqual(expect.arrayContaining(['cpu_usage/user', 'memory_usage', 'connection_count', 'storage_used', 'disk_iops/Reads']));
    for (const s of series) {
      expect(s.points.length).toBeGreaterThan(100);
      expect(s.points.length).toBeLessThanOrEqual(250);
      expect(s.points.map((p) => p.at)).toEqual([...s.points.map((p) => p.at)].sort((a, b) => a - b));
    }
    expect(series.find((s) => s.key === 'storage_used')!.unit).toBe('bytes');
    const last = r.fake.requests.filter((q) => q.path.endsWith('/metrics')).at(-1)!;
    expect(Number(last.query.bucket_size_seconds)).toBeGreaterThanOrEqual((7 * 24 * 3600) / 250);
  });

  it('slow queries come worst first, in ms', async () => {
    const rows = await r.provider.slowQueries(await cluster(), window(24));
    expect(rows.length).toBe(8);
    expect(rows.map((q) => q.totalMs)).toEqual([...rows.map((q) => q.totalMs)].sort((a, b) => b - a));
    expect(rows[0]!.query).toMatch(/^(SELECT|INSERT|UPDATE|DELETE|WITH|VACUUM)/);
    expect(rows.every((q) => q.avgMs > 0 && q.calls > 0)).toBe(true);
  });
});

describe('ClickHouse slow query detail', () => {
  it('one pattern with its recent executions, newest first; an unknown id is not-found', async () => {
    const c = await cluster();
    const [worst] = await r.provider.slowQueries(c, window(24));
    const detail = await r.provider.slowQueryDetail(c, worst!);
    expect(detail.query?.query).toBe(worst!.query);
    expect(detail.recent.length).toBe(5);
    expect(detail.recent.map((e) => e.at)).toEqual([...detail.recent.map((e) => e.at)].sort().reverse());
    expect(detail.recent.every((e) => e.durationMs > 0)).toBe(true);
    await expect(r.provider.slowQueryDetail(c, { ...worst!, id: 'no-such-pattern' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('sends the db_name, db_user and db_operation the pattern was listed under (the spec requires them)', async () => {
    const c = await cluster();
    const [worst] = await r.provider.slowQueries(c, window(24));
    await r.provider.slowQueryDetail(c, worst!);
    const sent = r.fake.requests.filter((q) => q.path.includes('/slowQueryPatterns/')).at(-1)!;
    expect(sent.query).toEqual({ db_name: worst!.database, db_user: worst!.user, db_operation: worst!.operation });
    expect(worst!.database && worst!.user && worst!.operation).toBeTruthy();
    // The fake is as strict as the spec: the old request (no query parameters) is refused.
    const bare = await fetch(`${r.fake.url}${sent.path}`, { headers: { authorization: `Basic ${Buffer.from(`${r.fake.keyId}:${r.fake.keySecret}`).toString('base64')}` } });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: string }).error).toBe('BAD_REQUEST: db_name, db_user, db_operation are required');
    // A pattern known only by its id is refused before any request.
    const before = r.fake.requests.length;
    await expect(r.provider.slowQueryDetail(c, { id: worst!.id })).rejects.toMatchObject({ kind: 'validation' });
    expect(r.fake.requests.length).toBe(before);
  });
});

describe('ClickHouse settings and switchover', () => {
  it('reads the typed keys of the spec and the values set, and merges changes', async () => {
    const c = await cluster();
    const view = await r.provider.readSettings(c);
    expect(view.specs.find((s) => s.key === 'default_transaction_isolation')).toMatchObject({ kind: 'choice', choices: ['read committed', 'repeatable read', 'serializable'] });
    expect(view.specs.find((s) => s.key === 'min_wal_size')).toMatchObject({ kind: 'int', min: 32768 });
    const result = await r.provider.updateSettings(c, { work_mem: '128MB', max_connections: '250', 'pgbouncer.default_pool_size': '25' });
    expect(result.message).toMatch(/restart/);
    const body = r.fake.requests.filter((q) => q.path.endsWith('/config')).at(-1)!;
    expect(body.method).toBe('PATCH');
    expect(body.body).toEqual({ pgConfig: { work_mem: '128MB', max_connections: 250 }, pgBouncerConfig: { default_pool_size: '25' } });
    expect((await r.provider.readSettings(c)).values).toEqual({ work_mem: '128MB', max_connections: '250', 'pgbouncer.default_pool_size': '25' });
  });

  it('always sends both maps, the unchanged one empty (the spec requires both; the fake refuses one alone)', async () => {
    const c = await cluster();
    await r.provider.updateSettings(c, { work_mem: '256MB' });
    expect(r.fake.requests.filter((q) => q.path.endsWith('/config')).at(-1)!.body).toEqual({ pgConfig: { work_mem: '256MB' }, pgBouncerConfig: {} });
    await r.provider.updateSettings(c, { 'pgbouncer.pool_mode': 'transaction' });
    expect(r.fake.requests.filter((q) => q.path.endsWith('/config')).at(-1)!.body).toEqual({ pgConfig: {}, pgBouncerConfig: { pool_mode: 'transaction' } });
    expect((await r.provider.readSettings(c)).values).toMatchObject({ work_mem: '256MB', 'pgbouncer.pool_mode': 'transaction', 'pgbouncer.default_pool_size': '25' });
    // What the old client sent, one map alone, is refused by the fake as the spec's validator would.
    await expect(r.provider.setConfig(c.id, { pgConfig: { work_mem: 128 } } as never)).rejects.toThrow(/pgConfig and pgBouncerConfig are required/);
  });

  it('refuses a value of the wrong type or an unknown key before sending anything', async () => {
    const before = r.fake.requests.length;
    await expect(r.provider.updateSettings(await cluster(), { default_transaction_isolation: 'chaos' })).rejects.toThrow(/must be one of/);
    await expect(r.provider.updateSettings(await cluster(), { shared_buffers: '1GB' })).rejects.toThrow(/not a setting/);
    await expect(r.provider.updateSettings(await cluster(), { max_connections: '0' })).rejects.toThrow(/at least 1/);
    expect(r.fake.requests.slice(before).filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('switchover only where there is a standby; every insight capability is supported', async () => {
    const c = await cluster();
    for (const cap of ['logs', 'metrics', 'slowQueries', 'settings', 'switchover', 'verifiedTls'] as const) expect(supports(r.provider, c, cap), cap).toBe(true);
    const single = await r.provider.get(r.fake.addService({ name: 'single', haType: 'none' }).id);
    expect(supports(r.provider, single, 'switchover')).toBe(false);
    expect(unsupportedReason(r.provider, single, 'switchover', 'ClickHouse')).toMatch(/no standby/);
    const after = await r.provider.switchover(c.id);
    expect(after.phase).toBe('updating');
  });
});
