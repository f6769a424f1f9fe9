// IONOS DBaaS PostgreSQL v1: one global endpoint, Basic or Bearer auth, X-Contract-Number, offset paging with no
// total (pages asked a few at a time until a short one), PATCH as a partial update, BUSY that means creating
// or updating depending on whether the cluster was ever AVAILABLE.
import { alreadyGone, ApiError, throwIfInvalid } from '../core/errors.js';
import { HttpClient, type RequestOptions } from '../core/http.js';
import { FreshReads } from '../core/fresh-reads.js';
import { ionosConnection, ionosHttp } from '../ionos-shared/client-kit.js';
import type { ProviderDeps } from '../core/profile-common.js';
import type { IonosV1Profile } from './profile.js';
import { collectPages } from '../core/paging.js';
import { finishList, problemsWarning, type ItemProblem } from '../core/list-result.js';
import {
  writeClusterSecret,
  type Backup, type ChangePlan, type Cluster, type ConnectionInfo, type FormSpec, type FormValues, type Identity, type Provider, type ListResult, type RestoreRequest,
} from '../core/types.js';
import { IONOS_V1_URL, PAGE_CONCURRENCY, PAGE_LIMIT } from './catalog.js';
import { createFormSpec, createProperties, editFormSpec, planPatch, validateCreate, validateEdit } from './forms.js';
import { LOGS_LIMIT_MAX, LOGS_MAX_AGE_MS, decodeLogs, keep } from './logs.js';
import type { LogPage, LogQuery } from '../core/insight.js';
import { decodeBackupPage, decodeCluster, decodeClusterItems, decodeVersions, toBackup, toCluster, type V1Cluster } from './mapping.js';


/** The SDK convention: IONOS_API_URL=https://api.ionos.com works as well as the full base path. */
export function v1BaseUrl(apiUrl: string | undefined): string {
  if (!apiUrl) return IONOS_V1_URL;
  const trimmed = apiUrl.replace(/\/+$/, '');
  return /\/databases\/postgresql$/.test(trimmed) || !/^https?:\/\/api\.ionos\.com$/.test(trimmed) ? trimmed : `${trimmed}/databases/postgresql`;
}

export class IonosV1Provider implements Provider {
  readonly kind = 'ionos-v1' as const;
  readonly profile: string;
  private readonly http: HttpClient;
  /** Clusters seen AVAILABLE at least once: their BUSY means updating, not creating. */
  private readonly seenAvailable = new Set<string>();
  /** Decoded pages by their items' JSON (see pageClusters). */
  private readonly pages = new Map<string, { clusters: Cluster[]; problems: ItemProblem[] }>();
  private listedOnce = false;

  constructor(
    private readonly prof: IonosV1Profile,
    private readonly deps: ProviderDeps,
  ) {
    this.profile = prof.name;
    this.http = new HttpClient(ionosHttp(prof, deps, v1BaseUrl(prof.apiUrl)));
  }

  async verify(signal?: AbortSignal): Promise<Identity> {
    const page = decodeClusterItems(await this.call({ method: 'GET', path: '/clusters', query: { limit: 1, offset: 0 }, signal }), 0, []);
    const who = this.prof.token ? 'API token' : (this.prof.username ?? 'anonymous');
    const contract = this.prof.contractNumber ? `, contract ${this.prof.contractNumber}` : '';
    return { summary: `${who}${contract}${page.length ? '' : ', no clusters yet'}` };
  }

  async list(signal?: AbortSignal, onProgress?: (soFar: Cluster[]) => void): Promise<ListResult> {
    const problems: ItemProblem[] = [];
    const { items, stopped } = await collectPages(
      (offset, limit) => this.call({ method: 'GET', path: '/clusters', query: { offset, limit }, signal }),
      (body, offset) => this.pageClusters(body, offset, problems),
      { limit: PAGE_LIMIT, concurrency: PAGE_CONCURRENCY, onFirstPage: onProgress, keyOf: (c) => c.id, what: 'clusters' },
    );
    this.listedOnce = true;
    return finishList(this.profile, items, [problemsWarning(this.profile, problems), stopped && `${this.profile}: ${stopped}`]);
  }

