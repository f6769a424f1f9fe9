// Something real behind the demo's clusters (docs/postgres.md, "The demo"): in the local PostgreSQL that every
// demo cluster points at, pg_stat_statements in every database, the demo logins granted pg_monitor and
// pg_signal_backend, and a small workload run by its own non-superuser role: a blocking chain (A blocks B and
// D, B blocks C), a long-running query, a session idle in transaction, a physical replication slot holding WAL,
// and statements of different costs. Its sessions live in this process; stop() ends them, and the server's own
// stop ends anything left.
import type { LocalPostgres } from '../fake/local-postgres.js';

type Client = InstanceType<(typeof import('../pg/driver.js'))['Client']>;

export const WORKLOAD_ROLE = 'demo_app';
export const WORKLOAD_DB = 'demo_shop';
export const WORKLOAD_APPS = {
  A: 'demo-blocker-A',
  B: 'demo-waiter-B',
  C: 'demo-waiter-C',
  D: 'demo-waiter-D',
  long: 'demo-report',
  idle: 'demo-idle-tx',
} as const;
export type WorkloadSession = keyof typeof WORKLOAD_APPS;

export interface Workload {
  /** Backend pid of each seeded session. */
  pids: Record<WorkloadSession, number>;
  stop(): Promise<void>;
}

function randomPassword(): string {
  return `w${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}A1`;
}

/** Waits (bounded) until `pid` waits for another session. */
async function untilBlocked(admin: Client, pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await admin.query<{ n: number }>('SELECT cardinality(pg_blocking_pids($1::int)) AS n', [pid]);
    if (Number(r.rows[0]?.n) > 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`seeding: session ${pid} never waited`);
}

/** `signal` ends the seeding half-way (the demo stopping before it is done: `pgtui --demo ls`). */
export async function startWorkload(pg: Pick<LocalPostgres, 'host' | 'port' | 'superuser' | 'superPassword'>, signal?: AbortSignal): Promise<Workload> {
  const { Client } = await import('../pg/driver.js');
  const clients: Client[] = [];
  const open = async (user: string, password: string, database: string, app: string) => {
    signal?.throwIfAborted();
    const c = new Client({ host: pg.host, port: pg.port, user, password, database, application_name: app, ssl: false });
    c.on('error', () => undefined);
    clients.push(c);
    await c.connect();
    return c;
  };
  const stop = async () => {
    await Promise.allSettled(clients.map((c) => c.end()));
  };
  signal?.addEventListener('abort', () => void stop(), { once: true });
  try {
    const admin = await open(pg.superuser, pg.superPassword, 'postgres', 'demo-seed');
    const password = randomPassword();
    const dbs = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datallowconn AND datname <> 'template0'");
    const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [WORKLOAD_ROLE]);
    await admin.query(`${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${WORKLOAD_ROLE} LOGIN PASSWORD '${password}'`);
    if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [WORKLOAD_DB])).rowCount) await admin.query(`CREATE DATABASE ${WORKLOAD_DB} OWNER ${WORKLOAD_ROLE}`);
    // Every database a demo cluster lands in (and every one created later, from template1) has the view.
    for (const db of [...dbs.rows.map((r) => r.datname), WORKLOAD_DB]) {
      const c = db === 'postgres' ? admin : await open(pg.superuser, pg.superPassword, db, 'demo-seed');
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
      if (c !== admin) await c.end().catch(() => undefined);
    }
    // A real admin login of a managed provider can watch and signal other sessions; so can the demo's logins.
    await admin.query(`DO $$ DECLARE r text; BEGIN
      FOR r IN SELECT rolname FROM pg_roles WHERE rolcanlogin AND NOT rolsuper AND rolname <> '${WORKLOAD_ROLE}' LOOP
        EXECUTE format('GRANT pg_monitor, pg_signal_backend TO %I', r);
      END LOOP; END $$`);
    await admin.query("SELECT pg_create_physical_replication_slot('demo_standby_slot', true) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'demo_standby_slot')");

    const as = (app: string) => open(WORKLOAD_ROLE, password, WORKLOAD_DB, app);
    const setup = await as('demo-setup');
    await setup.query(`CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, owner text, balance numeric NOT NULL DEFAULT 0);
      INSERT INTO accounts SELECT g, 'customer ' || g, g * 10 FROM generate_series(1, 2000) g ON CONFLICT DO NOTHING;
      CREATE TABLE IF NOT EXISTS orders (id bigserial PRIMARY KEY, account int, amount numeric, at timestamptz DEFAULT now());
      INSERT INTO orders (account, amount) SELECT 1 + g % 2000, g % 97 FROM generate_series(1, 20000) g;
      ANALYZE accounts; ANALYZE orders`);
    // Statements of different costs: many cheap lookups, some aggregates, a few big sorts.
    for (let i = 0; i < 200; i++) await setup.query('SELECT balance FROM accounts WHERE id = $1', [1 + (i % 2000)]);
    for (let i = 0; i < 20; i++) await setup.query('SELECT account, sum(amount) FROM orders WHERE account % 10 = $1 GROUP BY account', [i % 10]);
    for (let i = 0; i < 3; i++) await setup.query('SELECT * FROM orders ORDER BY amount DESC, at LIMIT 10 OFFSET $1', [i]);
    await setup.end();

    const [A, B, C, D, long, idle] = await Promise.all(Object.values(WORKLOAD_APPS).map((app) => as(app)));
    const pidOf = async (c: Client) => Number((await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
    const pids = { A: await pidOf(A!), B: await pidOf(B!), C: await pidOf(C!), D: await pidOf(D!), long: await pidOf(long!), idle: await pidOf(idle!) };
    // A holds rows 1 and 3; B takes row 2 and waits for row 1; C waits for row 2 (B); D waits for row 3 (A).
    // B commits once it gets row 1, so ending A clears the whole tree.
    await A!.query('BEGIN; UPDATE accounts SET balance = balance + 1 WHERE id IN (1, 3)');
    const ignore = () => undefined;
    B!.query('BEGIN; UPDATE accounts SET balance = balance - 1 WHERE id = 2; UPDATE accounts SET balance = balance + 1 WHERE id = 1; COMMIT').catch(ignore);
    await untilBlocked(admin, pids.B);
    C!.query('UPDATE accounts SET balance = balance * 1 WHERE id = 2').catch(ignore);
    D!.query('UPDATE accounts SET owner = owner WHERE id = 3').catch(ignore);
    await Promise.all([untilBlocked(admin, pids.C), untilBlocked(admin, pids.D)]);
    long!.query("SELECT count(*) FROM orders, pg_sleep(3600) WHERE amount > 0 /* monthly revenue report */").catch(ignore);
    await idle!.query("BEGIN; SELECT owner FROM accounts WHERE id = 42 FOR SHARE");
    await admin.end();
    return { pids, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
