// Shared set-up for the PGO tests: one PKI per file, a fake on the fake clock, PEM files on disk, a profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgoProvider } from '../../src/api/pgo/client.js';
import type { PgoProfile } from '../../src/api/profile.js';
import { memorySecretStore, type SecretStore } from '../../src/api/core/types.js';
import { writeTestPki, type TestPki, type TestPkiPaths } from '../../src/fake/certs.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startPgoFake, type PgoFake, type PgoFakeOptions } from '../../src/fake/pgo/fake.js';

export const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 200 };
export const T = 6000;

export interface Rig {
  fake: PgoFake;
  clock: FakeClock;
  paths: TestPkiPaths;
  profile: PgoProfile;
  secrets: SecretStore;
  provider(overrides?: Partial<PgoProfile>): PgoProvider;
  /** Advances the fake clock and applies due transitions. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function rig(pki: TestPki, opts: PgoFakeOptions = {}): Promise<Rig> {
  const clock = new FakeClock(0); // frozen: only advance() moves it
  const fake = await startPgoFake({ clock, transitionMs: T, pki, ...opts });
  const dir = mkdtempSync(join(tmpdir(), 'pgtui-pgo-'));
  const paths = writeTestPki(dir, pki, { strangers: true });
  const secrets = memorySecretStore();
  const profile: PgoProfile = {
    kind: 'pgo',
    name: 'kube',
    apiUrl: fake.url,
    namespace: fake.namespace,
    caCert: paths.caCert,
    clientCert: paths.clientCert,
    clientKey: paths.clientKey,
    username: fake.username,
    password: fake.password,
    timeoutMs: 3000,
  };
  const made: PgoProvider[] = [];
  return {
    fake,
    clock,
    paths,
    profile,
    secrets,
    provider(overrides = {}) {
      const p = new PgoProvider({ ...profile, ...overrides }, { secrets, retry: FAST_RETRY });
      made.push(p);
      return p;
    },
    advance(ms) {
      clock.advance(ms);
      fake.settle();
    },
    async close() {
      await Promise.all(made.map((p) => p.close()));
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
