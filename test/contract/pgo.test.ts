// The fake apiserver's bodies against the field lists and fixtures in specs/crunchy-pgo-4.3-apiserver.json:
// JSON schemas are built from the field lists (every key required, no others), so casing and nesting are exact.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki } from '../../src/fake/certs.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startPgoFake, type PgoFake } from '../../src/fake/pgo/fake.js';

const SPEC_PATH = new URL('./specs/crunchy-pgo-4.3-apiserver.json', import.meta.url);
const spec = JSON.parse(readFileSync(process.env.PGO_SPEC ?? SPEC_PATH, 'utf8')) as {
  messages: Record<string, { fields?: Record<string, unknown>; [k: string]: unknown }>;
  fixtures: Record<string, unknown>;
};
const pgclusterSpec = spec.messages.Pgcluster as unknown as { 'specKeys.v4.3.0': string[]; PgStorageSpecKeys: string[]; statusStates: string[] };

/** Field type text from the spec → JSON schema. */
function typeSchema(t: string): object {
  const nullable = t.endsWith('|null');
  const base = nullable ? t.slice(0, -5) : t;
  let s: object;
  const list = /^\[(\w+)\]$/.exec(base);
  if (list) s = { type: 'array', items: typeSchema(list[1]!) };
  else if (/^string/.test(base)) s = { type: 'string' };
  else if (/^int/.test(base)) s = { type: 'integer' };
  else if (base === 'bool') s = { type: 'boolean' };
  else if (base.startsWith('map string->string')) s = { type: 'object', additionalProperties: { type: 'string' } };
  else if (base === 'k8s ObjectMeta') s = { type: 'object', required: ['name', 'namespace', 'creationTimestamp'] };
  else if (base === 'PgclusterSpec') s = { $ref: '#/definitions/PgclusterSpec' };
  else if (/^Status/.test(base)) s = { $ref: '#/definitions/Status' };
  else if (/^(primary\|)/.test(base)) s = { type: 'string', enum: base.split('|') };
  else if (spec.messages[base]) s = { $ref: `#/definitions/${base}` };
  else throw new Error(`unknown spec type ${t}`);
  return nullable ? { anyOf: [s, { type: 'null' }] } : s;
}

function messageSchema(fields: Record<string, unknown>): object {
  const properties: Record<string, object> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') properties[k] = typeSchema(v.replace(/ \(.*\)$/, ''));
    else properties[k] = { type: 'object', required: Object.keys(v as object), properties: Object.fromEntries(Object.keys(v as object).map((x) => [x, { type: 'string' }])) };
  }
  // kind/apiVersion are optional on the pgcluster (spec: "string (optional)").
  const required = Object.entries(fields).filter(([, v]) => !(typeof v === 'string' && v.includes('(optional)'))).map(([k]) => k);
  return { type: 'object', required, properties, additionalProperties: false };
}

const definitions: Record<string, object> = {};
for (const [name, m] of Object.entries(spec.messages)) if (m.fields) definitions[name] = messageSchema(m.fields);
const storage = { type: 'object', required: pgclusterSpec.PgStorageSpecKeys, additionalProperties: false, properties: Object.fromEntries(pgclusterSpec.PgStorageSpecKeys.map((k) => [k, { type: 'string' }])) };
definitions.PgclusterSpec = {
  type: 'object',
  required: pgclusterSpec['specKeys.v4.3.0'],
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(pgclusterSpec['specKeys.v4.3.0'].map((k) => [k, {}])),
    PrimaryStorage: storage, WALStorage: storage, ArchiveStorage: storage, ReplicaStorage: storage, BackrestStorage: storage,
    port: { type: 'string' }, replicas: { type: 'string' }, ccpimagetag: { type: 'string' }, shutdown: { type: 'boolean' },
    syncReplication: { type: ['boolean', 'null'] },
  },
};
const ajv = new Ajv({ allErrors: true, strict: false });
const schema = (name: string): ValidateFunction => ajv.compile({ definitions, $ref: `#/definitions/${name}` });
const V = {
  version: schema('VersionResponse'),
  show: schema('ShowClusterResponse'),
  create: schema('CreateClusterResponse'),
  del: schema('DeleteClusterResponse'),
};

function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
}

let fake: PgoFake;
let agent: Agent;
let auth: string;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; type: string; text: string; json: () => unknown }> {
  const res = await request(fake.url + path, {
    method: method as 'GET',
    dispatcher: agent,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), text, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  const pki = generateTestPki();
  fake = await startPgoFake({ pki, clock: new FakeClock(0) });
  agent = new Agent({ connect: { ca: pki.ca.cert, cert: pki.client.cert, key: pki.client.key } });
  auth = `Basic ${Buffer.from(`${fake.username}:${fake.password}`).toString('base64')}`;
});
afterAll(async () => {
  await agent.close();
  await fake.stop();
});

