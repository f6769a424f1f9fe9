// Each Postgres check against a real throwaway PostgreSQL: GREEN on a fresh database, then a fixture that
// makes the condition (blocked sessions, dead tuples, a stale slot, burnt transaction ids, ...) turns it RED.
// Where the default threshold needs hours or gigabytes, the test lowers it (named in each test) and keeps the
// real condition. diagnose logs in as a non-superuser with pg_monitor, as docs/diagnose.md asks of users.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Cluster } from '../../src/api/core/types.js';
import { findPostgresBin, startLocalPostgres, type LocalPostgres } from '../../src/fake/local-postgres.js';
import { judgeCluster } from '../../src/diagnose/health.js';
import { PG_CHECKS } from '../../src/diagnose/pg-checks.js';
import { connectConn, type PgHandle } from '../../src/diagnose/pg-connect.js';
import { collectPgFacts } from '../../src/diagnose/pg-facts.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/diagnose/thresholds.js';
import type { Verdict } from '../../src/diagnose/types.js';

const bin = findPostgresBin();
const PASSWORD = 'diag-Secret-1';
const cluster: Cluster = { profile: 'p', provider: 'pgo', id: 'x', name: 'x', phase: 'ready', state: 'ready', raw: {} };

let server: LocalPostgres;
let diag: PgHandle;
let admin: pg.Client;
const extra: pg.Client[] = [];

async function session(user = 'app', password = PASSWORD): Promise<pg.Client> {
  const c = new pg.Client({ host: server.host, port: server.port, database: 'app', user, password, application_name: 'fixture' });
  c.on('error', () => undefined);
  await c.connect();
  extra.push(c);
  return c;
}

async function closeExtra(): Promise<void> {
  await Promise.all(extra.splice(0).map((c) => c.end().catch(() => undefined)));
}

async function verdicts(over: Partial<Thresholds> = {}): Promise<Record<string, { verdict: Verdict; evidence: string }>> {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...over };
  const facts = await collectPgFacts(diag.query, thresholds.statementTimeoutMs);
  const report = judgeCluster({ cluster, provider: {}, pg: facts, thresholds, now: Date.now() });
  return Object.fromEntries(report.checks.map((c) => [c.id, { verdict: c.verdict, evidence: c.evidence }]));
}

/** Waits (no fixed sleep) until the check reaches the verdict; the statistics reach pg_stat_* a moment later. */
async function until(id: string, verdict: Verdict, over: Partial<Thresholds> = {}, evidence?: RegExp): Promise<string> {
  let last = '';
  await vi.waitFor(async () => {
    const v = (await verdicts(over))[id]!;
    last = v.evidence;
    expect(v.verdict, `${id}: ${v.evidence}`).toBe(verdict);
    if (evidence) expect(v.evidence).toMatch(evidence);
  }, { timeout: 15_000, interval: 200 });
  return last;
}

