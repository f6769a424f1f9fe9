// The Postgres views' refresh cost (docs/postgres.md): a throwaway PostgreSQL with N client sessions (default 500:
// idle, idle in transaction, running), and pgtui's CPU and query count per refresh of each view, median of 20.
// Run: node bench/pg-refresh.mjs [N]
import { startLocalPostgres } from '../src/fake/local-postgres.js';
import { loadActivity } from '../src/pg/activity.js';
import { buildLockTree } from '../src/pg/locks.js';
import { loadReplication } from '../src/pg/replication.js';
import { connectPg, type PgSession } from '../src/pg/session.js';
import { loadStatements } from '../src/pg/statements.js';
import { loadVitals } from '../src/pg/vitals.js';

const N = Number(process.argv[2]) || 500;
const ROUNDS = 20;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const pg = await startLocalPostgres({ statements: true, maxConnections: N + 20 });
const { Client } = await import('../src/pg/driver.js');
const clients: Array<InstanceType<typeof Client>> = [];
try {
  await pg.sql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t SELECT generate_series(1, 100)');
  for (let i = 0; i < N; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, N - i) }, async (_, j) => {
        const c = new Client({ host: pg.host, port: pg.port, user: pg.superuser, password: pg.superPassword, database: 'postgres', application_name: `bench-${i + j}` });
        c.on('error', () => undefined);
        await c.connect();
        clients.push(c);
        const k = (i + j) % 5;
        if (k === 0) c.query('SELECT pg_sleep(600)').catch(() => undefined);
        else if (k === 1) await c.query(`BEGIN; SELECT * FROM t WHERE id = ${1 + ((i + j) % 100)} FOR SHARE`);
      }),
    );
  }
  const s = await connectPg({ host: pg.host, port: pg.port, database: 'postgres', user: pg.superuser, password: pg.superPassword, sslmode: 'disable' });
  let queries = 0;
  const counted: PgSession = { ...s, query: (sql, params) => (queries++, s.query(sql, params)) };
  const views: Array<[string, () => Promise<unknown>]> = [
    ['activity', () => loadActivity(counted)],
    ['locks', async () => buildLockTree((await loadActivity(counted)).sessions)],
    ['statements', () => loadStatements(counted)],
    ['replication', () => loadReplication(counted)],
    ['vitals', () => loadVitals(counted)],
  ];
  console.log(`pg refresh bench: ${N} client sessions (${Math.ceil(N / 5)} running, ${Math.ceil(N / 5)} idle in transaction, the rest idle), median of ${ROUNDS}`);
  for (const [name, refresh] of views) {
    await refresh();
    const cpu: number[] = [];
    const wall: number[] = [];
    const q0 = queries;
    for (let r = 0; r < ROUNDS; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await refresh();
      wall.push(performance.now() - t0);
      const d = process.cpuUsage(c0);
      cpu.push((d.user + d.system) / 1000);
    }
    const perRefresh = (queries - q0) / ROUNDS;
    const cpuMs = median(cpu);
    console.log(`${name}: ${cpuMs.toFixed(2)} ms pgtui CPU, ${median(wall).toFixed(1)} ms wall, ${perRefresh} quer${perRefresh === 1 ? 'y' : 'ies'} per refresh — target ≤ 20 ms and ≤ 3 queries: ${cpuMs <= 20 && perRefresh <= 3 ? 'PASS' : 'MISS'}`);
  }
  await s.close();
} finally {
  await Promise.allSettled(clients.map((c) => c.end()));
  await pg.stop();
}
