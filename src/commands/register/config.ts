// `pgtui config NAME [--set k=v]`: PostgreSQL settings; a change goes through a plan (docs/plans.md).
import { repeat } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'config';

export function register({ program, action, readOnly }: Wiring): void {
  program
    .command('config <name|id>')
    .description('PostgreSQL settings of a cluster (pg_settings where the API has none); with --set, checks each value, shows the plan and asks first')
    .option('--set <key=value>', 'a setting to change (repeat for more; PgBouncer ones as pgbouncer.NAME)', repeat, [] as string[])
    .option('--dry-run', 'print the plan (before → after, request, tool/curl line, impact) and stop')
    .option('-y, --yes', 'apply without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('-o, --output <format>', 'json: the plan (with --set) as JSON')
    .option('--json', 'without --set: the settings and every key with its type, as JSON; with --set: the plan')
    .action(action(async (ctx, query: string, opts: import('../config.js').ConfigOptions) => (await import('../config.js')).config(ctx, query, { ...opts, readOnly: readOnly() })));
}
