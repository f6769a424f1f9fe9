// Storage only grows and versions only go up (issue 15, item 15): the IONOS edit forms refuse a smaller
// storage size and say why, the v2 fake refuses it as v1 does, and only newer versions are offered as upgrades.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/api/registry.js';
import type { IonosV1Provider } from '../../src/api/ionos-v1/client.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import { editFormSpec as v2EditForm, newerThan } from '../../src/api/ionos-v2/edit.js';
import { decodeCluster } from '../../src/api/ionos-v2/mapping.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { apiError, raw, rig, type Rig } from './ionos-v2-helpers.js';

describe('IONOS v2: storage 20 → 15 GB', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(async () => r.close());

  it('the edit form refuses a smaller storage size and says why; growing is fine', async () => {
    const c0 = r.fake.addCluster('de/txl', { properties: { name: 'shrinky', version: '16', instances: { count: 1, ram: 4, cores: 2, storageSize: 20 } } });
    const cluster = (await r.provider.list()).clusters.find((c) => c.id === c0.id)!;
    const form = await r.provider.editForm(cluster);
    expect(form.validate({ storageSize: '15' }).storageSize).toBe('storage can only grow: at least 20 GB (IONOS cannot shrink a volume)');
    expect(form.validate({ storageSize: '20' }).storageSize).toBeUndefined();
    expect(form.validate({ storageSize: '30' }).storageSize).toBeUndefined();
    const err = await apiError(r.provider.update(cluster, { storageSize: '15' }));
    expect(err.fieldErrors?.storageSize).toMatch(/can only grow/);
    expect(r.fake.requests.filter((q) => q.method === 'PUT')).toHaveLength(0);
    expect(r.fake.cluster(c0.id)!.properties.instances.storageSize).toBe(20);
  });

  it('the fake refuses a PUT that shrinks storage, as the API does', async () => {
    const c0 = r.fake.addCluster('de/txl', { properties: { name: 'shrink-raw', version: '16', instances: { count: 1, ram: 4, cores: 2, storageSize: 20 } } });
    const read = (await raw(r.fake, 'de/txl', 'GET', `/clusters/${c0.id}`)).body;
    const res = await raw(r.fake, 'de/txl', 'PUT', `/clusters/${c0.id}`, { id: c0.id, properties: { ...read.properties, credentials: undefined, instances: { ...read.properties.instances, storageSize: 15 } } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('storageSize: cannot shrink from 20 GB to 15 GB');
  });

  it('offers only newer versions as upgrades, whatever canUpgradeTo lists', () => {
    const c = decodeCluster({ id: 'x', properties: { name: 'n', version: '13', instances: { count: 1, ram: 4, cores: 2, storageSize: 20 } } });
    const form = v2EditForm(c, 'de/txl', ['12', '13', '15', '14']);
    expect(form.fields.find((f) => f.key === 'version')!.choices!.map((x) => x.value)).toEqual(['13', '14', '15']);
    expect(form.validate({ version: '12' }).version).toBe('a version can only be upgraded');
    expect(newerThan('13', ['12', '13'])).toEqual([]);
  });
});

describe('IONOS v1: versions and storage', () => {
  let fake: IonosV1Fake;
  beforeAll(async () => {
    fake = await startIonosV1Fake({ clock: new FakeClock(0), seed: 3 });
  });
  afterAll(async () => fake.stop());
  const provider = () =>
    createProvider({ kind: 'ionos-v1', name: 'v1', apiUrl: fake.url, username: fake.credentials.username, password: fake.credentials.password }, { secrets: memorySecretStore() }) as IonosV1Provider;

  it('edit offers only newer versions as upgrades (never 12 for a 13 cluster)', async () => {
    const c = fake.addCluster({ properties: { postgresVersion: '13', displayName: 'thirteen' } });
    const p = provider();
    const form = await p.editForm(await p.get(c.id));
    const choices = form.fields.find((f) => f.key === 'postgresVersion')!.choices!.map((x) => x.value);
    expect(choices[0]).toBe('13');
    expect(choices).not.toContain('12');
    expect(choices.slice(1).every((v) => Number(v) > 13)).toBe(true);
    expect(choices.length).toBeGreaterThan(1);
  });

  it('refuses a smaller storage size and says by how much it may grow', async () => {
    const c = fake.addCluster({ properties: { displayName: 'disk', storageSize: 20480 } });
    const p = provider();
    const form = await p.editForm(await p.get(c.id));
    expect(form.validate({ storageSize: '10240' }).storageSize).toBe('storage can only grow: at least 20480 MB (IONOS cannot shrink a volume)');
  });
});
