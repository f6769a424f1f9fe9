// Editing a v2 cluster: GET, merge, PUT everything back, because PUT is a full replace that resets what it lacks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planPut } from '../../src/api/ionos-v2/edit.js';
import { decodeCluster } from '../../src/api/ionos-v2/mapping.js';
import type { FakeV2Cluster } from '../../src/fake/ionos-v2/fake.js';
import { apiError, raw, rig, type Rig } from './ionos-v2-helpers.js';

let r: Rig;
let c0: FakeV2Cluster;
beforeEach(async () => {
  r = await rig();
  c0 = r.fake.addCluster('de/txl', {
    properties: {
      name: 'cms-prod', description: 'Production', version: '16', instances: { count: 1, ram: 8, cores: 4, storageSize: 100 },
      connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.2.101/24' },
      maintenanceWindow: { time: '09:00:00', dayOfTheWeek: 'Sunday' }, replicationMode: 'ASYNCHRONOUS', connectionPooler: 'TRANSACTION',
      logsEnabled: true, metricsEnabled: true, backup: { location: 'eu-central-3', retentionDays: 21 },
    },
    credentials: { username: 'my_dbuser', password: 'P@ssw0rd123', database: 'my_database' },
  });
});
afterEach(async () => {
  await r.close();
});

const puts = () => r.fake.requests.filter((q) => q.method === 'PUT');

