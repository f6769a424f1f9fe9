// Health: diagnose (docs/diagnose.md), and the Crunchy PGO checks df, test and failover.
import type { Wiring } from './wiring.js';

export function registerDiagnose({ program, action }: Wiring): void {
  program
    .command('diagnose [name|id]')
    .description('health checks on one cluster (exact NAME or id) or --all: worst first; exit 0/1/2 for green/yellow/red (docs/diagnose.md)')
    .option('--all', 'every cluster of every profile (or of --profile)')
    .option('-o, --output <format>', 'table or json (docs/diagnose.schema.json)')
    .option('--json', 'same as -o json')
    .option('--md', 'a Markdown incident document')
    .option('--no-postgres', 'provider checks only: no connection to the database')
    .action(action(async (ctx, query: string | undefined, opts: import('../diagnose.js').DiagnoseCommandOptions) => (await import('../diagnose.js')).diagnose(ctx, query, opts)));
}

export function registerClusterChecks({ program, action }: Wiring): void {
  program.command('df <name|id>').description('disk use of each volume of a cluster (Crunchy PGO)').option('--json', 'JSON array')
    .action(action(async (ctx, query: string, opts: { json?: boolean }) => (await import('../cluster-health.js')).df(ctx, query, opts)));
  program.command('test <name|id>').description('can each instance and endpoint of a cluster be reached (Crunchy PGO); exit 5 when one cannot').option('--json', 'JSON array')
    .action(action(async (ctx, query: string, opts: { json?: boolean }) => (await import('../cluster-health.js')).test(ctx, query, opts)));
  program.command('failover <name|id>').description('the replicas a failover could promote, with their lag (Crunchy PGO); lists only').option('--json', 'JSON array')
    .action(action(async (ctx, query: string, opts: { json?: boolean }) => (await import('../cluster-health.js')).failoverTargets(ctx, query, opts)));
}
