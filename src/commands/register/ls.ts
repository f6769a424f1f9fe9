// `pgtui ls`: every profile's clusters. Changes nothing.
import { outputOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'ls';

export function register({ program, action }: Wiring): void {
  outputOptions(
    program
      .command('ls')
      .description('list clusters of every profile')
      .option('--provider <kind>', 'ionos-v1, ionos-v2, clickhouse or pgo')
      .option('--filter <text>', 'only clusters whose name, profile, provider or state contains this')
      .option('--json', 'JSON array of normalised clusters (same as -o json)')
      .option('--raw', "with --json: include each provider's own object")
      .option('--wide', 'more columns (same as -o wide)')
      .option('--health', 'add a HEALTH column (docs/diagnose.md); exit 2 when a cluster is red')
      .option('-w, --watch', 'after the list, print each cluster that changes, appears or goes, until Ctrl-C')
      .option('--timeout <duration>', 'stop listing after this long, keeping what was listed (exit 3)', '60s'),
  ).action(
    action(
      async (ctx, opts: import('../ls.js').LsOptions) => (await import('../ls.js')).ls(ctx, opts),
      async (opts) => (await import('../ls.js')).checkLs(opts),
    ),
  );
}
