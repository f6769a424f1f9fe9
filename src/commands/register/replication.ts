// `pgtui replication NAME`: standbys, lag and slots (docs/postgres.md).
import { pgOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'replication';

export function register({ program, action }: Wiring): void {
  pgOptions(program.command('replication <name|id>').description('standbys and their lag (primary), the WAL receiver (standby), replication slots'))
    .action(action(async (ctx, query: string, opts: import('../replication.js').ReplicationOptions) => (await import('../replication.js')).replication(ctx, query, opts)));
}
