// The ClickHouse fake's /logs, /metrics, /prometheus, /slowQueryPatterns and /config bodies checked against the
// OpenAPI spec copy (ajv), their parameter limits, and fault injection on them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { FakeClock } from '../../src/fake/kit.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { LOG_EVERY_MS } from '../../src/fake/insight/synthetic.js';

const spec = JSON.parse(readFileSync(new URL('./specs/clickhouse-cloud-postgres-openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
};
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'ch-insight', components: spec.components });
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') ? `ch-insight${v}` : rebase(v)]));
  }
  return schema;
}
const SVC = '/v1/organizations/{organizationId}/postgres/{postgresId}';
function expectValid(path: string, body: unknown, method = 'get'): void {
  const schema = spec.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no schema for ${path}`);
  const validate = ajv.compile(rebase(schema) as object);
  expect(validate(body) ? [] : validate.errors, path).toEqual([]);
}

const NOW = Date.parse('2026-11-30T12:00:00Z');
let fake: ClickHouseFake;
let auth: string;
let base: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: /json/.test(res.headers.get('content-type') ?? '') ? (JSON.parse(text) as Record<string, unknown>) : undefined, text, type: res.headers.get('content-type') };
}

beforeAll(async () => {
  fake = await startClickHouseFake({ clock: new FakeClock(0, NOW), rateLimit: false, seed: 11 });
  auth = `Basic ${Buffer.from(`${fake.keyId}:${fake.keySecret}`).toString('base64')}`;
  const s = fake.addService({ name: 'orders', state: 'running', haType: 'async' });
  base = `/v1/organizations/${fake.orgId}/postgres/${s.id}`;
});
afterAll(async () => {
  await fake.stop();
});

describe('ClickHouse fake: logs', () => {
  it('answers PostgresLogEntry items, newest first by default, with real severities', async () => {
    const res = await call('GET', `${base}/logs?limit=500&from_date=2026-11-30T10:00:00Z&to_date=2026-11-30T12:00:00Z`);
    expect(res.status).toBe(200);
    expectValid(`${SVC}/logs`, res.json);
    const rows = res.json!.result as Array<{ timestamp: string; severity: string; body: string }>;
    expect(rows).toHaveLength(500);
    expect(Date.parse(rows[0]!.timestamp)).toBeGreaterThan(Date.parse(rows[499]!.timestamp));
    expect(new Set(rows.map((r) => r.severity))).toEqual(new Set(['LOG', 'WARNING', 'ERROR', 'FATAL']));
  });

  it('filters by severity and body, sorts ascending, pages by offset without overlap', async () => {
    const q = 'from_date=2026-11-30T00:00:00Z&to_date=2026-11-30T12:00:00Z&sort_order=asc';
    const errors = (await call('GET', `${base}/logs?${q}&severity=ERROR&limit=50`)).json!.result as Array<{ severity: string; timestamp: string }>;
    expect(errors.length).toBe(50);
    expect(errors.every((e) => e.severity === 'ERROR')).toBe(true);
    expect(errors.map((e) => e.timestamp)).toEqual([...errors.map((e) => e.timestamp)].sort());
    const checkpoints = (await call('GET', `${base}/logs?${q}&body_contains=checkpoint%20starting&limit=20`)).json!.result as Array<{ body: string }>;
    expect(checkpoints.every((c) => c.body === 'checkpoint starting: time')).toBe(true);
    const p1 = (await call('GET', `${base}/logs?${q}&limit=10`)).json!.result as Array<{ timestamp: string }>;
    const p2 = (await call('GET', `${base}/logs?${q}&limit=10&offset=10`)).json!.result as Array<{ timestamp: string }>;
    expect(p2[0]!.timestamp > p1[9]!.timestamp).toBe(true);
  });

  it('new lines arrive as the clock moves', async () => {
    const before = (await call('GET', `${base}/logs?limit=1`)).json!.result as Array<{ timestamp: string }>;
    fake.clock.advance(LOG_EVERY_MS * 3);
    const after = (await call('GET', `${base}/logs?limit=1`)).json!.result as Array<{ timestamp: string }>;
    expect(after[0]!.timestamp > before[0]!.timestamp).toBe(true);
  });

  it('refuses a limit outside 1–2000, a window over 30 days and a bad date, with the error envelope', async () => {
    for (const q of ['limit=0', 'limit=2001', 'from_date=2026-10-01T00:00:00Z&to_date=2026-11-30T00:00:00Z', 'from_date=yesterday', 'sort_order=sideways']) {
      const res = await call('GET', `${base}/logs?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json, q).toMatchObject({ status: 400 });
    }
  });

  it('fault injection applies (a 503 on logs, a hang cut by the client)', async () => {
    fake.inject({ match: /\/logs$/, status: 503, times: 1 });
    expect((await call('GET', `${base}/logs`)).status).toBe(503);
    expect((await call('GET', `${base}/logs`)).status).toBe(200);
  });
});

