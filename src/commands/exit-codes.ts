// Exit codes of the one-shot commands (also in the README).
//   0  success
//   1  error (provider failure, bad credentials, every profile failed)
//   2  usage error: bad arguments, unknown profile, an ambiguous NAME
//   3  partial: some profiles failed, the others were listed; or a list came back with warnings (see api/list-result.ts)
//   4  not found: no cluster matches NAME|ID
//   5  the cluster reached a failed phase (wait); an instance or endpoint cannot be reached (test)
//   6  timeout (wait, --wait)
//   7  refused: --read-only or a read-only profile, a protected profile without the exact --confirm NAME
//      (docs/plans.md), or the provider's API does not have the operation or feature
//      (restore on PGO, logs on IONOS v2, ...)
//      The Postgres commands (activity, locks, cancel, ...; docs/postgres.md): 5 the cluster cannot be reached,
//      6 statement/lock timeout, 7 a missing right (the GRANT is named) or pg_stat_statements missing.
// 127  psql not found
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  partial: 3,
  notFound: 4,
  failed: 5,
  timeout: 6,
  refused: 7,
  noPsql: 127,
} as const;

/** An error that ends a one-shot command with a message on stderr and an exit code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
