// The Postgres models against a real PostgreSQL 15 running the demo's seeded workload (src/demo/workload.ts):
// the blocking chain A → B → C, A → D, a long query, a session idle in transaction, a slot, statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkload, WORKLOAD_APPS, type Workload } from '../../src/demo/workload.js';
import { loadActivity } from '../../src/pg/activity.js';
import { loadLockTree, type LockNode } from '../../src/pg/locks.js';
import { loadReplication } from '../../src/pg/replication.js';
import { loadSettings } from '../../src/pg/settings.js';
import { loadStatements, sortStatements, statementDeltas } from '../../src/pg/statements.js';
import { loadVitals } from '../../src/pg/vitals.js';
import { countersToSeries, sampleCounters } from '../../src/pg/db-stats.js';
import type { PgSession } from '../../src/pg/session.js';
import { POSTGRES_BIN, startTestServer, type TestServer } from './helpers.js';
import { eventually } from '../poll.js';

describe.skipIf(!POSTGRES_BIN)('Postgres models on a seeded server', () => {
  let server: TestServer;
  let workload: Workload;
  let monitor: PgSession;
  let queries = 0;

  beforeAll(async () => {
    server = await startTestServer();
    workload = await startWorkload(server.pg);
    // A least-privileged login: pg_monitor only, as docs/postgres.md asks for.
    await server.pg.sql(`CREATE ROLE watcher LOGIN PASSWORD 'watch-Pass-1'; GRANT pg_monitor TO watcher`);
    const s = await (await import('../../src/pg/session.js')).connectPg(server.conn('watcher', 'watch-Pass-1', { database: 'demo_shop' }));
    monitor = { ...s, query: (sql, params) => (queries++, s.query(sql, params)), close: () => s.close(), pid: s.pid, serverVersion: s.serverVersion, user: s.user };
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    await workload?.stop();
    await server?.pg.stop();
  });

  it('groups sessions: running, waiting, idle in transaction; with ages, apps, users and wait events; leaves its own out', async () => {
    const before = queries;
    const activity = await loadActivity(monitor);
    expect(queries - before).toBe(1);
    const byApp = (app: string) => activity.sessions.find((s) => s.app === app)!;
    expect(byApp(WORKLOAD_APPS.long)).toMatchObject({ group: 'running', user: 'demo_app', database: 'demo_shop', waitEvent: 'PgSleep' });
    expect(byApp(WORKLOAD_APPS.long).queryAgeMs).toBeGreaterThanOrEqual(0);
    expect(byApp(WORKLOAD_APPS.idle)).toMatchObject({ group: 'idle in transaction' });
    expect(byApp(WORKLOAD_APPS.idle).xactAgeMs).toBeGreaterThan(0);
    for (const w of [WORKLOAD_APPS.B, WORKLOAD_APPS.C, WORKLOAD_APPS.D]) expect(byApp(w)).toMatchObject({ group: 'waiting', waitEventType: 'Lock' });
    expect(byApp(WORKLOAD_APPS.A).group).toBe('idle in transaction');
    expect(activity.sessions.map((s) => s.pid)).not.toContain(monitor.pid);
    expect(activity.limitedView).toBe(false);
    expect(byApp(WORKLOAD_APPS.long).query).toContain('monthly revenue report');
  });

  it('roots the lock tree at A, which blocks B and D directly and C through B', async () => {
    const tree = await loadLockTree(monitor);
    const { A, B, C, D } = workload.pids;
    expect(tree.roots.map((r) => r.pid)).toEqual([A]);
    const a = tree.roots[0]!;
    expect(a).toMatchObject({ blocksDirect: 2, blocksTotal: 3 });
    expect(a.waiting.map((n) => n.pid).sort()).toEqual([B, D].sort());
    const b = a.waiting.find((n) => n.pid === B)!;
    expect(b).toMatchObject({ blocksDirect: 1, blocksTotal: 1 });
    expect(b.waiting.map((n: LockNode) => n.pid)).toEqual([C]);
    expect(tree.waiters).toBe(3);
  });

  it('measures replication: a primary with an inactive slot that retains WAL', async () => {
    const rep = await loadReplication(monitor);
    expect(rep.role).toBe('primary');
    expect(rep.standbys).toEqual([]);
    const slot = rep.slots.find((s) => s.name === 'demo_standby_slot')!;
    expect(slot).toMatchObject({ active: false, type: 'physical' });
    expect(slot.retainedBytes).toBeGreaterThan(0);
  });

  it('lists statements with totals since reset and deltas since a baseline', async () => {
    const first = await loadStatements(monitor);
    const lookup = first.statements.find((s) => s.query.includes('SELECT balance FROM accounts WHERE id = $1'))!;
    expect(lookup.calls).toBeGreaterThanOrEqual(200);
    const sort = first.statements.find((s) => s.query.includes('ORDER BY amount DESC'))!;
    expect(sort.meanMs).toBeGreaterThan(lookup.meanMs);
    expect(sortStatements(first.statements, 'calls')[0]!.calls).toBeGreaterThanOrEqual(lookup.calls);
    expect(first.resetAt).toBeTruthy();
    const admin = await server.admin({ readOnly: false });
    try {
      await admin.query('SELECT 4242 AS marker_for_delta');
      await admin.query('SELECT 4242 AS marker_for_delta');
    } finally {
      await admin.close();
    }
    const second = await loadStatements(monitor);
    const deltas = statementDeltas(second, first);
    expect(deltas.find((s) => s.query.includes('marker_for_delta'))?.calls).toBe(2);
    expect(deltas.find((s) => s.key === lookup.key)).toBeUndefined();
  });

  it('reads vitals: connections, oldest transaction, wraparound, cache hit, sizes', async () => {
    const v = await loadVitals(monitor);
    expect(v.maxConnections).toBe(60);
    expect(v.connections).toBeGreaterThanOrEqual(7);
    expect([workload.pids.A, workload.pids.B, workload.pids.idle, workload.pids.long]).toContain(v.oldestXact?.pid);
    expect(v.freezeMaxAge).toBe(200_000_000);
    expect(v.wraparound.ratio).toBeGreaterThan(0);
    expect(v.wraparound.ratio).toBeLessThan(0.01);
    expect(v.cacheHitRatio).toBeGreaterThan(0);
    expect(v.databases.find((d) => d.name === 'demo_shop')?.bytes).toBeGreaterThan(1_000_000);
    expect(Array.isArray(v.vacuums)).toBe(true);
  });

  it('reads pg_settings read-only, and counts pg_stat_database between two samples', async () => {
    const settings = await loadSettings(monitor);
    expect(settings.find((s) => s.name === 'shared_preload_libraries')).toMatchObject({ value: 'pg_stat_statements', pendingRestart: false });
    expect(settings.find((s) => s.name === 'shared_buffers')?.unit).toBe('8kB');
    const a = await sampleCounters(monitor);
    await monitor.query('SELECT 1');
    const b = await eventuallyMore(a.xacts);
    const series = countersToSeries([a, b]);
    expect(series.map((s) => s.key)).toEqual(['pg_tps', 'pg_connections', 'pg_cache_hit', 'pg_deadlocks', 'pg_temp_bytes']);
    expect(series[0]!.points[0]!.value).toBeGreaterThan(0);
  });

  async function eventuallyMore(xacts: number) {
    // pg_stat_database counts a transaction when its backend flushes its stats (at most once a second).
    return eventually(async () => {
      const s = await sampleCounters(monitor);
      return s.xacts > xacts ? s : undefined;
    }, 'pg_stat_database moved', 5_000);
  }
});
