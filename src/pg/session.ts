// The one entry point to Postgres (docs/postgres.md): a session on a cluster, reached exactly where `p`/psql
// reaches it (the provider's ConnectionInfo with the profile's `connect` override, verify-full with the cached
// CA), read-only and bounded in time and size. The driver is loaded here, on first use, never at start-up.
import type { Cluster, ConnectionInfo, Provider } from '../api/core/types.js';
import { hasUnsafe, oneLine } from '../text/safe.js';
import { clientConfig, DEFAULT_LIMITS, settingsSql, type SessionLimits } from './client-config.js';
import { asPgError, PgSessionError } from './errors.js';
import { rememberOwnPid } from './own-sessions.js';
import { watchMessages, type MessageCaps } from './message-cap.js';
import { untilPostgresSeeded } from './gate.js';

export { PgSessionError } from './errors.js';

/** Rows a query may return before the rest is dropped (each query also has its own LIMIT). */
export const MAX_ROWS = 5_000;

export interface PgSessionOptions {
  /** pgtui's config directory: where the provider's CA is cached for verify-full (src/pg/tls.ts). */
  configDir?: string;
  /** A password the user gave (`--password-stdin`, the TUI's prompt): kept in memory only, first choice. */
  password?: string;
  /** Every transaction read-only (default true). pg_cancel_backend and pg_terminate_backend run read-only too. */
  readOnly?: boolean;
  limits?: Partial<SessionLimits>;
  /**
   * A reason not to connect, judged on the cluster's connection as it is once the demo's logins are stored
   * (diagnose connects only with a known password); the session is refused with that line.
   */
  refuse?(conn: ConnectionInfo): string | undefined;
}

