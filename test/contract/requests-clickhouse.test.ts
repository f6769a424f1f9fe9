// Every request pgtui sends to ClickHouse Cloud, checked against the official OpenAPI files (specs/: the Managed
// Postgres spec, and the older full ClickHouse Cloud spec): the built executable runs each command that talks to ClickHouse against the fake, the
// fake records what arrived, and openapi-backend validates path, method, parameters and body (request-validator.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock, type RecordedRequest } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, fakePsql, runCli } from '../cli/helpers.js';
import { specValidator, type RequestValidator, type Violation } from './request-validator.js';

let ch: ClickHouseFake;
let env: NodeJS.ProcessEnv;
let spec: RequestValidator;
const ran: Array<{ args: string[]; code: number | null; stderr: string }> = [];

/**
 * The one place the spec contradicts itself: postgresInstanceConfig requires both pgConfig and pgBouncerConfig,
 * and each has minProperties 1, so a change to one map alone cannot satisfy both. pgtui sends the unchanged map as
 * {} as ClickHouse's Terraform provider does and as the server accepts (docs/fakes.md, ClickHouse).
 */
function documentedException(v: Violation, r: RecordedRequest): boolean {
  if (!/\/config$/.test(r.path) || r.method !== 'PATCH') return false;
  const body = r.body as { pgConfig?: object; pgBouncerConfig?: object };
  const empty = (['pgConfig', 'pgBouncerConfig'] as const).filter((k) => body[k] && Object.keys(body[k]).length === 0);
  return v.problems.every((p) => empty.some((k) => p === `/requestBody/${k} must NOT have fewer than 1 properties`));
}

async function pgtui(...args: string[]): Promise<void> {
  const r = await runCli(args, { env, input: args.includes('--password-stdin') ? 'Very-Secret-Pw-123\n' : '', timeoutMs: 30_000 });
  ran.push({ args, code: r.code, stderr: r.stderr });
}

beforeAll(async () => {
  ensureBuilt();
  spec = await specValidator('clickhouse-cloud-postgres-openapi.json');
  ch = await startClickHouseFake({ clock: new FakeClock(1), transitionMs: 300, rateLimit: false, seed: 4 });
  const orders = ch.addService({ name: 'orders', state: 'running', haType: 'async', tags: [{ key: 'env', value: 'prod' }], createdAt: new Date(Date.now() - 86_400_000).toISOString(), firstBackupAt: Date.now() - 3_600_000 });
  const primary = ch.addService({ name: 'billing', state: 'running', createdAt: new Date(Date.now() - 86_400_000).toISOString(), firstBackupAt: Date.now() - 3_600_000 });
  ch.addService({ name: 'billing ro', state: 'running', isPrimary: false, parentId: primary.id });
  ch.addService({ name: 'doomed', state: 'running' });
  const work = mkdtempSync(join(tmpdir(), 'pgtui-contract-ch-'));
  const profiles: Profile[] = [{ kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret, timeoutMs: 10_000 }];
  env = cleanEnv(work, { PGTUI_CONFIG_DIR: configWith(profiles, { psqlPath: fakePsql(work) }), FAKE_PSQL_LOG: join(work, 'psql.json') });

  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  await pgtui('ls');
  await pgtui('ls', '-o', 'wide');
  await pgtui('get', 'orders');
  await pgtui('profile', 'test', 'ch');
  await pgtui('--profile', 'ch', 'create', '--set', 'name=made here', '--set', 'region=eu-west-2', '--set', 'size=r8gd.large', '--set', 'tags=team=db', '--yes', '--wait', '--interval', '0.2s', '--timeout', '20s');
  await pgtui('--profile', 'ch', 'create', '--set', 'mode=replica', '--set', `source=${orders.id}`, '--set', 'name=orders ro', '--yes');
  await pgtui('--profile', 'ch', 'create', '--set', 'mode=restore', '--set', `source=${orders.id}`, '--set', 'name=orders back', '--set', `restoreTarget=${hourAgo}`, '--yes');
  await pgtui('edit', 'orders', '--set', 'size=r8gd.xlarge', '--yes');
  await pgtui('edit', 'billing', '--set', 'tags=env=stage,team=pay', '--set', 'haType=sync', '--yes');
  await pgtui('wait', 'billing', '--for', 'ready', '--interval', '0.2s', '--timeout', '20s');
  await pgtui('restart', 'billing', '--yes');
  await pgtui('promote', 'billing ro', '--yes');
  await pgtui('reset-password', 'orders', '--yes');
  await pgtui('restore', 'orders', '--to', hourAgo, '--yes');
  await pgtui('restore', 'billing', '--to', hourAgo, '--name', 'billing back', '--yes');
  await pgtui('logs', 'orders', '--since', '1h', '--limit', '50', '--grep', 'checkpoint', '--severity', 'error');
  await pgtui('metrics', 'orders', '--since', '6h');
  await pgtui('slow', 'orders', '--since', '24h');
  const list = JSON.parse((await runCli(['slow', 'orders', '--json'], { env })).stdout) as Array<{ id: string }>;
  await pgtui('slow', 'orders', '--id', list[0]!.id);
  await pgtui('config', 'orders');
  await pgtui('config', 'orders', '--set', 'work_mem=64MB', '--set', 'max_connections=200', '--yes');
  await pgtui('config', 'orders', '--set', 'pgbouncer.default_pool_size=30', '--yes');
  await pgtui('config', 'orders', '--set', 'statement_timeout=30s', '--set', 'pgbouncer.pool_mode=transaction', '--yes');
  await pgtui('psql', 'orders', '--', '-c', 'select 1');
  await pgtui('delete', 'doomed', '--yes', '--wait', '--interval', '0.2s', '--timeout', '20s');
}, 240_000);
afterAll(async () => {
  await ch?.stop();
});

