#!/usr/bin/env node
// Parses arguments and runs either the interactive TUI or a one-shot command. One-shot paths never load
// Ink or React: the TUI is imported lazily.
import { Command, CommanderError, Help } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { describeError, isApiError } from './api/core/errors.js';
import { loadContext, type Context, type GlobalOptions } from './commands/context.js';
import { PROVIDER_KINDS, profileAddOptions } from './api/registry.js';
import { CommandError, EXIT } from './commands/exit-codes.js';
import { addOperations, outputOptions } from './commands/register.js';
import { exitWith, installProcessHandlers } from './lifecycle.js';
import { PsqlError } from './psql/error.js';
import { requirePlans } from './api/core/write-scope.js';
import { displayLines, oneLine } from './text/safe.js';
import { writeErr } from './text/write.js';
import { loadTui } from './ui/terminal/load.js';
import { untilPostgres } from './demo/postgres-gate.js';

// Signals, a closed stdout pipe and uncaught errors all leave through lifecycle.ts's clean-ups.
installProcessHandlers();
// Every change goes through a plan (docs/plans.md): a write request outside one is refused before it is sent.
requirePlans();

/** A CommandError's own line breaks are meant (a list of problems); anything else unsafe is shown as �. */
const clean = displayLines;

function fail(err: unknown): number {
  if (err instanceof CommandError) {
    writeErr(`pgtui: ${clean(err.message)}\n`);
    return err.code;
  }
  if (err instanceof PsqlError) {
    // Its message quotes the cluster's name and state: provider text, so one line.
    writeErr(`pgtui: ${oneLine(err.message, 2000)}\n`);
    return err.missing ? EXIT.noPsql : EXIT.error;
  }
  if (isApiError(err, 'not-found')) {
    writeErr(`pgtui: ${clean(describeError(err))}\n`);
    return EXIT.notFound;
  }
  if (isApiError(err, 'unsupported')) {
    writeErr(`pgtui: ${clean(describeError(err))}\n`);
    return EXIT.refused;
  }
  writeErr(`pgtui: ${clean(describeError(err))}\n`);
  return EXIT.error;
}

/**
 * Runs a command body with a loaded context, then exits with its code (undici keep-alive would delay exit).
 * `check` sees the arguments first: usage errors and --read-only refusals come before the config, the demo or
 * any request.
 */
function action<A extends unknown[]>(program: Command, body: (ctx: Context, ...args: A) => Promise<number> | number, check?: (...args: A) => void | Promise<void>) {
  return async (...args: A) => {
    const globals = program.opts<GlobalOptions>();
    let ctx: Context | undefined;
    let code: number;
    try {
      await check?.(...args);
      ctx = await loadContext(globals);
      code = await body(ctx, ...args);
    } catch (err) {
      code = fail(err);
    }
    await ctx?.close().catch(() => undefined);
    // Waits for stdout and stderr to drain: exiting earlier truncates a big `ls --json` or a long error in a pipe.
    await exitWith(code);
  };
}

/** --read-only refuses a change before anything is loaded or sent (exit 7). */
function refuseGlobalReadOnly(program: Command, what: string): void {
  if (program.opts<GlobalOptions>().readOnly) throw new CommandError(`--read-only: ${what} is disabled`, EXIT.refused);
}

function connectionPassword(store: import('./state/types.js').ClusterStore, cluster: import('./api/core/types.js').Cluster): string | undefined {
  try {
    return store.provider(cluster.profile)?.connection(cluster).password;
  } catch {
    return undefined; // launching reports it
  }
}

/** Settles once no profile is still loading its first list, or after 3 s, whichever is first. */
function firstLists(store: import('./state/types.js').ClusterStore): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, 3_000);
    timer.unref();
    const unsubscribe = store.subscribe(() => {
      if (store.getSnapshot().profiles.every((p) => p.status !== 'loading')) done();
    });
  });
}

