// `pgtui edit NAME`: a change through a plan (docs/plans.md); with --set, refused under the global --read-only (exit 7).
import { repeat } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'edit';

export function register({ program, action, readOnly, refuse }: Wiring): void {
  program
    .command('edit <name|id>')
    .description('change a cluster (size, instances, ...): without --set, list what can change; shows the diff and asks first')
    .option('--set <key=value>', 'a field to change (repeat for more)', repeat, [] as string[])
    .option('--dry-run', 'print the plan (before → after, request, tool/curl line, impact) and stop')
    .option('-y, --yes', 'apply without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('-o, --output <format>', 'json: the plan as JSON')
    .option('--show-body', 'kept for scripts: the plan always shows the request body, secrets masked')
    .option('--password-stdin', 'the database password from stdin, where the API wants it with the change (IONOS v2); never stored')
    .action(
      action(
        async (ctx, query: string, opts: import('../edit.js').EditOptions & { set: string[] }) => (await import('../edit.js')).edit(ctx, query, { ...opts, readOnly: readOnly() }),
        (_query, opts) => void (opts.set.length > 0 && !opts.dryRun && refuse('edit')()),
      ),
    );
}
