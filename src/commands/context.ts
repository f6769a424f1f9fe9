// What every command needs: the config, the chosen profiles, and providers built from them.
import type { Profile } from '../api/profile.js';
import { createProvider, providerModules } from '../api/registry.js';
import type { Provider } from '../api/core/types.js';
import { join } from 'node:path';
import { openJournal, stateDir, type Journal } from '../plan/journal.js';
import { openConfig, type Config } from '../state/config.js';
import { CommandError, EXIT } from './exit-codes.js';
import { setPostgresGate, STARTING_LINE } from '../pg/gate.js';
import { withinCleanupDeadline } from '../lifecycle.js';

export interface GlobalOptions {
  demo?: boolean;
  readOnly?: boolean;
  profile?: string;
  configDir?: string;
}

export interface Context {
  config: Config;
  /** The profiles this run works on (all, or the one named by --profile). */
  profiles: Profile[];
  providerFor(p: Profile): Provider;
  banner?: string;
  notice?: string;
  /** Where applied plans are recorded (docs/plans.md): the state directory, or the demo's throwaway one. */
  journal: Journal;
  /**
   * --demo: starts the demo's PostgreSQL and its seeded workload if need be (the TUI does, once its first frame is
   * on its way); settles when the workload is seeded. Nothing needs to wait for it before a Postgres session:
   * src/pg/session.ts does.
   */
  untilDemoSeeded?(): Promise<unknown>;
  /** --demo: starts the demo's PostgreSQL in the background (the TUI does, once its first frame is on its way); settles when its logins are in. */
  startDemoPostgres?(): Promise<void>;
  close(): Promise<void>;
}

export interface LoadOptions {
  /** The TUI: an unusable config.json becomes its notice (with no saved profiles) instead of an error. */
  tolerant?: boolean;
}

type Demo = import('../demo/start.js').Demo;

export async function loadContext(opts: GlobalOptions, load: LoadOptions = {}): Promise<Context> {
  let stopDemo: (() => Promise<void>) | undefined;
  let dir = opts.configDir;
  let notice: string | undefined;
  let demo: Demo | undefined;
  if (opts.demo) {
    const { startDemo } = await import('../demo/start.js');
    // PGTUI_DEMO_TRANSITION_MS: how long demo creates/deletes take (tests shorten it). Its PostgreSQL starts only
    // for what needs it (src/pg/gate.ts): `ls` and `get` never wait for it.
    // PGTUI_DEMO_HANG: a demo profile whose provider stops answering after the app's first list (fleet health tests).
    demo = await startDemo({ transitionMs: Number(process.env.PGTUI_DEMO_TRANSITION_MS) || undefined, postgres: 'on-demand', hang: process.env.PGTUI_DEMO_HANG || undefined });
    const started = demo;
    stopDemo = () => started.stop();
    dir = demo.configDir;
    notice = demo.postgresProblem;
  }
  let config: Config;
  try {
    config = openConfig({ dir, verify: (p, signal) => createProvider(p, { secrets: config.secrets }).verify(signal) });
    // A one-shot command on a config.json it cannot use would list nothing and look fine: it stops instead.
    const unreadable = config.unreadable();
    if (unreadable && !load.tolerant) throw new CommandError(unreadable, EXIT.error);
  } catch (err) {
    await stopDemo?.();
    throw err;
  }
  let profiles = config.list();
  if (opts.profile) {
    profiles = profiles.filter((p) => p.name === opts.profile);
    if (profiles.length === 0) {
      await stopDemo?.();
      throw new CommandError(`no profile named ${opts.profile} (see pgtui profile list)`, EXIT.usage);
    }
  }
  const providers = new Map<string, Provider>();
  // The demo's journal lives in its throwaway directory, so a demo session shows its own changes only.
  const journal = openJournal(opts.demo && dir ? join(dir, 'state') : stateDir());
  // The demo's logins are stored through this config, so that its cached secrets see them.
  const demoPostgres = demo && (() => demo.postgresReady(config.secrets));
  // Whatever connects waits here (src/pg/gate.ts): psql for the server and its logins, a Postgres
  // session (src/pg/session.ts) for the seeded workload too.
  const forgetGate = demo && setPostgresGate(
    async (say) => {
      if (!demo.postgres) say?.(STARTING_LINE);
      await demoPostgres!();
    },
    () => demo.workload,
  );
  return {
    config,
    profiles,
    providerFor(p) {
      let provider = providers.get(p.name);
      if (!provider) {
        provider = createProvider(p, { secrets: config.secrets });
        providers.set(p.name, provider);
      }
      return provider;
    },
    banner: opts.demo ? 'demo' : undefined,
    journal,
    notice,
    untilDemoSeeded: demo && (() => {
      void demoPostgres!().catch(() => undefined); // started with this config's secrets before the workload asks
      return demo.workload;
    }),
    startDemoPostgres: demoPostgres && (() => demoPostgres().then(() => undefined, () => undefined)),
    async close() {
      forgetGate?.();
      // Bounded: a demo clean-up that hangs must not keep pgtui from leaving (the demo's PostgreSQL has its own
      // watchdog, and exitWith runs the same stop again under its deadline).
      if (stopDemo) await withinCleanupDeadline(stopDemo());
    },
  };
}

/** What a one-shot says when there is no profile at all (as the TUI's first-run screen does): how to add one. */
export function noProfiles(): CommandError {
  const env = [...new Set(providerModules().map((m) => m.envHint).filter(Boolean))].join('; ');
  return new CommandError(
    `no profile is configured. Add one with: pgtui profile add NAME --provider KIND (pgtui profile add --help), or set ${env}; or try pgtui --demo`,
    EXIT.usage,
  );
}