async function interactive(globals: GlobalOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('pgtui: the interactive UI needs a terminal; use pgtui ls, get, wait or psql (pgtui --help)\n');
    return EXIT.usage;
  }
  // The demo takes a moment to start its fakes: say so at once (before Ink is even loaded).
  const starting = globals.demo ? (await import('./ui/terminal/starting.js')).showStarting('starting the demo: fake provider APIs…') : undefined;
  let stopCaching = () => {};
  let ctx: Context;
  try {
    ctx = await loadContext(globals, { tolerant: true });
  } catch (err) {
    starting?.leave();
    throw err;
  }
  try {
    // The first lists are on their way while Ink and React load (the store is a small chunk; the UI is not).
    const { createClusterStore } = await import('./state/store.js');
    const settings = ctx.config.settings();
    const { thresholdsWith } = await import('./diagnose/thresholds.js');
    // Fleet health in the background (docs/diagnose.md "In the TUI"): the thresholds config.json sets.
    const health = { thresholds: thresholdsWith(ctx.config.diagnoseThresholds?.() as never), configDir: ctx.config.dir };
    const store = createClusterStore({ profiles: ctx.profiles, providerFor: (p) => ctx.providerFor(p), settings, readOnly: globals.readOnly, journal: ctx.journal, health });
    store.start();
    // After the first lists and frames (off the first frame's path): the demo's PostgreSQL starts, so that its initdb does not
    // hold up the first rows (`p` waits for it: src/demo/postgres-gate.ts), and psql's launcher loads.
    let launcher: Promise<(cluster: import('./api/core/types.js').Cluster) => Promise<number>> | undefined;
    const psqlLauncher = () =>
      (launcher ??= Promise.all([import('./psql/launch.js'), import('./commands/psql.js')]).then(([{ launchPsqlFor }, { storedLoginWarning }]) => {
        const launch = launchPsqlFor(store, settings, ctx.config.dir);
        return (cluster) => {
          // The terminal is psql's by now: the warning goes above its banner, where the user looks.
          const warning = storedLoginWarning(ctx.config, connectionPassword(store, cluster));
          if (warning) process.stdout.write(`${warning}\n`);
          return launch(cluster);
        };
      }));
    let shown: () => void = () => {};
    const tuiShown = new Promise<void>((resolve) => (shown = resolve));
    void Promise.all([firstLists(store), tuiShown]).then(() => {
      // Once its logins are in, one refresh redraws what shows them (the detail screen's password line).
      void ctx.startDemoPostgres?.().then(() => store.refresh());
      // The Postgres screens (A, L, I) show the demo's seeded workload: it starts once the server is up.
      void ctx.untilDemoSeeded?.().catch(() => undefined);
      void psqlLauncher();
    });
    // issue 17: the TUI keeps the completion cache fresh too (loaded beside the UI, never in its way).
    void import('./commands/completion-cache.js').then((m) => {
      stopCaching = m.keepCompletionCache(store, ctx);
    });
    // A few turns of the event loop before Ink's code runs (it holds the loop ~150 ms): the first list requests
    // connect and go out meanwhile, and the servers answer while Ink loads (docs/startup.md).
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    const { runTui } = await loadTui();
    ctx.config.secretsProblem(); // read now, so that unusable stored logins are in the notice before any `p`
    const notice = [ctx.notice, ...ctx.config.problems].filter(Boolean).join('; ') || undefined;
    const launchPsql = async (cluster: import('./api/core/types.js').Cluster) => {
      // The terminal is psql's by now: the line goes above psql's banner, where the user looks.
      await untilPostgres((line) => process.stdout.write(`pgtui: ${line}\n`));
      return (await psqlLauncher())(cluster);
    };
    starting?.handOver();
    setTimeout(shown, 100).unref(); // its first frames are drawn in the meantime
    return await runTui({ store, profiles: ctx.config, settings, readOnly: Boolean(globals.readOnly), launchPsql, banner: ctx.banner, notice, configDir: ctx.config.dir });
  } catch (err) {
    starting?.leave();
    throw err;
  } finally {
    stopCaching();
    await ctx.close().catch(() => undefined);
  }
}

