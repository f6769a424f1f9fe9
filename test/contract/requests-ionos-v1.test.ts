// Every request pgtui sends to IONOS DBaaS PostgreSQL v1, checked against the official OpenAPI copy (specs/): the
// built executable runs each command that talks to v1 against the fake, which records what arrived, and
// openapi-backend validates path, method, parameters and body (request-validator.ts). The one path the copy predates,
// /clusters/{clusterId}/versions, and the limit/offset paging the copy's 1.0.5 text lacked, come from the API reference
// (specs/ionos-postgresql-v1-additions.yaml).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/api/registry.js';
import type { Profile } from '../../src/api/profile.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, fakePsql, runCli } from '../cli/helpers.js';
import { specValidator, type RequestValidator } from './request-validator.js';

let v1: IonosV1Fake;
let env: NodeJS.ProcessEnv;
let spec: RequestValidator;
const ran: Array<{ args: string[]; code: number | null; stderr: string }> = [];
const NETWORK = ['--set', 'datacenterId=5a029f4a-72e5-11ec-90d6-0242ac120003', '--set', 'lanId=2', '--set', 'cidr=192.168.1.100/24', '--set', 'username=app'];

async function pgtui(...args: string[]): Promise<string> {
  const r = await runCli(args, { env, input: args.includes('--password-stdin') ? 'Very-Secret-Pw-123\n' : '', timeoutMs: 30_000 });
  ran.push({ args, code: r.code, stderr: r.stderr });
  return r.stdout;
}

beforeAll(async () => {
  ensureBuilt();
  spec = await specValidator('ionos-postgresql-v1.yaml', { additions: 'ionos-postgresql-v1-additions.yaml' });
  v1 = await startIonosV1Fake({ clock: new FakeClock(1), transitionMs: 300, rateLimit: false, seed: 4 });
  v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'crm', ram: 4096, cores: 2, instances: 2, postgresVersion: '14' } });
  v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'doomed', ram: 2048, cores: 1, instances: 1 } });
  v1.seed(3);
  const work = mkdtempSync(join(tmpdir(), 'pgtui-contract-v1-'));
  const profiles: Profile[] = [{ kind: 'ionos-v1', name: 'v1', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password, contractNumber: v1.contractNumber, timeoutMs: 10_000 }];
  env = cleanEnv(work, { PGTUI_CONFIG_DIR: configWith(profiles, { psqlPath: fakePsql(work) }), FAKE_PSQL_LOG: join(work, 'psql.json') });

  await pgtui('ls');
  await pgtui('ls', '-o', 'wide');
  await pgtui('get', 'crm');
  await pgtui('profile', 'test', 'v1');
  await pgtui('--profile', 'v1', 'create');
  await pgtui('--profile', 'v1', 'create', ...NETWORK, '--set', 'displayName=made-here', '--password-stdin', '--yes', '--wait', '--interval', '0.2s', '--timeout', '20s');
  await pgtui('edit', 'crm');
  await pgtui('edit', 'crm', '--set', 'ram=8192', '--set', 'maintenanceDay=Monday', '--set', 'poolMode=transaction', '--yes');
  await pgtui('wait', 'crm', '--for', 'ready', '--interval', '0.2s', '--timeout', '20s');
  await pgtui('edit', 'crm', '--set', 'postgresVersion=15', '--yes');
  await pgtui('wait', 'crm', '--for', 'ready', '--interval', '0.2s', '--timeout', '20s');
  const backups = JSON.parse(await pgtui('backups', 'crm', '-o', 'json')) as Array<{ id: string }>;
  await pgtui('restore', 'crm', '--backup', backups[0]!.id, '--yes');
  // A restore in place makes the cluster busy for a while; psql needs it ready.
  await pgtui('wait', 'crm', '--for', 'ready', '--interval', '0.2s', '--timeout', '20s');
  await pgtui('logs', 'crm', '--since', '1h', '--limit', '50');
  await pgtui('psql', 'crm', '--', '-c', 'select 1');
  await pgtui('delete', 'doomed', '--yes', '--wait', '--interval', '0.2s', '--timeout', '20s');
}, 240_000);
afterAll(async () => {
  await v1?.stop();
});

describe('IONOS v1: pgtui requests against the official spec', () => {
  it('every command ran and succeeded', () => {
    expect(ran.filter((r) => r.code !== 0).map((r) => `${r.args.join(' ')} → ${r.code}: ${r.stderr}`)).toEqual([]);
  });

  it('0 violations in every request sent, and every kind of request is covered', () => {
    expect(v1.requests.length).toBeGreaterThan(20);
    expect(spec.check(v1.requests)).toEqual([]);
    const operations = new Set(v1.requests.map((r) => spec.operation(r.method, r.path)));
    for (const op of [
      'clustersGet', 'clustersFindById', 'clustersPost', 'clustersPatch', 'clustersDelete', 'postgresVersionsGet', 'clusterVersionsGet',
      'clusterBackupsGet', 'clusterRestorePost', 'clusterLogsGet',
    ]) expect(operations, op).toContain(op);
    // The deprecated per-cluster path is no longer asked while the new one answers.
    expect(operations).not.toContain('clusterPostgresVersionsGet');
  });

  it('the validator is real: drifted requests are violations', () => {
    const old = spec.check([
      { method: 'PATCH', path: '/clusters/abc', query: {}, body: { properties: { instances: '3' } } },
      { method: 'GET', path: '/clusters', query: { limit: '5000' }, body: undefined },
      { method: 'GET', path: '/clusters/abc/versionz', query: {}, body: undefined },
    ]);
    expect(old.map((v) => v.problems[0])).toEqual([
      '/requestBody/properties/instances must be integer',
      '/query/limit must be <= 1000',
      'no such path and method in the spec',
    ]);
  });
});

describe('IONOS v1: cluster versions', () => {
  it('asks /clusters/{clusterId}/versions, and falls back to the deprecated /postgresversions on an API without it (404)', async () => {
    const old = await startIonosV1Fake({ clock: new FakeClock(1), rateLimit: false, clusterVersionsPath: false });
    try {
      const c = old.addCluster({ state: 'AVAILABLE', properties: { displayName: 'old', postgresVersion: '13' } });
      const provider = createProvider({ kind: 'ionos-v1', name: 'old', apiUrl: old.url, username: old.credentials.username, password: old.credentials.password }, { secrets: memorySecretStore() });
      const cluster = await provider.get(c.id);
      expect(await provider.upgradeTargets!(cluster)).toEqual(['14', '15', '16']);
      expect(await provider.upgradeTargets!(cluster)).toEqual(['14', '15', '16']);
      // One 404 on the new path, then only the old one.
      expect(old.requests.filter((r) => /versions$/.test(r.path)).map((r) => r.path.split('/').at(-1))).toEqual(['versions', 'postgresversions', 'postgresversions']);
      old.clusterVersionsPath = true;
      const fresh = createProvider({ kind: 'ionos-v1', name: 'new', apiUrl: old.url, username: old.credentials.username, password: old.credentials.password }, { secrets: memorySecretStore() });
      old.requests.length = 0;
      expect(await fresh.upgradeTargets!(cluster)).toEqual(['14', '15', '16']);
      expect(old.requests.map((r) => r.path.split('/').at(-1))).toEqual(['versions']);
    } finally {
      await old.stop();
    }
  });
});
