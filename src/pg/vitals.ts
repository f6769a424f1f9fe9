// Database vitals in one query: connections against max_connections, the oldest open transaction, wraparound
// (age(datfrozenxid) against autovacuum_freeze_max_age), cache hit ratio, database sizes, running vacuums.
import { ownPids } from './own-sessions.js';
import { capText, num } from './limits.js';
import type { PgSession } from './session.js';

export interface DatabaseVitals {
  name: string;
  bytes?: number;
  /** age(datfrozenxid): transactions since the oldest unfrozen one. */
  frozenAge?: number;
}

export interface Vitals {
  connections: number;
  maxConnections: number;
  reservedConnections: number;
  oldestXact?: { pid: number; ageMs?: number; user?: string; state?: string; query?: string };
  freezeMaxAge: number;
  /** The highest age(datfrozenxid) over freezeMaxAge: 1 = anti-wraparound vacuums start now. */
  wraparound: { database?: string; age: number; ratio: number };
  /** blks_hit / (blks_hit + blks_read) over all databases since the stats reset; undefined before any read. */
  cacheHitRatio?: number;
  databases: DatabaseVitals[];
  vacuums: Array<{ pid: number; database?: string; relation?: string; phase?: string; scannedRatio?: number }>;
}

export const VITALS_SQL = `SELECT
  (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS connections,
  current_setting('max_connections')::int AS max_connections,
  current_setting('superuser_reserved_connections')::int AS reserved,
  current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max_age,
  (SELECT json_build_object('pid', a.pid, 'age_ms', (extract(epoch FROM now() - a.xact_start) * 1000)::float8, 'user', left(a.usename, 200),
      'state', a.state, 'query', left(a.query, 500))
    FROM pg_stat_activity a WHERE a.xact_start IS NOT NULL AND a.pid <> ALL($1::int[]) ORDER BY a.xact_start LIMIT 1) AS oldest,
  (SELECT sum(blks_hit)::float8 / nullif(sum(blks_hit) + sum(blks_read), 0) FROM pg_stat_database) AS cache_hit,
  (SELECT coalesce(json_agg(json_build_object('name', left(d.datname, 200),
      'bytes', CASE WHEN has_database_privilege(d.oid, 'CONNECT') OR pg_has_role('pg_read_all_stats', 'USAGE') THEN pg_database_size(d.oid) END,
      'frozen_age', age(d.datfrozenxid)) ORDER BY age(d.datfrozenxid) DESC), '[]')
    FROM (SELECT * FROM pg_database WHERE datallowconn OR age(datfrozenxid) > 0 LIMIT 500) d) AS databases,
  (SELECT coalesce(json_agg(json_build_object('pid', v.pid, 'database', left(v.datname, 200), 'relation', left(v.relid::regclass::text, 200),
      'phase', v.phase, 'scanned', v.heap_blks_scanned::float8 / nullif(v.heap_blks_total, 0))), '[]')
    FROM (SELECT * FROM pg_stat_progress_vacuum LIMIT 100) v) AS vacuums`;

type J = Record<string, unknown>;
interface Raw {
  connections: string | number;
  max_connections: number;
  reserved: number;
  freeze_max_age: string | number;
  oldest: J | null;
  cache_hit: number | null;
  databases: J[] | null;
  vacuums: J[] | null;
}

export function parseVitals(r: Raw): Vitals {
  const freezeMaxAge = num(r.freeze_max_age) ?? 200_000_000;
  const databases = (r.databases ?? []).map((d) => ({ name: capText(d.name) ?? '', bytes: num(d.bytes), frozenAge: num(d.frozen_age) }));
  const worst = databases.reduce<DatabaseVitals | undefined>((w, d) => ((d.frozenAge ?? 0) > (w?.frozenAge ?? -1) ? d : w), undefined);
  const o = r.oldest;
  return {
    connections: num(r.connections) ?? 0,
    maxConnections: num(r.max_connections) ?? 0,
    reservedConnections: num(r.reserved) ?? 0,
    oldestXact: o ? { pid: Number(o.pid), ageMs: num(o.age_ms), user: capText(o.user), state: capText(o.state, 40), query: capText(o.query, 500) } : undefined,
    freezeMaxAge,
    wraparound: { database: worst?.name, age: worst?.frozenAge ?? 0, ratio: (worst?.frozenAge ?? 0) / freezeMaxAge },
    cacheHitRatio: num(r.cache_hit),
    databases,
    vacuums: (r.vacuums ?? []).map((v) => ({ pid: Number(v.pid), database: capText(v.database), relation: capText(v.relation), phase: capText(v.phase, 60), scannedRatio: num(v.scanned) })),
  };
}

export async function loadVitals(session: Pick<PgSession, 'query'>): Promise<Vitals> {
  const [row] = await session.query<Raw>(VITALS_SQL, [ownPids()]);
  return parseVitals(row!);
}
