// `pgtui activity NAME`: a cluster's sessions (docs/postgres.md).
import { pgOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'activity';

export function register({ program, action }: Wiring): void {
  pgOptions(program.command('activity <name|id>').description('sessions of a cluster: running, waiting, idle in transaction (--all: idle too)').option('--all', 'idle sessions too'))
    .action(action(async (ctx, query: string, opts: import('../activity.js').ActivityOptions) => (await import('../activity.js')).activity(ctx, query, opts)));
}
