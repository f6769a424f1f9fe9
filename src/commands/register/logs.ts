// `pgtui logs NAME`: a cluster's log lines from its provider's API (a provider without them: exit 7).
import { windowOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export const name = 'logs';

export function register({ program, action }: Wiring): void {
  windowOptions(program.command('logs <name|id>').description('log lines of a cluster, oldest first (ClickHouse, IONOS v1)'), '1h')
    .option('--grep <text>', 'only lines containing this (case-sensitive)')
    .option('--severity <level>', 'only this severity: LOG, WARNING, ERROR, FATAL, ...')
    .option('--limit <n>', 'the newest n lines of the window (default 1000, at most 10000)')
    .option('-f, --follow', 'keep printing new lines as they arrive, like tail -f (Ctrl-C ends)')
    .option('--interval <duration>', 'with --follow: time between polls (default 5s, at least 2s)')
    .option('--json', 'one JSON object per line: at, severity, instance, message')
    .action(action(async (ctx, query: string, opts: import('../logs.js').LogsOptions) => (await import('../logs.js')).logs(ctx, query, opts)));
}
