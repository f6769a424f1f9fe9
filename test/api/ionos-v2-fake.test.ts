// The v2 fake on its own: envelopes, paging links, filters, auth and error shapes, lifecycle on the clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEW_CLUSTER, raw, rig, type Rig } from './ionos-v2-helpers.js';
import { createProperties } from '../../src/api/ionos-v2/forms.js';

let r: Rig;
beforeEach(async () => {
  r = await rig();
});
afterEach(async () => {
  await r.close();
});

const createBody = () => ({ properties: createProperties(NEW_CLUSTER) });

describe('IONOS v2 fake', () => {
  it('serves one server per region on its own port, sharing one clock', () => {
    const urls = Object.values(r.fake.endpoints);
    expect(Object.keys(r.fake.endpoints)).toEqual(['de/txl', 'de/fra', 'fr/par', 'es/vit', 'gb/lhr', 'gb/bhx', 'us/las', 'us/mci', 'us/ewr']);
    expect(new Set(urls).size).toBe(9);
    expect(urls.every((u) => /^http:\/\/127\.0\.0\.1:\d+$/.test(u))).toBe(true);
    expect(Object.values(r.fake.servers).every((s) => s.clock === r.clock)).toBe(true);
  });

  it('GET /clusters/{id}: the ClusterRead envelope, credentials without the password', async () => {
    const c = r.fake.addCluster('de/txl');
    const { status, body } = await raw(r.fake, 'de/txl', 'GET', `/clusters/${c.id}`);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['id', 'type', 'href', 'metadata', 'properties']);
    expect(body).toMatchObject({ id: c.id, type: 'cluster', href: `/clusters/${c.id}` });
    expect(body.metadata).toMatchObject({
      state: 'AVAILABLE', dnsName: c.dnsName, resourceURN: `ionos:postgresql:de-txl:11274857:clusters/${c.id}`,
      createdBy: expect.stringMatching(/^ionos:iam:cloud::users\//),
    });
    expect(body.properties.credentials).toEqual({ username: 'dbadmin', database: 'app' });
    // Another region does not know it.
    expect((await raw(r.fake, 'de/fra', 'GET', `/clusters/${c.id}`)).status).toBe(404);
    // The /v2 alias some clients use.
    expect((await raw(r.fake, 'de/txl', 'GET', `/v2/clusters/${c.id}`)).body.id).toBe(c.id);
  });

  it('paging: offset/limit with _links prev/self/next, and the stale next on the last page', async () => {
    for (let i = 0; i < 250; i++) r.fake.addCluster('gb/lhr');
    const first = (await raw(r.fake, 'gb/lhr', 'GET', '/clusters?limit=100')).body;
    expect(first).toMatchObject({ type: 'collection', href: '/clusters', offset: 0, limit: 100 });
    expect(first.items).toHaveLength(100);
    expect(first._links).toEqual({ self: '/clusters?offset=0&limit=100', next: '/clusters?offset=100&limit=100' });
    const last = (await raw(r.fake, 'gb/lhr', 'GET', '/clusters?offset=200&limit=100')).body;
    expect(last.items).toHaveLength(50);
    expect(last._links).toEqual({
      self: '/clusters?offset=200&limit=100', prev: '/clusters?offset=100&limit=100', next: '/clusters?offset=300&limit=100',
    });
    const past = (await raw(r.fake, 'gb/lhr', 'GET', '/clusters?offset=300')).body;
    expect(past.items).toBeUndefined(); // "items may be omitted when empty"
    r.fake.servers['gb/lhr']!.staleNext = false;
    expect((await raw(r.fake, 'gb/lhr', 'GET', '/clusters?offset=200')).body._links.next).toBeUndefined();
    expect((await raw(r.fake, 'gb/lhr', 'GET', '/clusters?limit=0')).status).toBe(400);
    expect((await raw(r.fake, 'gb/lhr', 'GET', '/clusters?limit=1001')).status).toBe(400);
  });

  it('filters: filter.name (case-insensitive contains) and filter.state, kept in the links', async () => {
    r.fake.addCluster('fr/par', { properties: { name: 'Orders-Prod' } });
    r.fake.addCluster('fr/par', { properties: { name: 'orders-dev' }, state: 'FAILED' });
    r.fake.addCluster('fr/par', { properties: { name: 'billing' } });
    const byName = (await raw(r.fake, 'fr/par', 'GET', '/clusters?filter.name=ORDERS')).body;
    expect(byName.items.map((c: any) => c.properties.name)).toEqual(['Orders-Prod', 'orders-dev']);
    expect(byName._links.self).toBe('/clusters?filter.name=ORDERS&offset=0&limit=100');
    const failed = (await raw(r.fake, 'fr/par', 'GET', '/clusters?filter.state=FAILED')).body;
    expect(failed.items.map((c: any) => [c.properties.name, c.metadata.statusMessage])).toEqual([['orders-dev', 'Provisioning failed: the LAN is not reachable.']]);
  });

  it('auth: 401 in the IONOS error shape as problem+json; Bearer accepted', async () => {
    const none = await raw(r.fake, 'us/ewr', 'GET', '/clusters', undefined, '');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    expect(none.body).toEqual({ httpStatus: 401, messages: [{ errorCode: 'dbaas-err-api-401', message: 'the credentials are missing or invalid' }] });
    expect((await raw(r.fake, 'us/ewr', 'GET', '/clusters', undefined, 'Bearer nope')).status).toBe(401);
    expect((await raw(r.fake, 'us/ewr', 'GET', '/clusters', undefined, `Bearer ${r.fake.credentials.token}`)).status).toBe(200);
    expect((await raw(r.fake, 'us/ewr', 'GET', '/clusters', undefined, `Bearer ${r.fake.credentials.forbiddenToken}`)).status).toBe(403);
  });

  it('request errors: 405, 404 path, 415, 400 bad JSON, 422 with one message per problem', async () => {
    expect((await raw(r.fake, 'de/txl', 'PATCH', '/clusters')).status).toBe(405);
    expect((await raw(r.fake, 'de/txl', 'GET', '/users')).status).toBe(404);
    const auth = `Basic ${Buffer.from(`${r.fake.credentials.username}:${r.fake.credentials.password}`).toString('base64')}`;
    const text = await fetch(`${r.fake.endpoints['de/txl']}/clusters`, { method: 'POST', headers: { authorization: auth, 'content-type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
    const bad = await fetch(`${r.fake.endpoints['de/txl']}/clusters`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    const body = createBody();
    Object.assign(body.properties, { name: '-x', replicationMode: 'STRICTLY_SYNCHRONOUS', restoreFromBackup: { recoveryTargetDatetime: '2026-01-01T00:00:00Z' } });
    (body.properties.credentials as any).password = 'short';
    const res = await raw(r.fake, 'de/txl', 'POST', '/clusters', body);
    expect(res.status).toBe(422);
    expect(res.body.messages.map((m: any) => m.message)).toEqual([
      'properties.name: required, up to 63 characters of [a-zA-Z0-9._-], beginning and ending alphanumeric',
      'properties.replicationMode: STRICTLY_SYNCHRONOUS is only supported for clusters with at least 3 instances',
      'properties.credentials.password: at least 8 characters',
      'properties.restoreFromBackup: an in-place restore is only valid on PUT',
    ]);
  });

  it('lifecycle on the clock: 201 PROVISIONING → AVAILABLE (DNS name, first backup), 202 DESTROYING → 404', async () => {
    const created = await raw(r.fake, 'de/fra', 'POST', '/clusters', createBody());
    expect(created.status).toBe(201);
    expect(created.body.metadata.state).toBe('PROVISIONING');
    expect(created.body.metadata.dnsName).toBeUndefined();
    const id = created.body.id;
    r.clock.advance(6_000);
    const ready = (await raw(r.fake, 'de/fra', 'GET', `/clusters/${id}`)).body;
    expect(ready.metadata.state).toBe('AVAILABLE');
    expect(ready.metadata.dnsName).toMatch(/\.postgresql\.de-fra\.ionos\.com$/);
    const backups = (await raw(r.fake, 'de/fra', 'GET', `/backups?filter.clusterId=${id}`)).body.items;
    expect(backups).toHaveLength(1);
    expect(backups[0].properties).toMatchObject({ clusterId: id, isActive: true, location: 'eu-central-3', postgresClusterVersion: '17' });
    const del = await raw(r.fake, 'de/fra', 'DELETE', `/clusters/${id}`);
    expect(del.status).toBe(202);
    expect(del.body).toBeUndefined();
    expect((await raw(r.fake, 'de/fra', 'GET', `/clusters/${id}`)).body.metadata.state).toBe('DESTROYING');
    r.clock.advance(6_000);
    expect((await raw(r.fake, 'de/fra', 'GET', `/clusters/${id}`)).status).toBe(404);
    const after = (await raw(r.fake, 'de/fra', 'GET', `/backups/${backups[0].id}`)).body;
    expect(after.properties.isActive).toBe(false);
  });

  it('versions and backup locations are paged collections with UUID ids', async () => {
    const versions = (await raw(r.fake, 'us/mci', 'GET', '/versions?limit=2')).body;
    expect(versions.items.map((v: any) => v.properties.version)).toEqual(['14', '15']);
    expect(versions.items[0].properties).toMatchObject({ status: 'DEPRECATED', canUpgradeTo: ['15', '16', '17'] });
    const one = (await raw(r.fake, 'us/mci', 'GET', `/versions/${versions.items[1].id}`)).body;
    expect(one.properties.version).toBe('15');
    const locs = (await raw(r.fake, 'us/mci', 'GET', '/backup-locations')).body.items;
    expect(locs[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('faults are per region; seed spreads clusters over all nine', async () => {
    r.fake.inject('de/txl', { status: 503 });
    expect((await raw(r.fake, 'de/txl', 'GET', '/clusters')).status).toBe(503);
    expect((await raw(r.fake, 'de/fra', 'GET', '/clusters')).status).toBe(200);
    r.fake.clearFaults();
    const seeded = r.fake.seed(18);
    const perRegion = new Map<string, number>();
    for (const c of seeded) perRegion.set(c.location, (perRegion.get(c.location) ?? 0) + 1);
    expect([...perRegion.values()]).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });
});
