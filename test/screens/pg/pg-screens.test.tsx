// The Postgres screens over a real throwaway PostgreSQL with the demo's seeded workload (A blocks B and D, B
// blocks C, a long query, an idle-in-transaction session, a slot, statements): what each shows, hostile query
// text made safe and cut, the password asked once and masked, the missing GRANT, cancel/terminate with their
// exact SQL and results per pid, and refusal on a read-only profile.
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWorkload, WORKLOAD_APPS, type Workload } from '../../../src/demo/workload.js';
import { PgSessionError } from '../../../src/pg/errors.js';
import { connectPg, type PgSession } from '../../../src/pg/session.js';
import { Activity } from '../../../src/ui/screens/Activity.js';
import { LockTree } from '../../../src/ui/screens/LockTree.js';
import { PgInfo } from '../../../src/ui/screens/PgInfo.js';
import { forgetPassword, PgProvider, type PgOpener } from '../../../src/ui/shell/pg-context.js';
import { eventually, POSTGRES_BIN, rawSession, startTestServer, type RawClient, type TestServer } from '../../pg/helpers.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, lineWith, press, waitForFrame } from '../forms/keys.js';
import { renderScreen } from '../render.js';

const db = cluster({ name: 'shopdb', provider: 'ionos-v2' });
const WIDTH = 100;