describe('ClickHouse fake: metrics, prometheus, slow queries, config, CA', () => {
  it('metrics match PostgresMetrics, with ≤ 250 points per series that move', async () => {
    const res = await call('GET', `${base}/metrics?from_date=2026-11-29T12:00:00Z&to_date=2026-11-30T12:00:00Z`);
    expect(res.status).toBe(200);
    expectValid(`${SVC}/metrics`, res.json);
    const metrics = (res.json!.result as { metrics: Array<{ key: string; series: Array<{ dataPoints: Array<{ value: number }> }> }> }).metrics;
    expect(metrics.map((m) => m.key)).toEqual(expect.arrayContaining(['cpu_usage', 'memory_usage', 'connection_count', 'storage_used']));
    for (const m of metrics) {
      for (const s of m.series) {
        expect(s.dataPoints.length).toBeLessThanOrEqual(250);
        expect(new Set(s.dataPoints.map((p) => p.value)).size).toBeGreaterThan(10);
      }
    }
    const tiny = await call('GET', `${base}/metrics?from_date=2026-11-29T12:00:00Z&to_date=2026-11-30T12:00:00Z&bucket_size_seconds=1`);
    expect((tiny.json!.result as { metrics: Array<{ series: Array<{ dataPoints: unknown[] }> }> }).metrics[0]!.series[0]!.dataPoints).toHaveLength(250);
  });

  it('prometheus is text with one gauge per series, for a service and for the organisation', async () => {
    const res = await call('GET', `${base}/prometheus`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^# TYPE pg_cpu_usage_percent gauge$/m);
    expect(res.text).toMatch(/^pg_connection_count\{postgres_id="[0-9a-f-]+",label="total"\} \d/m);
    const org = await call('GET', `/v1/organizations/${fake.orgId}/postgres/prometheus`);
    expect(org.status).toBe(200);
    expect(org.text).toContain('# HELP');
  });

  it('slow query patterns match the spec, sorted and limited as asked; one pattern has recent executions', async () => {
    const res = await call('GET', `${base}/slowQueryPatterns?limit=5`);
    expect(res.status).toBe(200);
    expectValid(`${SVC}/slowQueryPatterns`, res.json);
    const rows = res.json!.result as Array<{ queryId: string; totalDurationUs: number; callCount: number; dbName: string; dbUser: string; dbOperation: string }>;
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.totalDurationUs)).toEqual([...rows.map((r) => r.totalDurationUs)].sort((a, b) => b - a));
    const byCalls = (await call('GET', `${base}/slowQueryPatterns?sort_by=call_count&sort_order=asc`)).json!.result as Array<{ callCount: number }>;
    expect(byCalls.map((r) => r.callCount)).toEqual([...byCalls.map((r) => r.callCount)].sort((a, b) => a - b));
    // The spec requires the pattern's database, user and operation beside its id.
    const names = new URLSearchParams({ db_name: rows[0]!.dbName, db_user: rows[0]!.dbUser, db_operation: rows[0]!.dbOperation });
    const one = await call('GET', `${base}/slowQueryPatterns/${encodeURIComponent(rows[0]!.queryId)}?${names}`);
    expect(one.status).toBe(200);
    expectValid(`${SVC}/slowQueryPatterns/{queryId}`, one.json);
    expect((await call('GET', `${base}/slowQueryPatterns/nope?${names}`)).status).toBe(404);
    expect((await call('GET', `${base}/slowQueryPatterns/${encodeURIComponent(rows[0]!.queryId)}`)).status).toBe(400);
    expect((await call('GET', `${base}/slowQueryPatterns?sort_by=vibes`)).status).toBe(400);
  });

  it('config round-trips through PATCH and GET, matching the spec', async () => {
    const patched = await call('PATCH', `${base}/config`, { pgConfig: { work_mem: '64MB', max_connections: 300 }, pgBouncerConfig: { default_pool_size: '20' } });
    expect(patched.status).toBe(200);
    expectValid(`${SVC}/config`, patched.json, 'patch');
    expect((patched.json!.result as { message?: string }).message).toMatch(/max_connections/);
    const got = await call('GET', `${base}/config`);
    expectValid(`${SVC}/config`, got.json);
    expect(got.json!.result).toEqual({ pgConfig: { work_mem: '64MB', max_connections: 300 }, pgBouncerConfig: { default_pool_size: '20' } });
  });

  it('switchover needs HA and puts the service through a restart', async () => {
    const res = await call('PATCH', `${base}/state`, { command: 'switchover' });
    expect(res.status).toBe(200);
    expect((res.json!.result as { state: string }).state).toBe('restarting');
  });

  it('caCertificates is a PEM, the one given to the fake when it was started with one', async () => {
    const own = await startClickHouseFake({ clock: new FakeClock(0, NOW), rateLimit: false, caPem: 'PEM-MARKER' });
    try {
      const s = own.addService({ name: 'x' });
      const res = await fetch(`${own.url}/v1/organizations/${own.orgId}/postgres/${s.id}/caCertificates`, {
        headers: { authorization: `Basic ${Buffer.from(`${own.keyId}:${own.keySecret}`).toString('base64')}` },
      });
      expect(await res.text()).toBe('PEM-MARKER');
    } finally {
      await own.stop();
    }
    expect((await call('GET', `${base}/caCertificates`)).text).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});
