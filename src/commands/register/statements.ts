// `pgtui statements NAME`: top statements from pg_stat_statements (docs/postgres.md).
import { pgOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'statements';

export function register({ program, action }: Wiring): void {
  pgOptions(program.command('statements <name|id>').description('top statements from pg_stat_statements, since its reset or over --interval'))
    .option('--limit <n>', 'how many (default 20)')
    .option('--sort <key>', 'total, mean or calls (default total)')
    .option('--interval <duration>', 'measure over this long from now instead (e.g. 10s)')
    .action(action(async (ctx, query: string, opts: import('../statements.js').StatementsOptions) => (await import('../statements.js')).statements(ctx, query, opts)));
}