function build(): Command {
  const program = new Command('pgtui')
    .description('Managed PostgreSQL clusters on IONOS (v1, v2), ClickHouse Cloud and Crunchy PGO 4.3, in one terminal UI')
    .version(pkg.version, '-V, --version')
    .option('--demo', 'use the built-in fake providers (throwaway config; nothing touches yours)')
    .option('--read-only', 'no changes: the UI hides create, edit and delete; create, edit, delete, restart, ... refuse (exit 7)')
    .option('--profile <name>', 'only this profile')
    .option('--config-dir <dir>', 'config directory (default $PGTUI_CONFIG_DIR or ~/.config/pgtui)')
    .showSuggestionAfterError()
    // commander's own usage errors read like every other: "pgtui: unknown option '--foo'" (inherited by subcommands).
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'pgtui: ')) })
    // Every subcommand's --help lists the global options it accepts (--profile, --read-only, --demo, ...).
    .configureHelp({ showGlobalOptions: true })
    .allowExcessArguments()
    .exitOverride()
    .action(async () => {
      let code: number;
      try {
        // `pgtui frobnicate`: commander hands a word that names no command to the default action.
        const [word, next] = program.args;
        if (word === 'help') code = (await import('./commands/unknown.js')).helpFor(program, next);
        else if (word !== undefined) throw (await import('./commands/unknown.js')).unknownCommand(program, word);
        else code = await interactive(program.opts<GlobalOptions>());
      } catch (err) {
        code = fail(err);
      }
      await exitWith(code);
    });

  program
    .command('ls')
    .description('list clusters of every profile')
    .option('--provider <kind>', 'ionos-v1, ionos-v2, clickhouse or pgo')
    .option('--filter <text>', 'only clusters whose name, profile, provider or state contains this')
    .option('--json', 'JSON array of normalised clusters (same as -o json)')
    .option('--raw', "with --json: include each provider's own object")
    .option('--wide', 'more columns (same as -o wide)')
    .option('--health', 'add a HEALTH column (docs/diagnose.md); exit 2 when a cluster is red')
    .option('-w, --watch', 'after the list, print each cluster that changes, appears or goes, until Ctrl-C')
    .option('--timeout <duration>', 'stop listing after this long, keeping what was listed (exit 3)', '60s');
  outputOptions(program.commands.at(-1)!)
    .action(action(program, async (ctx, opts: import('./commands/ls.js').LsOptions) => {
      const { ls } = await import('./commands/ls.js');
      return ls(ctx, opts);
    }, async (opts) => (await import('./commands/ls.js')).checkLs(opts)));

  program
    .command('get <name|id>')
    .description('show one cluster')
    .option('--json', 'JSON object (same as -o json)')
    .option('--raw', "with --json: include the provider's own object")
    .option('--wide', 'every field, also the empty ones (same as -o wide)')
    .option('-w, --watch', 'print the cluster as a row, then a row each time it changes, until Ctrl-C');
  outputOptions(program.commands.at(-1)!)
    .action(action(program, async (ctx, query: string, opts: import('./commands/output.js').OutputFlags & { raw?: boolean; watch?: boolean }) => {
      const { get } = await import('./commands/get.js');
      return get(ctx, query, opts);
    }, async (_query, opts) => (await import('./commands/ls.js')).checkOutput(opts)));

  program
    .command('wait <name|id>')
    .description('wait until a cluster is ready or deleted (progress on stderr)')
    .requiredOption('--for <state>', 'ready or deleted')
    .option('--timeout <duration>', 'give up after this long', '10m')
    .option('--interval <duration>', 'time between polls', '2s')
    .action(action(program, async (ctx, query: string, opts: { for: string; timeout: string; interval: string }) => {
      const { wait } = await import('./commands/wait.js');
      return wait(ctx, query, opts);
    }));

  program
    .command('edit <name|id>')
    .description('change a cluster (size, instances, ...): without --set, list what can change; shows the diff and asks first')
    .option('--set <key=value>', 'a field to change (repeat for more)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--dry-run', 'print the plan (before → after, request, tool/curl line, impact) and stop')
    .option('-y, --yes', 'apply without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('-o, --output <format>', 'json: the plan as JSON')
    .option('--show-body', 'kept for scripts: the plan always shows the request body, secrets masked')
    .option('--password-stdin', 'the database password from stdin, where the API wants it with the change (IONOS v2); never stored')
    .action(action(program, async (ctx, query: string, opts: import('./commands/edit.js').EditOptions & { set: string[] }) => {
      const { edit } = await import('./commands/edit.js');
      return edit(ctx, query, { ...opts, readOnly: program.opts<GlobalOptions>().readOnly });
    }, (_query, opts) => void (opts.set.length > 0 && !opts.dryRun && refuseGlobalReadOnly(program, 'edit'))));

  program
    .command('psql <name|id>')
    .description('open psql on a cluster; arguments after -- go to psql')
    .argument('[psqlArgs...]')
    .allowExcessArguments()
    .action(action(program, async (ctx, query: string, psqlArgs: string[]) => {
      const { psql } = await import('./commands/psql.js');
      // Said to a person waiting at a terminal; a script's stderr gets nothing.
      await untilPostgres((line) => void (process.stderr.isTTY && process.stderr.write(`pgtui: ${line}\n`)));
      return psql(ctx, query, psqlArgs ?? []);
    }));

  // issue 17: create, delete, restart, promote, reset-password, backups, restore, completion (src/commands/register.ts)
  addOperations(program, (body, check) => action(program, body, check), fail);

  // Inside a cluster (issue 16): logs, metrics, slow queries, settings. A provider without the feature: exit 7.
  const windowOptions = (c: Command, since: string) =>
    c
      .option('--since <duration>', `how far back (e.g. 15m, 1h, 7d; default ${since})`)
      .option('--from <time>', 'start of the window (RFC 3339, or a duration back from now)')
      .option('--to <time>', 'end of the window (default now)');
  windowOptions(program.command('logs <name|id>').description('log lines of a cluster, oldest first (ClickHouse, IONOS v1)'), '1h')
    .option('--grep <text>', 'only lines containing this (case-sensitive)')
    .option('--severity <level>', 'only this severity: LOG, WARNING, ERROR, FATAL, ...')
    .option('--limit <n>', 'the newest n lines of the window (default 1000, at most 10000)')
    .option('-f, --follow', 'keep printing new lines as they arrive, like tail -f (Ctrl-C ends)')
    .option('--interval <duration>', 'with --follow: time between polls (default 5s, at least 2s)')
    .option('--json', 'one JSON object per line: at, severity, instance, message')
    .action(action(program, async (ctx, query: string, opts: import('./commands/logs.js').LogsOptions) => (await import('./commands/logs.js')).logs(ctx, query, opts)));
  windowOptions(program.command('metrics <name|id>').description("latest value and a sparkline per metric (the provider's, or what Postgres counts); plain values when piped"), '1h')
    .option('--json', 'every series with its points')
    .action(action(program, async (ctx, query: string, opts: import('./commands/insight-args.js').WindowOptions & { json?: boolean }) => (await import('./commands/metrics.js')).metrics(ctx, query, opts)));
  windowOptions(program.command('slow <name|id>').description("slow query patterns, most total time first (the provider's, or pg_stat_statements)"), '24h')
    .option('--id <queryId>', 'one pattern (an ID from the list): its SQL and recent executions')
    .option('--json', 'JSON array (with --id: the pattern and its executions)')
    .action(action(program, async (ctx, query: string, opts: import('./commands/insight-args.js').WindowOptions & { json?: boolean; id?: string }) => (await import('./commands/slow.js')).slow(ctx, query, opts)));
  program
    .command('config <name|id>')
    .description('PostgreSQL settings of a cluster (pg_settings where the API has none); with --set, checks each value, shows the plan and asks first')
    .option('--set <key=value>', 'a setting to change (repeat for more; PgBouncer ones as pgbouncer.NAME)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--dry-run', 'print the plan (before → after, request, tool/curl line, impact) and stop')
    .option('-y, --yes', 'apply without asking')
    .option('--confirm <name>', "the cluster's exact name: with --yes on a protected profile (docs/plans.md)")
    .option('-o, --output <format>', 'json: the plan (with --set) as JSON')
    .option('--json', 'without --set: the settings and every key with its type, as JSON; with --set: the plan')
    .action(action(program, async (ctx, query: string, opts: import('./commands/config.js').ConfigOptions) =>
      (await import('./commands/config.js')).config(ctx, query, { ...opts, readOnly: program.opts<GlobalOptions>().readOnly })));

  program.command('df <name|id>').description('disk use of each volume of a cluster (Crunchy PGO)').option('--json', 'JSON array')
    .action(action(program, async (ctx, query: string, opts: { json?: boolean }) => (await import('./commands/cluster-health.js')).df(ctx, query, opts)));
  program.command('test <name|id>').description('can each instance and endpoint of a cluster be reached (Crunchy PGO); exit 5 when one cannot').option('--json', 'JSON array')
    .action(action(program, async (ctx, query: string, opts: { json?: boolean }) => (await import('./commands/cluster-health.js')).test(ctx, query, opts)));
  program.command('failover <name|id>').description('the replicas a failover could promote, with their lag (Crunchy PGO); lists only').option('--json', 'JSON array')
    .action(action(program, async (ctx, query: string, opts: { json?: boolean }) => (await import('./commands/cluster-health.js')).failoverTargets(ctx, query, opts)));

  program
    .command('journal')
    .description('the changes pgtui applied (one line per plan): newest last; in --demo, this demo session\'s own')
    .option('--cluster <name>', 'only this cluster (exact name or id)')
    .option('--since <duration>', 'only the last e.g. 24h, 7d, 30m')
    .option('-o, --output <format>', 'json: one array')
    .option('--json', 'same as -o json')
    .action(action(program, async (ctx, opts: import('./commands/journal.js').JournalOptions) => (await import('./commands/journal.js')).journal(ctx, opts)));

  const profile = program.command('profile').description('manage profiles without the UI');
  const add = profile
    .command('add <name>')
    .description('add a profile; credentials are verified before saving (secrets via stdin or environment)')
    .requiredOption('--provider <kind>', `${PROVIDER_KINDS.slice(0, -1).join(', ')} or ${PROVIDER_KINDS.at(-1)}`);
  for (const o of profileAddOptions()) add.option(o.flags, o.description, o.defaultValue);
  add
    .option('--read-only', 'save the profile as read-only: never create, change or delete through it (same as --protection read-only)')
    .option('--protection <level>', 'normal, protected (every change needs the cluster name: --confirm NAME with --yes) or read-only')
    // Its own --read-only is the only one its help lists (the global one would read as a second, other meaning).
    .configureHelp({ showGlobalOptions: true, visibleGlobalOptions: (cmd) => Object.assign(new Help(), { showGlobalOptions: true }).visibleGlobalOptions(cmd).filter((o) => o.long !== '--read-only') })
    .action(action(program, async (ctx, name: string, opts) => {
      const { profileAdd } = await import('./commands/profile.js');
      return profileAdd(ctx, name, opts as import('./commands/profile.js').ProfileAddOptions);
    }));
  profile
    .command('list')
    .option('--json', 'JSON')
    .action(action(program, async (ctx, opts: { json?: boolean }) => (await import('./commands/profile.js')).profileList(ctx, Boolean(opts.json))));
  profile.command('remove <name>').action(action(program, async (ctx, name: string) => (await import('./commands/profile.js')).profileRemove(ctx, name)));
  profile.command('test [name]').description('verify the credentials of one profile, or of every profile without a name').action(action(program, async (ctx, name: string | undefined) => (await import('./commands/profile.js')).profileTest(ctx, name)));
  for (const cmd of [program, ...program.commands, ...profile.commands]) cmd.exitOverride();
  return program;
}

build()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors have already been printed by commander.
      return exitWith(err.exitCode === 0 ? 0 : EXIT.usage);
    }
    return exitWith(fail(err));
  });
