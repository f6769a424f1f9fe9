// The v2 list across nine regional endpoints: concurrent fan-out, paging, region tags, partial failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { V2_LOCATIONS } from '../../src/api/ionos-v2/client.js';
import { apiError, makeProvider, rig, type Rig } from './ionos-v2-helpers.js';
import { until } from '../poll.js';

let r: Rig;
beforeEach(async () => {
  r = await rig();
});
afterEach(async () => {
  await r.close();
});

describe('IONOS v2 list across regions', () => {
  it('merges every region and tags each cluster with its location', async () => {
    const a = r.fake.addCluster('de/txl', { properties: { name: 'a' } });
    const b = r.fake.addCluster('gb/bhx', { properties: { name: 'b' } });
    const c = r.fake.addCluster('us/mci', { properties: { name: 'c' } });
    const list = await r.provider.list();
    expect(list.clusters.map((x) => [x.name, x.location, x.id]).sort()).toEqual([
      ['a', 'de/txl', a.id], ['b', 'gb/bhx', b.id], ['c', 'us/mci', c.id],
    ]);
    expect(list.failures).toEqual([]);
    // Every region was asked for its first page, and each only once (all short pages).
    expect(r.fake.requests.map((q) => q.location).sort()).toEqual([...V2_LOCATIONS].sort());
    // The result is a plain object of its parts: nothing rides on the array of clusters.
    expect(Object.keys(list).sort()).toEqual(['clusters', 'duplicates', 'failures', 'warnings']);
    expect(Object.keys(list.clusters)).toEqual(['0', '1', '2']);
  });

  it('asks the regions concurrently: every request arrives before the first answer', async () => {
    // No region ever answers: a request that arrives was sent without waiting for any answer.
    r.fake.inject(undefined, { hang: true });
    const stop = new AbortController();
    const listed = r.provider.list(stop.signal).then(() => 'listed', () => 'stopped');
    await until(() => r.fake.requests.length >= V2_LOCATIONS.length, 15_000);
    expect(r.fake.requests.map((q) => q.location).sort()).toEqual([...V2_LOCATIONS].sort());
    stop.abort();
    expect(await listed).toBe('stopped');
  });

  it('a region answering 503 keeps the other regions and is reported', async () => {
    r.fake.addCluster('de/txl');
    r.fake.addCluster('gb/lhr');
    r.fake.addCluster('us/las');
    r.fake.inject('gb/lhr', { status: 503, message: 'Service is under maintenance' });
    const list = await r.provider.list();
    expect(list.clusters.map((c) => c.location).sort()).toEqual(['de/txl', 'us/las']);
    expect(list.failures).toHaveLength(1);
    const [f] = list.failures;
    expect(f!.location).toBe('gb/lhr');
    expect(f!.error).toMatchObject({ kind: 'server', status: 503, profile: 'v2' });
    expect(f!.error.message).toBe('503 Service Unavailable: Service is under maintenance');
    expect(r.provider.lastFailures).toBe(list.failures);
    // 503 is retried (GET is idempotent): three attempts in gb/lhr.
    expect(r.fake.requests.filter((q) => q.location === 'gb/lhr')).toHaveLength(3);
  });

  it('a region that never answers times out without losing the others', async () => {
    const p = makeProvider(r.fake, undefined, { timeoutMs: 200 });
    r.fake.addCluster('fr/par');
    r.fake.inject('us/las', { hang: true });
    const list = await p.list();
    expect(list.clusters.map((c) => c.location)).toEqual(['fr/par']);
    expect(list.failures.map((f) => [f.location, f.error.kind])).toEqual([['us/las', 'timeout']]);
    await p.close();
  });

  it('recovers on the next list once the region is back', async () => {
    r.fake.addCluster('es/vit');
    const stop = r.fake.inject('es/vit', { status: 500 });
    expect((await r.provider.list()).clusters).toHaveLength(0);
    stop();
    const again = await r.provider.list();
    expect(again.clusters.map((c) => c.location)).toEqual(['es/vit']);
    expect(again.failures).toEqual([]);
    expect(r.provider.lastFailures).toEqual([]);
  });

  it('throws one ApiError when every region fails, naming how many', async () => {
    r.fake.inject(undefined, { status: 503, message: 'maintenance' });
    const err = await apiError(r.provider.list());
    expect(err).toMatchObject({ kind: 'server', status: 503, profile: 'v2' });
    expect(err.message).toBe('all 9 regions failed: 503 Service Unavailable: maintenance');
    expect(r.provider.lastFailures).toHaveLength(9);
  });

  it('when regions fail differently, the error leads with the most telling one (auth)', async () => {
    for (const l of V2_LOCATIONS) r.fake.inject(l, l === 'us/ewr' ? { revoked: true } : { status: 500, message: 'boom' });
    const err = await apiError(r.provider.list());
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('all 9 regions failed: us/ewr: 401 Unauthorized: the credentials are missing or invalid (and 8 more)');
  });

  it('lists 2,500 seeded clusters over pages in every region', async () => {
    const seeded = r.fake.seed(2_500);
    const list = (await r.provider.list()).clusters;
    expect(list).toHaveLength(2_500);
    expect(new Set(list.map((c) => c.id))).toEqual(new Set(seeded.map((c) => c.id)));
    const byId = new Map(seeded.map((c) => [c.id, c.location]));
    expect(list.every((c) => c.location === byId.get(c.id))).toBe(true);
    // 2,500 over 9 regions is 278 or 277 each: pages at offset 0, 100 and 200 of limit 100, and no more.
    for (const l of V2_LOCATIONS) {
      const pages = r.fake.requests.filter((q) => q.location === l && q.path === '/clusters').map((q) => q.query.offset);
      expect(pages).toEqual(['0', '100', '200']);
    }
    expect(new Set(list.map((c) => c.phase))).toEqual(new Set(['ready', 'creating', 'updating', 'deleting', 'failed']));
  });

  it('a region holding an exact multiple of the page size ends on an empty page despite the stale next link', async () => {
    for (let i = 0; i < 200; i++) r.fake.addCluster('de/fra');
    const list = (await r.provider.list()).clusters;
    expect(list).toHaveLength(200);
    const pages = r.fake.requests.filter((q) => q.location === 'de/fra').map((q) => q.query.offset);
    expect(pages).toEqual(['0', '100', '200']);
  });
});
