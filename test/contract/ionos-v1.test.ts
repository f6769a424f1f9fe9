// The IONOS v1 fake's bodies checked against the v1 OpenAPI spec (a copy sits in specs/) with a real
// JSON Schema validator: list, get, create, patch, delete, versions, backups and every error shape.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { FakeClock } from '../../src/fake/kit.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';

type Op = { responses: Record<string, { content?: Record<string, { schema: object }>; $ref?: string }> };
const spec = parse(readFileSync(new URL('./specs/ionos-postgresql-v1.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, object>; responses: Record<string, { content: Record<string, { schema: object }> }> };
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'ionos-v1', components: spec.components });
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') ? `ionos-v1${v}` : rebase(v)]));
  }
  return schema;
}

function schemaFor(path: string, method: string, status: string): object {
  const response = spec.paths[path]?.[method]?.responses[status] ?? spec.paths[path]?.[method]?.responses.default;
  if (!response) throw new Error(`no ${status} response for ${method} ${path}`);
  const resolved = response.$ref ? spec.components.responses[response.$ref.split('/').pop()!]! : response;
  const schema = resolved.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no schema for ${method} ${path} ${status}`);
  return schema;
}

function expectValid(path: string, method: string, status: string, body: unknown): void {
  const validate = ajv.compile(rebase(schemaFor(path, method, status)) as object);
  expect(validate(body) ? [] : validate.errors, `${method.toUpperCase()} ${path} ${status}`).toEqual([]);
}

let fake: IonosV1Fake;
let auth: string;
const clock = new FakeClock(0);

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, type: res.headers.get('content-type') };
}

const CREATE = {
  properties: {
    displayName: 'contract test', postgresVersion: '15', location: 'de/txl', instances: 2, cores: 2, ram: 4096, storageSize: 20480,
    storageType: 'SSD Premium', synchronizationMode: 'ASYNCHRONOUS', backupLocation: 'de',
    connections: [{ datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', cidr: '192.168.1.100/24' }],
    credentials: { username: 'app_owner', password: 'long-enough-pw' },
    maintenanceWindow: { time: '04:00:00', dayOfTheWeek: 'Sunday' },
  },
};

beforeAll(async () => {
  fake = await startIonosV1Fake({ clock, seed: 5, transitionMs: 1000 });
  fake.seed(30);
  auth = `Basic ${Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')}`;
});
afterAll(async () => {
  await fake?.stop();
});

