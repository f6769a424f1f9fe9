// How diagnose reaches Postgres: one read-only session per cluster, behind the PgQuery interface the checks use.
// STOPGAP until the Postgres connection layer (src/pg/session.ts, openPgSession) is on main: this file then
// shrinks to `const s = await openPgSession(cluster, provider, { configDir, limits }); return { query: (sql, p) =>
// s.query(sql, p), close: () => s.close() }` (docs/diagnose.md "Connection"). Until then it opens node-postgres
// itself, with the same rules: reached where psql reaches it (provider.connection + the cached CA), the known
// password only (never asked, never on disk), application_name=pgtui, read-only, statement_timeout.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Cluster, ConnectionInfo, Provider } from '../api/types.js';
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

const MAX_ROWS = 5000;

/** Why diagnose will not try a connection, or undefined when it can (phase, host, password). */
export function whyNoConnection(cluster: Cluster, conn: ConnectionInfo): string | undefined {
  if (!['ready', 'degraded'].includes(cluster.phase)) return `the cluster is ${cluster.phase}`;
  if (conn.unreachableReason) return oneLine(conn.unreachableReason, 200);
  if (!conn.host) return 'no host to connect to yet';
  if (!conn.password) return 'password unknown (pgtui knows it after create or reset-password)';
  return undefined;
}

function sslOf(conn: ConnectionInfo): false | { rejectUnauthorized: boolean; ca?: string; servername?: string } {
  switch (conn.sslmode) {
    case 'disable':
      return false;
    case 'verify-ca':
    case 'verify-full':
      return { rejectUnauthorized: true, ca: conn.sslrootcert ? readFileSync(conn.sslrootcert, 'utf8') : undefined, servername: conn.host && !isIP(conn.host) ? conn.host : undefined };
    default:
      return { rejectUnauthorized: false };
  }
}

export async function connectConn(conn: ConnectionInfo, opts: ConnectOptions): Promise<PgHandle> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: conn.host,
    port: conn.port,
    database: conn.database || 'postgres',
    user: conn.user,
    password: conn.password,
    ssl: sslOf(conn),
    application_name: 'pgtui',
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    statement_timeout: opts.statementTimeoutMs,
    // A server that never answers is cut on this side too.
    query_timeout: opts.statementTimeoutMs + 2000,
    options: '-c default_transaction_read_only=on -c lock_timeout=1000',
  });
  // A server that drops the connection later must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new Error(oneLine((err instanceof Error ? err.message : String(err)).slice(0, 2000), 300));
  }
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows.slice(0, MAX_ROWS) as T[],
    close: () => client.end().catch(() => undefined),
  };
}

export const connectCluster: PgConnector = async (cluster, provider, opts) => {
  let conn = provider.connection(cluster);
  const why = whyNoConnection(cluster, conn);
  if (why) throw new Error(why);
  if (opts.configDir) {
    const { verifiedConnection } = await import('../psql-tls.js');
    conn = (await verifiedConnection(provider, cluster, conn, opts.configDir)).conn;
  }
  return connectConn(conn, opts);
};