describe('IONOS v2 update', () => {
  it('changing instances keeps every field not edited (backup, maintenance window, connection, pooler, ...)', async () => {
    const [c] = (await r.provider.list()).clusters;
    const before = structuredClone(c0.properties);
    const updated = await r.provider.update(c!, { instances: '3', replicationMode: 'STRICTLY_SYNCHRONOUS' });
    expect(updated).toMatchObject({ phase: 'updating', state: 'UPDATING', instances: 3 });
    const [put] = puts();
    expect(put!.location).toBe('de/txl');
    expect(put!.path).toBe(`/clusters/${c0.id}`);
    expect(put!.body).toEqual({
      id: c0.id,
      properties: { ...before, instances: { ...before.instances, count: 3 }, replicationMode: 'STRICTLY_SYNCHRONOUS' },
    });
    // The fake replaced the whole object; nothing outside the edit moved.
    expect(r.fake.cluster(c0.id)!.properties).toEqual({ ...before, instances: { ...before.instances, count: 3 }, replicationMode: 'STRICTLY_SYNCHRONOUS' });
    expect(r.fake.cluster(c0.id)!.credentials).toEqual({ username: 'my_dbuser', password: 'P@ssw0rd123', database: 'my_database' });
    r.advance(6_000);
    expect(await r.provider.get(c0.id)).toMatchObject({ phase: 'ready', state: 'AVAILABLE', instances: 3 });
  });

  it('negative control: a partial PUT sent directly resets what it leaves out', async () => {
    const res = await raw(r.fake, 'de/txl', 'PUT', `/clusters/${c0.id}`, {
      id: c0.id,
      properties: { name: 'cms-prod', version: '16', instances: { count: 3, ram: 8, cores: 4, storageSize: 100 } },
    });
    expect(res.status).toBe(200);
    const p = res.body.properties;
    expect(p.instances.count).toBe(3);
    expect(p.maintenanceWindow).toEqual({ time: '00:00:00', dayOfTheWeek: 'Monday' });
    expect(p.connectionPooler).toBe('DISABLED');
    expect(p.logsEnabled).toBe(false);
    expect(p.metricsEnabled).toBe(false);
    expect(p.backup).toEqual({ location: 'eu-central-3', retentionDays: 7 }); // location is immutable, retention reset
    expect(p.description).toBeUndefined();
    expect(p.connection).toBeUndefined();
  });

  it('planUpdate shows the diff and the exact full PUT body without sending it', async () => {
    const [c] = (await r.provider.list()).clusters;
    const plan = await r.provider.planUpdate(c!, { name: 'cms-prod', ram: '16', maintenanceTime: '03:00:00', description: '' });
    expect(plan.method).toBe('PUT');
    expect(plan.path).toBe(`/clusters/${c0.id}`);
    expect(plan.diff).toEqual([
      { key: 'description', label: 'Description', from: 'Production', to: '' },
      { key: 'ram', label: 'RAM per instance (GB)', from: '8', to: '16' },
      { key: 'maintenanceTime', label: 'Maintenance time', from: '09:00:00', to: '03:00:00' },
    ]);
    const body = plan.body as { properties: Record<string, any> };
    expect(body.properties.description).toBeUndefined();
    expect(body.properties.instances).toEqual({ count: 1, ram: 16, cores: 4, storageSize: 100 });
    expect(body.properties.maintenanceWindow).toEqual({ time: '03:00:00', dayOfTheWeek: 'Sunday' });
    expect(body.properties.backup).toEqual({ location: 'eu-central-3', retentionDays: 21 });
    expect(body.properties.credentials).toBeUndefined(); // write-only: never resent without the password
    expect(puts()).toHaveLength(0);
  });

  it('an update that changes nothing sends no PUT', async () => {
    const [c] = (await r.provider.list()).clusters;
    const same = await r.provider.update(c!, { instances: '1', name: 'cms-prod' });
    expect(same.state).toBe('AVAILABLE');
    expect(puts()).toHaveLength(0);
  });

  it('a PUT while the cluster is not AVAILABLE is a 409 conflict', async () => {
    const [c] = (await r.provider.list()).clusters;
    await r.provider.update(c!, { cores: '8' });
    const err = await apiError(r.provider.update(c!, { cores: '16' }));
    expect(err).toMatchObject({ kind: 'conflict', status: 409 });
    expect(err.message).toBe(`409 Conflict: Cluster ${c0.id} is UPDATING; changes are accepted only when it is AVAILABLE`);
  });

  it('upgrades are allowed, downgrades come back as a one-line 422', async () => {
    const [c] = (await r.provider.list()).clusters;
    const form = await r.provider.editForm(c!);
    expect(form.fields.find((f) => f.key === 'version')!.choices!.map((x) => x.value)).toEqual(['16', '17']);
    expect(form.fields.find((f) => f.key === 'location')).toMatchObject({ default: 'de/txl', immutable: true });
    expect(form.fields.find((f) => f.key === 'backupLocation')).toMatchObject({ default: 'eu-central-3', immutable: true });
    expect(form.fields.find((f) => f.key === 'retentionDays')!.default).toBe('21');
    const err = await apiError(r.provider.update(c!, { version: '15' }));
    expect(err).toMatchObject({ kind: 'validation', fieldErrors: { version: 'a version can only be upgraded' } });
    expect(puts()).toHaveLength(0);
    const read = (await raw(r.fake, 'de/txl', 'GET', `/clusters/${c0.id}`)).body;
    const down = await raw(r.fake, 'de/txl', 'PUT', `/clusters/${c0.id}`, { id: c0.id, properties: { ...read.properties, credentials: undefined, version: '15' } });
    expect(down.status).toBe(422);
    expect(down.body.messages?.[0]?.message ?? JSON.stringify(down.body)).toContain('properties.version: cannot change from 16 to 15');
    await r.provider.update(c!, { version: '17' });
    expect(r.fake.cluster(c0.id)!.properties.version).toBe('17');
  });

  it('local validation: STRICTLY_SYNCHRONOUS needs 3 instances, limits hold', async () => {
    const [c] = (await r.provider.list()).clusters;
    const err = await apiError(r.provider.update(c!, { replicationMode: 'STRICTLY_SYNCHRONOUS' }));
    expect(err.kind).toBe('validation');
    expect(err.fieldErrors).toEqual({ replicationMode: 'STRICTLY_SYNCHRONOUS needs at least 3 instances' });
    const form = await r.provider.editForm(c!);
    expect(form.validate({ ram: '2', storageSize: '9000' })).toEqual({ ram: 'between 4 and 240 GB', storageSize: 'between 10 and 4096 GB' });
    expect(puts()).toHaveLength(0);
  });

  it('the fake refuses a PUT whose id differs from the path, and a changed backup location', async () => {
    const read = (await raw(r.fake, 'de/txl', 'GET', `/clusters/${c0.id}`)).body;
    const wrongId = await raw(r.fake, 'de/txl', 'PUT', `/clusters/${c0.id}`, { id: 'other', properties: read.properties });
    expect(wrongId.status).toBe(422);
    const moved = await raw(r.fake, 'de/txl', 'PUT', `/clusters/${c0.id}`, {
      id: c0.id, properties: { ...read.properties, credentials: undefined, backup: { location: 'de', retentionDays: 7 } },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.messages[0].message).toBe('properties.backup.location: is immutable');
  });
});

describe('planPut (unit)', () => {
  it('keeps properties it does not know, and the older backup shape as it came (no retention to invent)', () => {
    const cluster = decodeCluster({
      id: 'x', properties: { name: 'n', version: '15', instances: { count: 1, ram: 4, cores: 2, storageSize: 20 }, backupLocation: 'de', futureField: { a: 1 } },
    });
    // What the form submits for an untouched blank number must not become Number('') = 0.
    const plan = planPut(cluster, { retentionDays: '', ram: '8', name: 'n' }, '/clusters/x');
    expect(plan.diff).toEqual([{ key: 'ram', label: 'RAM per instance (GB)', from: '4', to: '8' }]);
    expect(plan.body).toEqual({
      id: 'x',
      properties: { name: 'n', version: '15', instances: { count: 1, ram: 8, cores: 2, storageSize: 20 }, futureField: { a: 1 }, backupLocation: 'de' },
    });
  });
});

describe('lenient decoding', () => {
  it('tolerates nulls, an object pooler and missing metadata without crashing', async () => {
    const { toCluster } = await import('../../src/api/ionos-v2/mapping.js');
    const c = decodeCluster({ id: 'y', properties: { name: null, version: null, connectionPooler: { enabled: true }, instances: null, credentials: null } });
    expect(toCluster('p', 'de/txl', c)).toMatchObject({ id: 'y', name: 'y', phase: 'unknown', state: 'UNKNOWN', location: 'de/txl' });
    expect(planPut(c, { cores: '2' }, '/clusters/y').body).toMatchObject({ properties: { instances: { cores: 2 }, connectionPooler: { enabled: true } } });
  });
});
