// `pgtui metrics NAME`: a cluster's metrics from its provider's API, or what Postgres counts where it has none.
import { windowOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'metrics';

export function register({ program, action }: Wiring): void {
  windowOptions(program.command('metrics <name|id>').description("latest value and a sparkline per metric (the provider's, or what Postgres counts); plain values when piped"), '1h')
    .option('--json', 'every series with its points')
    .action(action(async (ctx, query: string, opts: import('../insight-args.js').WindowOptions & { json?: boolean }) => (await import('../metrics.js')).metrics(ctx, query, opts)));
}
