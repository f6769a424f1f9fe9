// `pgtui df NAME`: disk use of each volume (Crunchy PGO).
import type { Wiring } from './wiring.js';

export const name = 'df';

export function register({ program, action }: Wiring): void {
  program.command('df <name|id>').description('disk use of each volume of a cluster (Crunchy PGO)').option('--json', 'JSON array')
    .action(action(async (ctx, query: string, opts: { json?: boolean }) => (await import('../cluster-health.js')).df(ctx, query, opts)));
}
