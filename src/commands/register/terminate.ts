// `pgtui terminate NAME PID...`: ends sessions, through a plan (docs/postgres.md, docs/plans.md).
import { pgOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'terminate';

export function register({ program, action, readOnly }: Wiring): void {
  pgOptions(program.command('terminate <name|id> <pid...>').description('end sessions (pg_terminate_backend); exact cluster name or id'))
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--dry-run', 'print the plan (the sessions, the SQL, a psql line) and stop')
    .action(action(async (ctx, query: string, pids: string[], opts: import('../cancel.js').SignalOptions) => (await import('../cancel.js')).signal(ctx, 'terminate', query, pids, { ...opts, readOnly: readOnly() })));
}