describe('IONOS v1 fake against the spec', () => {
  it('the validator is real: a drifted body fails', () => {
    const validate = ajv.compile(rebase(schemaFor('/clusters/{clusterId}', 'get', '200')) as object);
    expect(validate({ id: 'x', metadata: { state: 'SLEEPING' }, properties: { ram: 'lots', instances: 9 } })).toBe(false);
    expect(validate.errors!.length).toBeGreaterThanOrEqual(3);
  });

  it('list pages (every page, and the empty one past the end)', async () => {
    for (const q of ['?limit=10&offset=0', '?limit=10&offset=20', '?limit=10&offset=40', '']) {
      const r = await call('GET', `/clusters${q}`);
      expect(r.status).toBe(200);
      expectValid('/clusters', 'get', '200', r.json);
    }
  });

  it('get, create, patch and delete bodies', async () => {
    const created = await call('POST', '/clusters', CREATE);
    expect(created.status).toBe(200);
    expectValid('/clusters', 'post', '200', created.json);
    const id = created.json!.id as string;
    clock.advance(2000);
    const got = await call('GET', `/clusters/${id}`);
    expectValid('/clusters/{clusterId}', 'get', '200', got.json);
    const patched = await call('PATCH', `/clusters/${id}`, { properties: { instances: 3 } });
    expect(patched.status).toBe(200);
    expectValid('/clusters/{clusterId}', 'patch', '200', patched.json);
    clock.advance(2000);
    const deleted = await call('DELETE', `/clusters/${id}`);
    expect(deleted.status).toBe(200);
    expectValid('/clusters/{clusterId}', 'delete', '200', deleted.json);
  });

  it('versions and backups', async () => {
    expectValid('/clusters/postgresversions', 'get', '200', (await call('GET', '/clusters/postgresversions')).json);
    const id = [...fake.clusters.values()].find((c) => c.state === 'AVAILABLE')!.id;
    expectValid('/clusters/{clusterId}/postgresversions', 'get', '200', (await call('GET', `/clusters/${id}/postgresversions`)).json);
    const backups = await call('GET', `/clusters/${id}/backups`);
    expectValid('/clusters/{clusterId}/backups', 'get', '200', backups.json);
    expectValid('/clusters/backups', 'get', '200', (await call('GET', '/clusters/backups')).json);
    const backupId = (backups.json!.items as Array<{ id: string }>)[0]!.id;
    expectValid('/clusters/backups/{backupId}', 'get', '200', (await call('GET', `/clusters/backups/${backupId}`)).json);
  });

  it('every error is the spec ErrorResponse, served as problem+json', async () => {
    const bad = await call('POST', '/clusters', { properties: { ...CREATE.properties, ram: 3000, credentials: { username: 'postgres', password: 'short' } } });
    expect(bad.status).toBe(422);
    expectValid('/clusters', 'post', '422', bad.json);
    expect((bad.json!.messages as unknown[]).length).toBe(3);
    const missing = await call('GET', '/clusters/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expectValid('/clusters/{clusterId}', 'get', '404', missing.json);
    expect(missing.type).toContain('application/problem+json');
    auth = 'Basic bm9ib2R5Om5vdGhpbmc=';
    const unauth = await call('GET', '/clusters');
    auth = `Basic ${Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')}`;
    expect(unauth.status).toBe(401);
    expectValid('/clusters', 'get', '401', unauth.json);
  });
});

describe('IONOS v1 fake: cluster logs (ClusterLogs)', () => {
  it('answers per-instance messages in PostgreSQL log format, BACKWARD by default, limit per instance', async () => {
    const c = fake.addCluster({ properties: { instances: 2 } });
    const res = await call('GET', `/clusters/${c.id}/logs?limit=40`);
    expect(res.status).toBe(200);
    expectValid('/clusters/{clusterId}/logs', 'get', '200', res.json);
    const instances = (res.json as { instances: Array<{ name: string; messages: Array<{ time: string; message: string }> }> }).instances;
    expect(instances).toHaveLength(2);
    for (const inst of instances) {
      expect(inst.messages).toHaveLength(40);
      expect(inst.messages[0]!.time > inst.messages[39]!.time).toBe(true);
      expect(inst.messages[0]!.message).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[\d+\] (LOG|WARNING|ERROR|FATAL): {2}\S/);
    }
    const forward = (await call('GET', `/clusters/${c.id}/logs?limit=5&direction=FORWARD&start=${new Date(clock.now() - 3_600_000).toISOString()}`)).json as { instances: Array<{ messages: Array<{ time: string }> }> };
    const times = forward.instances[0]!.messages.map((m) => m.time);
    expect(times).toEqual([...times].sort());
    expect(Date.parse(times[0]!)).toBeGreaterThanOrEqual(clock.now() - 3_600_000);
  });

  it('refuses a start over 30 days back, a limit over 5000 and a bad direction (422, spec error body)', async () => {
    const c = fake.addCluster({});
    for (const q of [`start=${new Date(clock.now() - 31 * 86_400_000).toISOString()}`, 'limit=5001', 'limit=0', 'direction=SIDEWAYS']) {
      const res = await call('GET', `/clusters/${c.id}/logs?${q}`);
      expect(res.status, q).toBe(422);
      expectValid('/clusters/{clusterId}/logs', 'get', '422', res.json);
    }
    expect((await call('GET', '/clusters/00000000-0000-0000-0000-000000000000/logs')).status).toBe(404);
  });
});
