// Inside a cluster, from its provider's API (or from Postgres where the API has none): logs, metrics, slow
// queries and settings. A provider without the feature: exit 7.
import { repeat, windowOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export function registerInsight({ program, action, readOnly }: Wiring): void {
  windowOptions(program.command('logs <name|id>').description('log lines of a cluster, oldest first (ClickHouse, IONOS v1)'), '1h')
    .option('--grep <text>', 'only lines containing this (case-sensitive)')
    .option('--severity <level>', 'only this severity: LOG, WARNING, ERROR, FATAL, ...')
    .option('--limit <n>', 'the newest n lines of the window (default 1000, at most 10000)')
    .option('-f, --follow', 'keep printing new lines as they arrive, like tail -f (Ctrl-C ends)')
    .option('--interval <duration>', 'with --follow: time between polls (default 5s, at least 2s)')
    .option('--json', 'one JSON object per line: at, severity, instance, message')
    .action(action(async (ctx, query: string, opts: import('../logs.js').LogsOptions) => (await import('../logs.js')).logs(ctx, query, opts)));
  windowOptions(program.command('metrics <name|id>').description("latest value and a sparkline per metric (the provider's, or what Postgres counts); plain values when piped"), '1h')
    .option('--json', 'every series with its points')
    .action(action(async (ctx, query: string, opts: import('../insight-args.js').WindowOptions & { json?: boolean }) => (await import('../metrics.js')).metrics(ctx, query, opts)));
  windowOptions(program.command('slow <name|id>').description("slow query patterns, most total time first (the provider's, or pg_stat_statements)"), '24h')
    .option('--id <queryId>', 'one pattern (an ID from the list): its SQL and recent executions')
    .option('--json', 'JSON array (with --id: the pattern and its executions)')
    .action(action(async (ctx, query: string, opts: import('../insight-args.js').WindowOptions & { json?: boolean; id?: string }) => (await import('../slow.js')).slow(ctx, query, opts)));
  program
    .command('config <name|id>')
    .description('PostgreSQL settings of a cluster (pg_settings where the API has none); with --set, checks each value, shows the plan and asks first')
    .option('--set <key=value>', 'a setting to change (repeat for more; PgBouncer ones as pgbouncer.NAME)', repeat, [] as string[])
    .option('--dry-run', 'print the plan (before → after, request, tool/curl line, impact) and stop')
    .option('-y, --yes', 'apply without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('-o, --output <format>', 'json: the plan (with --set) as JSON')
    .option('--json', 'without --set: the settings and every key with its type, as JSON; with --set: the plan')
    .action(action(async (ctx, query: string, opts: import('../config.js').ConfigOptions) => (await import('../config.js')).config(ctx, query, { ...opts, readOnly: readOnly() })));
}
