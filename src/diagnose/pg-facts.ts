// What Postgres says about itself: one read-only query per fact, each under its own statement_timeout, so a
// slow catalog (thousands of tables) costs one fact, not the report. Everything here is pg_monitor-readable;
// a query that fails (a missing right, a timeout) leaves { missing } with the reason for the checks to show.
// Rows are capped in SQL (LIMIT) and names are cut to 200 characters before they reach a terminal.
import { oneLine } from '../text/safe.js';
import type { Fact, PgQuery } from './types.js';

export interface PgSettings {
  serverVersionNum: number;
  maxConnections: number;
  reservedConnections: number;
  freezeMaxAge: number;
  vacuumThreshold: number;
  vacuumScaleFactor: number;
  inRecovery: boolean;
}

export interface ActivityFact {
  connections: number;
  longestQuery?: { seconds: number; pid: number };
  longestTransaction?: { seconds: number; pid: number };
  idleInTransaction: { count: number; seconds: number; pid?: number };
  blocked: { count: number; seconds: number };
}

export interface WraparoundFact {
  database: string;
  age: number;
}

export interface HitsFact {
  heapHit: number;
  heapRead: number;
  indexHit: number;
  indexRead: number;
}

export interface ReplicationFact {
  /** Standbys this server sends to. */
  standbys: Array<{ name: string; state: string; lagBytes: number | null; lagSeconds: number | null }>;
  /** On a standby: seconds since the last replayed transaction, when it has one. */
  replayDelaySeconds: number | null;
}

export interface SlotFact {
  name: string;
  type: string;
  active: boolean;
  walStatus: string | null;
  retainedBytes: number | null;
}

export interface SequenceFact {
  name: string;
  usedPct: number;
  lastValue: number;
  maxValue: number;
}

export interface SequencesFact {
  /** Fullest first. */
  top: SequenceFact[];
  /** Sequences this login may not read (no SELECT or USAGE): not judged. */
  unreadable: number;
}

export interface VacuumFact {
  table: string;
  deadTuples: number;
  threshold: number;
  lastVacuum: string | null;
}

export interface IndexFact {
  index: string;
  table: string;
  bytes: number;
}

export interface UnusedIndexesFact {
  indexes: IndexFact[];
  statsSince: string | null;
}

export interface DuplicateIndexFact {
  table: string;
  indexes: string[];
  /** Bytes the copies beyond the first take. */
  wastedBytes: number;
}

export interface StatementsFact {
  installed: boolean;
  /** null: this login may not read shared_preload_libraries. */
  preloaded: boolean | null;
}

