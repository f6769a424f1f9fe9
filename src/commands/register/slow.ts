// `pgtui slow NAME`: slow query patterns from the provider's API, or pg_stat_statements where it has none.
import { windowOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'slow';

export function register({ program, action }: Wiring): void {
  windowOptions(program.command('slow <name|id>').description("slow query patterns, most total time first (the provider's, or pg_stat_statements)"), '24h')
    .option('--id <queryId>', 'one pattern (an ID from the list): its SQL and recent executions')
    .option('--json', 'JSON array (with --id: the pattern and its executions)')
    .action(action(async (ctx, query: string, opts: import('../insight-args.js').WindowOptions & { json?: boolean; id?: string }) => (await import('../slow.js')).slow(ctx, query, opts)));
}
