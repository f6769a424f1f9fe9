// Replication as the server sees it, in one query: on a primary its standbys (pg_stat_replication: state, sync
// state, write/flush/replay lag in bytes and time), on a standby its WAL receiver and replay lag; on both the
// replication slots with the WAL each holds back (inactive ones marked).
import { capText, num } from './limits.js';
import type { PgSession } from './session.js';

export interface Standby {
  pid: number;
  user?: string;
  app?: string;
  client?: string;
  state?: string;
  syncState?: string;
  /** Bytes of WAL the standby has not yet written / flushed / replayed. */
  writeLagBytes?: number;
  flushLagBytes?: number;
  replayLagBytes?: number;
  writeLagMs?: number;
  flushLagMs?: number;
  replayLagMs?: number;
}

export interface WalReceiver {
  status?: string;
  senderHost?: string;
  senderPort?: number;
  slot?: string;
  lastMessageAgeMs?: number;
}

export interface Slot {
  name: string;
  type?: string;
  database?: string;
  active: boolean;
  /** WAL between the current position and what the slot still needs. */
  retainedBytes?: number;
  walStatus?: string;
}

export interface Replication {
  role: 'primary' | 'standby';
  standbys: Standby[];
  receiver?: WalReceiver;
  /** On a standby: bytes received but not replayed, and the age of the last replayed transaction. */
  replayLagBytes?: number;
  replayLagMs?: number;
  slots: Slot[];
}

const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;

export const REPLICATION_SQL = `WITH pos AS (
  SELECT pg_is_in_recovery() AS standby,
    CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END AS lsn)
SELECT pos.standby,
  (SELECT coalesce(json_agg(json_build_object(
      'pid', r.pid, 'user', r.usename, 'app', left(r.application_name, 200), 'client', r.client_addr::text,
      'state', r.state, 'sync_state', r.sync_state,
      'write_lag_bytes', pg_wal_lsn_diff(pos.lsn, r.write_lsn), 'flush_lag_bytes', pg_wal_lsn_diff(pos.lsn, r.flush_lsn),
      'replay_lag_bytes', pg_wal_lsn_diff(pos.lsn, r.replay_lsn),
      'write_lag_ms', ${ms('r.write_lag')}, 'flush_lag_ms', ${ms('r.flush_lag')}, 'replay_lag_ms', ${ms('r.replay_lag')})), '[]')
    FROM (SELECT * FROM pg_stat_replication LIMIT 100) r) AS standbys,
  (SELECT json_build_object('status', w.status, 'sender_host', left(w.sender_host, 200), 'sender_port', w.sender_port, 'slot', left(w.slot_name, 200),
      'last_msg_age_ms', ${ms('now() - w.last_msg_receipt_time')})
    FROM pg_stat_wal_receiver w LIMIT 1) AS receiver,
  CASE WHEN pos.standby THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) END AS replay_lag_bytes,
  CASE WHEN pos.standby THEN ${ms('now() - pg_last_xact_replay_timestamp()')} END AS replay_lag_ms,
  (SELECT coalesce(json_agg(json_build_object('name', left(s.slot_name, 200), 'type', s.slot_type, 'database', left(s.database, 200), 'active', s.active,
      'retained_bytes', pg_wal_lsn_diff(pos.lsn, s.restart_lsn), 'wal_status', s.wal_status) ORDER BY s.slot_name), '[]')
    FROM (SELECT * FROM pg_replication_slots LIMIT 200) s) AS slots
FROM pos`;

type J = Record<string, unknown>;
interface Raw {
  standby: boolean;
  standbys: J[] | null;
  receiver: J | null;
  replay_lag_bytes: string | number | null;
  replay_lag_ms: number | null;
  slots: J[] | null;
}

export function parseReplication(row: Raw): Replication {
  return {
    role: row.standby ? 'standby' : 'primary',
    standbys: (row.standbys ?? []).map((r) => ({
      pid: Number(r.pid),
      user: capText(r.user),
      app: capText(r.app),
      client: capText(r.client),
      state: capText(r.state, 40),
      syncState: capText(r.sync_state, 40),
      writeLagBytes: num(r.write_lag_bytes),
      flushLagBytes: num(r.flush_lag_bytes),
      replayLagBytes: num(r.replay_lag_bytes),
      writeLagMs: num(r.write_lag_ms),
      flushLagMs: num(r.flush_lag_ms),
      replayLagMs: num(r.replay_lag_ms),
    })),
    receiver: row.receiver
      ? { status: capText(row.receiver.status, 40), senderHost: capText(row.receiver.sender_host), senderPort: num(row.receiver.sender_port), slot: capText(row.receiver.slot), lastMessageAgeMs: num(row.receiver.last_msg_age_ms) }
      : undefined,
    replayLagBytes: num(row.replay_lag_bytes),
    replayLagMs: num(row.replay_lag_ms),
    slots: (row.slots ?? []).map((s) => ({
      name: capText(s.name) ?? '',
      type: capText(s.type, 40),
      database: capText(s.database),
      active: s.active === true,
      retainedBytes: num(s.retained_bytes),
      walStatus: capText(s.wal_status, 40),
    })),
  };
}

export async function loadReplication(session: Pick<PgSession, 'query'>): Promise<Replication> {
  const [row] = await session.query<Raw>(REPLICATION_SQL);
  return parseReplication(row!);
}
