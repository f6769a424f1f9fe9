// `pgtui --demo`: the four fake providers in-process on loopback, seeded with clusters in every phase, a
// throwaway config directory holding their profiles, and — when PostgreSQL server binaries are installed — a
// throwaway local PostgreSQL that every demo cluster points at, so `p` opens a real psql session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit } from '../lifecycle.js';
import type { Profile } from '../api/profile.js';
import { createProvider } from '../api/registry.js';
import { writeClusterSecret } from '../api/types.js';
import { openConfig } from '../state/config.js';
import { generateTestPkiAsync, writeTestPki } from './certs.js';
import { startClickHouseFake } from './clickhouse.js';
import { FakeClock, type FakeServer, type ProvisionedLogin } from './kit.js';
import { findPostgresBin, startLocalPostgres, type LocalPostgres } from './local-postgres.js';
import { startPgoFake } from './pgo.js';
import { startIonosV2Fake } from './ionos-v2.js';
import { startIonosV1Fake } from './ionos-v1.js';
import { seedDemoClusters } from './demo-seed.js';

export interface Demo {
  configDir: string;
  profiles: Profile[];
  /** Why `p` cannot open a real session, when no local PostgreSQL could be started. */
  postgresProblem?: string;
  postgres?: LocalPostgres;
  stop(): Promise<void>;
}

export interface DemoOptions {
  /** Fake-clock ms a create/update/delete takes (default 8000: long enough to watch, short enough to wait for). */
  transitionMs?: number;
  /** Start a local PostgreSQL when the binaries exist (default true). */
  postgres?: boolean;
  /** Extra clusters per provider, for trying the app at scale. */
  scale?: number;
}

const DEMO_PASSWORD_LENGTH = 20;

function demoPassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < DEMO_PASSWORD_LENGTH; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return `${out}1aA`;
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
      : pkiPromise.then((pki) => startLocalPostgres({ tls: pki.server })).catch((err: Error) => `local PostgreSQL did not start: ${err.message}`);

  const sharedPassword = demoPassword();
  const pki = await pkiPromise;
  const [clickhouse, pgo, ionosV2, ionosV1] = await Promise.all([
    startClickHouseFake({ clock, transitionMs, password: () => sharedPassword }),
    startPgoFake({ clock, transitionMs, pki }),
    startIonosV2Fake({ clock, transitionMs }),
    startIonosV1Fake({ clock, transitionMs }),
  ]);
  const pkiPaths = writeTestPki(join(configDir, 'pgo-tls'), pki);

  const pgOrProblem = await pgPromise;
  const pg = typeof pgOrProblem === 'string' ? undefined : pgOrProblem;
  const connect = pg ? { host: pg.host, port: pg.port, sslmode: 'require' as const } : undefined;

  const profiles: Profile[] = [
    {
      name: 'demo-ionos', kind: 'ionos-v1', source: 'demo', apiUrl: ionosV1.url, username: ionosV1.credentials.username,
      password: ionosV1.credentials.password, contractNumber: ionosV1.contractNumber, connect,
    },
    {
      name: 'demo-ionos-v2', kind: 'ionos-v2', source: 'demo', endpoints: ionosV2.endpoints, username: ionosV2.credentials.username,
      password: ionosV2.credentials.password, contractNumber: ionosV2.contractNumber, connect,
    },
    { name: 'demo-clickhouse', kind: 'clickhouse', source: 'demo', apiUrl: clickhouse.url, keyId: clickhouse.keyId, keySecret: clickhouse.keySecret, connect },
    {
      name: 'demo-pgo', kind: 'pgo', source: 'demo', apiUrl: pgo.url, namespace: pgo.namespace, username: pgo.username, password: pgo.password,
      caCert: pkiPaths.caCert, clientCert: pkiPaths.clientCert, clientKey: pkiPaths.clientKey, connect,
    },
  ];

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

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled([...pending]);
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
    postgresProblem: typeof pgOrProblem === 'string' ? pgOrProblem : undefined,
    stop,
  };
}

/** Gives every seeded cluster a login in the local PostgreSQL and remembers it, as if pgtui had created it. */
async function provisionSeeded(profiles: Profile[], secrets: ReturnType<typeof openConfig>['secrets'], pg: LocalPostgres, sharedPassword: string): Promise<void> {
  // A role has one password, so clusters that share a user share its password. ClickHouse services all log in
  // as `postgres`, with the one password the ClickHouse fake hands out in the demo.
  const passwords = new Map<string, string>([['postgres', sharedPassword]]);
  const passwordOf = (user: string) => passwords.get(user) ?? passwords.set(user, demoPassword()).get(user)!;
  const logins = new Map<string, ProvisionedLogin>();
  await Promise.all(
    profiles.map(async (profile) => {
      const provider = createProvider(profile, { secrets });
      const clusters = await provider.list().catch(() => []);
      for (const cluster of clusters) {
        const info = provider.connection(cluster);
        const user = info.user ?? 'demo';
        const database = info.database || 'postgres';
        const password = passwordOf(user);
        writeClusterSecret(secrets, cluster, { user, password, database });
        logins.set(`${user}\u0000${database}`, { user, password, database });
      }
    }),
  );
  await pg.ensureLogins([...logins.values()]);
}
