// A fake IONOS DBaaS PostgreSQL v2: one real HTTP server per regional endpoint (the nine locations of docs/ionos.md §4.1), all
// sharing one FakeClock, one credential set and one store, with per-region fault injection.
import { FakeClock, type Fault, type FakeRateLimit, type ProvisionedLogin, type RecordedRequest } from '../kit.js';
import { TokenBuckets } from '../bucket.js';
import type { FakeV2Cluster, V2Props } from './model.js';
import { IONOS_FAKE_LIMIT, IonosV2RegionServer } from './server.js';
import { LOCATIONS } from './spec.js';
import { DEFAULT_CONTRACT, V2World, type IonosV2Credentials } from './world.js';

export type { FakeV2Cluster, V2Props } from './model.js';
export type { IonosV2Credentials } from './world.js';
export { IonosV2RegionServer } from './server.js';
export { V2World } from './world.js';

export interface IonosV2FakeOptions {
  /** Default 120 a minute per user across all regions (IONOS_FAKE_LIMIT); false turns it off. */
  rateLimit?: FakeRateLimit;
  clock?: FakeClock;
  /** Fake-clock ms a transition takes (PROVISIONING, UPDATING, DESTROYING). Default 6000. */
  transitionMs?: number;
  seed?: number;
  /** Regions to serve (default the nine of docs/ionos.md §4.1). */
  locations?: readonly string[];
  credentials?: Partial<IonosV2Credentials>;
  /** The contract the credentials belong to; other X-Contract-Number values get 403. */
  contractNumber?: string;
  /** Keep `_links.next` on the last page, as observed on the real API (default true). */
  staleNext?: boolean;
  /**
   * Play a server that wants `properties.credentials` on every PUT (422 without them), as ionosctl and Terraform
   * assume when they always send them (docs/fakes.md, IONOS v2). Default false: the SDK marks them optional.
   */
  credentialsOnPut?: boolean;
}

export type IonosV2Request = RecordedRequest & { location: string };

export interface IonosV2Fake {
  /** location ("de/txl") → base URL, ready for IonosV2Profile.endpoints. */
  endpoints: Record<string, string>;
  servers: Record<string, IonosV2RegionServer>;
  clock: FakeClock;
  credentials: IonosV2Credentials;
  contractNumber: string;
  world: V2World;
  /** Adds a cluster in `location` in any state; it stays there until the API changes it. */
  addCluster(location: string, init?: Partial<Omit<FakeV2Cluster, 'properties'>> & { properties?: Partial<V2Props> }): FakeV2Cluster;
  /** `n` deterministic clusters spread round-robin over the regions. */
  seed(n: number): FakeV2Cluster[];
  cluster(id: string): FakeV2Cluster | undefined;
  /** A fault on one region, or on every region when `location` is undefined; returns its remover. */
  inject(location: string | undefined, fault: Fault): () => void;
  clearFaults(): void;
  /** Every request every region received, oldest first, tagged with its region. */
  readonly requests: IonosV2Request[];
  /** Applies due transitions in every region. */
  settle(): void;
  /** Moves the shared clock and settles. */
  advance(ms: number): void;
  onProvision?: (login: ProvisionedLogin) => void;
  stop(): Promise<void>;
}

export const DEFAULT_V2_CREDENTIALS: IonosV2Credentials = {
  username: 'ops@example.com',
  password: 'fake-ionos-password',
  token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-v2.token',
  forbiddenToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.no-dbaas.token',
};

export async function startIonosV2Fake(opts: IonosV2FakeOptions = {}): Promise<IonosV2Fake> {
  const clock = opts.clock ?? new FakeClock();
  const transitionMs = opts.transitionMs ?? 6000;
  const locations = [...(opts.locations ?? LOCATIONS)];
  const credentials = { ...DEFAULT_V2_CREDENTIALS, ...opts.credentials };
  const contractNumber = opts.contractNumber ?? DEFAULT_CONTRACT;
  // One account limit across the nine regional endpoints.
  const limit = opts.rateLimit ?? IONOS_FAKE_LIMIT;
  const buckets = limit ? new TokenBuckets(limit.requests, limit.windowSeconds * 1000) : undefined;
  const world = new V2World(clock, transitionMs, credentials, contractNumber, opts.seed ?? 42);
  world.credentialsOnPut = opts.credentialsOnPut ?? false;
  const servers: Record<string, IonosV2RegionServer> = {};
  const endpoints: Record<string, string> = {};
  const all = () => Object.values(servers);
  try {
    for (const location of locations) {
      const server = new IonosV2RegionServer(location, world, { clock, transitionMs, rateLimit: opts.rateLimit, buckets });
      server.staleNext = opts.staleNext ?? true;
      servers[location] = server;
      endpoints[location] = await server.start();
    }
  } catch (err) {
    await Promise.all(all().map((s) => s.stop()));
    throw err;
  }
  let provision: ((login: ProvisionedLogin) => void) | undefined;
  const fake: IonosV2Fake = {
    endpoints, servers, clock, credentials, contractNumber, world,
    addCluster: (location, init) => {
      if (!servers[location]) throw new Error(`the fake does not serve location ${location}`);
      return world.addCluster(location, init);
    },
    seed: (n) => world.seed(n, locations),
    cluster: (id) => world.clusters.get(id),
    inject(location, fault) {
      const targets = location === undefined ? all() : [servers[location]];
      if (targets.some((t) => !t)) throw new Error(`the fake does not serve location ${location}`);
      // Each server counts `times` on its own copy.
      const removers = targets.map((s) => s!.inject({ ...fault }));
      return () => removers.forEach((r) => r());
    },
    clearFaults: () => all().forEach((s) => s.clearFaults()),
    get requests() {
      return Object.entries(servers)
        .flatMap(([location, s]) => s.requests.map((r) => ({ ...r, location })))
        .sort((a, b) => a.at - b.at);
    },
    settle: () => all().forEach((s) => s.settle()),
    advance(ms) {
      clock.advance(ms);
      this.settle();
    },
    get onProvision() {
      return provision;
    },
    set onProvision(fn) {
      provision = fn;
      for (const s of all()) s.onProvision = fn;
    },
    stop: async () => {
      await Promise.all(all().map((s) => s.stop()));
    },
  };
  return fake;
}