  /**
   * A page's clusters. A page whose items are exactly as last time (the usual poll: only the collection's own id
   * changes) gives back the same Cluster objects without decoding, and the store skips them by identity.
   */
  private pageClusters(body: unknown, offset: number, problems: ItemProblem[]): Cluster[] {
    const items = body && typeof body === 'object' ? (body as { items?: unknown }).items : undefined;
    // Nothing to match on the first list: keying it would only delay the first screen.
    const key = items === undefined || !this.listedOnce ? undefined : `${offset}:${JSON.stringify(items)}`;
    const known = key === undefined ? undefined : this.pages.get(key);
    if (known) {
      for (const p of known.problems) problems.push(p);
      return known.clusters;
    }
    const mine: ItemProblem[] = [];
    const clusters = decodeClusterItems(body, offset, mine).map((c) => this.toCluster(c));
    for (const p of mine) problems.push(p);
    if (key !== undefined) {
      if (this.pages.size >= 500) this.pages.clear();
      this.pages.set(key, { clusters, problems: mine });
    }
    return clusters;
  }

  async get(id: string, signal?: AbortSignal): Promise<Cluster> {
    return this.toCluster(await this.read(id, signal, false));
  }

  async createForm(signal?: AbortSignal): Promise<FormSpec> {
    return createFormSpec(await this.versions('/clusters/postgresversions', signal));
  }

  async create(values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    throwIfInvalid(validateCreate(values));
    // POST is not idempotent: never retried, so a slow answer cannot create the cluster twice.
    const raw = decodeCluster(await this.call({ method: 'POST', path: '/clusters', body: { properties: createProperties(values) }, signal }));
    const cluster = this.toCluster(raw);
    writeClusterSecret(this.deps.secrets, cluster, { user: values.username, password: values.password, database: 'postgres' });
    return cluster;
  }

  async remove(id: string, signal?: AbortSignal): Promise<void> {
    this.reads.forget(id);
    await this.call({ method: 'DELETE', path: clusterPath(id), signal, expect: 'none' }).catch(alreadyGone);
  }

  connection(cluster: Cluster): ConnectionInfo {
    return ionosConnection(this.prof, this.deps.secrets, cluster);
  }

  async editForm(cluster: Cluster, signal?: AbortSignal): Promise<FormSpec> {
    const raw = await this.read(cluster.id, signal);
    const versions = await this.clusterVersions(raw.id, signal).catch(() => []);
    return editFormSpec(raw, versions);
  }

