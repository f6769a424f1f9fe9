// The normalised model every screen and command works with, and the one interface every provider implements.

/**
 * The provider kinds. The core names none: each provider's module.ts adds its own to this interface
 * (`declare module '../types.js' { interface ProviderKinds { 'pgo': true } }`), and src/api/modules.ts lists the
 * modules. Labels are PROVIDER_LABELS in src/api/registry.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ProviderKinds {}
export type ProviderKind = Extract<keyof ProviderKinds, string>;

export type Phase = 'creating' | 'ready' | 'updating' | 'degraded' | 'stopped' | 'deleting' | 'failed' | 'unknown';

/** @public Every phase, in lifecycle order (docs/phases.md). */
export const PHASES: readonly Phase[] = ['creating', 'ready', 'updating', 'degraded', 'stopped', 'deleting', 'failed', 'unknown'];

/** Phases that change on their own; the store polls clusters in them fast. */
export const TRANSITIONAL_PHASES: ReadonlySet<Phase> = new Set<Phase>(['creating', 'updating', 'deleting']);

export interface Cluster {
  profile: string;
  provider: ProviderKind;
  id: string;
  name: string;
  phase: Phase;
  /** The provider's own word for the state (BUSY, PROVISIONING, running, pgcluster Initialized, ...). */
  state: string;
  /** Why a cluster failed or is degraded, when the provider says (IONOS v2 statusMessage, PGO status.message). */
  stateMessage?: string;
  version?: string;
  location?: string;
  size?: string;
  storage?: string;
  instances?: number;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  createdAt?: string;
  /** The provider's object as received, for the detail screen and `--json --raw`. */
  raw: unknown;
}

/** What `verify` proves: who the credentials belong to. */
export interface Identity {
  /** One line for the profiles screen, e.g. "org Acme (3f2a…)" or "user@example.com, contract 123". */
  summary: string;
  /** Discovered values the profile may keep (ClickHouse organizationId, PGO server version, ...). */
  discovered?: Record<string, string>;
}

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface ConnectionInfo {
  host?: string;
  port: number;
  database: string;
  user?: string;
  sslmode: SslMode;
  /** CA file for verify-full. */
  /** The profile's own `connect.sslmode` chose `sslmode`: kept as set (src/pg/tls.ts upgrades only a provider default). */
  sslmodeFromProfile?: boolean;
  sslrootcert?: string;
  /** ClickHouse requires SCRAM channel binding. */
  channelBinding?: 'require';
  /** Known password (from create, reset or the profile); never put it on a command line. */
  password?: string;
  /** Set when pgtui can tell psql will not reach the cluster (no host yet, private LAN, ...). */
  unreachableReason?: string;
}

export type FieldKind = 'text' | 'secret' | 'int' | 'choice' | 'bool';

export interface FieldChoice {
  value: string;
  label?: string;
}

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  default?: string;
  choices?: FieldChoice[];
  /** One line shown beside the field. */
  help?: string;
  unit?: string;
  /** Fields that cannot be changed after create (shown as such in edit forms). */
  immutable?: boolean;
  /** Why this immutable field is fixed, when it is not the form's general reason. */
  lockedReason?: string;
  /** Show only when another field has one of these values, e.g. {key: 'auth', values: ['token']}. */
  showWhen?: { key: string; values: string[] };
}

export type FormValues = Record<string, string>;
/** Field key → one-line reason. The key '' holds errors not tied to one field. */
export type FieldErrors = Record<string, string>;

export interface FormSpec {
  title: string;
  fields: FieldSpec[];
  /** Pure and synchronous: runs on every change in the form and again before submit. */
  validate(values: FormValues): FieldErrors;
}

export interface Backup {
  id: string;
  clusterId: string;
  createdAt?: string;
  earliestRecoveryTargetTime?: string;
  latestRecoveryTargetTime?: string;
  version?: string;
  sizeMB?: number;
  location?: string;
  active?: boolean;
  raw: unknown;
}

/** What `pgtui restore` asks for. */
export interface RestoreRequest {
  backupId?: string;
  /** RFC 3339. */
  targetTime?: string;
  /** For an API that restores into a new cluster: its name. */
  newName?: string;
}

/** A change the edit flow will send, shown in its review step. */
export interface ChangePlan {
  /** Field label → [old, new] as shown to the user. */
  diff: Array<{ key: string; label: string; from: string; to: string }>;
  /** The exact request body, for providers where it matters (IONOS v2 PUT). */
  body?: unknown;
  method: string;
  path: string;
}

/** A part of a list that did not answer while others did (one IONOS v2 region): its clusters are missing. */
export interface ListFailure {
  location: string;
  error: import('./errors.js').ApiError;
}

/** What `Provider.list` returns: every reader takes the parts it needs, nothing rides on the array. */
export interface ListResult {
  /** One cluster per id, in the provider's order. */
  clusters: Cluster[];
  /** Parts that failed while others answered; empty when the whole list came back. A total failure throws instead. */
  failures: ListFailure[];
  /** One line each: items that could not be read, paging that stopped early, duplicate ids. */
  warnings: string[];
  /** Later clusters with an id already listed, kept aside for `get` (which calls the id ambiguous). */
  duplicates: Cluster[];
  /**
   * Per-row extras the list answered without (ClickHouse's hostnames, which list items lack): looks them up when
   * called (a caller that shows no hostnames spends no requests) and resolves to the clusters they completed.
   * Never rejects. The rows are shown without waiting for it.
   */
  extras?: () => Promise<Cluster[]>;
}

