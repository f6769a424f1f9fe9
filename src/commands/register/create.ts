// `pgtui create`: a new cluster through a plan (docs/plans.md); with --set, refused under the global --read-only (exit 7).
import { opFlags, repeat } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'create';

export function register({ program, action, readOnly, refuse }: Wiring): void {
  opFlags(
    program
      .command('create')
      .description('create a cluster in --profile: without --set, list the create form\'s fields; shows the review and asks first')
      .option('--set <key=value>', 'a field of the create form (repeat for more); never a secret', repeat, [] as string[])
      .option('--password-stdin', "read the form's secret field(s) from stdin (one line each, in the order the field list shows)")
      .option('--dry-run', 'show the review and stop'),
  )
    .option('--json', 'print the cluster as JSON (same as -o json)')
    .option('-o, --output <format>', 'table, wide, json or yaml')
    .action(action(async (ctx, opts: import('../create.js').CreateOptions) => (await import('../create.js')).create(ctx, { ...opts, readOnly: readOnly() }), (opts) => {
      if (opts.set?.length && !opts.dryRun) refuse('create')();
    }));
}
