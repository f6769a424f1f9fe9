// The body of bench/diagnose.mjs (bundled by it with esbuild): a throwaway PostgreSQL with 1,000 tables, each
// with a serial key (1,000 sequences), a second index and dead tuples on every tenth, then the Postgres half of
// `pgtui diagnose` (one session, every fact, every check) timed end to end, and each fact on its own.
import { startLocalPostgres } from '../src/fake/local-postgres.js';
import { connectConn } from '../src/diagnose/pg-connect.js';
import { collectPgFacts, PG_FACT_KEYS } from '../src/diagnose/pg-facts.js';
import { judgeCluster } from '../src/diagnose/health.js';
import { PG_CHECKS } from '../src/diagnose/pg-checks.js';
import { DEFAULT_THRESHOLDS } from '../src/diagnose/thresholds.js';
import type { PgQuery } from '../src/diagnose/types.js';

const TABLES = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 5);

const server = await startLocalPostgres({ settings: ['autovacuum = off', 'max_locks_per_transaction = 256'] });
try {
  const setup = Date.now();
  await server.sql(`DO $$ BEGIN FOR i IN 1..${TABLES} LOOP
    EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, v int, pad text)', i);
    EXECUTE format('CREATE INDEX ON t%s (v)', i);
    EXECUTE format('INSERT INTO t%s (v, pad) SELECT g, repeat(''x'', 20) FROM generate_series(1, 200) g', i);
    IF i % 10 = 0 THEN EXECUTE format('DELETE FROM t%s WHERE v %% 2 = 0', i); END IF;
  END LOOP; END $$`);
  await server.sql('SELECT pg_stat_force_next_flush()');
  console.log(`setup: ${TABLES} tables, ${TABLES} sequences, ${2 * TABLES} indexes in ${((Date.now() - setup) / 1000).toFixed(1)} s`);

  const times: number[] = [];
  let perFact: Record<string, number> = {};
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const handle = await connectConn({ host: server.host, port: server.port, database: 'postgres', user: server.superuser, password: server.superPassword, sslmode: 'disable' }, { statementTimeoutMs: DEFAULT_THRESHOLDS.statementTimeoutMs });
    const timing: Record<string, number> = {};
    let started = 0;
    const timed: PgQuery = async (sql, params) => {
      const out = await handle.query(sql, params);
      if (sql.startsWith('SELECT set_config')) started = performance.now();
      else timing[PG_FACT_KEYS[Object.keys(timing).length] ?? '?'] = performance.now() - started;
      return out as never;
    };
    const facts = await collectPgFacts(timed, DEFAULT_THRESHOLDS.statementTimeoutMs);
    const report = judgeCluster({ cluster: { profile: 'bench', provider: 'pgo', id: 'b', name: 'bench', phase: 'ready', state: 'ready', raw: {} }, provider: {}, pg: facts, thresholds: DEFAULT_THRESHOLDS, now: Date.now() });
    await handle.close();
    times.push(performance.now() - t0);
    perFact = timing;
    if (r === 0) console.log(`verdict ${report.verdict}: ${report.reason.slice(0, 160)}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`per fact (last run, ms): ${Object.entries(perFact).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  console.log(`diagnose (Postgres: connect, ${PG_FACT_KEYS.length} facts, ${PG_CHECKS.length} checks) on ${TABLES} tables: median ${(median / 1000).toFixed(2)} s of ${RUNS} runs (min ${(times[0]! / 1000).toFixed(2)}, max ${(times.at(-1)! / 1000).toFixed(2)}) — target 3 s: ${median <= 3000 ? 'PASS' : 'MISS'}`);
} finally {
  await server.stop();
}
