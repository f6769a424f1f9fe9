// The demo's local PostgreSQL starts beside the TUI, or when a command first needs it (docs/startup.md, "The
// demo"), so whatever connects to a cluster waits here first: psql for the server and the clusters' logins
// (untilPostgres), a Postgres session (src/pg/session.ts) for the seeded workload too (untilPostgresSeeded). The
// demo's context sets the gate; outside the demo none is set and nothing waits.

/** Settles when the demo's PostgreSQL is up (starting it if needed); `say` gets one line when that takes a while. */
export type PostgresGate = (say?: (line: string) => void) => Promise<void>;

let gate: PostgresGate | undefined;
let seeded: (() => Promise<unknown>) | undefined;

/**
 * Sets the gate (the demo's context): `up` settles once the server is up and every seeded cluster's login is
 * stored, `workload` once the seeded workload is in. The returned function removes them again.
 */
export function setPostgresGate(up: PostgresGate, workload?: () => Promise<unknown>): () => void {
  gate = up;
  seeded = workload;
  return () => {
    if (gate !== up) return;
    gate = undefined;
    seeded = undefined;
  };
}

export const STARTING_LINE = "the demo's PostgreSQL is starting…";

/** Waits for the demo's PostgreSQL when there is one; rejects with why it could not start. */
export function untilPostgres(say?: (line: string) => void): Promise<void> {
  return gate ? gate(say) : Promise.resolve();
}

/**
 * As untilPostgres, and then for the seeded workload (what the demo's Postgres views are there to show). A seeding
 * that failed is no reason to refuse a session: the server and its logins are what the session needs.
 */
export async function untilPostgresSeeded(say?: (line: string) => void): Promise<void> {
  const workload = seeded;
  await untilPostgres(say);
  await workload?.().catch(() => undefined);
}
