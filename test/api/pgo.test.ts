import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { readClusterSecret } from '../../src/api/core/types.js';
import { generateTestPki, type TestPki } from '../../src/fake/certs.js';
import { rig, T, type Rig } from './pgo-helpers.js';

let pki: TestPki;
let r: Rig;

beforeAll(() => {
  const t = performance.now();
  pki = generateTestPki();
  // Figure for the report: three 2048-bit keys plus signing.
  console.log(`generateTestPki: ${Math.round(performance.now() - t)} ms`);
});
beforeEach(async () => {
  r = await rig(pki);
});
afterEach(async () => {
  await r.close();
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('PgoProvider over mutual TLS', () => {
  it('verify reads the server version and checks the namespace', async () => {
    const id = await r.provider().verify();
    expect(id.summary).toBe('pgo-apiserver 4.3.0, namespace pgo');
    expect(id.discovered).toEqual({ serverVersion: '4.3.0' });
    const calls = r.fake.requests.map((q) => `${q.method} ${q.path}`);
    expect(calls).toEqual(['GET /version', 'POST /showclusters']);
    expect(r.fake.requests[1]!.body).toEqual({ clustername: '', selector: '', ccpimagetag: '', clientversion: '4.3.0', namespace: 'pgo', allflag: false });
  });

  it('verify says so when the server is not 4.3, and the client still works', async () => {
    await r.close();
    r = await rig(pki, { serverVersion: '4.4.1' });
    r.fake.addCluster({ name: 'hippo' });
    const p = r.provider();
    expect((await p.verify()).summary).toMatch(/^pgo-apiserver 4\.4\.1 \(pgtui speaks the 4\.3 API.*\), namespace pgo$/);
    expect((await p.list()).clusters.map((c) => c.name)).toEqual(['hippo']);
  });

  it('asks for the version once and echoes it as ClientVersion', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const p = r.provider();
    await p.list();
    await p.list();
    await p.get('hippo');
    const versions = r.fake.requests.filter((q) => q.path === '/version');
    expect(versions).toHaveLength(1);
    expect(r.fake.requests.filter((q) => q.path === '/showclusters').every((q) => (q.body as { clientversion: string }).clientversion === '4.3.0')).toBe(true);
  });

  it('lists every cluster with normalised fields', async () => {
    r.fake.addCluster({ name: 'hippo', replicas: 2, cpu: '500m', memory: '1Gi', pvcSize: '10Gi', user: 'hippo', database: 'zoo', imageTag: 'centos7-11.7-4.3.0', createdAt: '2020-06-02T14:11:09Z' });
    const [c] = (await r.provider().list()).clusters;
    const body = r.fake.requests.at(-1)!.body;
    expect(body).toEqual({ clustername: '', selector: '', ccpimagetag: '', clientversion: '4.3.0', namespace: 'pgo', allflag: true });
    const hippo = r.fake.cluster('hippo')!;
    expect(c).toMatchObject({
      profile: 'kube',
      provider: 'pgo',
      id: 'hippo',
      name: 'hippo',
      phase: 'ready',
      state: 'Initialized',
      stateMessage: 'Cluster has been initialized',
      version: '11.7',
      location: 'pgo',
      size: '500m CPU, 1Gi RAM',
      storage: '10Gi',
      instances: 3,
      host: hippo.clusterIP,
      port: 5432,
      database: 'zoo',
      user: 'hippo',
      createdAt: '2020-06-02T14:11:09Z',
    });
  });

  it('maps every 4.3 state, degraded pods and unknown states to phases', async () => {
    const conditions = ['ready', 'degraded', 'created', 'processed', 'restoring', 'shutting-down', 'shutdown', 'unknown'] as const;
    for (const condition of conditions) r.fake.addCluster({ name: `c-${condition}`, condition, replicas: 1 });
    r.fake.addCluster({ name: 'solo-sick', condition: 'degraded', replicas: 0 });
    const phases = Object.fromEntries((await r.provider().list()).clusters.map((c) => [c.name, [c.phase, c.state]]));
    expect(phases).toEqual({
      'c-ready': ['ready', 'Initialized'],
      'c-degraded': ['degraded', 'Initialized'],
      'c-created': ['creating', 'Created'],
      'c-processed': ['creating', 'Processed'],
      'c-restoring': ['updating', 'Restoring'],
      'c-shutting-down': ['updating', 'Initialized'],
      'c-shutdown': ['stopped', 'Shutdown'],
      'c-unknown': ['unknown', 'Bootstrapping'],
      'solo-sick': ['degraded', 'Initialized'],
    });
  });

  it('seeds the same clusters for the same seed', async () => {
    const a = r.fake.seedClusters(20).map((c) => [c.name, c.state, c.clusterIP, c.pods.map((p) => p.name)]);
    await r.close();
    r = await rig(pki);
    const b = r.fake.seedClusters(20).map((c) => [c.name, c.state, c.clusterIP, c.pods.map((p) => p.name)]);
    expect(b).toEqual(a);
    expect(new Set(a.map((x) => x[0])).size).toBe(20);
  });

  it('get finds one cluster by name and reports a missing one as not-found', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const p = r.provider();
    expect((await p.get('hippo')).name).toBe('hippo');
    expect(r.fake.requests.at(-1)!.body).toMatchObject({ clustername: 'hippo', allflag: false });
    expect((await rejection(p.get('nope'))).kind).toBe('not-found');
  });

  it('creates a cluster, keeps the returned password, and follows it to ready', async () => {
    const p = r.provider();
    const c = await p.create({ name: 'hippo', replicas: '1', username: 'hippo', database: 'hippo' });
    expect(c).toMatchObject({ id: 'hippo', phase: 'creating', state: 'Created', instances: 2, database: 'hippo', user: 'hippo' });
    // The image, so the version, is the operator's default: known once the cluster is read back.
    expect(c.version).toBeUndefined();
    const sent = r.fake.requests.find((q) => q.path === '/clusters')!.body;
    expect(sent).toEqual({
      ClientVersion: '4.3.0',
      Namespace: 'pgo',
      Name: 'hippo',
      ReplicaCount: 1,
      AutofailFlag: true,
      CCPImageTag: '',
      CPURequest: '500m',
      MemoryRequest: '1Gi',
      PVCSize: '10Gi',
      Username: 'hippo',
      Database: 'hippo',
      ServiceType: 'ClusterIP',
      PgbouncerFlag: false,
    });
    const secret = readClusterSecret(r.secrets, c);
    expect(secret?.user).toBe('hippo');
    expect(secret?.database).toBe('hippo');
    expect(secret?.password).toMatch(/^\S{24}$/);
    expect(JSON.stringify(c.raw)).not.toContain(secret!.password!);

    const seen: string[] = [];
    const look = async () => seen.push(`${(await p.get('hippo')).phase}/${(await p.get('hippo')).state}`);
    await look();
    r.advance(T / 3);
    await look();
    r.advance((2 * T) / 3);
    await look();
    r.advance(T / 2);
    await look();
    expect(seen).toEqual([
      'creating/Created',
      'creating/Processed',
      'degraded/Initialized',
      'ready/Initialized',
    ]);
    expect((await p.get('hippo')).host).toMatch(/^10\./);
  });

  it('sends a given password and keeps it', async () => {
    const p = r.provider();
    const c = await p.create({ name: 'rhino', password: 'S3cret-pw', autofail: 'false', syncReplication: 'true', serviceType: 'LoadBalancer' });
    expect(readClusterSecret(r.secrets, c)).toEqual({ user: 'testuser', password: 'S3cret-pw', database: 'rhino' });
    expect(r.fake.requests.at(-1)!.body).toMatchObject({ Password: 'S3cret-pw', AutofailFlag: false, SyncReplication: true, ServiceType: 'LoadBalancer' });
  });

  it('refuses invalid create values before sending anything', async () => {
    const p = r.provider();
    const err = await rejection(p.create({ name: 'Bad_Name', cpu: 'lots', pvcSize: '10 Gi' }));
    expect(err.kind).toBe('validation');
    expect(err.fieldErrors).toMatchObject({ name: expect.any(String), cpu: expect.any(String), pvcSize: expect.any(String) });
    expect(r.fake.requests.filter((q) => q.path === '/clusters')).toHaveLength(0);
  });

  it('passes the server’s create errors through as provider errors', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const err = await rejection(r.provider().create({ name: 'hippo' }));
    expect(err.kind).toBe('provider');
    expect(err.providerMessage).toBe('pgcluster hippo was found so we will not create it');
  });

  it('deletes: the cluster shows as deleting, then is gone', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const p = r.provider();
    await p.remove('hippo');
    expect(r.fake.requests.at(-1)!.body).toEqual({
      Clustername: 'hippo', Selector: '', ClientVersion: '4.3.0', Namespace: 'pgo', AllFlag: false, DeleteBackups: true, DeleteData: true,
    });
    expect((await p.get('hippo')).phase).toBe('deleting');
    expect((await p.list()).clusters[0]!.phase).toBe('deleting');
    r.advance(T / 2);
    expect((await p.list()).clusters).toEqual([]);
    expect((await rejection(p.get('hippo'))).kind).toBe('not-found');
    expect((await rejection(p.remove('hippo'))).kind).toBe('not-found');
  });

  it('never sends "all" as a cluster name to delete', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const err = await rejection(r.provider().remove('all'));
    expect(err.kind).toBe('validation');
    expect(r.fake.requests.filter((q) => q.path === '/clustersdelete')).toHaveLength(0);
    expect(r.fake.cluster('hippo')).toBeDefined();
  });
});

