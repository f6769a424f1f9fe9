// Inside Postgres (docs/postgres.md): sessions, the lock tree, cancel/terminate, replication, top statements.
import type { Command } from 'commander';
import { outputOptions } from './flags.js';
import type { Wiring } from './wiring.js';

export function registerPostgres({ program, action, readOnly }: Wiring): void {
  const pg = (cmd: Command) => outputOptions(cmd).option('--json', 'same as -o json').option('--password-stdin', "read the cluster login's password from stdin (else the stored login or ~/.pgpass)");
  pg(program.command('activity <name|id>').description('sessions of a cluster: running, waiting, idle in transaction (--all: idle too)').option('--all', 'idle sessions too'))
    .action(action(async (ctx, query: string, opts: import('../activity.js').ActivityOptions) => (await import('../activity.js')).activity(ctx, query, opts)));
  pg(program.command('locks <name|id>').description('the lock tree: head blockers and the sessions they block (-o json: nested)'))
    .action(action(async (ctx, query: string, opts: import('../locks.js').LocksOptions) => (await import('../locks.js')).locks(ctx, query, opts)));
  for (const kind of ['cancel', 'terminate'] as const) {
    pg(program.command(`${kind} <name|id> <pid...>`).description(kind === 'cancel' ? "cancel sessions' running queries (pg_cancel_backend); exact cluster name or id" : 'end sessions (pg_terminate_backend); exact cluster name or id'))
      .option('-y, --yes', 'do it without asking')
      .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
      .option('--dry-run', 'print the plan (the sessions, the SQL, a psql line) and stop')
      .action(action(async (ctx, query: string, pids: string[], opts: import('../cancel.js').SignalOptions) => (await import('../cancel.js')).signal(ctx, kind, query, pids, { ...opts, readOnly: readOnly() })));
  }
  pg(program.command('replication <name|id>').description('standbys and their lag (primary), the WAL receiver (standby), replication slots'))
    .action(action(async (ctx, query: string, opts: import('../replication.js').ReplicationOptions) => (await import('../replication.js')).replication(ctx, query, opts)));
  pg(program.command('statements <name|id>').description('top statements from pg_stat_statements, since its reset or over --interval'))
    .option('--limit <n>', 'how many (default 20)')
    .option('--sort <key>', 'total, mean or calls (default total)')
    .option('--interval <duration>', 'measure over this long from now instead (e.g. 10s)')
    .action(action(async (ctx, query: string, opts: import('../statements.js').StatementsOptions) => (await import('../statements.js')).statements(ctx, query, opts)));
}