  async planUpdate(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<ChangePlan> {
    return planPatch(await this.read(cluster.id, signal), values, clusterPath(cluster.id));
  }

  /** PATCH with only the changed fields: v1 leaves everything else as it is. */
  async update(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    const raw = await this.read(cluster.id, signal);
    throwIfInvalid(validateEdit(raw, values));
    const plan = planPatch(raw, values, clusterPath(raw.id));
    if (plan.diff.length === 0) return this.toCluster(raw);
    this.reads.forget(raw.id);
    return this.toCluster(decodeCluster(await this.call({ method: 'PATCH', path: plan.path, body: plan.body, signal })));
  }

  async backups(clusterId: string, signal?: AbortSignal): Promise<Backup[]> {
    const { items } = await collectPages(
      (offset, limit) => this.call({ method: 'GET', path: `${clusterPath(clusterId)}/backups`, query: { offset, limit }, signal }),
      decodeBackupPage,
      { limit: PAGE_LIMIT, concurrency: 2, what: 'backups' },
    );
    return items.map(toBackup);
  }

  /** POST /clusters/{id}/restore (202, in place): from one of the contract's backups, to a time within it when given. */
  async restore(cluster: Cluster, req: RestoreRequest, signal?: AbortSignal): Promise<Cluster> {
    if (!req.backupId) throw new ApiError('restore needs --backup ID (pgtui backups NAME lists them)', { kind: 'validation' });
    const body = { backupId: req.backupId, ...(req.targetTime ? { recoveryTargetTime: req.targetTime } : {}) };
    await this.call({ method: 'POST', path: `${clusterPath(cluster.id)}/restore`, body, signal, expect: 'none' });
    return this.get(cluster.id, signal);
  }

  /** Versions newer than the cluster's among those the API offers for it. */
  async upgradeTargets(cluster: Cluster, signal?: AbortSignal): Promise<string[]> {
    const versions = await this.clusterVersions(cluster.id, signal);
    const now = Number(cluster.version ?? 0);
    return versions.filter((v) => Number(v) > now).sort((a, b) => Number(a) - Number(b));
  }

  /**
   * The newest lines of the window over every instance. The API has no filter, so grep/severity apply to the
   * newest 5000 lines per instance it returns; the note says so when a filter was given.
   */
  async logs(cluster: Cluster, query: LogQuery, signal?: AbortSignal): Promise<LogPage> {
    const now = Date.now();
    // A minute inside the API's 30 days, so that the request is not refused for a clock a little ahead of ours.
    const start = Math.max(query.from.getTime(), now - LOGS_MAX_AGE_MS + 60_000);
    const end = Math.min(query.to.getTime(), now);
    const filtered = Boolean(query.grep || query.severity);
    const limit = Math.min(LOGS_LIMIT_MAX, filtered ? LOGS_LIMIT_MAX : query.limit + 1);
    const q = { start: new Date(start).toISOString(), end: new Date(end).toISOString(), direction: 'BACKWARD', limit };
    const { lines, bad } = decodeLogs(await this.call({ method: 'GET', path: `${clusterPath(cluster.id)}/logs`, query: q, signal }));
    const matching = lines.filter(keep(query)).sort((a, b) => b.at.localeCompare(a.at));
    const kept = matching.slice(0, query.limit).reverse();
    const notes = [
      filtered ? `IONOS v1 cannot filter logs: pgtui filtered the newest ${limit} lines of each instance` : '',
      start > query.from.getTime() ? 'IONOS v1 keeps 30 days of logs: the window starts 30 days back' : '',
      bad ? `${bad} log messages could not be read and were skipped` : '',
    ].filter(Boolean);
    return { lines: kept, truncated: matching.length > query.limit, note: notes.join('; ') || undefined };
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private toCluster(raw: V1Cluster): Cluster {
    if ((raw.metadata?.state ?? '').toUpperCase() === 'AVAILABLE') this.seenAvailable.add(raw.id);
    return toCluster(this.profile, raw, this.seenAvailable.has(raw.id));
  }

  private readonly reads = new FreshReads<V1Cluster>();

  /** `reuse`: an edit's form, plan and update share the read its lookup just made (fresh-reads.ts). */
  private read(id: string, signal?: AbortSignal, reuse = true): Promise<V1Cluster> {
    return this.reads.read(id, async () => decodeCluster(await this.call({ method: 'GET', path: clusterPath(id), signal })), reuse);
  }

  /** Whether the API answered 404 to /clusters/{id}/versions (an older API): then only the deprecated path is asked. */
  private noVersionsPath = false;

  /**
   * A cluster's PostgreSQL versions from /clusters/{clusterId}/versions, which the API reference lists in place of
   * the deprecated /clusters/{id}/postgresversions; the old path is the fallback when the new one answers 404
   * (docs/ionos.md, "Versions").
   */
  private async clusterVersions(id: string, signal?: AbortSignal): Promise<string[]> {
    if (!this.noVersionsPath) {
      try {
        return await this.versions(`${clusterPath(id)}/versions`, signal);
      } catch (err) {
        if (!(err instanceof ApiError) || err.kind !== 'not-found') throw err;
        this.noVersionsPath = true;
      }
    }
    return this.versions(`${clusterPath(id)}/postgresversions`, signal);
  }

  private async versions(path: string, signal?: AbortSignal): Promise<string[]> {
    return decodeVersions(await this.call({ method: 'GET', path, signal }));
  }

  private async call<T = unknown>(req: RequestOptions): Promise<T> {
    if (!this.prof.token && !this.prof.username) {
      throw new ApiError('the profile has no IONOS username/password or token', { kind: 'config' });
    }
    return this.http.json<T>(req);
  }
}

function clusterPath(id: string): string {
  return `/clusters/${encodeURIComponent(id)}`;
}
