// `pgtui wait NAME --for ready|deleted`: polls until then. Changes nothing.
import type { Wiring } from './wiring.js';

export const name = 'wait';

export function register({ program, action }: Wiring): void {
  program
    .command('wait <name|id>')
    .description('wait until a cluster is ready or deleted (progress on stderr)')
    .requiredOption('--for <state>', 'ready or deleted')
    .option('--timeout <duration>', 'give up after this long', '10m')
    .option('--interval <duration>', 'time between polls', '2s')
    .action(action(async (ctx, query: string, opts: { for: string; timeout: string; interval: string }) => (await import('../wait.js')).wait(ctx, query, opts)));
}
