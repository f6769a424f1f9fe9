// One fake per provider, seeded, and the profile that points at it: the reliability suite runs the same
// faults against every provider through the same three doors (provider, store/TUI, one-shot command).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../../src/api/profile.js';
import { HOST_GETS_PER_LIST } from '../../src/api/clickhouse/client.js';
import { startClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { generateTestPki, writeTestPki, type TestPki } from '../../src/fake/certs.js';
import { FakeClock, type Fault } from '../../src/fake/kit.js';
import { startPgoFake } from '../../src/fake/pgo/fake.js';
import { startIonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { startIonosV2Fake } from '../../src/fake/ionos-v2/fake.js';

export interface Rig {
  kind: Profile['kind'];
  profile: Profile;
  /** Secrets that must never show up in any output. */
  secrets: string[];
  clusterCount: number;
  /** HTTP requests one full list takes (IONOS v2 asks nine regions). */
  requestsPerList: number;
  inject(fault: Fault): void;
  clear(): void;
  requests(): number;
  /** 429s the fake answered because of its provider's rate limit (on by default; injected faults not counted). */
  throttled(): number;
  stop(): Promise<void>;
}

export const TIMEOUT_MS = 1500;

/** Every fake enforces its provider's rate limit unless a suite says `{ limits: false }` (fault injection). */
export interface RigOptions {
  limits?: false;
}
let pki: TestPki | undefined;
export const testPki = () => (pki ??= generateTestPki({ clientName: 'admin' }));

export async function clickhouseRig(count = 5, opts: RigOptions = {}): Promise<Rig> {
  // The rate limit is on (10 requests per 10 s per key, counted in real time): pgtui must stay within it.
  const fake = await startClickHouseFake({ clock: new FakeClock(0), seed: 11, ...(opts.limits === false ? { rateLimit: false } : {}) });
  fake.seedServices(count);
  return {
    kind: 'clickhouse',
    profile: { kind: 'clickhouse', name: 'rel-ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: TIMEOUT_MS },
    secrets: [fake.keySecret],
    clusterCount: count,
    // The list, and the first lists' GETs completing hostnames (src/api/clickhouse/client.ts).
    requestsPerList: 1 + Math.min(HOST_GETS_PER_LIST, count),
    inject: (f) => void fake.inject(f),
    clear: () => fake.clearFaults(),
    requests: () => fake.requests.length,
    throttled: () => fake.throttled,
    stop: () => fake.stop(),
  };
}

export async function pgoRig(count = 5, opts: RigOptions = {}): Promise<Rig & { caDir: string; paths: ReturnType<typeof writeTestPki> }> {
  const fake = await startPgoFake({ clock: new FakeClock(0), pki: testPki(), seed: 12, ...(opts.limits === false ? { rateLimit: false } : {}) });
  fake.seedClusters(count);
  const caDir = mkdtempSync(join(tmpdir(), 'pgtui-rel-pki-'));
  const paths = writeTestPki(caDir, testPki(), { strangers: true });
  return {
    kind: 'pgo',
    profile: {
      kind: 'pgo', name: 'rel-pgo', apiUrl: fake.url, namespace: fake.namespace, username: fake.username, password: fake.password,
      caCert: paths.caCert, clientCert: paths.clientCert, clientKey: paths.clientKey, timeoutMs: TIMEOUT_MS,
    },
    secrets: [fake.password],
    clusterCount: count,
    requestsPerList: 1,
    caDir,
    paths,
    inject: (f) => void fake.inject(f),
    clear: () => fake.clearFaults(),
    requests: () => fake.requests.length,
    throttled: () => fake.throttled,
    async stop() {
      await fake.stop();
      rmSync(caDir, { recursive: true, force: true });
    },
  };
}

export async function ionosV1Rig(count = 5, opts: RigOptions = {}): Promise<Rig> {
  const fake = await startIonosV1Fake({ clock: new FakeClock(0), ...(opts.limits === false ? { rateLimit: false } : {}) });
  fake.seed(count);
  const { username, password } = fake.credentials;
  return {
    kind: 'ionos-v1',
    profile: { kind: 'ionos-v1', name: 'rel-v1', apiUrl: fake.url, username, password, contractNumber: fake.contractNumber, timeoutMs: TIMEOUT_MS },
    secrets: [password],
    clusterCount: count,
    requestsPerList: 1,
    inject: (f) => void fake.inject(f),
    clear: () => fake.clearFaults(),
    requests: () => fake.requests.length,
    throttled: () => fake.throttled,
    stop: () => fake.stop(),
  };
}

export async function ionosV2Rig(count = 5, opts: RigOptions = {}): Promise<Rig> {
  const fake = await startIonosV2Fake({ clock: new FakeClock(0), ...(opts.limits === false ? { rateLimit: false } : {}) });
  fake.seed(count);
  const { username, password } = fake.credentials;
  return {
    kind: 'ionos-v2',
    profile: { kind: 'ionos-v2', name: 'rel-v2', endpoints: fake.endpoints, username, password, contractNumber: fake.contractNumber, timeoutMs: TIMEOUT_MS },
    secrets: [password],
    clusterCount: count,
    requestsPerList: Object.keys(fake.endpoints).length,
    inject: (f) => void fake.inject(undefined, f),
    clear: () => fake.clearFaults(),
    requests: () => fake.requests.length,
    throttled: () => Object.values(fake.servers).reduce((n, s) => n + s.throttled, 0),
    stop: () => fake.stop(),
  };
}

/** Counts what the suite tried and what it saw handled, printed as one tally line per file. */
export class Tally {
  private readonly tried = new Map<string, number>();
  private readonly handled = new Map<string, number>();
  /** Call at the start of a case. */
  try(what: string): void {
    this.tried.set(what, (this.tried.get(what) ?? 0) + 1);
  }
  /** Call when the case's assertions all passed. */
  ok(what: string): void {
    this.handled.set(what, (this.handled.get(what) ?? 0) + 1);
  }
  line(title: string): string {
    const parts = [...this.tried].map(([k, n]) => `${k}: ${this.handled.get(k) ?? 0}/${n} handled`);
    const all = [...this.tried].every(([k, n]) => (this.handled.get(k) ?? 0) === n);
    return `TALLY ${title}: ${parts.join(', ')}${all ? ' — all handled' : ' — SOME NOT HANDLED'}`;
  }
}
