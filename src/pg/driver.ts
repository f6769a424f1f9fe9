// The Postgres driver (node-postgres, docs/postgres.md) and libpq's password file reader, in one module that
// the bundles leave out: scripts/build.mjs builds it as dist/pg-driver.cjs, loaded only when a command or a
// screen opens a session (`ls` and the TUI's first frame never do).
import pg from 'pg';
import pgpass from 'pgpass';

export const Client = pg.Client;

/** The password ~/.pgpass (or $PGPASSFILE) has for this connection, as libpq would pick it. */
export function pgpassPassword(info: { host: string; port: number; database: string; user: string }): Promise<string | undefined> {
  return new Promise((resolve) => pgpass({ host: info.host, port: String(info.port), database: info.database, user: info.user }, (pw) => resolve(pw ?? undefined)));
}
