// `pgtui cancel NAME PID...`: cancels the running queries of sessions, through a plan (docs/postgres.md, docs/plans.md).
import { pgOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'cancel';

export function register({ program, action, readOnly }: Wiring): void {
  pgOptions(program.command('cancel <name|id> <pid...>').description("cancel sessions' running queries (pg_cancel_backend); exact cluster name or id"))
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--dry-run', 'print the plan (the sessions, the SQL, a psql line) and stop')
    .action(action(async (ctx, query: string, pids: string[], opts: import('../cancel.js').SignalOptions) => (await import('../cancel.js')).signal(ctx, 'cancel', query, pids, { ...opts, readOnly: readOnly() })));
}
