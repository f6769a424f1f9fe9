// Sessions of a server, grouped the way an incident reads them: running, waiting (on a lock or another
// session), idle in transaction, idle. One query per refresh; pgtui's own sessions left out.
import { ownPids } from './own-sessions.js';
import { capText, num, QUERY_TEXT_MAX, SESSIONS_MAX } from './limits.js';
import type { PgSession } from './session.js';

export type SessionGroup = 'running' | 'waiting' | 'idle in transaction' | 'idle';
export const GROUP_ORDER: readonly SessionGroup[] = ['running', 'waiting', 'idle in transaction', 'idle'];

export interface SessionRow {
  pid: number;
  group: SessionGroup;
  state?: string;
  user?: string;
  app?: string;
  client?: string;
  database?: string;
  waitEventType?: string;
  waitEvent?: string;
  /** Sessions this one waits for (pg_blocking_pids). */
  blockedBy: number[];
  /** Capped at QUERY_TEXT_MAX; queryLength is the full length. */
  query?: string;
  queryLength?: number;
  queryAgeMs?: number;
  xactAgeMs?: number;
  backendAgeMs?: number;
  /** age(backend_xmin): how far this session holds the xmin horizon back, in transactions. */
  xminAge?: number;
}

export interface Activity {
  sessions: SessionRow[];
  /** The server has more client sessions than were fetched. */
  truncated: boolean;
  /** The user cannot see other users' queries (no pg_monitor / pg_read_all_stats). */
  limitedView: boolean;
}

export const ACTIVITY_SQL = `SELECT a.pid, a.state, a.usename, a.application_name, a.client_addr::text AS client_addr, a.client_port, a.datname,
  a.wait_event_type, a.wait_event, pg_blocking_pids(a.pid) AS blocked_by,
  left(a.query, ${QUERY_TEXT_MAX}) AS query, length(a.query) AS query_length,
  greatest(0, extract(epoch FROM now() - a.query_start) * 1000)::float8 AS query_age_ms,
  (extract(epoch FROM now() - a.xact_start) * 1000)::float8 AS xact_age_ms,
  (extract(epoch FROM now() - a.backend_start) * 1000)::float8 AS backend_age_ms,
  age(a.backend_xmin) AS xmin_age,
  pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS sees_all,
  count(*) OVER () AS total
FROM pg_stat_activity a
WHERE coalesce(a.backend_type, 'client backend') = 'client backend' AND a.usesysid IS NOT NULL AND a.pid <> ALL($1::int[])
ORDER BY a.xact_start NULLS LAST, a.backend_start
LIMIT ${SESSIONS_MAX}`;

interface Raw {
  pid: number;
  state: string | null;
  usename: string | null;
  application_name: string | null;
  client_addr: string | null;
  client_port: number | null;
  datname: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
  blocked_by: number[] | null;
  query: string | null;
  query_length: number | null;
  query_age_ms: number | null;
  xact_age_ms: number | null;
  backend_age_ms: number | null;
  xmin_age: string | number | null;
  sees_all: boolean;
  total: string | number;
}

export function groupOf(state: string | undefined, waitEventType: string | undefined, blockedBy: readonly number[]): SessionGroup {
  if (state?.startsWith('idle in transaction')) return 'idle in transaction';
  if (state === 'active') return blockedBy.length > 0 || waitEventType === 'Lock' ? 'waiting' : 'running';
  return 'idle';
}

function clientOf(addr: string | null, port: number | null): string | undefined {
  if (!addr) return port === -1 ? 'local socket' : undefined;
  return port && port > 0 ? `${addr.replace(/\/\d+$/, '')}:${port}` : addr.replace(/\/\d+$/, '');
}

export function parseActivity(rows: readonly Raw[]): Activity {
  const sessions = rows.map((r): SessionRow => {
    const blockedBy = (r.blocked_by ?? []).map(Number).filter(Number.isInteger).slice(0, 100);
    const state = capText(r.state, 40);
    const waitEventType = capText(r.wait_event_type, 40);
    return {
      pid: Number(r.pid),
      group: groupOf(state, waitEventType, blockedBy),
      state,
      user: capText(r.usename),
      app: capText(r.application_name),
      client: capText(clientOf(r.client_addr, r.client_port)),
      database: capText(r.datname),
      waitEventType,
      waitEvent: capText(r.wait_event, 60),
      blockedBy,
      query: capText(r.query, QUERY_TEXT_MAX),
      queryLength: num(r.query_length),
      queryAgeMs: num(r.query_age_ms),
      xactAgeMs: num(r.xact_age_ms),
      backendAgeMs: num(r.backend_age_ms),
      xminAge: num(r.xmin_age),
    };
  });
  sessions.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || (b.xactAgeMs ?? -1) - (a.xactAgeMs ?? -1) || a.pid - b.pid);
  return {
    sessions,
    truncated: rows.length > 0 && Number(rows[0]!.total) > rows.length,
    limitedView: rows.some((r) => r.sees_all === false),
  };
}

export async function loadActivity(session: Pick<PgSession, 'query'>): Promise<Activity> {
  return parseActivity(await session.query<Raw>(ACTIVITY_SQL, [ownPids()]));
}
