// Reading commands: ls, get and wait. They change nothing.
import { outputOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export function registerReading({ program, action }: Wiring): void {
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

  program
    .command('wait <name|id>')
    .description('wait until a cluster is ready or deleted (progress on stderr)')
    .requiredOption('--for <state>', 'ready or deleted')
    .option('--timeout <duration>', 'give up after this long', '10m')
    .option('--interval <duration>', 'time between polls', '2s')
    .action(action(async (ctx, query: string, opts: { for: string; timeout: string; interval: string }) => (await import('../wait.js')).wait(ctx, query, opts)));
}
