// The Postgres views' refresh cost (docs/postgres.md, "Bench"): a throwaway PostgreSQL with N client sessions
// (default 500: idle, idle in transaction, running), and
// 1. pgtui's CPU and query count per refresh of each view (the model, in process), median of 20;
// 2. the side-by-side with pg_activity on the same server: pgtui's activity screen (bench/pg-activity-screen.tsx)
//    and pg_activity, each in a tmux pane of the same size refreshing every 2 s, both measured the same way: CPU
//    from /proc/<pid>/stat (utime + stime) and queries from pg_stat_statements (each tool logs in as its own role)
//    over the same number of refreshes, counted by the calls of each tool's activity query. Prints both and the
//    ratios pgtui / pg_activity.
// Run: node bench/pg-refresh.mjs [N]. Needs tmux and pg_activity (Debian: apt-get install pg-activity).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!has('pg_activity') || !has('tmux')) {
  console.error(`bench/pg-refresh needs ${has('tmux') ? '' : 'tmux and '}pg_activity for the side-by-side: apt-get install ${has('tmux') ? '' : 'tmux '}pg-activity (Debian/Ubuntu; elsewhere: pip install pg_activity psycopg2)`);
  process.exit(2);
}

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
  await sideBySide();
} finally {
  await Promise.allSettled(clients.map((c) => c.end()));
  await pg.stop();
}

