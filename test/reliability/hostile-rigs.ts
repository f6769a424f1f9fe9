// One fake per provider, made hostile (hostile.ts), with the profile that points at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../../src/api/profile.js';
import { writeTestPki } from '../../src/fake/certs.js';
import { startClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { startIonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { startIonosV2Fake } from '../../src/fake/ionos-v2/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startPgoFake } from '../../src/fake/pgo/fake.js';
import { HOSTILE, makeHostile } from './hostile.js';
import { testPki } from './rigs.js';

export interface HostileRig {
  kind: Profile['kind'];
  profile: Profile;
  secrets: string[];
  /** Turns hostility off and on (a state change between polls makes a timeline entry). */
  setHostile(on: boolean): void;
  /** Makes the next requests fail with this status and a hostile message in the provider's error body. */
  failWith(status: number): void;
  clear(): void;
  stop(): Promise<void>;
}

const TIMEOUT_MS = 3000;

export async function hostileRigs(): Promise<HostileRig[]> {
  const rigs: HostileRig[] = [];
  const wrap = (servers: Array<Parameters<typeof makeHostile>[0]>, keep?: (key: string) => boolean) => {
    const ctl = servers.map((s) => makeHostile(s, { keep }));
    return (on: boolean) => ctl.forEach((c) => c.set(on));
  };
  {
    const fake = await startIonosV1Fake({ clock: new FakeClock(0) });
    fake.seed(2);
    const { username, password } = fake.credentials;
    rigs.push({
      kind: 'ionos-v1',
      profile: { kind: 'ionos-v1', name: 'bad-v1', apiUrl: fake.url, username, password, contractNumber: fake.contractNumber, timeoutMs: TIMEOUT_MS },
      secrets: [password],
      setHostile: wrap([fake]),
      failWith: (status) => void fake.inject({ status, message: HOSTILE }),
      clear: () => fake.clearFaults(),
      stop: () => fake.stop(),
    });
  }
  {
    const fake = await startIonosV2Fake({ clock: new FakeClock(0) });
    fake.seed(2);
    const { username, password } = fake.credentials;
    rigs.push({
      kind: 'ionos-v2',
      profile: { kind: 'ionos-v2', name: 'bad-v2', endpoints: fake.endpoints, username, password, contractNumber: fake.contractNumber, timeoutMs: TIMEOUT_MS },
      secrets: [password],
      setHostile: wrap(Object.values(fake.servers)),
      failWith: (status) => void fake.inject(undefined, { status, message: HOSTILE }),
      clear: () => fake.clearFaults(),
      stop: () => fake.stop(),
    });
  }
  {
    const fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 11 });
    fake.seedServices(2);
    rigs.push({
      kind: 'clickhouse',
      profile: { kind: 'clickhouse', name: 'bad-ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: TIMEOUT_MS },
      secrets: [fake.keySecret],
      setHostile: wrap([fake]),
      failWith: (status) => void fake.inject({ status, message: HOSTILE }),
      clear: () => fake.clearFaults(),
      stop: () => fake.stop(),
    });
  }
  {
    const fake = await startPgoFake({ clock: new FakeClock(0), pki: testPki(), seed: 12 });
    fake.seedClusters(2);
    const caDir = mkdtempSync(join(tmpdir(), 'pgtui-hostile-pki-'));
    const paths = writeTestPki(caDir, testPki(), { strangers: true });
    rigs.push({
      kind: 'pgo',
      profile: {
        kind: 'pgo', name: 'bad-pgo', apiUrl: fake.url, namespace: fake.namespace, username: fake.username, password: fake.password,
        caCert: paths.caCert, clientCert: paths.clientCert, clientKey: paths.clientKey, timeoutMs: TIMEOUT_MS,
      },
      secrets: [fake.password],
      setHostile: wrap([fake], (k) => k === 'Code'),
      failWith: (status) => void fake.inject({ status, message: HOSTILE }),
      clear: () => fake.clearFaults(),
      async stop() {
        await fake.stop();
        rmSync(caDir, { recursive: true, force: true });
      },
    });
  }
  return rigs;
}
