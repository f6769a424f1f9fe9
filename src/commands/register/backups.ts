// A cluster's backups: list them, restore from one or to a point in time.
import { opFlags, outputOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export function registerBackups({ program, action, readOnly, refuse }: Wiring): void {
  outputOptions(program.command('backups <name|id>').description("list a cluster's backups, where its API has them").option('--json', 'JSON array (same as -o json)').option('--wide', 'more columns (same as -o wide)'))
    .action(action(async (ctx, query: string, opts: import('../output.js').OutputFlags) => (await import('../backups.js')).backups(ctx, query, opts)));
  opFlags(
    program
      .command('restore <name|id>')
      .description('restore from a backup or to a point in time, where its API can (in place, or into a new cluster)')
      .option('--backup <id>', 'the backup (pgtui backups NAME)')
      .option('--to <time>', 'RFC 3339 point in time, e.g. 2026-11-30T08:00:00Z')
      .option('--name <name>', 'the new cluster, where the API restores into a new one'),
  )
    .option('--dry-run', 'print the plan and stop; -o json for JSON')
    .option('--json', 'print the cluster as JSON')
    .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
    .action(action(async (ctx, query: string, opts: import('../ops.js').RestoreOptions) => (await import('../ops.js')).restore(ctx, query, { ...opts, readOnly: readOnly() }), refuse('restore')));
}
