// Every IONOS v2 provider operation against the regional fakes, on a frozen fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readClusterSecret } from '../../src/api/core/types.js';
import { V2_LOCATIONS } from '../../src/api/ionos-v2/client.js';
import { NEW_CLUSTER, apiError, makeProvider, rig, type Rig } from './ionos-v2-helpers.js';

let r: Rig;
beforeEach(async () => {
  r = await rig();
});
afterEach(async () => {
  await r.close();
});

describe('IONOS v2 provider', () => {
  it('verify proves the credentials against every region', async () => {
    const id = await r.provider.verify();
    expect(id.summary).toBe('ops@example.com, 9 regions');
    const hits = r.fake.requests.filter((q) => q.path === '/clusters');
    expect(hits.map((q) => q.location).sort()).toEqual([...V2_LOCATIONS].sort());
    expect(hits.every((q) => q.query.limit === '1')).toBe(true);
  });

  it('list maps every field of a cluster (docs/ionos.md §6.3) and tags it with its region', async () => {
    const c0 = r.fake.addCluster('de/txl', {
      properties: {
        name: 'cms-prod', description: 'Production', version: '17', instances: { count: 3, ram: 8, cores: 4, storageSize: 100 },
        replicationMode: 'STRICTLY_SYNCHRONOUS',
      },
      credentials: { username: 'my_dbuser', password: 'x', database: 'my_database' },
    });
    const [c] = (await r.provider.list()).clusters;
    expect(c).toMatchObject({
      profile: 'v2', provider: 'ionos-v2', id: c0.id, name: 'cms-prod', phase: 'ready', state: 'AVAILABLE', version: '17',
      location: 'de/txl', size: '4 cores, 8 GB RAM', storage: '100 GB', instances: 3, host: c0.dnsName, port: 5432,
      database: 'my_database', user: 'my_dbuser', createdAt: c0.createdDate,
    });
    expect(c!.host).toMatch(/^pg-[a-z0-9]{16}\.postgresql\.de-txl\.ionos\.com$/);
    expect((c!.raw as { href: string }).href).toBe(`/clusters/${c0.id}`);
  });

  it('maps every v2 state, the Early Access PROVISIONED, and never crashes on a new one', async () => {
    for (const state of ['PROVISIONING', 'AVAILABLE', 'UPDATING', 'DESTROYING', 'FAILED', 'PROVISIONED', 'HIBERNATING']) {
      r.fake.addCluster('fr/par', { state, properties: { name: `s-${state.toLowerCase()}` } });
    }
    const list = (await r.provider.list()).clusters;
    expect(Object.fromEntries(list.map((c) => [c.state, c.phase]))).toEqual({
      PROVISIONING: 'creating', AVAILABLE: 'ready', UPDATING: 'updating', DESTROYING: 'deleting', FAILED: 'failed',
      PROVISIONED: 'ready', HIBERNATING: 'unknown',
    });
    expect(list.find((c) => c.state === 'FAILED')!.stateMessage).toBe('Provisioning failed: the LAN is not reachable.');
  });

  it('get uses the region learnt from list, and finds an unknown id by asking every region', async () => {
    const c0 = r.fake.addCluster('us/las');
    const fresh = makeProvider(r.fake);
    const got = await fresh.get(c0.id);
    expect(got).toMatchObject({ id: c0.id, location: 'us/las' });
    expect(fresh.locationOf(c0.id)).toBe('us/las');
    const before = r.fake.requests.length;
    await fresh.get(c0.id);
    const after = r.fake.requests.slice(before);
    expect(after.map((q) => `${q.location} ${q.method} ${q.path}`)).toEqual([`us/las GET /clusters/${c0.id}`]);
    // terraform's "<location>:<uuid>" identity works too.
    expect((await makeProvider(r.fake).get(`us/las:${c0.id}`)).id).toBe(c0.id);
    await fresh.close();
  });

  it('get of an unknown id is not-found', async () => {
    const err = await apiError(r.provider.get('00000000-0000-4000-8000-000000000000'));
    expect(err.kind).toBe('not-found');
    expect(err.message).toContain('not found in any region');
    r.fake.addCluster('de/txl', { id: '11111111-1111-4111-8111-111111111111' });
    await r.provider.list();
    r.fake.world.clusters.clear();
    const gone = await apiError(r.provider.get('11111111-1111-4111-8111-111111111111'));
    expect(gone).toMatchObject({ kind: 'not-found', status: 404 });
    expect(gone.message).toBe('404 Not Found: Cluster with ID 11111111-1111-4111-8111-111111111111 not found');
  });

  it('createForm takes its choices from /versions and /backup-locations', async () => {
    const form = await r.provider.createForm();
    const field = (k: string) => form.fields.find((f) => f.key === k)!;
    expect(field('version').choices!.map((c) => c.value)).toEqual(['18', '17', '16', '15', '14']);
    expect(field('version').default).toBe('17'); // RECOMMENDED
    expect(field('version').choices![0]!.label).toBe('18 (beta)');
    expect(field('backupLocation').choices!.map((c) => c.value)).toEqual(['de', 'eu-central-2', 'eu-central-3', 'eu-central-4', 'eu-south-2']);
    expect(field('location').choices!.map((c) => c.value)).toEqual([...V2_LOCATIONS]);
    expect(field('password').kind).toBe('secret');
    const defaults = Object.fromEntries(form.fields.filter((f) => f.default !== undefined).map((f) => [f.key, f.default!]));
    expect(form.validate({ ...defaults, ...NEW_CLUSTER })).toEqual({});
    expect(form.validate({ ...NEW_CLUSTER, version: '9', password: 'weak', replicationMode: 'STRICTLY_SYNCHRONOUS', primaryInstanceAddress: '10.210.0.4/24' })).toEqual({
      version: 'choose a version from the list',
      password: 'at least 8 characters',
      replicationMode: 'STRICTLY_SYNCHRONOUS needs at least 3 instances',
      primaryInstanceAddress: '10.208.0.0/12 is reserved by IONOS',
    });
    // Only the first region was needed.
    expect(new Set(r.fake.requests.map((q) => q.location))).toEqual(new Set(['de/txl']));
  });

  it('create POSTs the envelope of docs/ionos.md §6.5 to the chosen region, remembers the login, and PROVISIONING → AVAILABLE', async () => {
    const logins: unknown[] = [];
    r.fake.onProvision = (l) => logins.push(l);
    const c = await r.provider.create(NEW_CLUSTER);
    const post = r.fake.requests.find((q) => q.method === 'POST')!;
    expect(post.location).toBe('de/fra');
    expect(post.body).toEqual({
      properties: {
        name: 'cms-prod', description: 'Production PostgreSQL cluster', version: '17',
        instances: { count: 1, ram: 4, cores: 2, storageSize: 20 },
        connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.2.101/24' },
        maintenanceWindow: { time: '10:00:00', dayOfTheWeek: 'Tuesday' },
        replicationMode: 'ASYNCHRONOUS',
        credentials: { username: 'my_dbuser', password: 'P@ssw0rd123', database: 'my_database' },
        connectionPooler: 'TRANSACTION',
        backup: { location: 'eu-central-3', retentionDays: 14 },
        logsEnabled: true,
        metricsEnabled: false,
      },
    });
    expect(c).toMatchObject({ phase: 'creating', state: 'PROVISIONING', location: 'de/fra', name: 'cms-prod' });
    expect(c.host).toBeUndefined();
    expect(JSON.stringify(c.raw)).not.toContain('P@ssw0rd123');
    expect(logins).toEqual([{ user: 'my_dbuser', password: 'P@ssw0rd123', database: 'my_database' }]);
    expect(readClusterSecret(r.secrets, c)).toEqual({ user: 'my_dbuser', password: 'P@ssw0rd123', database: 'my_database' });
    expect(r.provider.connection(c).unreachableReason).toContain('no DNS name yet');

    r.advance(5_999);
    expect((await r.provider.get(c.id)).state).toBe('PROVISIONING');
    r.advance(1);
    const ready = await r.provider.get(c.id);
    expect(ready).toMatchObject({ phase: 'ready', state: 'AVAILABLE' });
    expect(r.provider.connection(ready)).toEqual({
      host: ready.host, port: 5432, database: 'my_database', user: 'my_dbuser', sslmode: 'require', password: 'P@ssw0rd123',
    });
  });

  it('create refuses bad values locally, before any request', async () => {
    const err = await apiError(r.provider.create({ ...NEW_CLUSTER, name: '-bad-', username: 'postgres user' }));
    expect(err.kind).toBe('validation');
    expect(err.fieldErrors).toMatchObject({ name: expect.any(String), username: 'up to 16 letters, digits and "_"' });
    expect(r.fake.requests).toHaveLength(0);
  });

  it('remove: DESTROYING, then gone after the transition; a second remove is a no-op', async () => {
    const c0 = r.fake.addCluster('gb/lhr');
    await r.provider.list();
    await r.provider.remove(c0.id);
    const del = r.fake.requests.find((q) => q.method === 'DELETE')!;
    expect(`${del.location} ${del.path}`).toBe(`gb/lhr /clusters/${c0.id}`);
    expect(await r.provider.get(c0.id)).toMatchObject({ phase: 'deleting', state: 'DESTROYING' });
    r.advance(6_000);
    expect((await apiError(r.provider.get(c0.id))).kind).toBe('not-found');
    expect((await r.provider.list()).clusters).toHaveLength(0);
    await r.provider.remove(c0.id);
  });

  it('backups come from /backups?filter.clusterId in the cluster region; upgradeTargets from /versions', async () => {
    const c0 = r.fake.addCluster('es/vit', { properties: { version: '15', backup: { location: 'de', retentionDays: 7 } } });
    r.fake.addCluster('es/vit');
    const [c] = (await r.provider.list()).clusters.filter((x) => x.id === c0.id);
    const backups = await r.provider.backups(c0.id);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ clusterId: c0.id, version: '15', active: true, location: 'de' });
    const q = r.fake.requests.find((x) => x.path === '/backups')!;
    expect(q).toMatchObject({ location: 'es/vit', query: { 'filter.clusterId': c0.id, offset: '0', limit: '100' } });
    expect(await r.provider.upgradeTargets(c!)).toEqual(['16', '17']);
  });

  it('creates a cluster from a backup (restoreFromBackup), with or without a point in time, checked like the API checks it', async () => {
    const source = r.fake.addCluster('de/fra', { properties: { version: '17', backup: { location: 'eu-central-3', retentionDays: 7 } } });
    const [backup] = await r.provider.backups(source.id);
    const spec = await r.provider.createForm();
    const form = { ...NEW_CLUSTER, name: 'cms-restored', sourceBackupId: backup!.id, recoveryTargetDatetime: '2026-11-20T10:00:00Z' };
    expect(spec.validate(form)).toEqual({});
    expect(spec.validate({ ...form, recoveryTargetDatetime: 'yesterday' })).toEqual({ recoveryTargetDatetime: expect.stringMatching(/RFC 3339/) });
    expect(spec.validate({ ...form, sourceBackupId: '' })).toEqual({ recoveryTargetDatetime: 'a point in time needs a backup id' });
    expect(spec.validate({ ...form, sourceBackupId: 'not-a-uuid' }).sourceBackupId).toMatch(/UUID/);
    await r.provider.create(form);
    const post = r.fake.requests.find((q) => q.method === 'POST' && q.path === '/clusters')!;
    expect((post.body as { properties: Record<string, unknown> }).properties.restoreFromBackup).toEqual({ sourceBackupId: backup!.id, recoveryTargetDatetime: '2026-11-20T10:00:00Z' });
    const missing = await apiError(r.provider.create({ ...form, name: 'cms-restored-2', sourceBackupId: '5a029f4a-72e5-11ec-90d6-0242ac120099', recoveryTargetDatetime: '' }));
    expect(missing.message).toMatch(/backup 5a029f4a-72e5-11ec-90d6-0242ac120099 not found/);
  });

  it('Bearer token and X-Contract-Number are sent when configured', async () => {
    const p = makeProvider(r.fake, undefined, { username: undefined, password: undefined, token: r.fake.credentials.token, contractNumber: r.fake.contractNumber });
    r.fake.addCluster('us/ewr');
    expect((await p.list()).clusters).toHaveLength(1);
    expect((await p.verify()).summary).toBe(`API token, contract ${r.fake.contractNumber}, 9 regions`);
    const other = makeProvider(r.fake, undefined, { contractNumber: '999' });
    const err = await apiError(other.list());
    expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(err.message).toBe('all 9 regions failed: 403 Forbidden: no access to contract 999');
    await Promise.all([p.close(), other.close()]);
  });

  it('a profile without credentials is a config error, not a request', async () => {
    const p = makeProvider(r.fake, undefined, { username: undefined, password: undefined });
    const err = await apiError(p.list());
    expect(err.kind).toBe('config');
    expect(r.fake.requests).toHaveLength(0);
    await p.close();
  });

  it('the profile locations limit the regions asked', async () => {
    const p = makeProvider(r.fake, undefined, { locations: ['de/txl', 'us/mci'] });
    r.fake.addCluster('de/txl');
    r.fake.addCluster('fr/par');
    r.fake.addCluster('us/mci');
    expect((await p.list()).clusters.map((c) => c.location).sort()).toEqual(['de/txl', 'us/mci']);
    expect(new Set(r.fake.requests.map((q) => q.location))).toEqual(new Set(['de/txl', 'us/mci']));
    await p.close();
  });
});
