// The commander wiring of the scripting commands (issue 17): create, delete, restart, promote, reset-password,
// backups, restore, diagnose and completion, plus the output flags ls/get/backups share. Every command body is a
// dynamic import, like the rest of cli.tsx: `pgtui ls` never loads them.
import type { Command } from 'commander';
import { exitWith } from '../lifecycle.js';
import type { Context, GlobalOptions } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';

/** cli.tsx's `action`: loads the context, runs the body, exits with its code. */
type Action = <A extends unknown[]>(body: (ctx: Context, ...args: A) => Promise<number> | number, check?: (...args: A) => void | Promise<void>) => (...args: A) => Promise<void>;

/** -o, --no-headers and --cols (kubectl's and ionosctl's flags) for ls, get and backups. */
export function outputOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <format>', 'table, wide, json or yaml')
    .option('--no-headers', 'no title line in table output')
    .option('--cols <A,B>', 'only these table columns, in this order (e.g. NAME,PHASE)');
}

const repeat = (v: string, all: string[]) => [...all, v];

/** --dry-run and -o json for the commands whose plan (docs/plans.md) is shown, not their result. */
function planFlags(cmd: Command, output = true): Command {
  const c = cmd.option('--dry-run', 'print the plan (request, tool/curl line, impact) and stop; -o json for JSON');
  return output ? c.option('-o, --output <format>', 'json: the plan (with --dry-run) or the result as JSON') : c;
}

/** The mutating commands' shared flags. */
function opFlags(cmd: Command, waitFor = 'ready'): Command {
  return cmd
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--wait', `block until the cluster is ${waitFor} (progress on stderr)`)
    .option('--timeout <duration>', 'with --wait: give up after this long', '30m')
    .option('--interval <duration>', 'with --wait: time between polls', '2s');
}

export function addOperations(program: Command, action: Action, fail: (err: unknown) => number): void {
  const readOnly = () => program.opts<GlobalOptions>().readOnly;
  /** --read-only refuses before the config, the demo or any request (exit 7). */
  const refuse = (what: string) => (..._args: unknown[]) => {
    if (readOnly()) throw new CommandError(`--read-only: ${what} is disabled`, EXIT.refused);
  };
  opFlags(
    program
      .command('create')
      .description('create a cluster in --profile: without --set, list the create form\'s fields; shows the review and asks first')
      .option('--set <key=value>', 'a field of the create form (repeat for more); never a secret', repeat, [] as string[])
      .option('--password-stdin', "read the form's secret field(s) from stdin (one line each, in the order the field list shows)")
      .option('--dry-run', 'show the review and stop'),
  )
    .option('--json', 'print the cluster as JSON (same as -o json)')
    .option('-o, --output <format>', 'table, wide, json or yaml')
    .action(action(async (ctx, opts: import('./create.js').CreateOptions) => (await import('./create.js')).create(ctx, { ...opts, readOnly: readOnly() }), (opts) => {
      if (opts.set?.length && !opts.dryRun) refuse('create')();
    }));

  planFlags(opFlags(program.command('delete <name|id>').description('delete a cluster (type its name to confirm, or --yes)'), 'gone')).action(
    action(async (ctx, query: string, opts: import('./ops.js').OpOptions) => (await import('./ops.js')).remove(ctx, query, { ...opts, readOnly: readOnly() }), refuse('delete')),
  );
  for (const [name, description, run] of [
    ['restart', 'restart a cluster, where its API can', 'restart'],
    ['promote', 'make a read replica a standalone primary, where its API can', 'promote'],
  ] as const) {
    planFlags(opFlags(program.command(`${name} <name|id>`).description(description))
      .option('--json', 'print the cluster as JSON'), false)
      .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
      .action(action(async (ctx, query: string, opts: import('./ops.js').OpOptions) => (await import('./ops.js'))[run](ctx, query, { ...opts, readOnly: readOnly() }), refuse(name)));
  }
  program
    .command('reset-password <name|id>')
    .description('set a new password, where its API can: printed once on stdout, kept for pgtui psql')
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--dry-run', 'print the plan and stop; -o json for JSON')
    .option('-o, --output <format>', 'json: the plan with --dry-run')
    .action(action(async (ctx, query: string, opts: import('./ops.js').OpOptions) => (await import('./ops.js')).resetPassword(ctx, query, { ...opts, readOnly: readOnly() }), refuse('password reset')));
  outputOptions(program.command('backups <name|id>').description("list a cluster's backups, where its API has them").option('--json', 'JSON array (same as -o json)').option('--wide', 'more columns (same as -o wide)'))
    .action(action(async (ctx, query: string, opts: import('./output.js').OutputFlags) => (await import('./backups.js')).backups(ctx, query, opts)));
  opFlags(
    program
      .command('restore <name|id>')
      .description('restore from a backup or to a point in time, where its API can (in place, or into a new cluster)')
      .option('--backup <id>', 'the backup (pgtui backups NAME)')
      .option('--to <time>', 'RFC 3339 point in time, e.g. 2026-11-30T08:00:00Z')
      .option('--name <name>', 'the new cluster, where the API restores into a new one'),
  )
    .option('--dry-run', 'print the plan and stop; -o json for JSON')
    .option('--json', 'print the cluster as JSON')
    .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
    .action(action(async (ctx, query: string, opts: import('./ops.js').RestoreOptions) => (await import('./ops.js')).restore(ctx, query, { ...opts, readOnly: readOnly() }), refuse('restore')));
  program
    .command('diagnose [name|id]')
    .description('health checks on one cluster (exact NAME or id) or --all: worst first; exit 0/1/2 for green/yellow/red (docs/diagnose.md)')
    .option('--all', 'every cluster of every profile (or of --profile)')
    .option('-o, --output <format>', 'table or json (docs/diagnose.schema.json)')
    .option('--json', 'same as -o json')
    .option('--md', 'a Markdown incident document')
    .option('--no-postgres', 'provider checks only: no connection to the database')
    .action(action(async (ctx, query: string | undefined, opts: import('./diagnose.js').DiagnoseCommandOptions) => (await import('./diagnose.js')).diagnose(ctx, query, opts)));
  addPostgres(program, action, readOnly);
  program
    .command('completion <shell>')
    .description('print a completion script for bash, zsh or fish (names come from a cache that pgtui ls writes)')
    .action(async (shell: string) => {
      let code: number;
      try {
        code = (await import('./completion.js')).completion(program, shell);
      } catch (err) {
        code = fail(err);
      }
      await exitWith(code);
    });
}