export interface PgSession {
  /** The login, for GRANT lines. */
  readonly user: string;
  /** This session's backend pid (left out of pgtui's own views). */
  readonly pid: number;
  /** server_version_num, e.g. 150004. */
  readonly serverVersion: number;
  /** One line to show: the connection is encrypted but not verified (no CA), when so. */
  readonly note?: string;
  /** Runs one statement; at most MAX_ROWS rows. Errors are PgSessionError with one safe line. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

type DriverModule = typeof import('./driver.js');
let driver: Promise<DriverModule> | undefined;
const loadDriver = () => (driver ??= import('./driver.js'));

/** Where psql would connect, or a PgSessionError saying in one line why it cannot (as `p` does). */
export async function connectionFor(cluster: Cluster, provider: Provider, configDir?: string): Promise<{ conn: ConnectionInfo; note?: string }> {
  let conn = provider.connection(cluster);
  let note: string | undefined;
  if (configDir && !conn.unreachableReason && conn.host) {
    const { verifiedConnection } = await import('./tls.js');
    const verified = await verifiedConnection(provider, cluster, conn, configDir);
    conn = verified.conn;
    note = verified.note?.replace('psql connects', 'pgtui connects');
  }
  return { conn, note };
}

/**
 * --demo: its PostgreSQL may still be starting, and it stores the clusters' logins (read by provider.connection)
 * once it is up; every session waits for that, and for the seeded workload, here (src/pg/gate.ts).
 * Outside the demo nothing waits.
 */
async function untilDemoReady(label: string): Promise<void> {
  await untilPostgresSeeded().catch((err: Error) => {
    throw new PgSessionError(`${label}: ${oneLine(err.message)}`, 'unreachable');
  });
}

/** Opens a session on a cluster: its connection as `p` has it, the password from opts, the cluster's login or ~/.pgpass. */
export async function openPgSession(cluster: Cluster, provider: Provider, opts: PgSessionOptions = {}): Promise<PgSession> {
  const name = oneLine(cluster.name, 80);
  const ready = ['ready', 'degraded'].includes(cluster.phase);
  // A cluster that cannot answer waits for nothing; the connection is read only after the wait.
  if (ready) await untilDemoReady(name);
  const refused = opts.refuse?.(provider.connection(cluster));
  if (refused) throw new PgSessionError(refused, 'unreachable');
  if (!ready) throw new PgSessionError(`${name} is ${oneLine(cluster.phase, 40)}; Postgres views need a ready cluster`, 'unreachable');
  const { conn, note } = await connectionFor(cluster, provider, opts.configDir);
  return connectReady(conn, { ...opts, label: name, note });
}

type ConnectOptions = PgSessionOptions & { label?: string; note?: string };

/** A session from a ConnectionInfo (tests, the bench and diagnose's own servers call it directly). */
export async function connectPg(conn: ConnectionInfo, opts: ConnectOptions = {}): Promise<PgSession> {
  await untilDemoReady(opts.label ?? oneLine(conn.host ?? 'postgres', 80));
  return connectReady(conn, opts);
}

async function connectReady(conn: ConnectionInfo, opts: ConnectOptions): Promise<PgSession> {
  const label = opts.label ?? oneLine(conn.host ?? 'postgres', 80);
  if (conn.unreachableReason) throw new PgSessionError(`${label}: ${oneLine(conn.unreachableReason)}`, 'unreachable');
  if (!conn.host) throw new PgSessionError(`${label} has no host to connect to yet`, 'unreachable');
  if (hasUnsafe(`${conn.host}${conn.database}${conn.user ?? ''}`)) throw new PgSessionError(`${label}: the provider sent a host, database or user with control characters; not connecting`, 'unreachable');
  const user = conn.user ?? process.env.USER ?? 'postgres';
  const target = { ...conn, host: conn.host, user };
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const readOnly = opts.readOnly !== false;
  const { Client, pgpassPassword } = await loadDriver();

  const password = async (): Promise<string> => {
    const pw = opts.password ?? conn.password ?? (await pgpassPassword({ host: target.host, port: target.port, database: target.database || 'postgres', user }));
    if (pw === undefined) throw new PgSessionError(`${label}: no password for ${oneLine(user, 60)}: give it with --password-stdin, or put it in ~/.pgpass (or $PGPASSFILE)`, 'password');
    return pw;
  };

  const attempt = async (ssl: 'as-set' | 'off', startupOptions: boolean) => {
    let config;
    try {
      config = clientConfig(target, limits, readOnly, startupOptions);
    } catch (err) {
      throw new PgSessionError(`${label}: cannot read the CA file ${oneLine(conn.sslrootcert ?? '', 200)}: ${oneLine((err as Error).message, 200)}`, 'connect');
    }
    if (ssl === 'off') config.ssl = false;
    const client = new Client({ ...config, password });
    requireChannelBinding(client, conn.channelBinding === 'require', label);
    capMessages(client, limits);
    client.on('error', () => undefined); // a dropped connection surfaces on the next query
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
  };

  let client: InstanceType<DriverModule['Client']>;
  let startupOptions = true;
  try {
    try {
      client = await attempt('as-set', true);
    } catch (err) {
      const msg = String((err as Error).message ?? '');
      // libpq's prefer: encrypted if the server can, else plain.
      if (conn.sslmode === 'prefer' && /does not support SSL/i.test(msg)) client = await attempt('off', true);
      // PgBouncer and some proxies refuse `options` in the start-up packet: the same settings go as SQL.
      else if (/unsupported startup parameter/i.test(msg)) {
        startupOptions = false;
        client = await attempt('as-set', false);
      } else throw err;
    }
    if (!startupOptions) await client.query(settingsSql(limits, readOnly));
  } catch (err) {
    throw asPgError(err, label);
  }

  const info = await client.query<{ pid: number; v: string }>('SELECT pg_backend_pid() AS pid, current_setting(\'server_version_num\') AS v').catch(async (err: unknown) => {
    await client.end().catch(() => undefined);
    throw asPgError(err, label);
  });
  const pid = Number(info.rows[0]?.pid);
  const forget = rememberOwnPid(pid);
  let closed = false;
  return {
    pid,
    user,
    serverVersion: Number(info.rows[0]?.v) || 0,
    note: opts.note,
    async query<T>(sql: string, params?: unknown[]) {
      if (closed) throw new PgSessionError(`${label}: the session is closed`, 'connect');
      try {
        const res = await client.query(sql, params);
        const rows = (res.rows ?? []) as T[];
        return rows.length > MAX_ROWS ? rows.slice(0, MAX_ROWS) : rows;
      } catch (err) {
        throw asPgError(err, label);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      forget();
      await client.end().catch(() => undefined);
    },
  };
}

/** A message or an answer over the caps closes the connection; the query (or the connect) fails with why. */
function capMessages(client: { connection: unknown }, caps: MessageCaps): void {
  // node-postgres hands every stream it reads messages from (the socket, or the TLS stream over it) to
  // attachListeners, which starts its parser on it: the watch goes on first.
  const con = client.connection as { attachListeners(stream: NodeJS.EventEmitter & { destroy(err?: Error): void }): void };
  const attach = con.attachListeners.bind(con);
  con.attachListeners = (stream) => {
    watchMessages(stream, caps, (err) => stream.destroy(err));
    attach(stream);
  };
}

/**
 * node-postgres uses SCRAM-SHA-256-PLUS when the server offers it (enableChannelBinding) but, unlike libpq's
 * channel_binding=require, goes on without it. Required, the server must offer it and nothing weaker is taken.
 */
function requireChannelBinding(client: { connection: NodeJS.EventEmitter }, required: boolean, label: string): void {
  if (!required) return;
  const con = client.connection;
  const refuse = (why: string) => con.emit('error', new PgSessionError(`${label}: channel binding is required but ${why}`, 'connect'));
  let sasl = false;
  con.prependListener('authenticationSASL', (msg: { mechanisms?: string[] }) => {
    sasl = true;
    if (!msg.mechanisms?.includes('SCRAM-SHA-256-PLUS')) refuse('the server did not offer SCRAM-SHA-256-PLUS');
  });
  con.prependListener('authenticationCleartextPassword', () => refuse('the server asked for a plain password'));
  con.prependListener('authenticationMD5Password', () => refuse('the server asked for an MD5 password'));
  con.prependListener('authenticationOk', () => sasl || refuse('the server let pgtui in without SCRAM'));
}
