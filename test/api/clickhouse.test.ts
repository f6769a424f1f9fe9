// Every ClickHouse provider operation against the fake, on a frozen fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { readClusterSecret } from '../../src/api/core/types.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { NEW_SERVICE, makeProvider, rig, type Rig } from './clickhouse-helpers.js';

let r: Rig;
beforeEach(async () => {
  r = await rig();
});
afterEach(async () => {
  await r.close();
});

async function apiError(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('ClickHouse provider', () => {
  it('verify discovers the organisation and later calls use it', async () => {
    const id = await r.provider.verify();
    expect(id.summary).toContain('Acme Data');
    expect(id.discovered).toEqual({ organizationId: r.fake.orgId });
    await r.provider.list();
    expect(r.fake.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /v1/organizations',
      `GET /v1/organizations/${r.fake.orgId}/postgres`,
    ]);
  });

  it('list discovers the organisation lazily, once, and maps every field', async () => {
    r.fake.addService({ name: 'oltp', region: 'eu-west-2', postgresVersion: '18', size: 'r6gd.medium', haType: 'sync', tags: [{ key: 'env', value: 'prod' }] });
    const [list1, list2] = await Promise.all([r.provider.list(), r.provider.list()]);
    expect(r.fake.requests.filter((q) => q.path === '/v1/organizations')).toHaveLength(1);
    expect(list2.clusters).toEqual(list1.clusters);
    expect(list1.clusters).toHaveLength(1);
    const c = list1.clusters[0]!;
    expect(c).toMatchObject({
      profile: 'ch', provider: 'clickhouse', name: 'oltp', phase: 'ready', state: 'running', version: '18',
      location: 'aws/eu-west-2', size: 'r6gd.medium', storage: '59 GiB', instances: 3, port: 5432, database: 'postgres', user: 'postgres',
    });
    // The list item has no hostname (spec): the list answers without it, at once, and its extras complete it
    // with one GET (the store shows it a moment later; `ls -o wide` waits for it).
    expect(c.host).toBeUndefined();
    const gets0 = r.fake.requests.filter((q) => q.method === 'GET' && q.path.endsWith(c.id)).length;
    expect(gets0).toBe(0);
    const [completed] = await list1.extras!();
    const full = await r.provider.get(c.id);
    expect(full.host).toMatch(/^oltp-[0-9a-f]{8}\..*\.c0\.eu-west-2\.aws\.pg\.clickhouse\.cloud$/);
    expect(completed!.host).toBe(full.host);
    expect(completed).toEqual(full);
    // Once known, later lists ask no more.
    const gets = () => r.fake.requests.filter((q) => q.method === 'GET' && q.path.endsWith(c.id)).length;
    const before = gets();
    expect((await r.provider.list()).clusters[0]!.host).toBe(full.host);
    expect(gets()).toBe(before);
  });

  it('maps every state and never crashes on a new one', async () => {
    const states = ['creating', 'running', 'restarting', 'replaying_wal', 'restoring_backup', 'finalizing_restore', 'unavailable', 'stopped', 'deleting', 'hibernating'];
    for (const state of states) r.fake.addService({ name: `s ${state.replace(/_/g, ' ')}`, state, haType: 'quantum' });
    const byState = Object.fromEntries((await r.provider.list()).clusters.map((c) => [c.state, c.phase]));
    expect(byState).toEqual({
      creating: 'creating', running: 'ready', restarting: 'updating', replaying_wal: 'updating', restoring_backup: 'updating',
      finalizing_restore: 'updating', unavailable: 'degraded', stopped: 'stopped', deleting: 'deleting', hibernating: 'unknown',
    });
  });

  it('get of an unknown id is not-found', async () => {
    const err = await apiError(r.provider.get('00000000-0000-4000-8000-000000000000'));
    expect(err.kind).toBe('not-found');
    expect(err.message).toContain('not found');
  });

  it('create sends the spec body, stores the password, and the service becomes ready', async () => {
    const c = await r.provider.create(NEW_SERVICE);
    const post = r.fake.requests.find((q) => q.method === 'POST')!;
    expect(post.body).toEqual({
      name: 'my postgres', provider: 'aws', region: 'us-west-2', postgresVersion: '18', size: 'r8gd.large', haType: 'async',
      tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'db' }],
    });
    expect(c).toMatchObject({ phase: 'creating', state: 'creating', instances: 2, storage: '118 GiB' });
    expect(JSON.stringify(c.raw)).not.toContain(r.fake.service(c.id)!.password);
    expect(readClusterSecret(r.secrets, c)).toEqual({ user: 'postgres', password: r.fake.service(c.id)!.password, database: 'postgres' });
    // GET never returns the password again, yet connection() still knows it.
    const later = await r.provider.get(c.id);
    expect(JSON.stringify(later.raw)).not.toContain('password');
    const conn = r.provider.connection(later);
    expect(conn).toMatchObject({ host: later.host, port: 5432, database: 'postgres', user: 'postgres', sslmode: 'require', channelBinding: 'require' });
    expect(conn.password).toBe(r.fake.service(c.id)!.password);
    expect(conn.unreachableReason).toBeUndefined();
    r.advance(6_000);
    expect((await r.provider.get(c.id)).phase).toBe('ready');
  });

  it('create on GCP uses the GCP region and size fields', async () => {
    await r.provider.create({ name: 'g1', provider: 'gcp', gcpRegion: 'europe-west4', gcpSize: 'c4a-highmem-8', region: 'us-east-1', size: 'r8gd.large' });
    expect(r.fake.requests.find((q) => q.method === 'POST')!.body).toMatchObject({ provider: 'gcp', region: 'europe-west4', size: 'c4a-highmem-8', postgresVersion: '17', haType: 'none' });
  });

  it('an API 400 keeps a clear message', async () => {
    r.fake.addService({ name: 'taken' });
    const err = await apiError(r.provider.create({ ...NEW_SERVICE, name: 'taken' }));
    expect(err.kind).toBe('validation');
    expect(err.status).toBe(400);
    expect(err.providerMessage).toBe('BAD_REQUEST: A service named "taken" already exists');
    expect(err.summary).toBe('ch: 400 Bad Request: BAD_REQUEST: A service named "taken" already exists');
  });

  it('create refuses bad form values before any request', async () => {
    const err = await apiError(r.provider.create({ ...NEW_SERVICE, size: 'c4a-highmem-8', tags: 'chc_internal=1' }));
    expect(err.kind).toBe('validation');
    expect(err.fieldErrors).toMatchObject({ size: expect.stringContaining('size for AWS'), tags: expect.stringContaining('reserved') });
    expect(r.fake.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
  });

  it('connection applies profile overrides and says when there is no hostname', async () => {
    const s = r.fake.addService({ name: 'x', state: 'deleting' }); // not looked up: it is going away
    const [listed] = (await r.provider.list()).clusters;
    const conn = r.provider.connection(listed!);
    expect(conn.host).toBeUndefined();
    expect(conn.unreachableReason).toMatch(/no hostname/);
    const tunnelled = makeProvider(r.fake, r.secrets, { connect: { host: '127.0.0.1', port: 6432, sslmode: 'verify-full', sslrootcert: '/tmp/ca.pem' } });
    try {
      expect(tunnelled.connection(await tunnelled.get(s.id))).toMatchObject({ host: '127.0.0.1', port: 6432, sslmode: 'verify-full', sslrootcert: '/tmp/ca.pem', channelBinding: 'require' });
    } finally {
      await tunnelled.close();
    }
  });

  it('remove: deleting, then gone; a 404 counts as success; busy services answer 409 conflict', async () => {
    const s = r.fake.addService({ name: 'doomed' });
    await r.provider.remove(s.id);
    expect((await r.provider.get(s.id)).phase).toBe('deleting');
    const busy = await apiError(r.provider.remove(s.id));
    expect(busy.kind).toBe('conflict');
    expect(busy.providerMessage).toBe('CONFLICT: Conflict');
    r.advance(6_000);
    expect((await apiError(r.provider.get(s.id))).kind).toBe('not-found');
    await expect(r.provider.remove(s.id)).resolves.toBeUndefined();
  });

  it('restart goes restarting then running', async () => {
    const s = r.fake.addService({ name: 'svc' });
    const c = await r.provider.restart(s.id);
    expect(r.fake.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/v1/organizations/${r.fake.orgId}/postgres/${s.id}/state`, body: { command: 'restart' } });
    expect(c).toMatchObject({ state: 'restarting', phase: 'updating' });
    r.advance(6_000);
    expect((await r.provider.get(s.id)).phase).toBe('ready');
  });

  it('resetPassword stores the new password, keeping user and database', async () => {
    const c = await r.provider.create(NEW_SERVICE);
    const first = readClusterSecret(r.secrets, c)!.password;
    r.advance(6_000);
    const pw = await r.provider.resetPassword(c.id);
    expect(r.fake.requests.at(-1)).toMatchObject({ method: 'PATCH', path: expect.stringMatching(/\/password$/), body: {} });
    expect(pw).not.toBe(first);
    expect(pw).toBe(r.fake.service(c.id)!.password);
    expect(r.provider.connection(await r.provider.get(c.id)).password).toBe(pw);
    expect(readClusterSecret(r.secrets, c)).toEqual({ user: 'postgres', password: pw, database: 'postgres' });
  });

  it('read replica and promote', async () => {
    const primary = r.fake.addService({ name: 'primary' });
    const replica = await r.provider.createReadReplica(primary.id, { name: 'primary replica' });
    expect(replica).toMatchObject({ phase: 'creating', size: primary.size });
    expect((replica.raw as { isPrimary: boolean }).isPrimary).toBe(false);
    expect(readClusterSecret(r.secrets, replica)?.password).toBeDefined();
    // The primary cannot go while its replica exists.
    expect((await apiError(r.provider.remove(primary.id))).kind).toBe('conflict');
    r.advance(3_000);
    expect((await r.provider.get(replica.id)).state).toBe('replaying_wal');
    r.advance(3_000);
    const promoted = await r.provider.promote(replica.id);
    expect(r.fake.requests.at(-1)?.body).toEqual({ command: 'promote' });
    expect((promoted.raw as { isPrimary: boolean }).isPrimary).toBe(true);
  });

  it('the create form makes read replicas and restores', async () => {
    const primary = r.fake.addService({ name: 'source' });
    const replica = await r.provider.create({ mode: 'replica', source: primary.id, name: 'ro copy', tags: '' });
    expect(r.fake.requests.at(-1)).toMatchObject({ method: 'POST', path: expect.stringMatching(/readReplica$/), body: { name: 'ro copy' } });
    expect(replica.name).toBe('ro copy');
    const target = new Date(r.clock.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const restored = await r.provider.create({ mode: 'restore', source: primary.id, name: 'restored', restoreTarget: target });
    expect(r.fake.requests.at(-1)).toMatchObject({ path: expect.stringMatching(/restoredService$/), body: { name: 'restored', restoreTarget: target } });
    expect(restored.phase).toBe('creating');
    r.advance(2_000);
    expect((await r.provider.get(restored.id)).state).toBe('restoring_backup');
  });

  it('a replica of a service without backups keeps the API reason', async () => {
    const c = await r.provider.create(NEW_SERVICE);
    r.advance(6_000);
    const err = await apiError(r.provider.createReadReplica(c.id, { name: 'too early' }));
    expect(err.providerMessage).toBe('BAD_REQUEST: Parent server is not ready for read replicas. There are no backups, yet.');
  });

  it('CA certificates and config', async () => {
    const s = r.fake.addService({ name: 'cfg' });
    expect(await r.provider.caCertificates(s.id)).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const set = await r.provider.setConfig(s.id, { pgConfig: { max_connections: '42' }, pgBouncerConfig: {} }, { replace: true });
    expect(set.message).toMatch(/require a database restart.*max_connections/);
    await r.provider.setConfig(s.id, { pgConfig: { work_mem: '64MB' }, pgBouncerConfig: { pool_mode: 'transaction' } });
    expect(await r.provider.getConfig(s.id)).toEqual({ pgConfig: { max_connections: '42', work_mem: '64MB' }, pgBouncerConfig: { pool_mode: 'transaction' }, message: undefined });
    const bad = await apiError(r.provider.setConfig(s.id, { pgConfig: { shared_buffers: '1GB' }, pgBouncerConfig: {} }));
    expect(bad.providerMessage).toContain('unsupported pgConfig parameter "shared_buffers"');
  });

  it('a key of another organisation cannot see these services', async () => {
    r.fake.addService({ name: 'mine' });
    const other = makeProvider(r.fake, r.secrets, { keyId: r.fake.otherKey.keyId, keySecret: r.fake.otherKey.keySecret });
    const wrongOrg = makeProvider(r.fake, r.secrets, { keyId: r.fake.otherKey.keyId, keySecret: r.fake.otherKey.keySecret, organizationId: r.fake.orgId });
    try {
      expect((await other.list()).clusters).toEqual([]);
      expect((await apiError(wrongOrg.list())).kind).toBe('forbidden');
      expect((await apiError(wrongOrg.verify())).kind).toBe('forbidden');
    } finally {
      await other.close();
      await wrongOrg.close();
    }
  });

  it('seeding is deterministic and scales to thousands', async () => {
    const clock = new FakeClock(0, Date.parse('2026-08-01T00:00:00Z'));
    const twin = await startClickHouseFake({ seed: 99, clock, rateLimit: false });
    const again = await startClickHouseFake({ seed: 99, clock, rateLimit: false });
    try {
      const a = twin.seedServices(5).map((s) => [s.id, s.name, s.state, s.size]);
      expect(again.seedServices(5).map((s) => [s.id, s.name, s.state, s.size])).toEqual(a);
      twin.seedServices(4_995);
      const p = makeProvider(twin, r.secrets);
      try {
        const list = (await p.list()).clusters;
        expect(list).toHaveLength(5_000);
        expect(new Set(list.map((c) => c.phase)).size).toBeGreaterThanOrEqual(6);
      } finally {
        await p.close();
      }
    } finally {
      await twin.stop();
      await again.stop();
    }
  });
});
