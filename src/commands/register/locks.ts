// `pgtui locks NAME`: the lock tree (docs/postgres.md).
import { pgOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'locks';

export function register({ program, action }: Wiring): void {
  pgOptions(program.command('locks <name|id>').description('the lock tree: head blockers and the sessions they block (-o json: nested)'))
    .action(action(async (ctx, query: string, opts: import('../locks.js').LocksOptions) => (await import('../locks.js')).locks(ctx, query, opts)));
}
