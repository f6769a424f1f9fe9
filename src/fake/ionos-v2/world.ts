// The state every regional v2 fake server shares: clusters (each in one location), backups, versions and backup
// locations, credentials, and the lifecycle rules (docs/ionos.md §7): POST PROVISIONING→AVAILABLE, PUT UPDATING→AVAILABLE,
// DELETE DESTROYING→gone, 409 on a PUT while the cluster is not AVAILABLE.
import { FakeClock, seeded, uuid, type ProvisionedLogin } from '../kit.js';
import { HttpFail } from '../ionos-shared/errors.js';
import { dnsNameFor, isoTime, seedShape, type FakeBackup, type FakeV2Cluster, type V2Props } from './model.js';
import { checkProperties, type Catalog } from './validate.js';

export interface IonosV2Credentials {
  username: string;
  password: string;
  token: string;
  /** A valid token that lacks rights on DBaaS: every request gets 403. */
  forbiddenToken: string;
}

export interface FakeVersion {
  id: string;
  version: string;
  status: string;
  comment: string;
  canUpgradeTo: string[];
}

type Later = (delayMs: number, apply: () => void) => void;

export const DEFAULT_CONTRACT = '11274857';
const BACKUP_LOCATIONS = ['de', 'eu-central-2', 'eu-central-3', 'eu-central-4', 'eu-south-2'];
const VERSIONS: Array<[string, string, string[]]> = [
  ['14', 'DEPRECATED', ['15', '16', '17']],
  ['15', 'SUPPORTED', ['16', '17']],
  ['16', 'SUPPORTED', ['17']],
  ['17', 'RECOMMENDED', []],
  ['18', 'BETA', []],
];

export class V2World {
  readonly clusters = new Map<string, FakeV2Cluster>();
  readonly backups = new Map<string, FakeBackup>();
  readonly versions: FakeVersion[];
  readonly backupLocations: Array<{ id: string; location: string }>;
  readonly rand: () => number;
  readonly userId: string;
  private seededCount = 0;
  /** IonosV2FakeOptions.credentialsOnPut. */
  credentialsOnPut = false;

  constructor(
    readonly clock: FakeClock,
    readonly transitionMs: number,
    readonly credentials: IonosV2Credentials,
    readonly contract: string,
    seed: number,
  ) {
    this.rand = seeded(seed);
    this.userId = uuid(this.rand);
    this.versions = VERSIONS.map(([version, status, canUpgradeTo]) => ({ id: uuid(this.rand), version, status, comment: `PostgreSQL ${version}`, canUpgradeTo }));
    this.backupLocations = BACKUP_LOCATIONS.map((location) => ({ id: uuid(this.rand), location }));
  }

  get catalog(): Catalog {
    return { versions: this.versions.map((v) => v.version), backupLocations: this.backupLocations.map((b) => b.location) };
  }

  /** Adds a cluster in any state; it stays in that state (added clusters do not transition on their own). */
  addCluster(location: string, init: Partial<Omit<FakeV2Cluster, 'properties'>> & { properties?: Partial<V2Props> } = {}): FakeV2Cluster {
    const base = seedShape(this.rand, this.clusters.size, this.clock.now());
    const state = init.state ?? 'AVAILABLE';
    const c: FakeV2Cluster = {
      id: init.id ?? uuid(this.rand),
      location,
      contract: init.contract ?? this.contract,
      state,
      createdDate: init.createdDate ?? base.createdDate!,
      createdByUserId: this.userId,
      credentials: init.credentials ?? { username: 'dbadmin', password: 'S3cret!pass', database: 'app' },
      backupShape: init.backupShape ?? 'nested',
      ...init,
      dnsName: 'dnsName' in init ? init.dnsName : state === 'PROVISIONING' ? undefined : dnsNameFor(this.rand, location),
      statusMessage: init.statusMessage ?? (state === 'FAILED' ? 'Provisioning failed: the LAN is not reachable.' : undefined),
      properties: { ...base.properties, ...init.properties },
    };
    this.clusters.set(c.id, c);
    if (state === 'AVAILABLE' || state === 'UPDATING') this.backupFor(c);
    return c;
  }

  /** `count` deterministic clusters spread round-robin over `locations`. */
  seed(count: number, locations: readonly string[]): FakeV2Cluster[] {
    const out: FakeV2Cluster[] = [];
    for (let i = 0; i < count; i++) {
      const n = this.seededCount++;
      const shape = seedShape(this.rand, n, this.clock.now());
      out.push(this.addCluster(locations[n % locations.length]!, shape));
    }
    return out;
  }

  inRegion(location: string, contract: string): FakeV2Cluster[] {
    return [...this.clusters.values()].filter((c) => c.location === location && c.contract === contract);
  }

  find(location: string, contract: string, id: string): FakeV2Cluster {
    const c = this.clusters.get(id);
    if (!c || c.location !== location || c.contract !== contract) throw new HttpFail(404, `Cluster with ID ${id} not found`);
    return c;
  }

