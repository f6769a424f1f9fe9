// Shared set-up for the ClickHouse provider tests: a fake on a frozen clock and a provider pointed at it.
import type { ClickHouseProvider } from '../../src/api/clickhouse/client.js';
import { createProvider } from '../../src/api/registry.js';
import type { ClickHouseProfile } from '../../src/api/profile.js';
import { memorySecretStore, type SecretStore } from '../../src/api/core/types.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startClickHouseFake, type ClickHouseFake, type ClickHouseFakeOptions } from '../../src/fake/clickhouse/fake.js';

export const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 5_000 };

export interface Rig {
  fake: ClickHouseFake;
  provider: ClickHouseProvider;
  secrets: SecretStore;
  clock: FakeClock;
  /** Moves the fake clock and applies due transitions. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function rig(
  opts: ClickHouseFakeOptions = {},
  profile: Partial<ClickHouseProfile> = {},
): Promise<Rig> {
  const clock = opts.clock ?? new FakeClock(0);
  const fake = await startClickHouseFake({ rateLimit: false, transitionMs: 6_000, seed: 7, ...opts, clock });
  const secrets = memorySecretStore();
  const provider = makeProvider(fake, secrets, profile);
  return {
    fake,
    provider,
    secrets,
    clock,
    advance(ms) {
      clock.advance(ms);
      fake.settle();
    },
    async close() {
      await provider.close();
      await fake.stop();
    },
  };
}

export function makeProvider(fake: ClickHouseFake, secrets: SecretStore, profile: Partial<ClickHouseProfile> = {}): ClickHouseProvider {
  // Through createProvider, as the app builds it: errors are named with the profile there (registry.ts).
  return createProvider(
    { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3_000, ...profile },
    { secrets, retry: FAST_RETRY },
  ) as ClickHouseProvider;
}

export const NEW_SERVICE = {
  mode: 'new',
  name: 'my postgres',
  provider: 'aws',
  region: 'us-west-2',
  postgresVersion: '18',
  size: 'r8gd.large',
  haType: 'async',
  tags: 'env=prod,team=db',
};