describe.skipIf(!POSTGRES_BIN)('Postgres screens on a seeded server', () => {
  let server: TestServer;
  let workload: Workload;
  const extra: RawClient[] = [];
  const sessions: PgSession[] = [];
  let unmount: (() => void) | undefined;
  const admin: PgOpener = async () => {
    const s = await server.admin();
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTestServer();
    workload = await startWorkload(server.pg);
  }, 120_000);
  afterEach(() => {
    unmount?.();
    unmount = undefined;
  });
  afterAll(async () => {
    await Promise.allSettled(extra.map((c) => c.end()));
    await workload?.stop();
    await server?.pg.stop();
  });

  function show(ui: (props: { say: (t: string, e?: boolean) => void; copy: (t: string) => void; onBack: () => void }) => ReactElement, open: PgOpener = admin) {
    const say = vi.fn<(t: string, e?: boolean) => void>();
    const copy = vi.fn<(t: string) => void>();
    const onBack = vi.fn();
    const r = renderScreen(<PgProvider open={open}>{ui({ say, copy, onBack })}</PgProvider>, fakeStore());
    unmount = r.unmount;
    return { ...r, say, copy, onBack };
  }
  const common = { height: 30, width: WIDTH, active: true, onHelp: () => undefined, onQuit: () => undefined };

  it('activity: the long query and the idle-in-transaction session with their ages, grouped; enter shows the query; y copies the pid', async () => {
    const ui = show((p) => <Activity cluster={db} readOnly={false} {...common} {...p} />);
    const frame = await waitForFrame(ui.lastFrame, (f) => f.includes(WORKLOAD_APPS.long) && f.includes(WORKLOAD_APPS.idle));
    expect(frame).toMatch(/running/);
    expect(frame).toMatch(/waiting/);
    expect(frame).toMatch(/idle in transaction/);
    // Ages: the long query's query age and the idle session's transaction age are shown (seconds or ms).
    expect(lineWith(frame, WORKLOAD_APPS.long)).toMatch(/SELECT/);
    expect(lineWith(frame, WORKLOAD_APPS.long)).toMatch(/\d+(ms|s|m\d\ds)\s/);
    expect(lineWith(frame, WORKLOAD_APPS.idle)).toMatch(/\d+(ms|s|m\d\ds)\s/);
    // Groups in order: running before waiting before idle in transaction.
    expect(frame.indexOf('running')).toBeLessThan(frame.indexOf('waiting'));
    expect(frame.indexOf('waiting')).toBeLessThan(frame.indexOf('idle in transaction'));
    // Filter to the long query, then enter shows it whole, y copies the pid.
    await press(ui.stdin, '/', ...'demo-report', KEY.enter);
    await waitForFrame(ui.lastFrame, (f) => !f.includes(WORKLOAD_APPS.idle) && f.includes(WORKLOAD_APPS.long));
    await press(ui.stdin, 'y');
    expect(ui.copy).toHaveBeenCalledWith(String(workload.pids.long));
    await press(ui.stdin, KEY.enter);
    await waitForFrame(ui.lastFrame, `Query of ${workload.pids.long}`);
    await press(ui.stdin, KEY.esc, KEY.esc);
    await waitForFrame(ui.lastFrame, WORKLOAD_APPS.idle);
    expect(ui.onBack).not.toHaveBeenCalled();
  }, 60_000);

  it('activity: hostile query text (escape sequences, a 1 MB statement) is shown safe and cut to the width', async () => {
    const evil = await rawSession(server, server.pg.superuser, server.pg.superPassword);
    extra.push(evil.client);
    const huge = 'x'.repeat(1_000_000);
    void evil.client.query(`SELECT pg_sleep(30) /* \u001b]0;owned\u0007 \u001b[2J evil ${huge} */`).catch(() => undefined);
    await eventually(async () => ((await server.pg.sql(`SELECT count(*) AS n FROM pg_stat_activity WHERE pid = ${evil.pid} AND state = 'active'`)).includes('1') ? true : undefined), 'the evil query runs');
    const ui = show((p) => <Activity cluster={db} readOnly={false} {...common} {...p} />);
    const frame = await waitForFrame(ui.lastFrame, String(evil.pid));
    expect(frame).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(WIDTH);
    expect(lineWith(frame, String(evil.pid))).toContain('SELECT pg_sleep(30) /*');
    // The full query (the server keeps track_activity_query_size of it, pgtui at most 4 KiB): still safe, in the width.
    await press(ui.stdin, '/', ...String(evil.pid), KEY.enter, KEY.enter);
    const full = await waitForFrame(ui.lastFrame, (f) => f.includes(`Query of ${evil.pid}`) && f.includes('evil'));
    expect(full).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
    for (const line of full.split('\n')) expect(line.length).toBeLessThanOrEqual(WIDTH);
    await evil.client.query('SELECT 1').catch(() => undefined);
  }, 60_000);

  it('lock tree: A is the head and blocks 3 (2 directly); C sits under B', async () => {
    const ui = show((p) => <LockTree cluster={db} readOnly={false} {...common} {...p} />);
    const frame = await waitForFrame(ui.lastFrame, 'blocks 3 (2 directly)');
    const lines = frame.split('\n');
    const a = lines.findIndex((l) => l.includes(`${workload.pids.A}  blocks 3 (2 directly)`));
    const b = lines.findIndex((l) => l.includes(`└ ${workload.pids.B}`));
    const c = lines.findIndex((l) => l.includes(`└ ${workload.pids.C}`));
    const d = lines.findIndex((l) => l.includes(`└ ${workload.pids.D}`));
    expect(a).toBeGreaterThan(-1);
    expect(b).toBeGreaterThan(a);
    expect(c).toBe(b + 1);
    expect(lines[c]!.indexOf('└')).toBeGreaterThan(lines[b]!.indexOf('└'));
    expect(d).toBeGreaterThan(a);
    expect(frame).toContain('1 head blocker · 3 waiting');
  }, 60_000);

  it('cancel: several tagged sessions, a confirmation with the exact SQL, the result per pid; refused on a read-only profile', async () => {
    const v1 = await rawSession(server, server.pg.superuser, server.pg.superPassword);
    const v2 = await rawSession(server, server.pg.superuser, server.pg.superPassword);
    extra.push(v1.client, v2.client);
    const q1 = v1.client.query('SELECT pg_sleep(60) AS victim').then(() => 'done', (e: Error) => e.message);
    const q2 = v2.client.query('SELECT pg_sleep(60) AS victim').then(() => 'done', (e: Error) => e.message);
    // Read-only first: the key says why and nothing runs.
    const ro = show((p) => <Activity cluster={db} readOnly {...common} {...p} />);
    await waitForFrame(ro.lastFrame, 'victim');
    await press(ro.stdin, 'c');
    expect(ro.say).toHaveBeenCalledWith(expect.stringMatching(/read-only/), true);
    expect(ro.lastFrame()).not.toContain('pg_cancel_backend');
    ro.unmount();

    const ui = show((p) => <Activity cluster={db} readOnly={false} {...common} {...p} />);
    await waitForFrame(ui.lastFrame, (f) => f.includes(String(v1.pid)) && f.includes(String(v2.pid)));
    await press(ui.stdin, '/', ...'AS victim', KEY.enter);
    await waitForFrame(ui.lastFrame, (f) => !f.includes(WORKLOAD_APPS.long));
    await press(ui.stdin, ' ', ' ', 'c');
    const confirm = await waitForFrame(ui.lastFrame, 'This runs:');
    expect(confirm).toContain(`SELECT pg_cancel_backend(${v1.pid});`);
    expect(confirm).toContain(`SELECT pg_cancel_backend(${v2.pid});`);
    expect(confirm).toContain('Cancel the query of 2 sessions?');
    await press(ui.stdin, 'y');
    await waitForFrame(ui.lastFrame, 'any key closes');
    expect(await q1).toMatch(/cancel/i);
    expect(await q2).toMatch(/cancel/i);
    await press(ui.stdin, 'x');
    expect(ui.say).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`${v1.pid}: cancelled.*${v2.pid}: cancelled|${v2.pid}: cancelled.*${v1.pid}: cancelled`)), false);
  }, 60_000);

  it('asks for the password once, masked, and connects with it', async () => {
    const secret = 'Typed-Pass-9';
    await server.pg.sql(`CREATE ROLE asker LOGIN PASSWORD '${secret}'; GRANT pg_monitor TO asker`);
    const tries: Array<string | undefined> = [];
    const open: PgOpener = async (_c, password) => {
      tries.push(password);
      if (!password) throw new PgSessionError('shopdb: no password for asker: give it with --password-stdin, or put it in ~/.pgpass (or $PGPASSFILE)', 'password');
      const s = await connectPg(server.conn('asker', password));
      sessions.push(s);
      return s;
    };
    forgetPassword(db);
    const ui = show((p) => <Activity cluster={db} readOnly={false} {...common} {...p} />, open);
    await waitForFrame(ui.lastFrame, 'Password for');
    await press(ui.stdin, ...secret, KEY.enter);
    await waitForFrame(ui.lastFrame, WORKLOAD_APPS.long);
    expect(ui.frames.join('\n')).not.toContain(secret);
    expect(ui.frames.some((f) => f.includes('*'.repeat(secret.length)))).toBe(true);
    ui.unmount();
    // Another screen on the same cluster does not ask again.
    const again = show((p) => <LockTree cluster={db} readOnly={false} {...common} {...p} />, open);
    await waitForFrame(again.lastFrame, 'blocks 3');
    expect(again.frames.join('\n')).not.toContain('Password for');
    expect(tries.filter((t) => t === undefined)).toHaveLength(1);
    forgetPassword(db);
  }, 60_000);

  it('a login without pg_monitor gets the exact GRANT in one line; an unreachable cluster says why in one line', async () => {
    await server.pg.sql(`CREATE ROLE plain LOGIN PASSWORD 'Plain-Pass-1'`);
    const ui = show((p) => <Activity cluster={db} readOnly={false} {...common} {...p} />, async () => connectPg(server.conn('plain', 'Plain-Pass-1')));
    await waitForFrame(ui.lastFrame, 'GRANT pg_monitor TO "plain";');
    ui.unmount();
    const gone = show((p) => <Activity cluster={db} readOnly={false} {...common} {...p} />, async () => {
      throw new PgSessionError('shopdb: the cluster is in a private LAN: connect through a host in it (profile "connect")', 'unreachable');
    });
    await waitForFrame(gone.lastFrame, 'shopdb: the cluster is in a private LAN');
  }, 60_000);

  it('replication, top statements (and the hint when missing), vitals in tabs', async () => {
    // A hostile statement: escape sequences and a 1 MB comment, recorded whole by pg_stat_statements.
    const evil = await rawSession(server, server.pg.superuser, server.pg.superPassword);
    extra.push(evil.client);
    await evil.client.query(`SELECT pg_sleep(0.6) /* \u001b]0;owned\u0007 \u001b[2J ${'y'.repeat(1_000_000)} */`);
    const ui = show((p) => <PgInfo cluster={db} readOnly={false} {...common} {...p} />);
    let frame = await waitForFrame(ui.lastFrame, 'demo_standby_slot');
    expect(lineWith(frame, 'demo_standby_slot')).toMatch(/INACTIVE.*retains/);
    expect(frame).toContain('This server is a primary');
    await press(ui.stdin, KEY.tab);
    await waitForFrame(ui.lastFrame, /statements since the screen opened/);
    await press(ui.stdin, 'w');
    frame = await waitForFrame(ui.lastFrame, /statements since the last reset/);
    expect(frame).toMatch(/TOTAL +CALLS +MEAN/);
    await press(ui.stdin, 's');
    frame = await waitForFrame(ui.lastFrame, (f) => /by mean time/.test(f) && f.includes('pg_sleep($1) /*'));
    expect(frame).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(WIDTH);
    await press(ui.stdin, KEY.tab);
    frame = await waitForFrame(ui.lastFrame, 'Connections');
    expect(frame).toMatch(/Wraparound/);
    expect(frame).toMatch(/Cache hit/);
    expect(frame).toContain('demo_shop');
    ui.unmount();
    await server.pg.sql('CREATE DATABASE nostats TEMPLATE template0');
    const missing = show((p) => <PgInfo cluster={db} readOnly={false} {...common} {...p} />, async () => connectPg(server.conn(server.pg.superuser, server.pg.superPassword, { database: 'nostats' })));
    await waitForFrame(missing.lastFrame, 'This server is a primary');
    await press(missing.stdin, KEY.tab);
    await waitForFrame(missing.lastFrame, 'CREATE EXTENSION pg_stat_statements;');
  }, 60_000);

  it('terminating A (confirmed) from the lock tree clears the tree within one refresh', async () => {
    const ui = show((p) => <LockTree cluster={db} readOnly={false} {...common} {...p} />);
    await waitForFrame(ui.lastFrame, `${workload.pids.A}  blocks 3`);
    await press(ui.stdin, 'g', 'X');
    const confirm = await waitForFrame(ui.lastFrame, 'This runs:');
    expect(confirm).toContain(`SELECT pg_terminate_backend(${workload.pids.A});`);
    expect(confirm).toContain('End 1 session?');
    await press(ui.stdin, 'y');
    await waitForFrame(ui.lastFrame, 'any key closes');
    await press(ui.stdin, 'x');
    expect(ui.say).toHaveBeenCalledWith(`${workload.pids.A}: ended`, false);
    await waitForFrame(ui.lastFrame, 'no session waits for another', 10_000);
  }, 60_000);
});
