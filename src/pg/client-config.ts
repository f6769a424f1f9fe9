// A cluster's ConnectionInfo (the same one psql gets: src/psql/launch.ts, src/pg/tls.ts) as node-postgres options:
// libpq's sslmode with its meaning kept, the CA file read once, SCRAM channel binding, and the limits every
// pgtui session runs under (docs/postgres.md).
import { readFileSync } from 'node:fs';
import { checkServerIdentity, type ConnectionOptions } from 'node:tls';
import type { ConnectionInfo } from '../api/core/types.js';

export interface SessionLimits {
  /** statement_timeout of every query (ms). */
  statementTimeoutMs: number;
  /** lock_timeout of every query (ms). */
  lockTimeoutMs: number;
  /** Connect timeout (ms). */
  connectTimeoutMs: number;
  /** The largest single message pgtui takes from the server (src/pg/message-cap.ts). */
  maxMessageBytes: number;
  /** The most bytes pgtui takes for one query's answer, every row of it. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 1_000,
  connectTimeoutMs: 10_000,
  maxMessageBytes: 16 * 1024 * 1024,
  maxResponseBytes: 64 * 1024 * 1024,
};

export const APPLICATION_NAME = 'pgtui';

export interface PgClientConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  ssl: false | ConnectionOptions;
  enableChannelBinding: boolean;
  application_name: string;
  connectionTimeoutMillis: number;
  /** Client-side guard in case a server ignores statement_timeout. */
  query_timeout: number;
  /** Sent in the start-up packet: every transaction read-only, every statement and lock wait bounded. */
  options?: string;
}

/** libpq's sslmode in node-postgres terms (https://www.postgresql.org/docs/current/libpq-ssl.html, table 34.1). */
export function tlsOptions(conn: ConnectionInfo, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): false | ConnectionOptions {
  const ca = conn.sslrootcert && conn.sslrootcert !== 'system' ? readFile(conn.sslrootcert) : undefined;
  switch (conn.sslmode) {
    case 'disable':
      return false;
    case 'prefer':
    case 'require':
      // libpq: require with a root certificate verifies the chain like verify-ca.
      return ca ? { ca, checkServerIdentity: () => undefined } : { rejectUnauthorized: false };
    case 'verify-ca':
      return { ca, checkServerIdentity: () => undefined };
    case 'verify-full': {
      // node-postgres hands tls.connect a socket and no host, so Node would check the certificate against
      // "localhost" when the host is an IP address: the check names the host itself.
      const host = conn.host ?? '';
      return { ca, rejectUnauthorized: true, checkServerIdentity: (_name, cert) => checkServerIdentity(host, cert) };
    }
  }
}

/** The startup `options` of a session: read-only transactions and both timeouts, in libpq's -c syntax. */
export function startupOptions(limits: SessionLimits, readOnly: boolean): string {
  const parts = [`-c statement_timeout=${Math.round(limits.statementTimeoutMs)}`, `-c lock_timeout=${Math.round(limits.lockTimeoutMs)}`];
  if (readOnly) parts.push('-c default_transaction_read_only=on');
  return parts.join(' ');
}

/** The same settings as SQL, for poolers that refuse `options` in the start-up packet (PgBouncer). */
export function settingsSql(limits: SessionLimits, readOnly: boolean): string {
  const lines = [`SET statement_timeout = ${Math.round(limits.statementTimeoutMs)}`, `SET lock_timeout = ${Math.round(limits.lockTimeoutMs)}`];
  if (readOnly) lines.push('SET default_transaction_read_only = on');
  return lines.join('; ');
}

export function clientConfig(conn: ConnectionInfo & { host: string; user: string }, limits: SessionLimits, readOnly: boolean, withStartupOptions = true): PgClientConfig {
  return {
    host: conn.host,
    port: conn.port,
    database: conn.database || 'postgres',
    user: conn.user,
    ssl: tlsOptions(conn),
    enableChannelBinding: conn.channelBinding === 'require' || conn.sslmode !== 'disable',
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: limits.connectTimeoutMs,
    query_timeout: limits.statementTimeoutMs + 2_000,
    options: withStartupOptions ? startupOptions(limits, readOnly) : undefined,
  };
}
