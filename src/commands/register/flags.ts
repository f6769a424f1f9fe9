// Option sets that several commands share, so that their flags read alike.
import type { Command } from 'commander';

/** -o, --no-headers and --cols (kubectl's and ionosctl's flags) for ls, get, backups and the Postgres commands. */
export function outputOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <format>', 'table, wide, json or yaml')
    .option('--no-headers', 'no title line in table output')
    .option('--cols <A,B>', 'only these table columns, in this order (e.g. NAME,PHASE)');
}

/** A repeatable option's collector (`--set a=1 --set b=2`). */
export const repeat = (v: string, all: string[]) => [...all, v];

/** --dry-run and -o json for the commands whose plan (docs/plans.md) is shown, not their result. */
export function planFlags(cmd: Command, output = true): Command {
  const c = cmd.option('--dry-run', 'print the plan (request, tool/curl line, impact) and stop; -o json for JSON');
  return output ? c.option('-o, --output <format>', 'json: the plan (with --dry-run) or the result as JSON') : c;
}

/** The mutating commands' shared flags. */
export function opFlags(cmd: Command, waitFor = 'ready'): Command {
  return cmd
    .option('-y, --yes', 'do it without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('--wait', `block until the cluster is ${waitFor} (progress on stderr)`)
    .option('--timeout <duration>', 'with --wait: give up after this long', '30m')
    .option('--interval <duration>', 'with --wait: time between polls', '2s');
}

/** The time window of logs, metrics and slow. */
export function windowOptions(cmd: Command, since: string): Command {
  return cmd
    .option('--since <duration>', `how far back (e.g. 15m, 1h, 7d; default ${since})`)
    .option('--from <time>', 'start of the window (RFC 3339, or a duration back from now)')
    .option('--to <time>', 'end of the window (default now)');
}

/** The Postgres commands' (activity, locks, cancel, ...) output flags and the login's password (docs/postgres.md). */
export function pgOptions(cmd: Command): Command {
  return outputOptions(cmd).option('--json', 'same as -o json').option('--password-stdin', "read the cluster login's password from stdin (else the stored login or ~/.pgpass)");
}