export interface Provider {
  readonly kind: ProviderKind;
  readonly profile: string;
  verify(signal?: AbortSignal): Promise<Identity>;
  /** Every page, every region; a big list may report its first page through onProgress while the rest loads. */
  list(signal?: AbortSignal, onProgress?: (soFar: Cluster[]) => void): Promise<ListResult>;
  /** Throws ApiError with kind 'not-found' when the cluster is gone. */
  get(id: string, signal?: AbortSignal): Promise<Cluster>;
  createForm(signal?: AbortSignal): Promise<FormSpec>;
  create(values: FormValues, signal?: AbortSignal): Promise<Cluster>;
  remove(id: string, signal?: AbortSignal): Promise<void>;
  connection(cluster: Cluster): ConnectionInfo;

  /** Edit support (issue 7): the form prefilled from the cluster, a plan for the changes, and applying it. */
  editForm?(cluster: Cluster, signal?: AbortSignal): Promise<FormSpec>;
  planUpdate?(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<ChangePlan>;
  update?(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<Cluster>;

  backups?(clusterId: string, signal?: AbortSignal): Promise<Backup[]>;
  upgradeTargets?(cluster: Cluster, signal?: AbortSignal): Promise<string[]>;
  restart?(id: string, signal?: AbortSignal): Promise<Cluster>;
  /** Makes a read replica a standalone primary (ClickHouse). */
  promote?(id: string, signal?: AbortSignal): Promise<Cluster>;
  /**
   * Restores from a backup or to a point in time (`pgtui restore`): in place where the API restores in place,
   * else into a new cluster (returned). The provider checks which of `backupId`/`targetTime` its API needs.
   */
  restore?(cluster: Cluster, req: RestoreRequest, signal?: AbortSignal): Promise<Cluster>;
  /** Returns the new password; the provider also remembers it for psql. */
  resetPassword?(id: string, signal?: AbortSignal): Promise<string>;

  /** Inside a cluster (issue 16, src/api/core/insight.ts): the newest `query.limit` lines of a window, oldest first. */
  logs?(cluster: Cluster, query: import('./insight.js').LogQuery, signal?: AbortSignal): Promise<import('./insight.js').LogPage>;
  metrics?(cluster: Cluster, range: import('./insight.js').TimeRange, signal?: AbortSignal): Promise<import('./insight.js').MetricSeries[]>;
  /** Worst (most total time) first. */
  slowQueries?(cluster: Cluster, range: import('./insight.js').TimeRange, signal?: AbortSignal): Promise<import('./insight.js').SlowQuery[]>;
  /** One slow query pattern (an id from slowQueries) with its recent executions. */
  slowQueryDetail?(cluster: Cluster, pattern: import('./insight.js').SlowQueryRef, signal?: AbortSignal): Promise<import('./insight.js').SlowQueryDetail>;
  readSettings?(cluster: Cluster, signal?: AbortSignal): Promise<import('./insight.js').SettingsView>;
  /** Merges `changes` (key → value, keys as in SettingsView) into the cluster's settings. */
  updateSettings?(cluster: Cluster, changes: Record<string, string>, signal?: AbortSignal): Promise<import('./insight.js').SettingsResult>;
  /** Fails over to a standby (ClickHouse HA services). */
  switchover?(id: string, signal?: AbortSignal): Promise<Cluster>;
  /** PEM CA bundle that signs the cluster's server certificate, for sslmode=verify-full (src/pg/tls.ts). */
  caCertificates?(id: string, signal?: AbortSignal): Promise<string>;
  /** PGO: each volume and how full it is. */
  diskUsage?(cluster: Cluster, signal?: AbortSignal): Promise<import('./insight.js').DiskUsage[]>;
  /** PGO: whether each instance and endpoint can be reached. */
  reachability?(cluster: Cluster, signal?: AbortSignal): Promise<import('./insight.js').ReachCheck[]>;
  /** PGO: the replicas a failover could promote. */
  failoverTargets?(cluster: Cluster, signal?: AbortSignal): Promise<import('./insight.js').FailoverTarget[]>;
  /** Why a capability whose method this provider lacks is missing, when there is more to say than "not available". */
  missingReason?(cluster: Cluster, capability: import('./capability.js').Capability): string | undefined;

  /** Per-cluster rules on top of which methods exist (src/api/core/capabilities.ts); absent means "whenever it has the method". */
  allows?(cluster: Cluster, capability: import('./capability.js').Capability): boolean;
  /** Why `allows` said no, in one line. */
  refusal?(cluster: Cluster, capability: import('./capability.js').Capability): string | undefined;
}

/** Where providers keep per-cluster connection secrets (create/reset passwords). Backed by the 0600 config. */
export interface SecretStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export function memorySecretStore(): SecretStore {
  const map = new Map<string, string>();
  return {
    get: (k) => map.get(k),
    set: (k, v) => void map.set(k, v),
    delete: (k) => void map.delete(k),
  };
}

export function clusterSecretKey(c: Pick<Cluster, 'profile' | 'id'>): string {
  return `${c.profile}/${c.id}`;
}

/** What the SecretStore keeps per cluster (JSON under clusterSecretKey): what psql needs to log in. */
export interface ClusterSecret {
  user?: string;
  password?: string;
  database?: string;
}

export function readClusterSecret(store: SecretStore, c: Pick<Cluster, 'profile' | 'id'>): ClusterSecret | undefined {
  const text = store.get(clusterSecretKey(c));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ClusterSecret;
  } catch {
    return undefined;
  }
}

/** Merges into what is already stored, so a reset password keeps the known user and database. */
export function writeClusterSecret(store: SecretStore, c: Pick<Cluster, 'profile' | 'id'>, secret: ClusterSecret): void {
  const merged = { ...readClusterSecret(store, c), ...secret };
  store.set(clusterSecretKey(c), JSON.stringify(merged));
}
