// The contract between the polling store and everything that reads it (screens, commands, tests).
import type { Backup, ChangePlan, Cluster, FormSpec, FormValues, Phase, Provider, ProviderKind, RestoreRequest } from '../api/core/types.js';
import type { Profile } from '../api/profile.js';
import type { Capability } from '../api/core/capabilities.js';
import type { CheckResult, Verdict } from '../diagnose/types.js';
import type { DiskUsage, FailoverTarget, LogPage, LogQuery, MetricSeries, ReachCheck, SettingsResult, SettingsView, SlowQuery, SlowQueryDetail, SlowQueryRef, TimeRange } from '../api/core/insight.js';

export interface ProfileHealth {
  profile: string;
  kind: ProviderKind;
  readOnly: boolean;
  /** read-only, protected or normal (src/api/protection.ts); absent means normal unless readOnly. */
  protection?: import('../api/core/protection.js').Protection;
  insecure: boolean;
  status: 'loading' | 'ok' | 'error';
  /** One line, already naming nothing secret. */
  error?: string;
  /** The last list answered but is incomplete or odd (unreadable items, paging stopped early, duplicate ids). */
  warning?: string;
  /** ms epoch of the last successful list. */
  lastRefresh?: number;
  /** ms epoch when the next attempt after an error is due. */
  nextRetryAt?: number;
  /** The request budget, not the refresh setting, sets how often the whole inventory is listed. */
  budgetLimited?: boolean;
  /** How often the whole inventory is listed now, ms. */
  refreshEveryMs?: number;
  clusterCount: number;
}

export interface Transition {
  at: number;
  from: Phase;
  to: Phase;
  fromState: string;
  toState: string;
}

export interface StoreSnapshot {
  /** Every cluster of every profile; a new array only when something visible changed. */
  clusters: readonly Cluster[];
  profiles: readonly ProfileHealth[];
  /** Increments on every emitted change. */
  version: number;
  /** Profiles whose last refresh failed: their clusters are last-known data and must not look healthy. */
  staleProfiles?: readonly string[];
  /** A user action waits for a provider's rate limit: "rate limited by ClickHouse, retrying in 4 s". */
  notice?: string;
  /** Each cluster's health by cluster key, when the store judges health (store-health.ts); a new map only when a verdict changed. */
  health?: ReadonlyMap<string, ClusterHealth>;
}

/** One cluster's health verdict in the snapshot (store-health.ts, docs/diagnose.md). */
export interface ClusterHealth {
  verdict: Verdict;
  /** One line: the check(s) behind the verdict, or why it is unknown. */
  reason: string;
  /** Every check, worst first (the detail screen shows the non-green ones with their evidence and action). */
  checks: readonly CheckResult[];
  /** When this verdict was first reached (ms epoch); unchanged while it holds. */
  since: number;
  /** The provider or the database gave no answer: the time of its last answer (or of the first question). */
  noAnswerSince?: number;
  /** Why the Postgres checks did not run, when they did not. */
  postgresSkipped?: string;
}