/** CPU of a process so far, ms: utime + stime of all its threads (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** pgtui's activity screen and pg_activity on the same server, in panes of the same size: CPU and queries per refresh. */
async function sideBySide() {
  const ROUNDS_SIDE = 15;
  const INTERVAL_MS = 2_000;
  const [cols, rows] = [160, 40];
  // PGTUI_BENCH_PROFILE=DIR: pgtui's side writes a V8 CPU profile there (node --cpu-prof) when the bench ends.
  const profile = process.env.PGTUI_BENCH_PROFILE;
  const password = `bench-${Math.random().toString(36).slice(2)}A1`;
  // Each tool its own role (pg_stat_statements counts per role), both with the same rights.
  await pg.sql(`CREATE ROLE bench_pgtui LOGIN SUPERUSER PASSWORD '${password}'; CREATE ROLE bench_pg_activity LOGIN SUPERUSER PASSWORD '${password}'`);
  const stats = new Client({ host: pg.host, port: pg.port, user: pg.superuser, password: pg.superPassword, database: 'postgres', application_name: 'bench-stats' });
  stats.on('error', () => undefined);
  await stats.connect();
  const socket = `pgtui-bench-pg-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const version = execFileSync('pg_activity', ['--version'], { encoding: 'utf8' }).trim();
  // As root, pg_activity runs as nobody: it cannot read the server's pid file and so runs as it does against a
  // managed cluster (no /proc reading of every backend; pgtui reads none either).
  const asNobody = process.getuid?.() === 0 ? 'setpriv --reuid=nobody --regid=nogroup --clear-groups ' : '';
  const tools = [
    {
      name: 'pgtui',
      role: 'bench_pgtui',
      marker: '%pg_blocking_pids(a.pid) AS blocked_by%',
      env: { BENCH_PG_HOST: pg.host, BENCH_PG_PORT: String(pg.port), BENCH_PG_USER: 'bench_pgtui', BENCH_PG_PASSWORD: password },
      command: `exec ${process.execPath} ${profile ? `--cpu-prof --cpu-prof-dir=${profile} ` : ''}${fileURLToPath(new URL('./pg-activity-screen.mjs', import.meta.url))}`,
    },
    {
      name: 'pg_activity',
      role: 'bench_pg_activity',
      marker: '%is_parallel_worker%',
      env: { PGPASSWORD: password },
      command: `exec ${asNobody}pg_activity -h ${pg.host} -p ${pg.port} -U bench_pg_activity -d postgres --refresh ${INTERVAL_MS / 1000}`,
    },
  ];
  type Sample = { refreshes: number; queries: number; cpu: number };
  const counts = async (role: string, marker: string) => {
    const r = await stats.query<{ refreshes: string | null; queries: string | null }>(
      `SELECT sum(s.calls) FILTER (WHERE s.query LIKE $2) AS refreshes, sum(s.calls) AS queries FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = $1`,
      [role, marker],
    );
    return { refreshes: Number(r.rows[0]?.refreshes ?? 0), queries: Number(r.rows[0]?.queries ?? 0) };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  try {
    for (const t of tools) {
      const envArgs = Object.entries({ ...t.env, TERM: 'tmux-256color', LANG: 'C.UTF-8' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
      tmux('-f', '/dev/null', 'new-session', '-d', '-s', t.name.replace('_', '-'), '-x', String(cols), '-y', String(rows), ...envArgs, t.command);
    }
    const measure = async (t: (typeof tools)[number]) => {
      const pid = Number(tmux('display-message', '-p', '-t', t.name.replace('_', '-'), '#{pane_pid}').trim());
      const until = async (refreshes: number) => {
        for (let waited = 0; ; waited += 100) {
          const c = await counts(t.role, t.marker);
          if (c.refreshes >= refreshes) return c;
          if (waited > 30_000 + ROUNDS_SIDE * INTERVAL_MS * 3) {
            throw new Error(`${t.name} made ${c.refreshes} refreshes, expected ${refreshes}; its pane:\n${tmux('capture-pane', '-p', '-t', t.name.replace('_', '-'))}`);
          }
          await sleep(100);
        }
      };
      // Warmed up (connected, first frames drawn), then sampled half an interval after a refresh: between two.
      const first = await until(3);
      await until(first.refreshes + 1);
      await sleep(INTERVAL_MS / 2);
      const a: Sample = { ...(await counts(t.role, t.marker)), cpu: cpuMs(pid) };
      await until(a.refreshes + ROUNDS_SIDE);
      await sleep(INTERVAL_MS / 2);
      const b: Sample = { ...(await counts(t.role, t.marker)), cpu: cpuMs(pid) };
      const n = b.refreshes - a.refreshes;
      return { name: t.name, refreshes: n, cpuMs: (b.cpu - a.cpu) / n, queries: (b.queries - a.queries) / n, pane: tmux('capture-pane', '-p', '-t', t.name.replace('_', '-')) };
    };
    const [mine, theirs] = await Promise.all(tools.map(measure));
    const local = /CPU%/.test(theirs!.pane) ? 'local mode: it also reads /proc of every backend' : 'remote mode, as against a managed cluster';
    console.log(`side by side with ${version} (${local}): the same server and ${N} sessions, panes of ${cols}x${rows}, a refresh every ${INTERVAL_MS / 1000} s, ${ROUNDS_SIDE} refreshes each`);
    for (const r of [mine!, theirs!]) console.log(`${r.name}: ${r.cpuMs.toFixed(1)} ms CPU per refresh, ${r.queries.toFixed(1)} queries per refresh (${r.refreshes} refreshes)`);
    const cpuRatio = mine!.cpuMs / theirs!.cpuMs;
    const queryRatio = mine!.queries / theirs!.queries;
    console.log(`ratio pgtui / pg_activity: CPU ${cpuRatio.toFixed(2)}, queries ${queryRatio.toFixed(2)} — target ≤ 1 each: ${cpuRatio <= 1 && queryRatio <= 1 ? 'PASS' : 'MISS'}`);
  } finally {
    try {
      // q: pgtui leaves the way a user makes it (a CPU profile, when asked for, is written on the way out).
      tmux('send-keys', '-t', 'pgtui', 'q');
      for (let i = 0; i < 50 && tmux('list-panes', '-t', 'pgtui', '-F', '#{pane_dead}').trim() === '0'; i++) await sleep(100);
    } catch {
      // the pane has gone with its process
    }
    try {
      tmux('kill-server');
    } catch {
      // no server left
    }
    await stats.end().catch(() => undefined);
  }
}
