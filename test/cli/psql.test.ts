// `pgtui psql NAME`: psql gets the connection in its arguments and the password only in a 0600 PGPASSFILE
// that is already unlinked when psql starts (it reads it through /dev/fd/3), so nothing is left on disk even
// after SIGKILL; stale password directories of a killed older pgtui are swept; psql's environment holds no
// provider credentials; its exit code is pgtui's; a missing psql is exit 127 with one line.
import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { FAKE_CA_PEM } from '../../src/fake/clickhouse/ca.js';
import { BIN, cleanEnv, configWith, ensureBuilt, fakePsql, runCli } from './helpers.js';

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
  envKeys: string[];
  environ: string;
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
  rmSync(work, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
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
    // Read through the inherited descriptor of a file unlinked before psql started: nothing of it on disk.
    expect(rec.passfile!.path).toBe('/dev/fd/3');
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('pgtui-psql-') && !n.startsWith('pgtui-psql-test-') && statSync(join(tmpdir(), n)).mtimeMs > Date.now() - 60_000)).toEqual([]);
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

  it("psql's environment holds no provider credentials and no PGPASSWORD", async () => {
    const secrets = { CLICKHOUSE_CLOUD_API_KEY: 'ck-Yq1', CLICKHOUSE_CLOUD_API_SECRET: 'cs-Yq2', IONOS_TOKEN: 'it-Yq3', IONOS_PASSWORD: 'ip-Yq4', PGOUSERPASS: 'pp-Yq5', PGOUSERNAME: 'pu-Yq6' };
    const r = await runCli(['psql', 'orders'], { env: { ...env, ...secrets } });
    expect(r.code).toBe(0);
    const rec = record();
    for (const [name, value] of Object.entries(secrets)) {
      expect(rec.envKeys).not.toContain(name);
      expect(rec.environ).not.toContain(value);
    }
    expect(rec.envKeys).not.toContain('PGPASSWORD');
    expect(rec.envKeys).toContain('PATH');
  });

  it('SIGKILL of pgtui while psql runs leaves no password on disk', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'pgtui-psql-test-'));
    try {
      const child = spawn(process.execPath, [BIN, 'psql', 'orders'], { env: { ...env, TMPDIR: tmp, FAKE_PSQL_SLEEP: '1', FAKE_PSQL_LOG: join(tmp, 'log.json') }, stdio: 'ignore' });
      for (let i = 0; i < 200 && !existsSync(join(tmp, 'log.json')); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(join(tmp, 'log.json'))).toBe(true);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // Only the fake psql's own log is there: no directory, no pgpass, nothing holding the password.
      expect(readdirSync(tmp)).toEqual(['log.json']);
      const rec = JSON.parse(readFileSync(join(tmp, 'log.json'), 'utf8')) as PsqlRecord;
      expect(rec.passfile?.content).toContain('Zq81');
      // The fake psql outlived pgtui (same process group as a real psql would be): end it.
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`TMPDIR=${tmp}`)) process.kill(Number(pid), 'SIGKILL');
        } catch {
          // gone or not ours
        }
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('sweeps password directories a killed pgtui left behind, only those of a dead pgtui and of this user', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'pgtui-psql-test-'));
    try {
      const make = (name: string) => {
        mkdirSync(join(tmp, name));
        writeFileSync(join(tmp, name, 'pgpass'), 'h:5432:*:*:old-secret\n', { mode: 0o600 });
      };
      make('pgtui-psql-999999999-abcdef'); // its pgtui is gone
      make(`pgtui-psql-${process.pid}-ghijkl`); // a live pgtui's
      make('pgtui-psql-other'); // not a name pgtui makes
      if (process.getuid?.() === 0) {
        make('pgtui-psql-999999998-mnopqr');
        chownSync(join(tmp, 'pgtui-psql-999999998-mnopqr'), 65534, 65534); // another user's
      }
      const r = await runCli(['psql', 'orders'], { env: { ...env, TMPDIR: tmp, FAKE_PSQL_LOG: join(tmp, 'log.json') } });
      expect(r.code).toBe(0);
      const left = readdirSync(tmp).sort();
      expect(left).not.toContain('pgtui-psql-999999999-abcdef');
      expect(left).toContain(`pgtui-psql-${process.pid}-ghijkl`);
      expect(left).toContain('pgtui-psql-other');
      if (process.getuid?.() === 0) expect(left).toContain('pgtui-psql-999999998-mnopqr');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
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