  create(location: string, contract: string, body: unknown, later: Later): { cluster: FakeV2Cluster; login: ProvisionedLogin } {
    const props = (body as { properties?: unknown } | undefined)?.properties;
    const { props: p, backupShape, credentials, restore } = checkProperties(props, false, this.catalog);
    if (restore?.sourceBackupId && !this.backups.has(restore.sourceBackupId)) {
      throw new HttpFail(422, `properties.restoreFromBackup.sourceBackupId: backup ${restore.sourceBackupId} not found`);
    }
    const now = isoTime(this.clock.now());
    const c: FakeV2Cluster = {
      id: uuid(this.rand), location, contract, state: 'PROVISIONING', createdDate: now, lastModifiedDate: now,
      createdByUserId: this.userId, properties: p, credentials: credentials!, backupShape,
    };
    this.clusters.set(c.id, c);
    later(this.transitionMs, () => {
      if (this.clusters.get(c.id) !== c || c.state !== 'PROVISIONING') return;
      c.state = 'AVAILABLE';
      c.dnsName = dnsNameFor(this.rand, location);
      this.backupFor(c);
    });
    return { cluster: c, login: { user: c.credentials.username, password: c.credentials.password, database: c.credentials.database } };
  }

  /** PUT: a full replace of `properties` (absent ones get defaults), then UPDATING → AVAILABLE. */
  ensure(c: FakeV2Cluster, body: unknown, later: Later): { cluster: FakeV2Cluster; login?: ProvisionedLogin } {
    const b = body as { id?: unknown; properties?: unknown } | undefined;
    if (!b || typeof b !== 'object') throw new HttpFail(400, 'The request body must be a JSON object');
    if (b.id !== c.id) throw new HttpFail(422, `id: must be present and equal the cluster id in the path (${c.id})`);
    const { props, credentials, restore } = checkProperties(b.properties, true, this.catalog, c.backupShape);
    if (this.credentialsOnPut && !credentials) throw new HttpFail(422, 'properties.credentials: required; the API does not return them on GET, send them with every PUT');
    if (c.state !== 'AVAILABLE') throw new HttpFail(409, `Cluster ${c.id} is ${c.state}; changes are accepted only when it is AVAILABLE`);
    if (!props.backup.location) props.backup.location = c.properties.backup.location;
    if (props.backup.location !== c.properties.backup.location) throw new HttpFail(422, `properties.${c.backupShape === 'flat' ? 'backupLocation' : 'backup.location'}: is immutable`);
    if (c.backupShape === 'flat') props.backup.retentionDays = c.properties.backup.retentionDays;
    if (props.instances.storageSize < c.properties.instances.storageSize) {
      throw new HttpFail(422, `properties.instances.storageSize: cannot shrink from ${c.properties.instances.storageSize} GB to ${props.instances.storageSize} GB`);
    }
    if (props.version !== c.properties.version) {
      const from = this.versions.find((v) => v.version === c.properties.version);
      if (!from?.canUpgradeTo.includes(props.version)) {
        throw new HttpFail(422, `properties.version: cannot change from ${c.properties.version} to ${props.version}`);
      }
    }
    c.properties = props;
    if (credentials) c.credentials = credentials;
    c.lastModifiedDate = isoTime(this.clock.now());
    c.state = 'UPDATING';
    later(this.transitionMs, () => {
      if (this.clusters.get(c.id) === c && c.state === 'UPDATING') c.state = 'AVAILABLE';
    });
    void restore; // an in-place restore is just another UPDATING cycle here
    const login = credentials ? { user: credentials.username, password: credentials.password, database: credentials.database } : undefined;
    return { cluster: c, login };
  }

  destroy(c: FakeV2Cluster, later: Later): void {
    if (c.state === 'DESTROYING') return;
    c.state = 'DESTROYING';
    later(this.transitionMs, () => {
      if (this.clusters.get(c.id) !== c) return;
      this.clusters.delete(c.id);
      for (const b of this.backups.values()) {
        if (b.clusterId === c.id && b.isActive) {
          b.isActive = false;
          b.latestRecoveryTargetTime = isoTime(this.clock.now());
        }
      }
    });
  }

  backupsIn(location: string, contract: string, clusterId?: string): FakeBackup[] {
    return [...this.backups.values()].filter((b) => b.location === location && b.contract === contract && (!clusterId || b.clusterId === clusterId));
  }

  private backupFor(c: FakeV2Cluster): void {
    const id = uuid(this.rand);
    const at = isoTime(Math.max(Date.parse(c.createdDate), this.clock.now() - 7 * 86_400_000));
    this.backups.set(id, {
      id, clusterId: c.id, location: c.location, contract: c.contract, version: c.properties.version, isActive: true,
      createdDate: at, earliestRecoveryTargetTime: at, latestRecoveryTargetTime: null, backupLocation: c.properties.backup.location,
    });
  }
}
