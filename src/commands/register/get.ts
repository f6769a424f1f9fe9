// `pgtui get NAME`: one cluster. Changes nothing.
import { outputOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'get';

export function register({ program, action }: Wiring): void {
  outputOptions(
    program
      .command('get <name|id>')
      .description('show one cluster')
      .option('--json', 'JSON object (same as -o json)')
      .option('--raw', "with --json: include the provider's own object")
      .option('--wide', 'every field, also the empty ones (same as -o wide)')
      .option('-w, --watch', 'print the cluster as a row, then a row each time it changes, until Ctrl-C'),
  ).action(
    action(
      async (ctx, query: string, opts: import('../output.js').OutputFlags & { raw?: boolean; watch?: boolean }) => (await import('../get.js')).get(ctx, query, opts),
      async (_query, opts) => (await import('../ls.js')).checkOutput(opts),
    ),
  );
}
