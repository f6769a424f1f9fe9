// How diagnose reaches Postgres: one read-only session per cluster through the Postgres layer (src/pg/session.ts,
// docs/postgres.md) — reached where psql reaches it, verify-full with the cached CA, application_name=pgtui,
// read-only, statement_timeout — behind the PgQuery interface the checks use. Diagnose uses the known password
// only (from create, reset or the profile; never asked, never on disk).
import type { Cluster, ConnectionInfo, Provider } from '../api/core/types.js';
import { oneLine } from '../text/safe.js';
import type { PgQuery } from './types.js';

export interface PgHandle {
  query: PgQuery;
  close(): Promise<void>;
}

export interface ConnectOptions {
  configDir?: string;
  statementTimeoutMs: number;
  connectTimeoutMs?: number;
}

export type PgConnector = (cluster: Cluster, provider: Provider, opts: ConnectOptions) => Promise<PgHandle>;

/** Why diagnose will not try a connection, or undefined when it can (phase, host, password). */
export function whyNoConnection(cluster: Cluster, conn: ConnectionInfo): string | undefined {
  if (!['ready', 'degraded'].includes(cluster.phase)) return `the cluster is ${cluster.phase}`;
  if (conn.unreachableReason) return oneLine(conn.unreachableReason, 200);
  if (!conn.host) return 'no host to connect to yet';
  if (!conn.password) return 'password unknown (pgtui knows it after create or reset-password)';
  return undefined;
}

/** A session from a ConnectionInfo (tests and the bench connect to a server of their own). */
export async function connectConn(conn: ConnectionInfo, opts: ConnectOptions): Promise<PgHandle> {
  const { connectPg } = await import('../pg/session.js');
  const session = await connectPg(conn, { limits: limitsOf(opts) });
  return { query: <T>(sql: string, params?: unknown[]) => session.query(sql, params) as Promise<T[]>, close: () => session.close() };
}

const limitsOf = (opts: ConnectOptions) => ({ statementTimeoutMs: opts.statementTimeoutMs, ...(opts.connectTimeoutMs ? { connectTimeoutMs: opts.connectTimeoutMs } : {}) });

export const connectCluster: PgConnector = async (cluster, provider, opts) => {
  const { openPgSession } = await import('../pg/session.js');
  // The reason is judged where the session layer reads the connection: --demo stores its logins only once its
  // PostgreSQL is up, and the session layer waits for that.
  const refuse = (conn: ConnectionInfo) => whyNoConnection(cluster, conn);
  const session = await openPgSession(cluster, provider, { configDir: opts.configDir, limits: limitsOf(opts), refuse });
  return { query: <T>(sql: string, params?: unknown[]) => session.query(sql, params) as Promise<T[]>, close: () => session.close() };
};
