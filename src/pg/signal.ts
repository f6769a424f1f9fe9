// Cancelling a session's query or ending the session: one statement per pid, so that one refused pid does not
// hide the others' results. The statements shown before asking are exactly the ones run.
import { oneLine } from '../text/safe.js';
import { PgSessionError } from './errors.js';
import { missingGrant } from './privileges.js';
import { ownPids } from './own-sessions.js';
import type { PgSession } from './session.js';

export type SignalKind = 'cancel' | 'terminate';

const FUNCTION: Record<SignalKind, string> = { cancel: 'pg_cancel_backend', terminate: 'pg_terminate_backend' };

export interface SignalResult {
  pid: number;
  ok: boolean;
  /** Why not, one line: gone already, not allowed (with the GRANT), ... */
  message?: string;
}

/** A pid as typed by a person: a positive integer, nothing else. */
export function parsePid(text: string): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n <= 2 ** 31 - 1 ? n : undefined;
}

/** The statement for one pid, exactly as it runs. */
export function signalSql(kind: SignalKind, pid: number): string {
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`not a pid: ${pid}`);
  return `SELECT ${FUNCTION[kind]}(${pid})`;
}

export async function signalBackends(session: Pick<PgSession, 'query'> & { user?: string }, kind: SignalKind, pids: readonly number[]): Promise<SignalResult[]> {
  const own = new Set(ownPids());
  const results: SignalResult[] = [];
  let hasRole: boolean | undefined;
  const granted = async () =>
    (hasRole ??= await session
      .query<{ has: boolean }>(`SELECT pg_has_role(current_user, 'pg_signal_backend', 'USAGE') AS has`)
      .then((r) => Boolean(r[0]?.has), () => false));
  for (const pid of [...new Set(pids)]) {
    if (own.has(pid)) {
      results.push({ pid, ok: false, message: "pgtui's own session" });
      continue;
    }
    try {
      const [row] = await session.query<Record<string, boolean>>(signalSql(kind, pid));
      const ok = Boolean(row && Object.values(row)[0]);
      results.push(ok ? { pid, ok } : { pid, ok, message: 'no such session (ended already?)' });
    } catch (err) {
      const e = err as PgSessionError;
      const refused = e instanceof PgSessionError && e.problem === 'privilege';
      const grant = refused && !(await granted()) ? missingGrant('pg_signal_backend', session.user) : undefined;
      results.push({ pid, ok: false, message: grant ? `not allowed: ${grant}` : oneLine(e.message) });
    }
  }
  return results;
}
