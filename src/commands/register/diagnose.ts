// `pgtui diagnose [NAME] [--all]`: health checks (docs/diagnose.md).
import type { Wiring } from './wiring.js';

export const name = 'diagnose';

export function register({ program, action }: Wiring): void {
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
