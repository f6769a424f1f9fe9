// Commands that change a cluster through a plan (docs/plans.md): edit; create, delete, restart, promote and
// reset-password. Each refuses under the global --read-only before anything is loaded (exit 7).
import { opFlags, planFlags, repeat } from './flags.js';
import type { Wiring } from './wiring.js';

export function registerEdit({ program, action, readOnly, refuse }: Wiring): void {
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

export function registerChanges({ program, action, readOnly, refuse }: Wiring): void {
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

  planFlags(opFlags(program.command('delete <name|id>').description('delete a cluster (type its name to confirm, or --yes)'), 'gone')).action(
    action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js')).remove(ctx, query, { ...opts, readOnly: readOnly() }), refuse('delete')),
  );
  for (const [name, description, run] of [
    ['restart', 'restart a cluster, where its API can', 'restart'],
    ['promote', 'make a read replica a standalone primary, where its API can', 'promote'],
  ] as const) {
    planFlags(opFlags(program.command(`${name} <name|id>`).description(description))
      .option('--json', 'print the cluster as JSON'), false)
      .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
      .action(action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js'))[run](ctx, query, { ...opts, readOnly: readOnly() }), refuse(name)));
  }
  program
    .command('reset-password <name|id>')
    .description('set a new password, where its API can: printed once on stdout, kept for pgtui psql')
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--dry-run', 'print the plan and stop; -o json for JSON')
    .option('-o, --output <format>', 'json: the plan with --dry-run')
    .action(action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js')).resetPassword(ctx, query, { ...opts, readOnly: readOnly() }), refuse('password reset')));
}
