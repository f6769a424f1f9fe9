// Shared set-up for the IONOS v2 provider tests: nine regional fakes on a frozen clock and a provider pointed at them.
import { expect } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import type { IonosV2Provider } from '../../src/api/ionos-v2/client.js';
import { createProvider } from '../../src/api/registry.js';
import type { IonosV2Profile } from '../../src/api/profile.js';
import { memorySecretStore, type SecretStore } from '../../src/api/core/types.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startIonosV2Fake, type IonosV2Fake, type IonosV2FakeOptions } from '../../src/fake/ionos-v2/fake.js';

export const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 5_000 };

export interface Rig {
  fake: IonosV2Fake;
  provider: IonosV2Provider;
  secrets: SecretStore;
  clock: FakeClock;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function rig(opts: IonosV2FakeOptions = {}, profile: Partial<IonosV2Profile> = {}): Promise<Rig> {
  const clock = opts.clock ?? new FakeClock(0);
  const fake = await startIonosV2Fake({ transitionMs: 6_000, seed: 7, ...opts, clock });
  const secrets = memorySecretStore();
  const provider = makeProvider(fake, secrets, profile);
  return {
    fake,
    provider,
    secrets,
    clock,
    advance: (ms) => fake.advance(ms),
    async close() {
      await provider.close();
      await fake.stop();
    },
  };
}

export function makeProvider(fake: IonosV2Fake, secrets: SecretStore = memorySecretStore(), profile: Partial<IonosV2Profile> = {}): IonosV2Provider {
  // Through createProvider, as the app builds it: errors are named with the profile there (registry.ts).
  return createProvider(
    {
      kind: 'ionos-v2', name: 'v2', endpoints: fake.endpoints, username: fake.credentials.username, password: fake.credentials.password,
      timeoutMs: 3_000, ...profile,
    },
    { secrets, retry: FAST_RETRY },
  ) as IonosV2Provider;
}

export const NEW_CLUSTER = {
  location: 'de/fra',
  name: 'cms-prod',
  description: 'Production PostgreSQL cluster',
  version: '17',
  instances: '1',
  cores: '2',
  ram: '4',
  storageSize: '20',
  replicationMode: 'ASYNCHRONOUS',
  connectionPooler: 'TRANSACTION',
  datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003',
  lanId: '2',
  primaryInstanceAddress: '192.168.2.101/24',
  maintenanceDay: 'Tuesday',
  maintenanceTime: '10:00:00',
  backupLocation: 'eu-central-3',
  retentionDays: '14',
  username: 'my_dbuser',
  password: 'P@ssw0rd123',
  database: 'my_database',
  logsEnabled: 'true',
  metricsEnabled: 'false',
};

export async function apiError(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** A raw request to one regional fake. */
export async function raw(
  fake: IonosV2Fake,
  location: string,
  method: string,
  path: string,
  body?: unknown,
  auth: string | undefined = `Basic ${Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')}`,
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = auth;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(fake.endpoints[location] + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
