// `pgtui backups NAME`: a cluster's backups, where its API has them.
import { outputOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'backups';

export function register({ program, action }: Wiring): void {
  outputOptions(program.command('backups <name|id>').description("list a cluster's backups, where its API has them").option('--json', 'JSON array (same as -o json)').option('--wide', 'more columns (same as -o wide)'))
    .action(action(async (ctx, query: string, opts: import('../output.js').OutputFlags) => (await import('../backups.js')).backups(ctx, query, opts)));
}
