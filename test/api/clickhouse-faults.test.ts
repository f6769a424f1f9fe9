// Faults between the ClickHouse provider and the API: throttling, 5xx, hangs, junk bodies, revoked keys.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { FakeClock } from '../../src/fake/kit.js';
import { rig, type Rig } from './clickhouse-helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

async function apiError(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

const listPath = /^GET \/v1\/organizations\/[^/]+\/postgres$/;

describe('ClickHouse provider faults', () => {
  it('honours X-RateLimit-Reset on a 429, then succeeds (even for a POST)', async () => {
    r = await rig({}, {});
    r.fake.addService({ name: 'one' });
    await r.provider.verify();
    r.fake.inject({ rateLimitSeconds: 0, times: 1 });
    const started = Date.now();
    const c = await r.provider.create({ name: 'after throttle', provider: 'aws', region: 'us-east-1', size: 'r8gd.large' });
    // X-RateLimit-Reset: 0 means "reset+1" = 1 s of waiting, as ClickHouse's own Terraform provider does.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(c.name).toBe('after throttle');
    expect(r.fake.requests.filter((q) => q.method === 'POST')).toHaveLength(2);
  });

  it('the fake token bucket throttles per key and the client waits it out', async () => {
    r = await rig({ clock: new FakeClock(1), rateLimit: { requests: 2, windowSeconds: 4 } });
    await r.provider.verify();
    await r.provider.list();
    // The bucket is empty: the third call is refused with X-RateLimit-Reset and retried after it.
    const third = (await r.provider.list()).clusters;
    expect(third).toEqual([]);
    expect(r.fake.requests.length).toBeGreaterThanOrEqual(4);
  });

  it('the bucket answers 429 with X-RateLimit-Reset on the wire', async () => {
    r = await rig({ rateLimit: { requests: 1, windowSeconds: 10 } });
    const auth = `Basic ${Buffer.from(`${r.fake.keyId}:${r.fake.keySecret}`).toString('base64')}`;
    const first = await fetch(`${r.fake.url}/v1/organizations`, { headers: { authorization: auth } });
    expect(first.status).toBe(200);
    const second = await fetch(`${r.fake.url}/v1/organizations`, { headers: { authorization: auth } });
    expect(second.status).toBe(429);
    expect(second.headers.get('x-ratelimit-reset')).toBe('10');
    expect(await second.json()).toMatchObject({ status: 429, error: expect.stringMatching(/^TOO_MANY_REQUESTS: /) });
    // Another key has its own bucket.
    const other = `Basic ${Buffer.from(`${r.fake.otherKey.keyId}:${r.fake.otherKey.keySecret}`).toString('base64')}`;
    expect((await fetch(`${r.fake.url}/v1/organizations`, { headers: { authorization: other } })).status).toBe(200);
    r.advance(10_000);
    expect((await fetch(`${r.fake.url}/v1/organizations`, { headers: { authorization: auth } })).status).toBe(200);
  });

  it('retries a 500 on GET and succeeds', async () => {
    r = await rig();
    await r.provider.verify();
    r.fake.inject({ status: 500, times: 1, match: listPath });
    expect((await r.provider.list()).clusters).toEqual([]);
    expect(r.fake.requests.filter((q) => listPath.test(`${q.method} ${q.path}`))).toHaveLength(2);
  });

  it('does not repeat a POST after a 500, and keeps the message', async () => {
    r = await rig();
    await r.provider.verify();
    r.fake.inject({ status: 500, message: 'boom', times: 1, match: /^POST / });
    const err = await apiError(r.provider.create({ name: 'x', provider: 'aws', region: 'us-east-1', size: 'r8gd.large' }));
    expect(err.kind).toBe('server');
    expect(err.providerMessage).toBe('INTERNAL_SERVER_ERROR: boom');
    expect(r.fake.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it('a hung request becomes a timeout', async () => {
    r = await rig({}, { timeoutMs: 200 });
    await r.provider.verify();
    r.fake.inject({ hang: true });
    const err = await apiError(r.provider.list());
    expect(err.kind).toBe('timeout');
  });

  it('a truncated JSON body is malformed', async () => {
    r = await rig();
    await r.provider.verify();
    r.fake.inject({ malformed: true, times: 1 });
    expect((await apiError(r.provider.list())).kind).toBe('malformed');
  });

  it('an item of the wrong shape is skipped and reported, the others are listed; a body of the wrong shape is malformed', async () => {
    r = await rig();
    const good = r.fake.addService({ name: 'ok' });
    const s = r.fake.addService({ name: 'bad' });
    await r.provider.verify();
    r.fake.services.delete(s.id);
    (r.fake as unknown as { services: Map<string, unknown> }).services.set(s.id, { ...s, id: 42 });
    const list = await r.provider.list();
    expect(list.clusters.map((c) => c.id)).toEqual([good.id]);
    expect(list.warnings).toEqual([`1 cluster from ${r.provider.profile} could not be read: result.1.id invalid (expected string, received number)`]);
  });

  it('an HTML page from a proxy: 502 is retried then reported with its title; 200 HTML is malformed', async () => {
    r = await rig();
    await r.provider.verify();
    r.fake.inject({ htmlStatus: 502 });
    const err = await apiError(r.provider.list());
    expect(err.kind).toBe('server');
    expect(err.message).toContain('HTML error page "502 Bad Gateway"');
    expect(r.fake.requests.filter((q) => listPath.test(`${q.method} ${q.path}`))).toHaveLength(3);
    r.fake.clearFaults();
    r.fake.inject({ htmlStatus: 200, times: 1 });
    expect((await apiError(r.provider.list())).kind).toBe('malformed');
  });

  it('revoked or wrong credentials are auth errors, never retried', async () => {
    r = await rig();
    r.fake.inject({ revoked: true, times: 1 });
    const err = await apiError(r.provider.verify());
    expect(err.kind).toBe('auth');
    expect(err.summary).toBe('ch: 401 Unauthorized: Invalid API key or secret');
    expect(r.fake.requests).toHaveLength(1);
    r.fake.revokeKey(r.fake.keyId);
    expect((await apiError(r.provider.list())).kind).toBe('auth');
    expect(JSON.stringify(r.fake.requests)).not.toContain(r.fake.keySecret);
  });
});
