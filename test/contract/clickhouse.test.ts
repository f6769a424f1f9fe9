// The ClickHouse fake's response bodies checked against the OpenAPI spec (a copy of
// a copy of the spec sits in specs/ next to this file), with a real JSON Schema validator.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { FakeClock } from '../../src/fake/kit.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';

const spec = JSON.parse(readFileSync(new URL('./specs/clickhouse-cloud-postgres-openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// Component refs are "#/components/schemas/X": register the components under an $id and point refs at it.
ajv.addSchema({ $id: 'clickhouse-components', components: spec.components });
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') ? `clickhouse-components${v}` : rebase(v)]),
    );
  }
  return schema;
}

const ORG = '/v1/organizations/{organizationId}';
function validator(path: string, method: string, status: string) {
  const schema = spec.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no schema for ${method} ${path} ${status}`);
  return ajv.compile(rebase(schema) as object);
}

function expectValid(path: string, method: string, status: string, body: unknown): void {
  const validate = validator(path, method, status);
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${method.toUpperCase()} ${path} ${status}`).toEqual([]);
}

let fake: ClickHouseFake;
let auth: string;
let base: string;
const clock = new FakeClock(0);

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; type: string | null }> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text, type: res.headers.get('content-type') };
}

beforeAll(async () => {
  fake = await startClickHouseFake({ clock, rateLimit: false, seed: 3 });
  auth = `Basic ${Buffer.from(`${fake.keyId}:${fake.keySecret}`).toString('base64')}`;
  base = `/v1/organizations/${fake.orgId}/postgres`;
  fake.seedServices(40);
});
afterAll(async () => {
  await fake.stop();
});

