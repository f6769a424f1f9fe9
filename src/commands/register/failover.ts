// `pgtui failover NAME`: the replicas a failover could promote; lists only, changes nothing (Crunchy PGO).
import type { Wiring } from './wiring.js';

export const name = 'failover';

export function register({ program, action }: Wiring): void {
  program.command('failover <name|id>').description('the replicas a failover could promote, with their lag (Crunchy PGO); lists only').option('--json', 'JSON array')
    .action(action(async (ctx, query: string, opts: { json?: boolean }) => (await import('../cluster-health.js')).failoverTargets(ctx, query, opts)));
}
