// `pgtui --demo`: the four fake providers in-process on loopback, seeded with clusters in every phase, a
// throwaway config directory holding their profiles, and — when PostgreSQL server binaries are installed — a
// throwaway local PostgreSQL that every demo cluster points at, so `p` opens a real psql session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit } from '../lifecycle.js';
import type { Profile } from '../api/profile.js';
import { openConfig } from '../state/config.js';
import { generateTestPkiAsync, writeTestPki } from '../fake/certs.js';
import { startClickHouseFake } from '../fake/clickhouse.js';
import { FakeClock, type Fault, type FakeServer, type ProvisionedLogin } from '../fake/kit.js';
import { findPostgresBin, startLocalPostgres, type LocalPostgres } from '../fake/local-postgres.js';
import { startPgoFake } from '../fake/pgo.js';
import { startIonosV2Fake } from '../fake/ionos-v2.js';
import { startIonosV1Fake } from '../fake/ionos-v1.js';
import { seedDemoClusters } from '../fake/demo-seed.js';
import { demoProfiles } from './profiles.js';
import { demoPassword, provisionSeeded } from './provision.js';
import { startWorkload, type Workload } from './workload.js';

export interface Demo {
  configDir: string;
  profiles: Profile[];
  /** Why `p` cannot open a real session, when no local PostgreSQL could be started. */
  postgresProblem?: string;
  postgres?: LocalPostgres;
  /** The seeded workload (src/demo/workload.ts), started in the background; undefined when it could not start. */
  workload: Promise<Workload | undefined>;
  stop(): Promise<void>;
}

export interface DemoOptions {
  /** Fake-clock ms a create/update/delete takes (default 8000: long enough to watch, short enough to wait for). */
  transitionMs?: number;
  /** Start a local PostgreSQL when the binaries exist (default true). */
  postgres?: boolean;
  /** Extra clusters per provider, for trying the app at scale. */
  scale?: number;
  /**
   * A demo profile whose fake answers the app's first list (demo-pgo, demo-clickhouse) and then nothing: a
   * provider that stops answering (tests of fleet health; PGTUI_DEMO_HANG).
   */
  hang?: string;
}

export async function startDemo(opts: DemoOptions = {}): Promise<Demo> {
  const transitionMs = opts.transitionMs ?? 8000;
  const clock = new FakeClock();
  const configDir = mkdtempSync(join(tmpdir(), 'pgtui-demo-'));
  // However the process ends, even half-way through start-up: the local PostgreSQL registers its own clean-up.
  const forgetDir = atExit(() => rmSync(configDir, { recursive: true, force: true }));
  const pkiPromise = generateTestPkiAsync({ clientName: 'admin' });

  // PostgreSQL starts in parallel with the fakes; the demo never waits on it for longer than it takes.
  const wantPg = opts.postgres !== false;
  const pgPromise: Promise<LocalPostgres | string> = !wantPg
    ? Promise.resolve('the demo was started without a local PostgreSQL')
    : !findPostgresBin()
      ? Promise.resolve('no PostgreSQL server binaries (initdb, pg_ctl) found, so demo clusters have no database behind them')
      : pkiPromise.then((pki) => startLocalPostgres({ tls: pki.server, statements: true })).catch((err: Error) => `local PostgreSQL did not start: ${err.message}`);

  const sharedPassword = demoPassword();
  const pki = await pkiPromise;
  const [clickhouse, pgo, ionosV2, ionosV1] = await Promise.all([
    startClickHouseFake({ clock, transitionMs, password: () => sharedPassword, caPem: pki.ca.cert }),
    startPgoFake({ clock, transitionMs, pki }),
    startIonosV2Fake({ clock, transitionMs }),
    startIonosV1Fake({ clock, transitionMs }),
  ]);
  const pkiPaths = writeTestPki(join(configDir, 'pgo-tls'), pki);

  const pgOrProblem = await pgPromise;
  const pg = typeof pgOrProblem === 'string' ? undefined : pgOrProblem;
  const connect = pg ? { host: pg.host, port: pg.port, sslmode: 'require' as const } : undefined;

  const profiles = demoProfiles({ clickhouse, pgo, ionosV2, ionosV1 }, pkiPaths, connect);

  seedDemoClusters({ clickhouse, pgo, ionosV2, ionosV1, scale: opts.scale ?? 0 });

  const config = openConfig({ dir: configDir, env: {} });
  for (const p of profiles) await config.save(p);

  // Logins for clusters created during the demo go into the local PostgreSQL as the fakes hand them out.
  const pending = new Set<Promise<void>>();
  const provision = (login: ProvisionedLogin) => {
    if (!pg) return;
    const job = pg.ensureLogins([login]).catch(() => undefined).finally(() => pending.delete(job));
    pending.add(job);
  };
  for (const s of [clickhouse, pgo, ionosV2, ionosV1] as Array<Pick<FakeServer, 'onProvision'>>) s.onProvision = provision;

  if (pg) await provisionSeeded(profiles, config.secrets, pg, sharedPassword);
  // After the demo's own provisioning list: the first request the fake answers is the app's first list.
  if (opts.hang) {
    // How many requests its first list takes: PGO asks the server's version first; ClickHouse's list is one
    // request (the hostnames looked up after it then hang); IONOS's paging may read ahead, so its list may hang too.
    const byProfile: Record<string, (f: Fault) => void> = {
      'demo-ionos': (f) => void ionosV1.inject({ ...f, after: 1 }),
      'demo-ionos-v2': (f) => void ionosV2.inject(undefined, { ...f, after: 1 }),
      'demo-clickhouse': (f) => void clickhouse.inject({ ...f, after: 1 }),
      'demo-pgo': (f) => void pgo.inject({ ...f, after: 2 }),
    };
    byProfile[opts.hang]?.({ hang: true });
  }
  // In the background: the demo's first frame does not wait for its workload.
  const seeding = new AbortController();
  const workload: Promise<Workload | undefined> = pg ? startWorkload(pg, seeding.signal).catch(() => undefined) : Promise.resolve(undefined);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled([...pending]);
      seeding.abort();
      await (await workload)?.stop();
      await Promise.allSettled([clickhouse.stop(), pgo.stop(), ionosV2.stop(), ionosV1.stop(), pg?.stop()]);
      rmSync(configDir, { recursive: true, force: true });
      forgetDir();
      forgetStop();
    })());
  const forgetStop = atExit(stop);
  return {
    configDir,
    profiles,
    postgres: pg,
    workload,
    postgresProblem: typeof pgOrProblem === 'string' ? pgOrProblem : undefined,
    stop,
  };
}