describe('ClickHouse: pgtui requests against the official spec', () => {
  it('every command ran and succeeded', () => {
    expect(ran.filter((r) => r.code !== 0).map((r) => `${r.args.join(' ')} → ${r.code}: ${r.stderr}`)).toEqual([]);
  });

  it('0 violations in every request sent, and every kind of request is covered', () => {
    expect(ch.requests.length).toBeGreaterThan(50);
    const found = ch.requests.flatMap((r) => spec.check([r]).map((v) => ({ v, r })));
    expect(found.filter(({ v, r }) => !documentedException(v, r)).map(({ v }) => v)).toEqual([]);
    // The exception covers exactly the two config changes that touched one map only.
    expect(found.map(({ v }) => v.request.replace(/.*\/config$/, 'PATCH /config'))).toEqual(['PATCH /config', 'PATCH /config']);
    const operations = new Set(ch.requests.map((r) => spec.operation(r.method, r.path)));
    for (const op of [
      'organizationGetList', 'postgresServiceGetList', 'postgresServiceGet', 'postgresServiceCreate', 'postgresServicePatch', 'postgresServiceDelete',
      'postgresInstanceCreateReadReplica', 'postgresInstanceRestore', 'postgresServicePatchState', 'postgresServiceSetPassword', 'postgresInstanceConfigGet',
      'postgresInstanceConfigPatch', 'postgresLogsGetList', 'postgresInstanceMetricsGet', 'slowQueryPatternsGetList', 'slowQueryPatternGet',
    ]) expect(operations, op).toContain(op);
  });

  it('against the older full ClickHouse Cloud spec, only what it predates differs: the /logs endpoint', async () => {
    const full = await specValidator('clickhouse-cloud-openapi.json');
    const found = ch.requests.flatMap((r) => full.check([r]).filter((v) => !documentedException(v, r)));
    // An API of that age answers 404 there, which pgtui reports as "no such endpoint" (exit 7), not "no cluster".
    expect(new Set(found.map((v) => `${v.request.replace(/^GET \/v1\/organizations\/[^/]+\/postgres\/[^/]+\/logs\?.*$/, 'GET …/logs')}: ${v.problems.join(', ')}`))).toEqual(
      new Set(['GET …/logs: no such path and method in the spec']),
    );
  });

  it('the validator is real: the requests of the old client are violations', () => {
    const base = `/v1/organizations/${ch.orgId}/postgres/67b4bc12-8582-45d0-8806-fe9b2e5a54e6`;
    const old = spec.check([
      { method: 'GET', path: `${base}/slowQueryPatterns/q1`, query: {}, body: undefined },
      { method: 'PATCH', path: `${base}/config`, query: {}, body: { pgConfig: { work_mem: 65536 } } },
      { method: 'POST', path: `${base}/restoredService`, query: {}, body: { name: `${'x'.repeat(42)} restored`, restoreTarget: '2026-11-30T08:00:00Z' } },
      { method: 'GET', path: `${base}/nonsense`, query: {}, body: undefined },
    ]);
    expect(old.map((v) => v.problems[0])).toEqual([
      "/query must have required property 'db_name'",
      "/requestBody must have required property 'pgBouncerConfig'",
      '/requestBody/name must NOT have more than 50 characters',
      'no such path and method in the spec',
    ]);
  });
});
