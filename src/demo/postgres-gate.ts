// The demo's local PostgreSQL starts beside the TUI, or when a command first needs it (docs/startup.md, "The
// demo"), so whatever connects to a cluster (psql, a Postgres session) waits here first. Outside the demo no gate
// is set and nothing waits.

/** Settles when the demo's PostgreSQL is up (starting it if needed); `say` gets one line when that takes a while. */
export type PostgresGate = (say?: (line: string) => void) => Promise<void>;

let gate: PostgresGate | undefined;

/** Sets the gate (the demo's context); the returned function removes it again. */
export function setPostgresGate(g: PostgresGate): () => void {
  gate = g;
  return () => {
    if (gate === g) gate = undefined;
  };
}

export const STARTING_LINE = "the demo's PostgreSQL is starting…";

/** Waits for the demo's PostgreSQL when there is one; rejects with why it could not start. */
export function untilPostgres(say?: (line: string) => void): Promise<void> {
  return gate ? gate(say) : Promise.resolve();
}