describe.skipIf(!bin)('Postgres checks on a real PostgreSQL', () => {
  beforeAll(async () => {
    server = await startLocalPostgres({
      settings: ['autovacuum = off', 'autovacuum_freeze_max_age = 100000', "shared_preload_libraries = 'pg_stat_statements'", 'synchronous_commit = off', 'max_connections = 14', 'superuser_reserved_connections = 2', 'wal_level = replica', 'max_wal_senders = 4'],
    });
    await server.addLogin('app', PASSWORD, 'app');
    await server.sql('GRANT pg_monitor TO app');
    admin = new pg.Client({ host: server.host, port: server.port, database: 'app', user: server.superuser, password: server.superPassword });
    await admin.connect();
    await admin.query('CREATE EXTENSION pg_stat_statements');
    diag = await connectConn({ host: server.host, port: server.port, database: 'app', user: 'app', password: PASSWORD, sslmode: 'disable' }, { statementTimeoutMs: 5000 });
  }, 60_000);

  afterAll(async () => {
    await closeExtra();
    await diag?.close();
    await admin?.end().catch(() => undefined);
    await server?.stop();
  });

  it('a fresh database is green on every Postgres check, read as a pg_monitor login', async () => {
    const v = await verdicts();
    for (const c of PG_CHECKS) expect(v[c.id]?.verdict, `${c.id}: ${v[c.id]?.evidence}`).toBe('green');
  });

  it('diagnose runs read-only under its statement_timeout', async () => {
    await expect(diag.query('CREATE TABLE nope (i int)')).rejects.toThrow(/read-only/);
    await expect(diag.query('SELECT pg_sleep(3)')).resolves.toBeDefined();
    await diag.query(`SELECT set_config('statement_timeout', '100', false)`);
    await expect(diag.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement_timeout|statement timeout|took longer than/);
    await diag.query(`SELECT set_config('statement_timeout', '5000', false)`);
  });

  it('connections: 11 of 12 usable connections is red', async () => {
    for (let i = 0; i < 9; i++) await session(); // + diagnose's own + the admin session = 11
    const e = await until('connections', 'red');
    expect(e).toContain('11 of 12');
    await closeExtra();
    await until('connections', 'green');
  });

  it('blocked, long-query, long-transaction and idle-in-transaction: a lock held by an idle transaction with 5 waiters', async () => {
    await admin.query('CREATE TABLE locked (i int)');
    await admin.query('GRANT ALL ON locked TO app');
    const head = await session();
    await head.query('BEGIN');
    await head.query('LOCK TABLE locked IN ACCESS EXCLUSIVE MODE');
    const waiters = await Promise.all(Array.from({ length: 5 }, () => session()));
    const pending = waiters.map((w) => w.query('SELECT count(*) FROM locked').catch(() => undefined));
    const blocked = await until('blocked', 'red');
    expect(blocked).toContain('5 sessions blocked');
    const short = { queryRedSeconds: 1, queryYellowSeconds: 0.5, transactionRedSeconds: 1, transactionYellowSeconds: 0.5, idleInTransactionRedSeconds: 1, idleInTransactionYellowSeconds: 0.5 };
    await until('long-query', 'red', short);
    await until('long-transaction', 'red', short);
    const idle = await until('idle-in-transaction', 'red', short);
    expect(idle).toContain('1 session idle in a transaction');
    await head.query('ROLLBACK');
    await Promise.all(pending);
    await closeExtra();
    await until('blocked', 'green');
  });

  it('sequences: a bigint sequence feeding an int column is judged against the column (93% of 2^31)', async () => {
    await admin.query('CREATE TABLE ids (id int)');
    await admin.query('CREATE SEQUENCE ids_seq OWNED BY ids.id');
    await admin.query(`SELECT nextval('ids_seq')`);
    // pg_monitor does not read sequences: one the login may not read is named, not judged.
    expect(await until('sequences', 'unknown')).toContain('1 sequence this login may not read');
    await admin.query('GRANT SELECT ON ids_seq TO app');
    await until('sequences', 'green');
    await admin.query(`SELECT setval('ids_seq', 2000000000)`);
    expect(await until('sequences', 'red')).toContain('public.ids_seq');
  });

  it('vacuum-overdue: 20,000 dead tuples on a table autovacuum skips', async () => {
    await admin.query('CREATE TABLE churn (i int) WITH (autovacuum_enabled = false)');
    await admin.query('INSERT INTO churn SELECT generate_series(1, 20000)');
    await admin.query('DELETE FROM churn');
    await admin.query('SELECT pg_stat_force_next_flush()');
    expect(await until('vacuum-overdue', 'red')).toContain('public.churn');
    await admin.query('VACUUM churn');
    await until('vacuum-overdue', 'green');
  });

  it('unused and duplicate indexes: an index never scanned, and two identical ones (red from 1 MiB in this test)', async () => {
    await admin.query('CREATE TABLE u (a int, b int)');
    await admin.query('INSERT INTO u SELECT g, g FROM generate_series(1, 100000) g');
    await admin.query('CREATE INDEX u_b ON u (b)');
    expect(await until('unused-indexes', 'yellow')).toContain('public.u_b');
    await until('unused-indexes', 'red', { unusedIndexRedBytes: 1024 * 1024 });
    await admin.query('CREATE INDEX u_a1 ON u (a)');
    await admin.query('CREATE INDEX u_a2 ON u (a)');
    expect(await until('duplicate-indexes', 'yellow')).toContain('u_a1 = u_a2');
    await until('duplicate-indexes', 'red', { duplicateIndexRedBytes: 1024 * 1024 });
  });

  it('hit-ratio: full scans of a table bigger than shared_buffers after a statistics reset', async () => {
    await admin.query(`CREATE TABLE big AS SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 150000) g`);
    await admin.query('GRANT SELECT ON big TO app');
    await admin.query('SELECT pg_stat_reset()');
    await until('hit-ratio', 'green');
    const reader = await session();
    for (let i = 0; i < 4; i++) await reader.query('SELECT count(*) FROM big');
    await reader.query('SELECT pg_stat_force_next_flush()');
    expect(await until('hit-ratio', 'red', { hitMinBlocks: 10_000 })).toMatch(/cache hit \d/);
    await closeExtra();
  });

  it('replication-slots: an inactive slot is yellow, red once it holds more WAL than the limit (4 MiB in this test)', async () => {
    await admin.query(`SELECT pg_create_physical_replication_slot('stale', true)`);
    await until('replication-slots', 'yellow');
    await admin.query(`INSERT INTO u SELECT g, g FROM generate_series(1, 100000) g`);
    expect(await until('replication-slots', 'red', { slotRetainedRedBytes: 4 * 1024 * 1024 })).toContain('stale');
    await admin.query(`SELECT pg_drop_replication_slot('stale')`);
  });

  it('replication-lag: a WAL receiver that stops reading falls behind (red from 4 MiB in this test)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgtui-wal-'));
    const receiver: ChildProcess = spawn(join(bin!, 'pg_receivewal'), ['-D', dir, '-h', server.host, '-p', String(server.port), '-U', server.superuser, '--no-loop', '-n'], {
      env: { PATH: process.env.PATH, PGPASSWORD: server.superPassword, PGAPPNAME: 'walcopy' },
      stdio: 'ignore',
    });
    try {
      await until('replication-lag', 'green', {}, /walcopy/);
      receiver.kill('SIGSTOP');
      await admin.query(`INSERT INTO u SELECT g, g FROM generate_series(1, 100000) g`);
      expect(await until('replication-lag', 'red', { replicationLagRedBytes: 4 * 1024 * 1024 })).toMatch(/walcopy \(\w+\) [\d.]+ MiB behind/);
    } finally {
      receiver.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pg-stat-statements: missing is yellow by default, red when config.json says so', async () => {
    await admin.query('DROP EXTENSION pg_stat_statements');
    expect(await until('pg-stat-statements', 'yellow')).toContain('not installed');
    await until('pg-stat-statements', 'red', { statementsMissing: 'red' });
    await admin.query('CREATE EXTENSION pg_stat_statements');
  });

  it('wraparound: 160,000 transactions burnt while an old snapshot holds the xmin horizon', async () => {
    await until('wraparound', 'green');
    const holder = await session();
    await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await holder.query('SELECT 1');
    await admin.query(`DO $$ BEGIN FOR i IN 1..160000 LOOP PERFORM txid_current(); COMMIT; END LOOP; END $$`);
    expect(await until('wraparound', 'red')).toMatch(/× autovacuum_freeze_max_age \(100,000\)/);
    await closeExtra();
  }, 60_000);
});
