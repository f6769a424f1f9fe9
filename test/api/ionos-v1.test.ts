// The IONOS v1 client against its fake: auth, paging at scale, phases, create/patch/delete lifecycles, the
// PATCH carrying only the change, forms and their validation, backups and upgrades, typed faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IonosV1Provider, v1BaseUrl } from '../../src/api/ionos-v1/client.js';
import { createProvider } from '../../src/api/registry.js';
import { PAGE_CONCURRENCY } from '../../src/api/ionos-v1/catalog.js';
import type { IonosV1Profile } from '../../src/api/profile.js';
import { memorySecretStore, type Cluster } from '../../src/api/core/types.js';
import { isApiError, type ApiError } from '../../src/api/core/errors.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { until } from '../poll.js';

const FAST = { retries: 2, baseDelayMs: 5, maxDelayMs: 2000 };
const T = 6000;
let fake: IonosV1Fake;
let clock: FakeClock;
/** Through createProvider, as the app builds it: errors are named with the profile there (registry.ts). */
const provider = (over: Partial<IonosV1Profile> = {}) =>
  createProvider({ kind: 'ionos-v1', name: 'v1', apiUrl: fake.url, username: fake.credentials.username, password: fake.credentials.password, timeoutMs: 1500, ...over }, { secrets: memorySecretStore(), retry: FAST }) as IonosV1Provider;
const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e as ApiError);
const advance = (ms: number) => {
  clock.advance(ms);
  fake.settle();
};

const VALUES = {
  location: 'de/txl', displayName: 'api test', postgresVersion: '15', instances: '1', cores: '2', ram: '4096', storageSize: '20480',
  storageType: 'SSD Premium', synchronizationMode: 'ASYNCHRONOUS', backupLocation: 'de', datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003',
  lanId: '2', cidr: '192.168.1.100/24', maintenanceDay: 'Sunday', maintenanceTime: '04:00:00', poolMode: 'off', username: 'app_owner', password: 'long-enough-pw',
};

beforeAll(async () => {
  clock = new FakeClock(0);
  fake = await startIonosV1Fake({ clock, transitionMs: T, seed: 8 });
});
afterAll(async () => {
  await fake?.stop();
});

