// `pgtui test NAME`: whether each instance and endpoint answers (Crunchy PGO).
import type { Wiring } from './wiring.js';

export const name = 'test';

export function register({ program, action }: Wiring): void {
  program.command('test <name|id>').description('can each instance and endpoint of a cluster be reached (Crunchy PGO); exit 5 when one cannot').option('--json', 'JSON array')
    .action(action(async (ctx, query: string, opts: { json?: boolean }) => (await import('../cluster-health.js')).test(ctx, query, opts)));
}
