// What Postgres itself counts, summed over pg_stat_database, and the rates between two samples: what
// `pgtui metrics` shows where the provider's API has no metrics (docs/postgres.md).
import type { MetricSeries } from '../api/core/insight.js';
import { num } from './limits.js';
import type { PgSession } from './session.js';

export interface DbCounters {
  at: number;
  xacts: number;
  connections: number;
  blksHit: number;
  blksRead: number;
  deadlocks: number;
  tempBytes: number;
}

export const DB_STATS_SQL = `SELECT sum(xact_commit + xact_rollback)::float8 AS xacts, sum(numbackends)::float8 AS connections,
  sum(blks_hit)::float8 AS blks_hit, sum(blks_read)::float8 AS blks_read, sum(deadlocks)::float8 AS deadlocks,
  sum(temp_bytes)::float8 AS temp_bytes, (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS at
FROM pg_stat_database`;

interface Raw {
  xacts: number | null;
  connections: number | null;
  blks_hit: number | null;
  blks_read: number | null;
  deadlocks: number | null;
  temp_bytes: number | null;
  at: number;
}

export function parseCounters(r: Raw): DbCounters {
  return {
    at: num(r.at) ?? Date.now(),
    xacts: num(r.xacts) ?? 0,
    connections: num(r.connections) ?? 0,
    blksHit: num(r.blks_hit) ?? 0,
    blksRead: num(r.blks_read) ?? 0,
    deadlocks: num(r.deadlocks) ?? 0,
    tempBytes: num(r.temp_bytes) ?? 0,
  };
}

export async function sampleCounters(session: Pick<PgSession, 'query'>): Promise<DbCounters> {
  const [row] = await session.query<Raw>(DB_STATS_SQL);
  return parseCounters(row!);
}

/** The series `metrics` prints, each a point per interval between consecutive samples (a counter reset reads 0). */
export function countersToSeries(samples: readonly DbCounters[]): MetricSeries[] {
  const pairs = samples.slice(1).map((s, i) => [samples[i]!, s] as const);
  const rate = (f: (c: DbCounters) => number) => pairs.map(([a, b]) => ({ at: b.at, value: Math.max(0, f(b) - f(a)) / Math.max(0.001, (b.at - a.at) / 1000) }));
  const delta = (f: (c: DbCounters) => number) => pairs.map(([a, b]) => ({ at: b.at, value: Math.max(0, f(b) - f(a)) }));
  return [
    { key: 'pg_tps', name: 'Transactions per second', unit: '/s', points: rate((c) => c.xacts) },
    { key: 'pg_connections', name: 'Connections', unit: '', points: samples.slice(1).map((s) => ({ at: s.at, value: s.connections })) },
    {
      key: 'pg_cache_hit',
      name: 'Cache hit',
      unit: '%',
      points: pairs.map(([a, b]) => {
        const hit = b.blksHit - a.blksHit;
        const read = b.blksRead - a.blksRead;
        return { at: b.at, value: hit + read > 0 ? (hit / (hit + read)) * 100 : 100 };
      }),
    },
    { key: 'pg_deadlocks', name: 'Deadlocks', unit: '', points: delta((c) => c.deadlocks) },
    { key: 'pg_temp_bytes', name: 'Temp bytes written', unit: 'bytes', points: delta((c) => c.tempBytes) },
  ];
}
