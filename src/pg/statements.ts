// Top statements from pg_stat_statements: totals since the last reset, and the delta since a baseline (the
// screen's opening, or the first sample of a one-shot). One query per refresh. When the extension is missing,
// a PgSessionError of problem 'missing' (the provider module says how to enable it: pgStatStatementsHint).
import { PgSessionError } from './errors.js';
import { capText, num } from './limits.js';
import type { PgSession } from './session.js';

export const STATEMENT_TEXT_MAX = 1_000;
/** Statements fetched per refresh (the most total time first); deltas are computed over these. */
export const STATEMENTS_MAX = 1_000;

export interface StatementStats {
  calls: number;
  totalMs: number;
  rows: number;
  sharedBlksHit: number;
  sharedBlksRead: number;
}

export interface Statement extends StatementStats {
  /** queryid + user + database: pg_stat_statements' own key. */
  key: string;
  queryId: string;
  query: string;
  user?: string;
  database?: string;
  meanMs: number;
}

export interface StatementsSample {
  at: number;
  /** When pg_stat_statements was last reset (PG 14+). */
  resetAt?: string;
  statements: Statement[];
}

export type StatementSort = 'total' | 'mean' | 'calls';

export function statementsSql(serverVersion: number): string {
  // PostgreSQL 13 split total_time into planning and execution.
  const total = serverVersion >= 130000 ? 's.total_exec_time' : 's.total_time';
  const reset = serverVersion >= 140000 ? '(SELECT stats_reset::text FROM pg_stat_statements_info)' : 'NULL::text';
  return `SELECT s.queryid::text AS queryid, s.userid::text AS userid, s.dbid::text AS dbid, left(s.query, ${STATEMENT_TEXT_MAX}) AS query,
  s.calls, ${total}::float8 AS total_ms, s.rows, s.shared_blks_hit, s.shared_blks_read,
  left(r.rolname, 200) AS username, left(d.datname, 200) AS datname, ${reset} AS reset_at
FROM pg_stat_statements s LEFT JOIN pg_roles r ON r.oid = s.userid LEFT JOIN pg_database d ON d.oid = s.dbid
ORDER BY ${total} DESC
LIMIT ${STATEMENTS_MAX}`;
}

interface Raw {
  queryid: string | null;
  userid: string;
  dbid: string;
  query: string | null;
  calls: string | number;
  total_ms: number;
  rows: string | number;
  shared_blks_hit: string | number;
  shared_blks_read: string | number;
  username: string | null;
  datname: string | null;
  reset_at: string | null;
}

export function parseStatements(rows: readonly Raw[], at: number): StatementsSample {
  const statements = rows.map((r): Statement => {
    const calls = num(r.calls) ?? 0;
    const totalMs = num(r.total_ms) ?? 0;
    return {
      key: `${r.queryid ?? '-'}/${r.userid}/${r.dbid}`,
      queryId: r.queryid ?? '-',
      query: capText(r.query, STATEMENT_TEXT_MAX) ?? '',
      user: capText(r.username),
      database: capText(r.datname),
      calls,
      totalMs,
      meanMs: calls > 0 ? totalMs / calls : 0,
      rows: num(r.rows) ?? 0,
      sharedBlksHit: num(r.shared_blks_hit) ?? 0,
      sharedBlksRead: num(r.shared_blks_read) ?? 0,
    };
  });
  return { at, resetAt: capText(rows[0]?.reset_at, 60), statements };
}

/** Each statement's counters since `baseline` (statements new since then count from zero; idle ones drop out). */
export function statementDeltas(current: StatementsSample, baseline: StatementsSample): Statement[] {
  const before = new Map(baseline.statements.map((s) => [s.key, s]));
  const out: Statement[] = [];
  for (const s of current.statements) {
    const b = before.get(s.key);
    // A reset in between: the counters went down, so the current ones are the delta.
    const reset = b !== undefined && s.calls < b.calls;
    const base = b && !reset ? b : undefined;
    const calls = s.calls - (base?.calls ?? 0);
    if (calls <= 0) continue;
    const totalMs = s.totalMs - (base?.totalMs ?? 0);
    out.push({
      ...s,
      calls,
      totalMs,
      meanMs: totalMs / calls,
      rows: s.rows - (base?.rows ?? 0),
      sharedBlksHit: s.sharedBlksHit - (base?.sharedBlksHit ?? 0),
      sharedBlksRead: s.sharedBlksRead - (base?.sharedBlksRead ?? 0),
    });
  }
  return out;
}

export function sortStatements(list: readonly Statement[], by: StatementSort): Statement[] {
  const key = by === 'total' ? (s: Statement) => s.totalMs : by === 'mean' ? (s: Statement) => s.meanMs : (s: Statement) => s.calls;
  return list.slice().sort((a, b) => key(b) - key(a) || a.key.localeCompare(b.key));
}

export async function loadStatements(session: Pick<PgSession, 'query' | 'serverVersion'>, now = Date.now()): Promise<StatementsSample> {
  try {
    return parseStatements(await session.query<Raw>(statementsSql(session.serverVersion)), now);
  } catch (err) {
    const e = err as PgSessionError;
    // 42P01: no such relation (CREATE EXTENSION not run here); 55000: the library is not preloaded.
    if (e instanceof PgSessionError && (e.sqlstate === '42P01' || (e.sqlstate === '55000' && /pg_stat_statements/.test(e.message)))) {
      throw new PgSessionError(e.sqlstate === '42P01' ? 'pg_stat_statements is not installed in this database' : 'pg_stat_statements is installed but not loaded (shared_preload_libraries)', 'missing', e.sqlstate);
    }
    throw err;
  }
}
