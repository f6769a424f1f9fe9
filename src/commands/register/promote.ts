// `pgtui promote NAME`: a read replica becomes a primary, through a plan (docs/plans.md); refused under the
// global --read-only (exit 7).
import { opFlags, planFlags } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'promote';

export function register({ program, action, readOnly, refuse }: Wiring): void {
  planFlags(opFlags(program.command('promote <name|id>').description('make a read replica a standalone primary, where its API can'))
    .option('--json', 'print the cluster as JSON'), false)
    .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
    .action(action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js')).promote(ctx, query, { ...opts, readOnly: readOnly() }), refuse('promote')));
}