describe('auth and base URL', () => {
  it('Basic, Bearer and the contract number work; wrong credentials are auth errors', async () => {
    expect((await provider().verify()).summary).toContain(fake.credentials.username);
    await provider({ username: undefined, password: undefined, token: fake.credentials.token }).list();
    await provider({ contractNumber: fake.contractNumber }).list();
    const other = await rejection(provider({ contractNumber: '999' }).list());
    expect(other.kind).toBe('forbidden');
    const bad = await rejection(provider({ password: 'wrong' }).list());
    expect(bad.kind).toBe('auth');
    expect(bad.summary).toMatch(/^v1: 401 /);
    const none = await rejection(provider({ username: undefined, password: undefined }).list());
    expect(none.kind).toBe('config');
  });

  it('IONOS_API_URL without the path gets the SDK base path', () => {
    expect(v1BaseUrl(undefined)).toBe('https://api.ionos.com/databases/postgresql');
    expect(v1BaseUrl('https://api.ionos.com/')).toBe('https://api.ionos.com/databases/postgresql');
    expect(v1BaseUrl('http://127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
  });
});

describe('list at scale', () => {
  it('2,500 clusters over 25 pages: complete, no duplicates, pages asked a few at a time', async () => {
    const big = await startIonosV1Fake({ clock: new FakeClock(0), seed: 2 });
    try {
      big.seed(2500);
      const p = new IonosV1Provider({ kind: 'ionos-v1', name: 'big', apiUrl: big.url, username: big.credentials.username, password: big.credentials.password }, { secrets: memorySecretStore() });
      const firstPages: number[] = [];
      const clusters = (await p.list(undefined, (soFar) => firstPages.push(soFar.length))).clusters;
      expect(firstPages).toEqual([100]); // the first page is reported once, before the others arrive
      expect(clusters).toHaveLength(2500);
      expect(new Set(clusters.map((c) => c.id)).size).toBe(2500);
      expect(new Set(clusters.map((c) => c.id))).toEqual(new Set(big.clusters.keys()));
      const pages = big.requests.filter((r) => r.path === '/clusters');
      expect(pages.length).toBeGreaterThanOrEqual(26); // 25 full pages + the short one that ends it
      expect(pages.length).toBeLessThanOrEqual(26 + PAGE_CONCURRENCY - 1); // at most concurrency-1 wasted past the end
      expect(new Set(pages.map((r) => r.query.offset)).size).toBe(pages.length);
      for (const r of pages) expect(r.query.limit).toBe('100');
    } finally {
      await big.stop();
    }
  });

  it('after the first page, PAGE_CONCURRENCY pages are asked at once: all before any of them is answered', async () => {
    const big = await startIonosV1Fake({ clock: new FakeClock(0), seed: 4 });
    try {
      big.seed(2500);
      // The first page is answered; every later one never is. So the pages that arrive were all in flight at once.
      big.inject({ match: /^GET \/clusters$/, after: 1, hang: true });
      const p = new IonosV1Provider({ kind: 'ionos-v1', name: 'big', apiUrl: big.url, token: big.credentials.token }, { secrets: memorySecretStore() });
      const stop = new AbortController();
      const listed = p.list(stop.signal).then(() => 'listed', () => 'stopped');
      const pages = () => big.requests.filter((r) => r.path === '/clusters');
      await until(() => pages().length >= 1 + PAGE_CONCURRENCY, 15_000);
      expect(pages().map((r) => Number(r.query.offset)).sort((a, b) => a - b)).toEqual(Array.from({ length: 1 + PAGE_CONCURRENCY }, (_, i) => i * 100));
      stop.abort();
      expect(await listed).toBe('stopped');
      await p.close();
    } finally {
      await big.stop();
    }
  });

  it('an exact multiple of the page size ends on the empty page', async () => {
    const even = await startIonosV1Fake({ clock: new FakeClock(0), seed: 3 });
    try {
      even.seed(200);
      const p = new IonosV1Provider({ kind: 'ionos-v1', name: 'even', apiUrl: even.url, token: even.credentials.token }, { secrets: memorySecretStore() });
      expect((await p.list()).clusters).toHaveLength(200);
    } finally {
      await even.stop();
    }
  });
});

describe('lifecycle', () => {
  let created: Cluster;
  it('create: BUSY is creating, then ready with a DNS name; the password is kept for psql', async () => {
    const p = provider();
    created = await p.create(VALUES);
    expect(created).toMatchObject({ phase: 'creating', state: 'BUSY', name: 'api test', location: 'de/txl', instances: 1 });
    expect(p.connection(created).unreachableReason).toMatch(/no DNS name/);
    advance(T);
    const ready = await p.get(created.id);
    expect(ready.phase).toBe('ready');
    expect(ready.host).toMatch(/\.postgresql\.de-txl\.ionos\.com$/);
    expect(p.connection(ready)).toMatchObject({ user: 'app_owner', password: 'long-enough-pw', sslmode: 'require', port: 5432 });
    const sent = fake.requests.find((r) => r.method === 'POST')!.body as { properties: Record<string, unknown> };
    expect(sent.properties).toMatchObject({ ram: 4096, storageSize: 20480, connections: [{ lanId: '2' }], credentials: { username: 'app_owner' } });
  });

  it('edit: the PATCH holds only the change, the diff shows old → new, BUSY after AVAILABLE is updating', async () => {
    const p = provider();
    await p.get(created.id);
    const plan = await p.planUpdate(created, { ...VALUES, instances: '3', cores: '2' });
    expect(plan.diff).toEqual([{ key: 'instances', label: 'Instances', from: '1', to: '3' }]);
    const before = fake.requests.length;
    const updated = await p.update(created, { instances: '3', maintenanceTime: '05:00:00' });
    const patch = fake.requests.slice(before).find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ properties: { instances: 3, maintenanceWindow: { dayOfTheWeek: 'Sunday', time: '05:00:00' } } });
    expect(updated.phase).toBe('updating');
    advance(T);
    const after = fake.cluster(created.id)!.properties;
    expect(after).toMatchObject({ instances: 3, cores: 2, ram: 4096, storageType: 'SSD Premium', displayName: 'api test', synchronizationMode: 'ASYNCHRONOUS' });
  });

  it('edit: invalid values are refused before any request, naming the field', async () => {
    const p = provider();
    const before = fake.requests.filter((r) => r.method === 'PATCH').length;
    const err = await rejection(p.update(created, { ram: '5000', storageSize: '1024' }));
    expect(err.kind).toBe('validation');
    expect(err.fieldErrors).toMatchObject({ ram: expect.stringMatching(/multiple of 1024/), storageSize: expect.any(String) });
    expect(fake.requests.filter((r) => r.method === 'PATCH').length).toBe(before);
  });

  it('a PATCH while BUSY is a 409 conflict with the provider message', async () => {
    const p = provider();
    await p.update(created, { cores: '4' });
    const err = await rejection(p.update(created, { cores: '8' }));
    expect(err.kind).toBe('conflict');
    expect(err.summary).toMatch(/409 .*wait until it is AVAILABLE/);
    advance(T);
  });

  it('delete: DESTROYING is deleting, then the cluster is gone', async () => {
    const p = provider();
    await p.remove(created.id);
    expect((await p.get(created.id)).phase).toBe('deleting');
    advance(T);
    const gone = await rejection(p.get(created.id));
    expect(gone.kind).toBe('not-found');
    await p.remove(created.id); // deleting what is gone is not an error
  });
});