describe('the spec-derived schemas', () => {
  it('accept the spec’s own fixtures', () => {
    expectValid(V.version, spec.fixtures['version.ok']);
    for (const f of ['show.ok', 'show.empty', 'show.nsError']) expectValid(V.show, spec.fixtures[f]);
    for (const f of ['create.ok', 'create.versionMismatch', 'create.exists']) expectValid(V.create, spec.fixtures[f]);
    for (const f of ['delete.ok', 'delete.notFound']) expectValid(V.del, spec.fixtures[f]);
  });
  it('reject a flattened create status and a lower-cased key', () => {
    expect(V.create({ result: (spec.fixtures['create.ok'] as { result: unknown }).result, Code: 'ok', Msg: '' })).toBe(false);
    expect(V.version({ version: '4.3.0', Code: 'ok', Msg: '' })).toBe(false);
  });
});

describe('the fake’s bodies', () => {
  it('GET /version equals the fixture, with Go’s trailing newline', async () => {
    const res = await call('GET', '/version');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.text.endsWith('}\n')).toBe(true);
    expect(res.json()).toEqual(spec.fixtures['version.ok']);
  });

  it('create, show (every condition), delete and their errors match the field lists', async () => {
    const createReq = spec.fixtures['create.request'];
    const created = await call('POST', '/clusters', createReq);
    expectValid(V.create, created.json());
    expect(created.json()).toMatchObject({ result: { Name: 'hippo', Database: 'hippo', Users: [{ Username: 'hippo' }] }, status: { Code: 'ok', Msg: '' } });
    expect(await call('POST', '/clusters', createReq).then((r) => r.json())).toEqual(spec.fixtures['create.exists']);
    expect(await call('POST', '/clusters', { ...(createReq as object), ClientVersion: '4.2.0' }).then((r) => r.json())).toEqual(spec.fixtures['create.versionMismatch']);

    fake.seedClusters(16);
    const all = (await call('POST', '/showclusters', spec.fixtures['show.requestAll'])).json() as { Results: unknown[] };
    expectValid(V.show, all);
    expect(all.Results).toHaveLength(17);
    const one = (await call('POST', '/showclusters', spec.fixtures['show.request'])).json();
    expectValid(V.show, one);
    expect((await call('POST', '/showclusters', { ...(spec.fixtures['show.request'] as object), clustername: 'nope' })).json()).toEqual(spec.fixtures['show.empty']);
    expect((await call('POST', '/showclusters', { ...(spec.fixtures['show.request'] as object), namespace: 'foo' })).json()).toEqual(spec.fixtures['show.nsError']);

    expect((await call('POST', '/clustersdelete', spec.fixtures['delete.request'])).json()).toEqual(spec.fixtures['delete.ok']);
    expect((await call('POST', '/clustersdelete', { ...(spec.fixtures['delete.request'] as object), Clustername: 'nope' })).json()).toEqual(spec.fixtures['delete.notFound']);
  });

  it('a show result has exactly the fixture’s key structure', async () => {
    fake.addCluster({ name: 'keys', replicas: 1, cpu: '500m', memory: '1Gi', pvcSize: '10Gi' });
    const res = (await call('POST', '/showclusters', { ...(spec.fixtures['show.request'] as object), clustername: 'keys' })).json() as { Results: unknown[] };
    const fixture = (spec.fixtures['show.ok'] as { Results: unknown[] }).Results[0];
    expect(keyPaths(res.Results[0])).toEqual(keyPaths(fixture));
  });

  it('decodes leniently: lower/upper case keys work, a malformed body fails the version check', async () => {
    expect((await call('POST', '/showclusters', { ClusterName: 'keys', ClientVersion: '4.3.0', Namespace: 'pgo' })).json()).toMatchObject({ Code: 'ok', Results: [{}] });
    expect((await call('POST', '/showclusters', '{"clustername": "keys", trunc')).json()).toEqual({ Results: [], Code: 'error', Msg: 'pgo client and server version mismatch' });
  });

  it('answers like gorilla/mux and http.Error', async () => {
    const missing = await call('GET', '/nope');
    expect([missing.status, missing.text]).toEqual([404, '404 page not found\n']);
    const wrongMethod = await call('GET', '/showclusters');
    expect([wrongMethod.status, wrongMethod.text]).toEqual([405, '']);
    auth = 'Basic ' + Buffer.from('admin:wrong').toString('base64');
    const denied = await call('GET', '/version');
    expect([denied.status, denied.type, denied.text]).toEqual([401, 'text/plain; charset=utf-8', 'Not authenticated in apiserver\n']);
    auth = '';
    expect((await call('GET', '/version')).text).toBe('Not Authorized. Basic Authentication credentials must be provided according to RFC 7617, Section 2.\n');
    expect(await call('GET', '/healthz').then((r) => [r.status, r.text])).toEqual([200, 'ok']);
    expect(await call('GET', '/health').then((r) => r.json())).toEqual({ Version: 'healthy', Code: 'ok', Msg: 'healthy' });
    auth = `Basic ${Buffer.from(`${fake.username}:${fake.password}`).toString('base64')}`;
  });

  it('requires a client certificate except on /healthz', async () => {
    const bare = new Agent({ connect: { ca: fake.pki.ca.cert } });
    try {
      const res = await request(`${fake.url}/version`, { dispatcher: bare, headers: { authorization: auth } });
      expect([res.statusCode, await res.body.text()]).toEqual([403, 'Forbidden: Client Certificate Required\n']);
      const health = await request(`${fake.url}/healthz`, { dispatcher: bare });
      expect([health.statusCode, await health.body.text()]).toEqual([200, 'ok']);
    } finally {
      await bare.close();
    }
  });
});