describe('ClickHouse fake vs the OpenAPI spec', () => {
  it('organizations', async () => {
    const res = await call('GET', '/v1/organizations');
    expect(res.status).toBe(200);
    expectValid('/v1/organizations', 'get', '200', res.json);
  });

  it('list (seeded services in every state)', async () => {
    const res = await call('GET', base);
    expect(res.status).toBe(200);
    expect((res.json as { result: unknown[] }).result).toHaveLength(40);
    expectValid(`${ORG}/postgres`, 'get', '200', res.json);
  });

  it('create, get, patch, state, password, replica, restore, delete', async () => {
    const created = await call('POST', base, { name: 'contract one', provider: 'aws', region: 'eu-west-2', size: 'r6gd.medium', tags: [{ key: 'env', value: 'ci' }] });
    expect(created.status).toBe(200);
    expectValid(`${ORG}/postgres`, 'post', '200', created.json);
    const service = (created.json as { result: { id: string; password?: string } }).result;
    expect(service.password).toBeDefined();
    const id = service.id;
    const one = `${ORG}/postgres/{postgresId}`;

    const got = await call('GET', `${base}/${id}`);
    expectValid(one, 'get', '200', got.json);
    expect((got.json as { result: object }).result).not.toHaveProperty('password');

    clock.advance(6_000);
    const patched = await call('PATCH', `${base}/${id}`, { size: 'r8gd.large', tags: [{ key: 'env', value: 'ci' }, { key: 'k', value: 'v' }] });
    expect(patched.status).toBe(200);
    expectValid(one, 'patch', '200', patched.json);

    clock.advance(6_000);
    const state = await call('PATCH', `${base}/${id}/state`, { command: 'restart' });
    expectValid(`${one}/state`, 'patch', '200', state.json);

    const generated = await call('PATCH', `${base}/${id}/password`, {});
    expectValid(`${one}/password`, 'patch', '200', generated.json);
    expect((generated.json as { result: { password?: string } }).result.password).toMatch(/[a-z]/);
    const chosen = await call('PATCH', `${base}/${id}/password`, { password: 'N3wPassw0rdXyz' });
    expectValid(`${one}/password`, 'patch', '200', chosen.json);
    expect((chosen.json as { result: object }).result).toEqual({});

    const seededId = ((await call('GET', base)).json as { result: Array<{ id: string; state: string; isPrimary: boolean }> }).result.find((s) => s.state === 'running' && s.isPrimary)!.id;
    const replica = await call('POST', `${base}/${seededId}/readReplica`, { name: 'contract replica' });
    expect(replica.status).toBe(200);
    expectValid(`${one}/readReplica`, 'post', '200', replica.json);
    const restored = await call('POST', `${base}/${seededId}/restoredService`, { name: 'contract restore', restoreTarget: new Date(clock.now() - 3_600_000).toISOString() });
    expect(restored.status).toBe(200);
    expectValid(`${one}/restoredService`, 'post', '200', restored.json);

    const config = await call('POST', `${base}/${seededId}/config`, { pgConfig: { max_connections: 42 }, pgBouncerConfig: { default_pool_size: '16' } });
    expectValid(`${one}/config`, 'post', '200', config.json);
    const configGet = await call('GET', `${base}/${seededId}/config`);
    expectValid(`${one}/config`, 'get', '200', configGet.json);

    const certs = await call('GET', `${base}/${seededId}/caCertificates`);
    expect(certs.type).toBe('application/x-pem-file');

    clock.advance(6_000);
    const deleted = await call('DELETE', `${base}/${id}`);
    expect(deleted.status).toBe(200);
    expectValid(one, 'delete', '200', deleted.json);
    expect(deleted.json).not.toHaveProperty('result');
  });

  it('errors use the spec error body', async () => {
    const bad = await call('POST', base, { name: 'x', provider: 'aws', region: 'eu-west-2', size: 'huge' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ status: 400, error: 'BAD_REQUEST: invalid size' });
    expectValid(`${ORG}/postgres`, 'post', '400', bad.json);
    const missing = await call('POST', base, { name: 'x' });
    expect((missing.json as { error: string }).error).toBe('BAD_REQUEST: provider is required');
    expectValid(`${ORG}/postgres`, 'post', '400', missing.json);
    for (const [body, message] of [
      [{ name: 'y'.repeat(51), provider: 'aws', region: 'eu-west-2', size: 'r8gd.large' }, 'name must be between 1 and 50 characters'],
      [{ name: 'ok', provider: 'azure', region: 'eu-west-2', size: 'r8gd.large' }, 'invalid provider'],
      [{ name: 'ok', provider: 'aws', region: 'eu-west-2', size: 'r8gd.large', tags: [{ key: 'chc_x' }] }, 'tag keys starting with "chc_" are reserved'],
      [{ name: 'ok', provider: 'aws', region: 'eu-west-2', size: 'r8gd.large', tags: [{ key: 'a b' }] }, 'invalid tag key "a b"'],
      [{ name: 'ok', provider: 'aws', region: 'eu-west-2', size: 'r8gd.large', postgresVersion: '16' }, 'invalid postgresVersion'],
    ] as const) {
      const res = await call('POST', base, body);
      expect(res.status).toBe(400);
      expect((res.json as { error: string }).error).toBe(`BAD_REQUEST: ${message}`);
    }
    const server = fake.inject({ status: 500, message: 'db down', times: 1 });
    const failed = await call('GET', base);
    server();
    expect(failed.status).toBe(500);
    expectValid(`${ORG}/postgres`, 'get', '500', failed.json);
    // 401/404/409/429 are not in the spec; they keep the same shape.
    for (const res of [
      await fetch(`${fake.url}${base}`).then(async (r) => ({ status: r.status, json: await r.json() })),
      await call('GET', `${base}/00000000-0000-4000-8000-000000000000`),
    ]) {
      expect([401, 404]).toContain(res.status);
      expectValid(`${ORG}/postgres`, 'get', '400', res.json);
    }
  });

  it('a drifting body fails validation', () => {
    const validate = validator(`${ORG}/postgres/{postgresId}`, 'get', '200');
    expect(validate({ result: { id: 'x', state: 'running' }, requestId: 'r', status: 200 })).toBe(false);
    expect(validate({ result: { id: '67b4bc12-8582-45d0-8806-fe9b2e5a54e6', size: 'r8gd.huge' }, status: 200 })).toBe(false);
    expect(validate({ result: { id: '67b4bc12-8582-45d0-8806-fe9b2e5a54e6', tags: [{ key: 'a b' }] }, status: 200 })).toBe(false);
    expect(validate({ result: { id: '67b4bc12-8582-45d0-8806-fe9b2e5a54e6', storageSize: '59' }, status: 200 })).toBe(false);
  });
});
