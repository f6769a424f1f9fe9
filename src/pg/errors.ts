// What goes wrong talking to Postgres, as one safe line: the server's own message (hostile text: made safe),
// the network's, or pgtui's own (no password, a private network, a refused privilege with its GRANT).
import { oneLine } from '../text/safe.js';

export type PgProblem = 'connect' | 'password' | 'unreachable' | 'privilege' | 'missing' | 'query' | 'timeout' | 'refused';

export class PgSessionError extends Error {
  constructor(
    message: string,
    readonly problem: PgProblem,
    /** The SQLSTATE the server sent, when it sent one. */
    readonly sqlstate?: string,
  ) {
    super(message);
  }
}

interface DriverError {
  message?: string;
  code?: string;
  severity?: string;
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'name lookup failed',
};

/** Any error from the driver or the socket as a PgSessionError with one safe line. */
export function asPgError(err: unknown, where: string): PgSessionError {
  if (err instanceof PgSessionError) return err;
  const e = (err ?? {}) as DriverError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const text = oneLine(String(e.message ?? err), 300);
  if (code && NETWORK[code]) return new PgSessionError(`${where}: ${NETWORK[code]}`, 'connect');
  if (code === '57014' || /query read timeout|timeout expired|timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(text)) {
    return new PgSessionError(`${where}: ${code === '57014' ? 'the query took longer than pgtui allows (statement_timeout)' : 'timed out'}`, 'timeout', code);
  }
  if (code === '55P03') return new PgSessionError(`${where}: a lock wait took longer than pgtui allows (lock_timeout)`, 'timeout', code);
  if (code === '42501') return new PgSessionError(`${where}: ${text}`, 'privilege', code);
  if (code && /^[0-9A-Z]{5}$/.test(code)) return new PgSessionError(`${where}: ${text}`, code.startsWith('28') ? 'password' : 'query', code);
  return new PgSessionError(`${where}: ${text}`, 'connect');
}
