// The commander wiring of the scripting commands (issue 17): create, delete, restart, promote, reset-password,
// backups, restore and completion, plus the output flags ls/get/backups share. Every command body is a
// dynamic import, like the rest of cli.tsx: `pgtui ls` never loads them.
import type { Command } from 'commander';
import { exitWith } from '../lifecycle.js';
import type { Context, GlobalOptions } from './context.js';

/** cli.tsx's `action`: loads the context, runs the body, exits with its code. */
type Action = <A extends unknown[]>(body: (ctx: Context, ...args: A) => Promise<number> | number) => (...args: A) => Promise<void>;

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
    .action(action(async (ctx, opts: import('./create.js').CreateOptions) => (await import('./create.js')).create(ctx, { ...opts, readOnly: readOnly() })));

  planFlags(opFlags(program.command('delete <name|id>').description('delete a cluster (type its name to confirm, or --yes)'), 'gone')).action(
    action(async (ctx, query: string, opts: import('./ops.js').OpOptions) => (await import('./ops.js')).remove(ctx, query, { ...opts, readOnly: readOnly() })),
  );
  for (const [name, description, run] of [
    ['restart', 'restart a cluster, where its API can', 'restart'],
    ['promote', 'make a read replica a standalone primary, where its API can', 'promote'],
  ] as const) {
    planFlags(opFlags(program.command(`${name} <name|id>`).description(description))
      .option('--json', 'print the cluster as JSON'), false)
      .option('-o, --output <format>', 'table, wide, json or yaml (with --dry-run: json prints the plan)')
      .action(action(async (ctx, query: string, opts: import('./ops.js').OpOptions) => (await import('./ops.js'))[run](ctx, query, { ...opts, readOnly: readOnly() })));
  }
  program
    .command('reset-password <name|id>')
    .description('set a new password, where its API can: printed once on stdout, kept for pgtui psql')
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--dry-run', 'print the plan and stop; -o json for JSON')
    .option('-o, --output <format>', 'json: the plan with --dry-run')
    .action(action(async (ctx, query: string, opts: import('./ops.js').OpOptions) => (await import('./ops.js')).resetPassword(ctx, query, { ...opts, readOnly: readOnly() })));
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
    .action(action(async (ctx, query: string, opts: import('./ops.js').RestoreOptions) => (await import('./ops.js')).restore(ctx, query, { ...opts, readOnly: readOnly() })));
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