export interface ClusterStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): StoreSnapshot;
  start(): void;
  stop(): Promise<void>;
  /** Refresh one profile, or all, now; settles when those lists have answered (or failed). */
  refresh(profile?: string): void | Promise<void>;
  /** Pause polling; returns the function that undoes this pause (a counter: nested pauses are fine). */
  pause(): () => void;
  isPaused(): boolean;
  timeline(clusterKey: string): readonly Transition[];
  /** The applied plans the journal holds, oldest first (docs/plans.md); absent or empty without a journal. */
  journal?(): readonly import('../plan/journal.js').JournalEntry[];
  profileOf(name: string): Profile | undefined;
  provider(profile: string): Provider | undefined;
  /** Whether the cluster's provider can do this to it (src/api/core/capabilities.ts). */
  supports(cluster: Cluster, capability: Capability): boolean;
  /** One line saying why not. */
  unsupportedReason(cluster: Cluster, capability: Capability): string;
  setProfiles(profiles: Profile[]): void;
  /** Keeps one cluster fresh (a state change shown within seconds) while a screen shows it; returns the undo. */
  watch?(clusterKey: string): () => void;

  // Intents. Screens call these; they never call providers or HTTP themselves.
  createForm(profile: string, signal?: AbortSignal): Promise<FormSpec>;
  /** Creates and inserts the new cluster at once (phase creating); fast-polls it until ready. */
  create(profile: string, values: FormValues): Promise<Cluster>;
  /** Marks it deleting at once; it disappears when the provider says it is gone. */
  remove(cluster: Cluster): Promise<void>;
  editForm(cluster: Cluster, signal?: AbortSignal): Promise<FormSpec>;
  planUpdate(cluster: Cluster, values: FormValues): Promise<ChangePlan>;
  update(cluster: Cluster, values: FormValues): Promise<Cluster>;
  backups(cluster: Cluster, signal?: AbortSignal): Promise<Backup[]>;
  upgradeTargets(cluster: Cluster, signal?: AbortSignal): Promise<string[]>;
  restart(cluster: Cluster): Promise<void>;
  promote(cluster: Cluster): Promise<void>;
  resetPassword(cluster: Cluster): Promise<string>;
  /** Switches the primary to its standby (ClickHouse); the cluster is watched until it settles. */
  switchover(cluster: Cluster): Promise<void>;
  /** In place, or into a new cluster (returned, and listed at once); the result is watched until it settles. */
  restore(cluster: Cluster, req: RestoreRequest): Promise<Cluster>;
  /** PGO's health reads: each volume's use, whether each instance and endpoint answers, the replicas a failover could promote. */
  diskUsage(cluster: Cluster, signal?: AbortSignal): Promise<DiskUsage[]>;
  reachability(cluster: Cluster, signal?: AbortSignal): Promise<ReachCheck[]>;
  failoverTargets(cluster: Cluster, signal?: AbortSignal): Promise<FailoverTarget[]>;

  // Inside a cluster (issue 16). `poll` marks a refresh the screen makes by itself (follow, metrics): it runs at the
  // budget's watch priority, below what the user asked for; otherwise at the user's.
  logs(cluster: Cluster, query: LogQuery, opts?: InsightOptions): Promise<LogPage>;
  metrics(cluster: Cluster, range: TimeRange, opts?: InsightOptions): Promise<MetricSeries[]>;
  slowQueries(cluster: Cluster, range: TimeRange, opts?: InsightOptions): Promise<SlowQuery[]>;
  slowQueryDetail(cluster: Cluster, pattern: SlowQueryRef, opts?: InsightOptions): Promise<SlowQueryDetail>;
  readSettings(cluster: Cluster, opts?: InsightOptions): Promise<SettingsView>;
  updateSettings(cluster: Cluster, changes: Record<string, string>): Promise<SettingsResult>;
}

export interface InsightOptions {
  signal?: AbortSignal;
  /** A refresh the screen makes on its own (follow, metrics), not a key the user pressed. */
  poll?: boolean;
}

export function clusterKey(c: Pick<Cluster, 'profile' | 'id'>): string {
  return `${c.profile}/${c.id}`;
}

/** Profiles as the login screen and `pgtui profile` see them. Implemented by src/state/config.ts. */
export interface ProfilesApi {
  /** File profiles plus environment profiles (source 'env', read-only in the file sense). */
  list(): Profile[];
  /** Verifies the credentials against the API first; throws ApiError (with the provider's message) when wrong. */
  verify(profile: Profile, signal?: AbortSignal): Promise<import('../api/core/types.js').Identity>;
  /** Writes atomically, mode 0600; replaces a profile of the same name. */
  save(profile: Profile): Promise<void>;
  remove(name: string): Promise<void>;
}

export interface Settings {
  /** List refresh per profile, seconds; floor 2. */
  refreshSeconds: number;
  psqlPath?: string;
  psqlArgs?: string[];
  readOnly?: boolean;
}

export const DEFAULT_SETTINGS: Settings = { refreshSeconds: 5 };