export interface PgFacts {
  settings: Fact<PgSettings>;
  activity: Fact<ActivityFact>;
  wraparound: Fact<WraparoundFact>;
  hits: Fact<HitsFact>;
  replication: Fact<ReplicationFact>;
  slots: Fact<SlotFact[]>;
  sequences: Fact<SequencesFact>;
  vacuum: Fact<VacuumFact[]>;
  unusedIndexes: Fact<UnusedIndexesFact>;
  duplicateIndexes: Fact<DuplicateIndexFact[]>;
  statements: Fact<StatementsFact>;
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Cut before cleaning: a hostile 100 MB name costs no more than a short one. */
const name = (v: unknown): string => oneLine(String(v ?? '').slice(0, 1000), 200);
const LIMIT = 20;

type Row = Record<string, unknown>;

const QUERIES = {
  settings: {
    sql: `SELECT current_setting('server_version_num')::int AS version_num,
      current_setting('max_connections')::int AS max_connections,
      current_setting('superuser_reserved_connections')::int AS reserved,
      current_setting('autovacuum_freeze_max_age')::float8 AS freeze_max_age,
      current_setting('autovacuum_vacuum_threshold')::float8 AS vacuum_threshold,
      current_setting('autovacuum_vacuum_scale_factor')::float8 AS vacuum_scale_factor,
      pg_is_in_recovery() AS in_recovery`,
    read: (rows: Row[]): PgSettings => {
      const r = rows[0] ?? {};
      return {
        serverVersionNum: n(r.version_num), maxConnections: n(r.max_connections), reservedConnections: n(r.reserved),
        freezeMaxAge: n(r.freeze_max_age), vacuumThreshold: n(r.vacuum_threshold), vacuumScaleFactor: n(r.vacuum_scale_factor), inRecovery: r.in_recovery === true,
      };
    },
  },
  activity: {
    // Client backends other than this session; pg_blocking_pids finds every blocker, not just the first.
    sql: `WITH a AS (
        SELECT pid, state, query_start, xact_start, state_change, cardinality(pg_blocking_pids(pid)) AS blockers
        FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend')
      SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS connections,
        (SELECT row(extract(epoch FROM now() - query_start)::float8, pid)::text FROM a WHERE state = 'active' ORDER BY query_start LIMIT 1) AS longest_query,
        (SELECT row(extract(epoch FROM now() - xact_start)::float8, pid)::text FROM a WHERE xact_start IS NOT NULL ORDER BY xact_start LIMIT 1) AS longest_xact,
        (SELECT count(*) FROM a WHERE state LIKE 'idle in transaction%')::int AS idle_count,
        (SELECT row(extract(epoch FROM now() - state_change)::float8, pid)::text FROM a WHERE state LIKE 'idle in transaction%' ORDER BY state_change LIMIT 1) AS idle_oldest,
        (SELECT count(*) FROM a WHERE blockers > 0)::int AS blocked_count,
        (SELECT coalesce(max(extract(epoch FROM now() - state_change)), 0)::float8 FROM a WHERE blockers > 0) AS blocked_seconds`,
    read: (rows: Row[]): ActivityFact => {
      const r = rows[0] ?? {};
      // row(seconds, pid)::text is "(12.5,4242)".
      const pair = (v: unknown) => {
        const m = /^\(([-\d.e+]+),(\d+)\)$/.exec(String(v ?? '').slice(0, 100));
        return m ? { seconds: Math.max(0, Number(m[1])), pid: Number(m[2]) } : undefined;
      };
      const idle = pair(r.idle_oldest);
      return {
        connections: n(r.connections),
        longestQuery: pair(r.longest_query),
        longestTransaction: pair(r.longest_xact),
        idleInTransaction: { count: n(r.idle_count), seconds: idle?.seconds ?? 0, pid: idle?.pid },
        blocked: { count: n(r.blocked_count), seconds: n(r.blocked_seconds) },
      };
    },
  },
  wraparound: {
    sql: `SELECT datname, age(datfrozenxid)::float8 AS age FROM pg_database ORDER BY age(datfrozenxid) DESC LIMIT 1`,
    read: (rows: Row[]): WraparoundFact => ({ database: name(rows[0]?.datname), age: n(rows[0]?.age) }),
  },
  hits: {
    sql: `SELECT (SELECT blks_hit FROM pg_stat_database WHERE datname = current_database())::float8 AS heap_hit,
        (SELECT blks_read FROM pg_stat_database WHERE datname = current_database())::float8 AS heap_read,
        (SELECT coalesce(sum(idx_blks_hit), 0) FROM pg_statio_user_indexes)::float8 AS index_hit,
        (SELECT coalesce(sum(idx_blks_read), 0) FROM pg_statio_user_indexes)::float8 AS index_read`,
    read: (rows: Row[]): HitsFact => {
      const r = rows[0] ?? {};
      return { heapHit: n(r.heap_hit), heapRead: n(r.heap_read), indexHit: n(r.index_hit), indexRead: n(r.index_read) };
    },
  },
  replication: {
    sql: `SELECT 'standby' AS kind, application_name AS name, state,
        CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), coalesce(replay_lsn, flush_lsn, write_lsn, sent_lsn))::float8 END AS lag_bytes,
        extract(epoch FROM coalesce(replay_lag, flush_lag, write_lag))::float8 AS lag_seconds
      FROM pg_stat_replication
      UNION ALL
      SELECT 'self', NULL, NULL, NULL, CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END
      LIMIT ${LIMIT + 1}`,
    read: (rows: Row[]): ReplicationFact => ({
      standbys: rows.filter((r) => r.kind === 'standby').map((r) => ({ name: name(r.name), state: name(r.state), lagBytes: nOrNull(r.lag_bytes), lagSeconds: nOrNull(r.lag_seconds) })),
      replayDelaySeconds: nOrNull(rows.find((r) => r.kind === 'self')?.lag_seconds),
    }),
  },
  slots: {
    sql: `SELECT slot_name, slot_type, active, wal_status,
        CASE WHEN pg_is_in_recovery() OR restart_lsn IS NULL THEN NULL ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::float8 END AS retained
      FROM pg_replication_slots ORDER BY restart_lsn NULLS LAST LIMIT ${LIMIT}`,
    read: (rows: Row[]): SlotFact[] => rows.map((r) => ({ name: name(r.slot_name), type: name(r.slot_type), active: r.active === true, walStatus: r.wal_status == null ? null : name(r.wal_status), retainedBytes: nOrNull(r.retained) })),
  },
  sequences: {
    // The range that counts is the smaller of the sequence's and the column's it feeds (a serial int column
    // fed by a bigint sequence overflows at 2^31 - 1).
    sql: `WITH s AS (
        SELECT s.schemaname, s.sequencename, s.last_value::float8 AS last_value, s.min_value::float8 AS min_value,
          least(s.max_value::float8, coalesce((SELECT CASE t.typname WHEN 'int2' THEN 32767 WHEN 'int4' THEN 2147483647 END
            FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid JOIN pg_type t ON t.oid = a.atttypid
            WHERE d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1), s.max_value::float8)) AS max_value
        FROM pg_sequences s WHERE s.last_value IS NOT NULL AND s.increment_by > 0)
      SELECT 'seq' AS kind, schemaname, sequencename, last_value, max_value, 100 * (last_value - min_value) / nullif(max_value - min_value, 0) AS used_pct
      FROM s
      UNION ALL
      SELECT 'unreadable', NULL, NULL, count(*)::float8, NULL, NULL FROM pg_sequences
        WHERE last_value IS NULL AND NOT has_sequence_privilege(format('%I.%I', schemaname, sequencename), 'SELECT,USAGE')
      ORDER BY used_pct DESC NULLS LAST LIMIT ${LIMIT + 1}`,
    read: (rows: Row[]): SequencesFact => ({
      top: rows.filter((r) => r.kind === 'seq').map((r) => ({ name: `${name(r.schemaname)}.${name(r.sequencename)}`, usedPct: n(r.used_pct), lastValue: n(r.last_value), maxValue: n(r.max_value) })),
      unreadable: n(rows.find((r) => r.kind === 'unreadable')?.last_value),
    }),
  },
  vacuum: {
    // The autovacuum trigger per table: its own reloptions where set, else the server's settings.
    sql: `WITH t AS (
        SELECT s.schemaname, s.relname, s.n_dead_tup::float8 AS dead, greatest(c.reltuples, 0)::float8 AS reltuples,
          coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions) WHERE option_name = 'autovacuum_vacuum_threshold'), current_setting('autovacuum_vacuum_threshold'))::float8 AS base,
          coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions) WHERE option_name = 'autovacuum_vacuum_scale_factor'), current_setting('autovacuum_vacuum_scale_factor'))::float8 AS scale,
          greatest(s.last_vacuum, s.last_autovacuum) AS last_vacuum
        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.n_dead_tup > 0)
      SELECT schemaname, relname, dead, base + scale * reltuples AS threshold, last_vacuum::text AS last_vacuum
      FROM t ORDER BY dead / (base + scale * reltuples + 1) DESC LIMIT ${LIMIT}`,
    read: (rows: Row[]): VacuumFact[] => rows.map((r) => ({ table: `${name(r.schemaname)}.${name(r.relname)}`, deadTuples: n(r.dead), threshold: n(r.threshold), lastVacuum: r.last_vacuum == null ? null : name(r.last_vacuum) })),
  },
  unusedIndexes: {
    sql: `SELECT s.schemaname, s.indexrelname, s.relname, pg_relation_size(s.indexrelid)::float8 AS bytes,
        (SELECT stats_reset::text FROM pg_stat_database WHERE datname = current_database()) AS stats_reset
      FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
      WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary AND NOT i.indisexclusion
      ORDER BY pg_relation_size(s.indexrelid) DESC LIMIT ${LIMIT}`,
    read: (rows: Row[]): UnusedIndexesFact => ({
      indexes: rows.map((r) => ({ index: `${name(r.schemaname)}.${name(r.indexrelname)}`, table: name(r.relname), bytes: n(r.bytes) })),
      statsSince: rows[0]?.stats_reset == null ? null : name(rows[0].stats_reset),
    }),
  },
  duplicateIndexes: {
    // Same table, columns, operator classes, collations, expressions and predicate: one of them is enough.
    sql: `SELECT i.indrelid::regclass::text AS tbl, array_agg(i.indexrelid::regclass::text ORDER BY i.indexrelid) AS indexes,
        (sum(pg_relation_size(i.indexrelid)) - min(pg_relation_size(i.indexrelid)))::float8 AS wasted
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname NOT IN ('pg_catalog', 'information_schema') AND ns.nspname NOT LIKE 'pg_toast%'
      GROUP BY i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text, coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
      HAVING count(*) > 1 ORDER BY wasted DESC LIMIT ${LIMIT}`,
    read: (rows: Row[]): DuplicateIndexFact[] => rows.map((r) => ({ table: name(r.tbl), indexes: (Array.isArray(r.indexes) ? r.indexes : String(r.indexes ?? '').replace(/^\{|\}$/g, '').split(',')).slice(0, 10).map(name), wastedBytes: n(r.wasted) })),
  },
  statements: {
    // shared_preload_libraries needs pg_read_all_settings (in pg_monitor); without it pg_settings hides the row: null.
    sql: `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS installed,
        (SELECT 'pg_stat_statements' = ANY (string_to_array(replace(setting, ' ', ''), ',')) FROM pg_settings WHERE name = 'shared_preload_libraries') AS preloaded`,
    read: (rows: Row[]): StatementsFact => ({ installed: rows[0]?.installed === true, preloaded: rows[0]?.preloaded == null ? null : rows[0].preloaded === true }),
  },
} satisfies { [K in keyof PgFacts]: { sql: string; read: (rows: Row[]) => Exclude<PgFacts[K], { missing: string }> } };

export const PG_FACT_KEYS = Object.keys(QUERIES) as Array<keyof PgFacts>;

/** Reads every fact, one after the other on the one connection `query` uses, each under `timeoutMs`. */
export async function collectPgFacts(query: PgQuery, timeoutMs: number): Promise<PgFacts> {
  const out: Partial<Record<keyof PgFacts, unknown>> = {};
  for (const key of PG_FACT_KEYS) {
    const q = QUERIES[key];
    try {
      await query(`SELECT set_config('statement_timeout', $1, false)`, [String(Math.max(1, Math.round(timeoutMs)))]);
      out[key] = q.read(await query<Row>(q.sql));
    } catch (err) {
      out[key] = { missing: oneLine((err instanceof Error ? err.message : String(err)).slice(0, 2000), 300) };
    }
  }
  return out as PgFacts;
}