/** Every key path in a JSON value (array items merged), for structure comparison. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => keyPaths(v, `${prefix}[]`)))].sort();
  if (value && typeof value === 'object') {
    const own = Object.keys(value).filter((k) => !/^(labels|annotations|userlabels|PVCName|resources|backrestResources)$/.test(k));
    return own.flatMap((k) => [`${prefix}.${k}`, ...keyPaths((value as Record<string, unknown>)[k], `${prefix}.${k}`)]).sort();
  }
  return [];
}

// Field lists of the pgo 4.3.2 apiservermsgs structs (dfmsgs.go, clustermsgs.go ClusterTest*, failovermsgs.go,
// backrestmsgs.go), which the spec copy does not describe: Go's encoder writes every field, the embedded Status
// flattened into Code and Msg.
describe('the fake’s /df, /testclusters, /failover/{name} and /backrest/{name} field lists (pgo 4.3.2)', () => {
  const keys = (o: unknown) => Object.keys(o as object).sort();
  /** o[path[0]][path[1]]… of a decoded JSON body. */
  const at = (o: unknown, ...path: Array<string | number>): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], o);
  it('match the Go structs exactly', async () => {
    fake.addCluster({ name: 'fields', condition: 'ready', replicas: 1 });
    const ns = fake.namespace;
    const df = (await call('POST', '/df', { ClientVersion: '4.3.0', Namespace: ns, Selector: 'name=fields' })).json();
    expect(keys(df)).toEqual(['Code', 'Msg', 'Results']);
    expect(keys(at(df, 'Results', 0))).toEqual(['InstanceName', 'PVCCapacity', 'PVCName', 'PVCType', 'PVCUsed', 'PodName']);
    const test = (await call('POST', '/testclusters', { Clustername: 'fields', Selector: '', ClientVersion: '4.3.0', Namespace: ns, AllFlag: false })).json();
    expect(keys(test)).toEqual(['Code', 'Msg', 'Results']);
    expect(keys(at(test, 'Results', 0))).toEqual(['ClusterName', 'Endpoints', 'Instances']);
    expect(keys(at(test, 'Results', 0, 'Instances', 0))).toEqual(['Available', 'InstanceType', 'Message']);
    const failover = (await call('GET', `/failover/fields?version=4.3.0&namespace=${ns}`)).json();
    expect(keys(failover)).toEqual(['Code', 'Msg', 'Results', 'Standby']);
    expect(keys(at(failover, 'Results', 0))).toEqual(['Name', 'Node', 'PendingRestart', 'ReplicationLag', 'Status', 'Timeline']);
    const backrest = (await call('GET', `/backrest/fields?version=4.3.0&selector=&namespace=${ns}`)).json();
    expect(keys(backrest)).toEqual(['Code', 'Items', 'Msg']);
    expect(keys(at(backrest, 'Items', 0))).toEqual(['Info', 'Name', 'StorageType']);
    expect(keys(at(backrest, 'Items', 0, 'Info', 0))).toEqual(['archive', 'backup', 'cipher', 'db', 'name', 'status']);
    expect(keys(at(backrest, 'Items', 0, 'Info', 0, 'backup', 0))).toEqual(['archive', 'backrest', 'database', 'info', 'label', 'prior', 'reference', 'timestamp', 'type']);
    const created = (await call('POST', '/backrestbackup', { ClientVersion: '4.3.0', Namespace: ns, Args: ['fields'], Selector: '', BackupOpts: '--type=full', BackrestStorageType: '' })).json();
    expect(created).toEqual({ Results: ['created Pgtask backrest-backup-fields'], Code: 'ok', Msg: '' });
  });

  it('answer a wrong client version and a bad namespace with Code:error, as the apiserver does', async () => {
    const old = (await call('POST', '/df', { ClientVersion: '4.2.0', Namespace: fake.namespace, Selector: '*' })).json();
    expect(old).toMatchObject({ Code: 'error', Results: [] });
    const ns = (await call('GET', '/failover/fields?version=4.3.0&namespace=nowhere')).json();
    expect(at(ns, 'Code')).toBe('error');
  });
});
