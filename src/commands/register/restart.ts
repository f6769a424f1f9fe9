// `pgtui restart NAME`: through a plan (docs/plans.md); refused under the global --read-only (exit 7).
import { opFlags, planFlags } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'restart';

export function register({ program, action, readOnly, refuse }: Wiring): void {
  planFlags(opFlags(program.command('restart <name|id>').description('restart a cluster, where its API can'))
    .option('--json', 'print the cluster as JSON'), false)
    .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
    .action(action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js')).restart(ctx, query, { ...opts, readOnly: readOnly() }), refuse('restart')));
}
