// `pgtui delete NAME`: through a plan (docs/plans.md); refused under the global --read-only (exit 7).
import { opFlags, planFlags } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'delete';

export function register({ program, action, readOnly, refuse }: Wiring): void {
  planFlags(opFlags(program.command('delete <name|id>').description('delete a cluster (type its name to confirm, or --yes)'), 'gone')).action(
    action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js')).remove(ctx, query, { ...opts, readOnly: readOnly() }), refuse('delete')),
  );
}