describe('editing through /clustersupdate', () => {
  it('shuts down and starts up', async () => {
    r.fake.addCluster({ name: 'hippo', replicas: 1 });
    const p = r.provider();
    let c = await p.get('hippo');
    const plan = await p.planUpdate(c, { power: 'shutdown' });
    expect(plan.diff).toEqual([{ key: 'power', label: 'Power', from: 'running', to: 'shutdown' }]);
    expect(plan.body).toEqual({
      Clustername: ['hippo'], Selector: '', ClientVersion: '4.3.0', Namespace: 'pgo', AllFlag: false,
      Autofail: 0, CPURequest: '', MemoryRequest: '', Startup: false, Shutdown: true,
    });
    c = await p.update(c, { power: 'shutdown' });
    expect(c.phase).toBe('updating');
    r.advance(T / 3);
    c = await p.get('hippo');
    expect([c.phase, c.state]).toEqual(['stopped', 'Shutdown']);
    expect(c.stateMessage).toMatch(/^Database shutdown along with the following services/);

    c = await p.update(c, { power: 'running' });
    expect(r.fake.requests.at(-2)!.body).toMatchObject({ Startup: true, Shutdown: false });
    expect(c.phase).toBe('updating');
    r.advance(T / 3);
    expect((await p.get('hippo')).phase).toBe('degraded');
    r.advance(T);
    expect((await p.get('hippo')).phase).toBe('ready');
  });

  it('changes autofail and resource requests', async () => {
    r.fake.addCluster({ name: 'hippo', cpu: '500m', memory: '1Gi' });
    const p = r.provider();
    const c = await p.get('hippo');
    const form = await p.editForm(c);
    expect(form.fields.map((f) => [f.key, f.default])).toEqual([['power', 'running'], ['autofail', 'true'], ['cpu', '500m'], ['memory', '1Gi']]);
    expect(form.validate({ cpu: '2 cores' }).cpu).toBeDefined();
    const plan = await p.planUpdate(c, { autofail: 'false', cpu: '1', memory: '1Gi' });
    expect(plan.diff.map((d) => d.key)).toEqual(['autofail', 'cpu']);
    const after = await p.update(c, { autofail: 'false', cpu: '1' });
    expect(r.fake.cluster('hippo')!.autofail).toBe(false);
    expect(after.size).toBe('1 CPU, 1Gi RAM');
    expect(after.phase).toBe('degraded'); // the pods restart with the new requests
    r.advance(T / 3);
    expect((await p.get('hippo')).phase).toBe('ready');
  });

  it('reports an update of a cluster that went away as not-found', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const p = r.provider();
    const c = await p.get('hippo');
    r.fake.clusters.clear();
    expect((await rejection(p.update(c, { power: 'shutdown' }))).kind).toBe('not-found');
  });
});

