// The session layer against a real PostgreSQL 15: TLS as libpq's sslmode means it, channel binding enforced,
// read-only and timeouts on every query, application_name, the password's sources, least privilege with the
// exact GRANT, cancel/terminate per pid, and hostile query text kept small and safe.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPkiAsync } from '../../src/fake/certs.js';
import { loadActivity } from '../../src/pg/activity.js';
import { connectPg, PgSessionError, type PgSession } from '../../src/pg/session.js';
import { signalBackends, signalSql } from '../../src/pg/signal.js';
import { loadStatements } from '../../src/pg/statements.js';
import { displayText, oneLine } from '../../src/text/safe.js';
import { eventually, POSTGRES_BIN, rawSession, startTestServer, type RawClient, type TestServer } from './helpers.js';

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as PgSessionError);

describe.skipIf(!POSTGRES_BIN)('a pgtui Postgres session', () => {
  let server: TestServer;
  let dir: string;
  let caFile: string;
  const open: PgSession[] = [];
  const keep = (s: PgSession) => (open.push(s), s);
  const raws: RawClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'pgtui-pgtest-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, server.caPem);
    await server.pg.sql(`CREATE ROLE plain LOGIN PASSWORD 'plain-Pass-1'; CREATE ROLE signaller LOGIN PASSWORD 'sig-Pass-1'; GRANT pg_monitor, pg_signal_backend TO signaller; CREATE ROLE victim LOGIN PASSWORD 'victim-Pass-1'`);
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled([...open.map((s) => s.close()), ...raws.map((c) => c.end())]);
    await server?.pg.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the server with the CA under verify-full, and refuses a server the CA did not sign', async () => {
    const s = keep(await connectPg(server.conn('plain', 'plain-Pass-1', { sslmode: 'verify-full', sslrootcert: caFile })));
    const [row] = await s.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    expect(row!.ssl).toBe(true);
    const other = await generateTestPkiAsync({ clientName: 'x' });
    const wrongCa = join(dir, 'wrong.pem');
    writeFileSync(wrongCa, other.ca.cert);
    const err = await refusal(connectPg(server.conn('plain', 'plain-Pass-1', { sslmode: 'verify-full', sslrootcert: wrongCa })));
    expect(err).toBeInstanceOf(PgSessionError);
    expect(err!.message).toMatch(/certificate/i);
  });

  it('uses SCRAM channel binding when required, and refuses a connection that cannot bind (no TLS)', async () => {
    const s = keep(await connectPg(server.conn('plain', 'plain-Pass-1', { channelBinding: 'require' })));
    expect(s.pid).toBeGreaterThan(0);
    const err = await refusal(connectPg(server.conn('plain', 'plain-Pass-1', { channelBinding: 'require', sslmode: 'disable' })));
    expect(err?.message).toContain('channel binding is required but the server did not offer SCRAM-SHA-256-PLUS');
  });

  it('runs as application_name pgtui, read-only, with statement_timeout and lock_timeout', async () => {
    const s = keep(await connectPg(server.conn('plain', 'plain-Pass-1'), { limits: { statementTimeoutMs: 300, lockTimeoutMs: 100 } }));
    const [row] = await s.query<{ app: string; ro: string; st: string; lt: string }>(
      `SELECT current_setting('application_name') AS app, current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt`,
    );
    expect(row).toEqual({ app: 'pgtui', ro: 'on', st: '300ms', lt: '100ms' });
    const write = await refusal(s.query('CREATE TABLE nope (x int)'));
    expect(write?.sqlstate).toBe('25006');
    const slow = await refusal(s.query('SELECT pg_sleep(5)'));
    expect(slow?.problem).toBe('timeout');
    expect(slow?.message).toContain('statement_timeout');
  });

  it('takes the password from ~/.pgpass ($PGPASSFILE), and says where to give one when there is none', async () => {
    const file = join(dir, 'pgpass');
    writeFileSync(file, `${server.pg.host}:${server.pg.port}:*:plain:plain-Pass-1\n`);
    chmodSync(file, 0o600);
    const before = process.env.PGPASSFILE;
    process.env.PGPASSFILE = file;
    try {
      const s = keep(await connectPg({ ...server.conn('plain', 'x'), password: undefined }));
      expect(s.user).toBe('plain');
      process.env.PGPASSFILE = join(dir, 'none');
      const err = await refusal(connectPg({ ...server.conn('plain', 'x'), password: undefined }));
      expect(err?.problem).toBe('password');
      expect(err?.message).toContain('--password-stdin');
    } finally {
      if (before === undefined) delete process.env.PGPASSFILE;
      else process.env.PGPASSFILE = before;
    }
  });

  it("says why in one line when the cluster cannot be reached (as p does)", async () => {
    const err = await refusal(connectPg({ ...server.conn('plain', 'x'), unreachableReason: 'on a private LAN (no public endpoint)' }, { label: 'crm' }));
    expect(err?.problem).toBe('unreachable');
    expect(err?.message).toBe('crm: on a private LAN (no public endpoint)');
  });

  it('without pg_monitor: other sessions are hidden and the exact GRANT is named; without pg_signal_backend likewise', async () => {
    const victim = await rawSession(server, 'victim', 'victim-Pass-1');
    raws.push(victim.client);
    const plain = keep(await connectPg(server.conn('plain', 'plain-Pass-1')));
    const activity = await loadActivity(plain);
    expect(activity.limitedView).toBe(true);
    const results = await signalBackends(plain, 'cancel', [victim.pid]);
    expect(results).toEqual([{ pid: victim.pid, ok: false, message: 'not allowed: to cancel or end sessions of other users, run as an admin: GRANT pg_signal_backend TO "plain";' }]);
  });

  it('cancels and terminates per pid with the statements it shows, and reports a pid that is gone', async () => {
    const signaller = keep(await connectPg(server.conn('signaller', 'sig-Pass-1')));
    const victim = await rawSession(server, 'victim', 'victim-Pass-1');
    raws.push(victim.client);
    const running = victim.client.query('SELECT pg_sleep(30)').then(() => undefined, (e: { code?: string }) => e);
    await eventually(async () => ((await loadActivity(signaller)).sessions.find((s) => s.pid === victim.pid)?.group === 'running' ? true : undefined), 'the victim runs');
    expect(signalSql('cancel', victim.pid)).toBe(`SELECT pg_cancel_backend(${victim.pid})`);
    expect(await signalBackends(signaller, 'cancel', [victim.pid, 999_999])).toEqual([
      { pid: victim.pid, ok: true },
      { pid: 999_999, ok: false, message: 'no such session (ended already?)' },
    ]);
    expect((await running)?.code).toBe('57014');
    expect(await signalBackends(signaller, 'terminate', [victim.pid, signaller.pid])).toEqual([
      { pid: victim.pid, ok: true },
      { pid: signaller.pid, ok: false, message: "pgtui's own session" },
    ]);
    await eventually(async () => ((await loadActivity(signaller)).sessions.some((s) => s.pid === victim.pid) ? undefined : true), 'the victim is gone');
  });

  it('keeps hostile query text small and safe: escape sequences and a 1 MB statement', async () => {
    const hostile = `SELECT 1 /* \u001b]0;owned\u0007\u001b[2J\u009b31m ${'x'.repeat(1_000_000)} */`;
    const admin = keep(await server.admin({ readOnly: false }));
    await admin.query(hostile);
    const sample = await loadStatements(admin);
    const row = sample.statements.find((s) => s.query.includes(']0;owned'))!;
    expect(row.query.length).toBeLessThanOrEqual(1_000);
    const shown = oneLine(row.query, 200);
    expect(displayText(shown)).toBe(shown);
    expect(shown).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});
