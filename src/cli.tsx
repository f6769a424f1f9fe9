#!/usr/bin/env node
// Parses arguments and runs either the interactive TUI or a one-shot command. One-shot paths never load
// Ink or React: the TUI is imported lazily.
import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { describeError, isApiError } from './api/core/errors.js';
import { loadContext, type Context, type GlobalOptions } from './commands/context.js';
import { CommandError, EXIT } from './commands/exit-codes.js';
import { registerCommands } from './commands/register/index.js';
import { exitWith, installProcessHandlers } from './lifecycle.js';
import { PsqlError } from './psql/error.js';
import { requirePlans } from './api/core/write-scope.js';
import { displayLines, oneLine } from './text/safe.js';
import { writeErr } from './text/write.js';
import { loadTui } from './ui/terminal/load.js';
import { untilPostgres } from './pg/gate.js';

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
    // hold up the first rows (`p` waits for it: src/pg/gate.ts), and psql's launcher loads.
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
      // The TUI keeps the completion cache fresh too: from its first lists on, its file written after the first frames.
      void import('./commands/completion-cache.js').then((m) => {
        stopCaching = m.keepCompletionCache(store, ctx);
      });
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

const TUI = Symbol('tui');

/**
 * What the arguments ask of the program before its commands are built: `tui` for options only (`pgtui`,
 * `pgtui --demo --profile x`: the TUI, or a usage error of a global option), else the first word (the command
 * run, or a typo), or `undefined` when `--`, `-` or help come first (every command: help, "did you mean").
 */
function commandWord(program: Command, args: readonly string[]): string | undefined | typeof TUI {
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-' || a === '--' || a === '-h' || a === '--help') return undefined;
    if (!a.startsWith('-')) return a;
    if (takesValue.has(a)) i++;
  }
  return TUI;
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
  // `pgtui` with only global options starts the TUI, which needs none of the subcommands; `pgtui ls` needs only
  // ls (docs/startup.md).
  const word = commandWord(program, process.argv.slice(2));
  if (word === TUI) return program;
  registerCommands(program, (body, check) => action(program, body, check), fail, word);
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
