// `pgtui journal`: the changes pgtui applied (docs/plans.md), from its own file; no cluster.
import type { Wiring } from './wiring.js';

export const name = 'journal';

export function register({ program, action }: Wiring): void {
  program
    .command('journal')
    .description('the changes pgtui applied (one line per plan): newest last; in --demo, this demo session\'s own')
    .option('--cluster <name>', 'only this cluster (exact name or id)')
    .option('--since <duration>', 'only the last e.g. 24h, 7d, 30m')
    .option('-o, --output <format>', 'json: one array')
    .option('--json', 'same as -o json')
    .action(action(async (ctx, opts: import('../journal.js').JournalOptions) => (await import('../journal.js')).journal(ctx, opts)));
}
