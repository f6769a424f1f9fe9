// Faults injected per region surface as typed, one-line ApiErrors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEW_CLUSTER, apiError, makeProvider, rig, type Rig } from './ionos-v2-helpers.js';

let r: Rig;
let id: string;
beforeEach(async () => {
  r = await rig();
  id = r.fake.addCluster('de/fra').id;
  await r.provider.list(); // learn the region
  r.fake.world.clusters.get(id)!.properties.name = 'db';
});
afterEach(async () => {
  await r.close();
});

const onGet = (path = '/clusters/') => new RegExp(`^GET ${path}`);

describe('IONOS v2 faults', () => {
  it('401: wrong password is an auth error with the IONOS message', async () => {
    const p = makeProvider(r.fake, undefined, { password: 'wrong' });
    const err = await apiError(p.get(`de/fra:${id}`));
    expect(err).toMatchObject({ kind: 'auth', status: 401, profile: 'v2' });
    expect(err.message).toBe('401 Unauthorized: the credentials are missing or invalid');
    await p.close();
  });

  it('401: revoked credentials mid-session', async () => {
    r.fake.inject('de/fra', { revoked: true });
    const err = await apiError(r.provider.get(id));
    expect(err.kind).toBe('auth');
  });

  it('403: a token without DBaaS rights', async () => {
    const p = makeProvider(r.fake, undefined, { token: r.fake.credentials.forbiddenToken });
    const err = await apiError(p.list());
    expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(err.message).toBe('all 9 regions failed: 403 Forbidden: the user lacks the DBaaS privilege');
    await p.close();
  });

  it('422 from the API: every message joined on one line', async () => {
    // Client-side checks pass; the fake refuses the unknown backup location.
    const err = await apiError(r.provider.create({ ...NEW_CLUSTER, backupLocation: 'mars-1' }));
    expect(err).toMatchObject({ kind: 'validation', status: 422 });
    expect(err.message).toBe('422 Unprocessable Entity: properties.backup.location: required, one of de, eu-central-2, eu-central-3, eu-central-4, eu-south-2');
    expect(err.message).not.toContain('\n');
  });

  it('429 with Retry-After is retried and then succeeds', async () => {
    r.fake.inject('de/fra', { rateLimitSeconds: 0, times: 1, match: onGet() });
    expect((await r.provider.get(id)).name).toBe('db');
    expect(r.fake.requests.filter((q) => q.path === `/clusters/${id}`)).toHaveLength(2);
  });

  it('429 that outlasts the retries is a rate-limit error', async () => {
    r.fake.inject('de/fra', { rateLimitSeconds: 0, match: onGet() });
    const err = await apiError(r.provider.get(id));
    expect(err).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 0 });
    expect(err.message).toBe('429 Too Many Requests: request rate limit exceeded');
  });

  it('500 is a server error; POST is never retried on 503', async () => {
    r.fake.inject('de/fra', { status: 500, message: 'internal error', match: onGet() });
    expect((await apiError(r.provider.get(id))).message).toBe('500 Internal Server Error: internal error');
    r.fake.inject('de/fra', { status: 503, message: 'maintenance', match: /^POST/ });
    const err = await apiError(r.provider.create(NEW_CLUSTER));
    expect(err).toMatchObject({ kind: 'server', status: 503 });
    expect(r.fake.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it('a 502 HTML page from a proxy becomes a one-line error with its title', async () => {
    r.fake.inject('de/fra', { htmlStatus: 502, match: onGet() });
    const err = await apiError(r.provider.get(id));
    expect(err).toMatchObject({ kind: 'server', status: 502 });
    expect(err.message).toBe('502 Bad Gateway: HTML error page "502 Bad Gateway"');
  });

  it('a truncated body is malformed', async () => {
    r.fake.inject('de/fra', { malformed: true, match: onGet() });
    const err = await apiError(r.provider.get(id));
    expect(err.kind).toBe('malformed');
  });

  it('an item of the wrong shape is skipped and reported, naming the field', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'collection', items: [{ properties: { name: 'no id' } }], offset: 0, limit: 100, _links: {} }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const p = makeProvider(r.fake, undefined, { locations: ['de/fra'], endpoints: { 'de/fra': url } });
    const list = await p.list();
    expect(list.clusters).toEqual([]);
    expect(list.warnings).toEqual([`1 cluster from ${p.profile} could not be read: de/fra items.0.id missing`]);
    await p.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('no answer in time is a timeout', async () => {
    const p = makeProvider(r.fake, undefined, { timeoutMs: 150 });
    await p.list();
    r.fake.inject('de/fra', { hang: true, match: onGet() });
    const err = await apiError(p.get(id));
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/^no answer from 127\.0\.0\.1:\d+ within [\d.]+ s$/);
    await p.close();
  });

  it('a region refusing connections is a network error for that region only', async () => {
    const p = makeProvider(r.fake, undefined, { endpoints: { ...r.fake.endpoints, 'us/las': 'http://127.0.0.1:1' } });
    const list = await p.list();
    expect(list.clusters.map((c) => c.id)).toEqual([id]);
    expect(list.failures.map((f) => [f.location, f.error.kind, f.error.message])).toEqual([['us/las', 'network', 'connection refused by 127.0.0.1:1']]);
    await p.close();
  });
});
