// `pgtui restore NAME`: from a backup or to a point in time, through a plan (docs/plans.md); refused under the
// global --read-only (exit 7).
import { opFlags } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'restore';

export function register({ program, action, readOnly, refuse }: Wiring): void {
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
