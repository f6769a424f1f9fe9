// `pgtui psql NAME`: psql gets the connection in its arguments and the password only in a 0600 PGPASSFILE
// that is gone when psql exits; its exit code is pgtui's; a missing psql is exit 127 with one line.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse.js';
import { FakeClock } from '../../src/fake/kit.js';
import { FAKE_CA_PEM } from '../../src/fake/clickhouse/ca.js';
import { cleanEnv, configWith, ensureBuilt, fakePsql, runCli } from './helpers.js';

const PASSWORD = 'pa:ss\\word-Zq81';
let fake: ClickHouseFake;
let work: string;
let env: NodeJS.ProcessEnv;
let log: string;
let host: string;
let dir: string;

interface PsqlRecord {
  argv: string[];
  cmdline: string[];
  pgpassword: string | null;
  appname: string | null;
  passfile: { path: string; mode: string; content: string } | null;
}

beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 5 });
  const orders = fake.addService({ name: 'orders', state: 'running' });
  fake.addService({ name: 'sleepy', state: 'stopped' });
  host = orders.hostname;
  work = mkdtempSync(join(tmpdir(), 'pgtui-psql-test-'));
  log = join(work, 'psql.json');
  const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret };
  dir = configWith([profile], { psqlPath: fakePsql(work) }, { [`ch/${orders.id}`]: JSON.stringify({ user: 'postgres', password: PASSWORD, database: 'postgres' }) });
  env = cleanEnv(work, { PGTUI_CONFIG_DIR: dir, FAKE_PSQL_LOG: log, PGPASSWORD: 'from-the-outer-shell' });
});
afterAll(async () => {
  await fake?.stop();
});

const record = () => JSON.parse(readFileSync(log, 'utf8')) as PsqlRecord;

describe('pgtui psql', () => {
  it('passes the connection in argv without the password, and the password in a 0600 PGPASSFILE', async () => {
    const r = await runCli(['psql', 'orders'], { env });
    expect(r.code).toBe(0);
    const rec = record();
    expect(rec.argv.join(' ')).toContain(`host='${host}'`);
    expect(rec.argv.join(' ')).toContain("user='postgres'");
    // ClickHouse publishes its CA: psql verifies the server with it, from a 0600 copy in the config directory.
    expect(rec.argv.join(' ')).toContain("sslmode='verify-full'");
    const ca = /sslrootcert='([^']+)'/.exec(rec.argv.join(' '))![1]!;
    expect(ca.startsWith(join(dir, 'ca'))).toBe(true);
    expect((statSync(ca).mode & 0o777).toString(8)).toBe('600');
    expect(readFileSync(ca, 'utf8')).toBe(FAKE_CA_PEM);
    expect(rec.cmdline.join(' ')).not.toContain(PASSWORD);
    expect(rec.cmdline.join(' ')).not.toContain('Zq81');
    expect(rec.pgpassword).toBeNull();
    expect(rec.appname).toBe('pgtui');
    expect(rec.passfile).not.toBeNull();
    expect(rec.passfile!.mode).toBe('600');
    // libpq's escaping: ':' and '\' in a .pgpass field are backslash-escaped.
    expect(rec.passfile!.content).toBe(`${host}:5432:postgres:postgres:pa\\:ss\\\\word-Zq81\n`);
    expect(existsSync(rec.passfile!.path)).toBe(false);
    expect(r.stderr).toContain('psql → orders');
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
  });

  it('falls back to sslmode=require with a one-line note when the CA cannot be fetched (and nothing is cached)', async () => {
    rmSync(join(dir, 'ca'), { recursive: true, force: true });
    const undo = fake.inject({ match: /caCertificates$/, status: 403, message: 'Forbidden' });
    try {
      const r = await runCli(['psql', 'orders'], { env });
      expect(r.code).toBe(0);
      expect(record().argv.join(' ')).toContain("sslmode='require'");
      expect(record().argv.join(' ')).not.toContain('sslrootcert');
      const notes = r.stderr.split('\n').filter((l) => l.includes('note:'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/no CA certificate for orders .*403.*sslmode=require: encrypted, but the server is not verified/);
    } finally {
      undo();
    }
    // Once fetched, the cached copy is used without asking again.
    await runCli(['psql', 'orders'], { env });
    const asked = fake.requests.filter((q) => q.path.endsWith('/caCertificates')).length;
    const r = await runCli(['psql', 'orders'], { env });
    expect(r.code).toBe(0);
    expect(record().argv.join(' ')).toContain("sslmode='verify-full'");
    expect(fake.requests.filter((q) => q.path.endsWith('/caCertificates')).length).toBe(asked);
  });

  it("hands arguments after -- to psql and exits with psql's code", async () => {
    const r = await runCli(['psql', 'orders', '--', '-c', 'select 42'], { env: { ...env, FAKE_PSQL_EXIT: '3' } });
    expect(r.code).toBe(3);
    expect(record().argv.slice(0, 2)).toEqual(['-c', 'select 42']);
  });

  it('refuses a stopped cluster in one line, exit 1, without starting psql', async () => {
    const r = await runCli(['psql', 'sleepy'], { env: { ...env, FAKE_PSQL_LOG: join(work, 'never.json') } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/sleepy is stopped/);
    expect(existsSync(join(work, 'never.json'))).toBe(false);
  });

  it('exits 127 with one line when psql is not installed', async () => {
    const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret };
    const dir = configWith([profile], { psqlPath: join(work, 'no-such-psql') });
    const r = await runCli(['psql', 'orders'], { env: { ...env, PGTUI_CONFIG_DIR: dir } });
    expect(r.code).toBe(127);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/psql not found/);
  });
});