describe('forms, backups, upgrades and states', () => {
  it('the create form takes its versions from the API and validates like the API', async () => {
    const form = await provider().createForm();
    const version = form.fields.find((f) => f.key === 'postgresVersion')!;
    expect(version.choices!.map((c) => c.value)).toEqual(['16', '15', '14', '13', '12']);
    expect(version.default).toBe('16');
    const errors = form.validate({ ...VALUES, ram: '3000', username: 'postgres', password: 'short', displayName: '', synchronizationMode: 'SYNCHRONOUS', cidr: '10.0.0.1' });
    expect(Object.keys(errors).sort()).toEqual(['cidr', 'displayName', 'password', 'ram', 'synchronizationMode', 'username']);
    expect(form.validate(VALUES)).toEqual({});
    expect(form.validate({ ...VALUES, displayName: 'x'.repeat(64) }).displayName).toMatch(/at most 63/);
    expect(form.validate({ ...VALUES, displayName: 'bad\u0007name' }).displayName).toMatch(/control/);
  });

  it('the API rejection (422) of a create keeps its messages, field by field', async () => {
    fake.inject({ status: 422, message: 'properties.connections: the LAN is not reachable', times: 1, match: /^POST / });
    const err = await rejection(provider().create(VALUES));
    expect(err.kind).toBe('validation');
    expect(err.summary).toMatch(/422 .*LAN is not reachable/);
  });

  it('backups and upgrade targets', async () => {
    const c = fake.addCluster({ properties: { postgresVersion: '14', displayName: 'old' } });
    const p = provider();
    const cluster = await p.get(c.id);
    const backups = await p.backups(c.id);
    expect(backups.length).toBeGreaterThan(0);
    expect(backups[0]).toMatchObject({ clusterId: c.id, active: true });
    expect(await p.upgradeTargets(cluster)).toEqual(['15', '16']);
  });

  it('every state maps to a phase; unknown states decode as unknown', async () => {
    const states: Record<string, string> = { AVAILABLE: 'ready', DESTROYING: 'deleting', FAILED: 'failed', DEGRADED: 'degraded', UNKNOWN: 'unknown', HIBERNATING: 'unknown' };
    const p = provider();
    for (const [state, phase] of Object.entries(states)) {
      const c = fake.addCluster({ state, properties: { displayName: `state-${state}` } });
      expect((await p.get(c.id)).phase).toBe(phase);
    }
    const pooler = fake.addCluster({ properties: { displayName: 'old pooler', connectionPooler: { enabled: true, poolMode: '' } } });
    expect((await p.get(pooler.id)).phase).toBe('ready');
  });

  it('filter.name and filter.state narrow the list server-side', async () => {
    const res = await fetch(`${fake.url}/clusters?filter.name=STATE-&filter.state=failed`, { headers: { authorization: `Bearer ${fake.credentials.token}` } });
    const body = (await res.json()) as { items: Array<{ properties: { displayName: string } }> };
    expect(body.items.map((i) => i.properties.displayName)).toEqual(['state-FAILED']);
  });
});

describe('faults', () => {
  const cases: Array<[string, Parameters<IonosV1Fake['inject']>[0], string, RegExp]> = [
    ['500', { status: 500, message: 'internal error' }, 'server', /500 .*internal error/],
    ['503 (retried, then reported)', { status: 503, message: 'maintenance' }, 'server', /503/],
    ['429 with Retry-After', { rateLimitSeconds: 30 }, 'rate-limit', /429/],
    ['malformed body', { malformed: true }, 'malformed', /JSON|malformed/i],
    ['HTML error page', { htmlStatus: 502 }, 'server', /502/],
    ['hung request', { hang: true }, 'timeout', /no answer/],
    ['revoked credentials', { revoked: true }, 'auth', /401/],
  ];
  it.each(cases)('%s → %s', async (_name, fault, kind, says) => {
    fake.clearFaults();
    fake.inject(fault);
    try {
      const err = await rejection(provider().list());
      expect(isApiError(err)).toBe(true);
      expect(err.kind).toBe(kind);
      expect(err.summary).toMatch(says);
      expect(err.summary).not.toContain(fake.credentials.password);
    } finally {
      fake.clearFaults();
    }
  });
});