describe('connection info', () => {
  it('flags a private ClusterIP as unreachable and suggests a port-forward', async () => {
    r.fake.addCluster({ name: 'hippo', user: 'hippo', database: 'hippo' });
    const p = r.provider();
    const c = await p.create({ name: 'orca', username: 'orca' });
    const info = p.connection(await p.get('hippo'));
    expect(info).toMatchObject({ port: 5432, database: 'hippo', user: 'hippo', sslmode: 'require' });
    expect(info.unreachableReason).toMatch(/only inside the cluster.*port-forward svc\/hippo.*connect host/);
    expect(p.connection(c).password).toBe(readClusterSecret(r.secrets, c)!.password);
  });

  it('uses the external IP of a LoadBalancer service', async () => {
    r.fake.addCluster({ name: 'hippo', serviceType: 'LoadBalancer' });
    const p = r.provider();
    const info = p.connection(await p.get('hippo'));
    expect(info.host).toBe(r.fake.cluster('hippo')!.externalIP);
    expect(info.unreachableReason).toBeUndefined();
  });

  it('applies the profile connect override', async () => {
    r.fake.addCluster({ name: 'hippo' });
    const p = r.provider({ connect: { host: '127.0.0.1', port: 15432, sslmode: 'verify-full', sslrootcert: '/tmp/ca.crt' } });
    const info = p.connection(await p.get('hippo'));
    expect(info).toMatchObject({ host: '127.0.0.1', port: 15432, sslmode: 'verify-full', sslrootcert: '/tmp/ca.crt' });
    expect(info.unreachableReason).toBeUndefined();
  });
});

describe('create form', () => {
  it('offers 4.3 image tags and validates like the apiserver', async () => {
    const form = await r.provider().createForm();
    const tags = form.fields.find((f) => f.key === 'imageTag')!.choices!.map((c) => c.value);
    expect(tags).toContain('centos7-12.2-4.3.0');
    expect(tags).toContain('centos7-11.7-4.3.0');
    expect(form.validate({ name: 'hippo' })).toEqual({});
    expect(form.validate({ name: 'all' }).name).toMatch(/not allowed/);
    expect(form.validate({ name: '1abc' }).name).toBeDefined();
    expect(form.validate({ name: 'a'.repeat(64) }).name).toMatch(/63/);
    expect(form.validate({ name: 'ok', memory: '1GB' }).memory).toBeDefined();
    expect(form.validate({ name: 'ok', memory: '512Mi', cpu: '0.5', pvcSize: '1e3' })).toEqual({});
    expect(form.validate({ name: 'ok', cpu: '0' }).cpu).toMatch(/greater than 0/);
    expect(form.validate({ name: 'ok', replicas: '-1' }).replicas).toBeDefined();
    expect(form.validate({ name: 'ok', serviceType: 'NodePort' }).serviceType).toBeDefined();
    expect(form.fields.find((f) => f.key === 'autofail')!.default).toBe('true');
  });
});
