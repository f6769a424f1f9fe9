// `pgtui reset-password NAME`: through a plan (docs/plans.md); refused under the global --read-only (exit 7).
import type { Wiring } from './wiring.js';

export const name = 'reset-password';

export function register({ program, action, readOnly, refuse }: Wiring): void {
  program
    .command('reset-password <name|id>')
    .description('set a new password, where its API can: printed once on stdout, kept for pgtui psql')
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--dry-run', 'print the plan and stop; -o json for JSON')
    .option('-o, --output <format>', 'json: the plan with --dry-run')
    .action(action(async (ctx, query: string, opts: import('../ops.js').OpOptions) => (await import('../ops.js')).resetPassword(ctx, query, { ...opts, readOnly: readOnly() }), refuse('password reset')));
}