/** Inside Postgres (docs/postgres.md): sessions, the lock tree, cancel/terminate, replication, top statements. */
function addPostgres(program: Command, action: Action, readOnly: () => boolean | undefined): void {
  const pg = (cmd: Command) => outputOptions(cmd).option('--json', 'same as -o json').option('--password-stdin', "read the cluster login's password from stdin (else the stored login or ~/.pgpass)");
  pg(program.command('activity <name|id>').description('sessions of a cluster: running, waiting, idle in transaction (--all: idle too)').option('--all', 'idle sessions too'))
    .action(action(async (ctx, query: string, opts: import('./activity.js').ActivityOptions) => (await import('./activity.js')).activity(ctx, query, opts)));
  pg(program.command('locks <name|id>').description('the lock tree: head blockers and the sessions they block (-o json: nested)'))
    .action(action(async (ctx, query: string, opts: import('./locks.js').LocksOptions) => (await import('./locks.js')).locks(ctx, query, opts)));
  for (const kind of ['cancel', 'terminate'] as const) {
    pg(program.command(`${kind} <name|id> <pid...>`).description(kind === 'cancel' ? "cancel sessions' running queries (pg_cancel_backend); exact cluster name or id" : 'end sessions (pg_terminate_backend); exact cluster name or id'))
      .option('-y, --yes', 'do it without asking')
      .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
      .option('--dry-run', 'print the plan (the sessions, the SQL, a psql line) and stop')
      .action(action(async (ctx, query: string, pids: string[], opts: import('./cancel.js').SignalOptions) => (await import('./cancel.js')).signal(ctx, kind, query, pids, { ...opts, readOnly: readOnly() })));
  }
  pg(program.command('replication <name|id>').description('standbys and their lag (primary), the WAL receiver (standby), replication slots'))
    .action(action(async (ctx, query: string, opts: import('./replication.js').ReplicationOptions) => (await import('./replication.js')).replication(ctx, query, opts)));
  pg(program.command('statements <name|id>').description('top statements from pg_stat_statements, since its reset or over --interval'))
    .option('--limit <n>', 'how many (default 20)')
    .option('--sort <key>', 'total, mean or calls (default total)')
    .option('--interval <duration>', 'measure over this long from now instead (e.g. 10s)')
    .action(action(async (ctx, query: string, opts: import('./statements.js').StatementsOptions) => (await import('./statements.js')).statements(ctx, query, opts)));
}
