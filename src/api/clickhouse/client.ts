// ClickHouse Cloud Managed Postgres (beta API, /v1/organizations/{org}/postgres): Basic auth with an API key,
// one organisation per key, no pagination, passwords only in create and reset responses.
import { alreadyGone, ApiError, throwIfInvalid } from '../core/errors.js';
import { DEFAULT_RETRY, HttpClient, sleep } from '../core/http.js';
import { budgetOf, type RatePolicy } from '../core/budget-profile.js';
import type { ProviderDeps } from '../core/profile-common.js';
import type { ClickHouseProfile } from './profile.js';
import {
  readClusterSecret, writeClusterSecret,
  type ChangePlan, type Cluster, type ConnectionInfo, type FormSpec, type FormValues, type Identity, type Provider, type ListResult, type RestoreRequest as PgtuiRestore,
} from '../core/types.js';
import { NAME_MAX, PORT } from './catalog.js';
import { finishList, problemsWarning, type ItemProblem } from '../core/list-result.js';

/** The service list is one unpaged response: it may be bigger than one object's cap (~150,000 services). */
const LIST_MAX_BYTES = 64 * 1024 * 1024;
export { HOST_GETS_PER_LIST } from './hosts.js';
import type { Capability } from '../core/capabilities.js';
import { ServiceHosts } from './hosts.js';
import { checkSetting, type LogPage, type LogQuery, type MetricSeries, type SettingsResult, type SettingsView, type SlowQuery, type SlowQueryDetail, type SlowQueryRef, type TimeRange } from '../core/insight.js';
import {
  LOGS_PAGE_MAX, METRIC_POINTS_MAX, PGBOUNCER_MAX, PGBOUNCER_PREFIX, PG_SETTINGS, SLOW_LIMIT, WINDOW_MAX_MS, decodeLogs, decodeMetrics, decodeSlowQueries, decodeSlowQueryDetail,
} from './insight.js';
import { createFormSpec, createRequest, editFormSpec, patchFor, validateCreate, validateEdit } from './forms.js';
import {
  decodeOrganizations, decodePassword, decodeService, decodeServiceItems, errorMessage, toCluster, type PgService, type PgTag,
} from './mapping.js';

/** What a ClickHouse request carries (http-plain.ts names it when refusing plain http). */
export const CLICKHOUSE_LOGIN = 'the ClickHouse API key (Basic auth)';
export const CLICKHOUSE_DEFAULT_URL = 'https://api.clickhouse.cloud';

export interface ReadReplicaRequest {
  name: string;
  tags?: PgTag[];
}

export interface RestoreRequest {
  name: string;
  /** RFC 3339 UTC. */
  restoreTarget: string;
  tags?: PgTag[];
}

export interface PgInstanceConfig {
  pgConfig: Record<string, string | number>;
  pgBouncerConfig: Record<string, string>;
  message?: string;
}

/** Documented: 10 requests per 10 s per API key, 429 + X-RateLimit-Reset beyond it (docs/polling-store.md). */
export const CLICKHOUSE_RATE: RatePolicy<ClickHouseProfile> = {
  limits: { requests: 10, windowMs: 10_000 },
  throttledBy: 'ClickHouse',
  credential: (p) => `clickhouse:${p.apiUrl ?? ''}:${p.keyId}`,
};

export class ClickHouseProvider implements Provider {
  readonly kind = 'clickhouse' as const;
  readonly profile: string;
  private readonly http: HttpClient;
  private orgId?: string;
  private orgLookup?: Promise<string>;
  /** Hostnames list items lack (clickhouse/hosts.ts). */
  private readonly hosts = new ServiceHosts();

  constructor(
    private readonly prof: ClickHouseProfile,
    private readonly deps: ProviderDeps,
  ) {
    this.profile = prof.name;
    this.orgId = prof.organizationId || undefined;
    this.http = new HttpClient({
      budget: budgetOf(prof, CLICKHOUSE_RATE),
      baseUrl: prof.apiUrl || CLICKHOUSE_DEFAULT_URL,
      auth: { type: 'basic', username: prof.keyId, password: prof.keySecret },
      timeoutMs: prof.timeoutMs,
      retry: deps.retry,
      dispatcher: deps.dispatcher,
      plainHttp: { insecure: prof.insecure, login: CLICKHOUSE_LOGIN },
      errorMessage,
    });
  }

  /** The organisation this provider talks to (the profile's, or the one the key belongs to). */
  get organizationId(): string | undefined {
    return this.orgId;
  }

  async verify(signal?: AbortSignal): Promise<Identity> {
    const orgs = decodeOrganizations(await this.call({ method: 'GET', path: '/v1/organizations', signal }));
    if (orgs.length === 0) throw new ApiError('the API key sees no organisation', { kind: 'forbidden' });
    const org = this.orgId ? orgs.find((o) => o.id === this.orgId) : orgs[0];
    if (!org) {
      throw new ApiError(`the API key does not belong to organisation ${this.orgId}`, { kind: 'forbidden' });
    }
    const discovered = !this.prof.organizationId;
    this.orgId = org.id;
    return {
      summary: `org ${org.name ?? '(unnamed)'} (${org.id.slice(0, 8)}…)`,
      discovered: discovered ? { organizationId: org.id } : undefined,
    };
  }

  async list(signal?: AbortSignal): Promise<ListResult> {
    const problems: ItemProblem[] = [];
    const services = decodeServiceItems(await this.call({ method: 'GET', path: await this.base(signal), signal, maxBytes: LIST_MAX_BYTES }), problems);
    const listed = finishList(this.profile, services.map((s) => this.cluster(s)), [problemsWarning(this.profile, problems)]);
    // The list answers at once; hostnames it lacks are looked up after it (clickhouse/hosts.ts).
    const get = async (id: string) => decodeService(await this.http.json({ method: 'GET', path: await this.servicePath(id, signal), signal }));
    const extras = this.hosts.followUp(services, get, (s) => this.cluster(s), signal);
    return extras ? { ...listed, extras } : listed;
  }

  async get(id: string, signal?: AbortSignal): Promise<Cluster> {
    return this.cluster(decodeService(await this.call({ method: 'GET', path: await this.servicePath(id, signal), signal })));
  }

  async createForm(signal?: AbortSignal): Promise<FormSpec> {
    return createFormSpec((await this.list(signal)).clusters);
  }

  async create(values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    throwIfInvalid(validateCreate(values));
    const req = createRequest(values);
    if (req.mode === 'replica') return this.createReadReplica(req.sourceId, req.body as unknown as ReadReplicaRequest, signal);
    if (req.mode === 'restore') return this.restoreService(req.sourceId, req.body as unknown as RestoreRequest, signal);
    const body = await this.call({ method: 'POST', path: await this.base(signal), body: req.body, signal });
    return this.created(decodeService(body));
  }

  /** POST /postgres/{id}/readReplica: a new, read-only service following `primaryId`. */
  async createReadReplica(primaryId: string, req: ReadReplicaRequest, signal?: AbortSignal): Promise<Cluster> {
    const path = `${await this.servicePath(primaryId, signal)}/readReplica`;
    return this.created(decodeService(await this.call({ method: 'POST', path, body: req, signal })));
  }

  /** POST /postgres/{id}/restoredService: a new service from `sourceId`'s backups at `restoreTarget`. */
  async restoreService(sourceId: string, req: RestoreRequest, signal?: AbortSignal): Promise<Cluster> {
    const path = `${await this.servicePath(sourceId, signal)}/restoredService`;
    return this.created(decodeService(await this.call({ method: 'POST', path, body: req, signal })));
  }

  /** `pgtui restore`: a new service from this one's backups at --to (the API has no backup ids). */
  async restore(cluster: Cluster, req: PgtuiRestore, signal?: AbortSignal): Promise<Cluster> {
    if (req.backupId) throw new ApiError('this API restores to a point in time, not from a backup id: use --to TIME', { kind: 'validation' });
    if (!req.targetTime) throw new ApiError('restore needs --to TIME (it creates a new service from the backups at that time)', { kind: 'validation' });
    const name = req.newName ?? restoredName(cluster.name);
    return this.restoreService(cluster.id, { name, restoreTarget: req.targetTime }, signal);
  }

  async remove(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.call({ method: 'DELETE', path: await this.servicePath(id, signal), signal, expect: 'none' });
    } catch (err) {
      alreadyGone(err);
    }
  }

  connection(cluster: Cluster): ConnectionInfo {
    const secret = readClusterSecret(this.deps.secrets, cluster);
    const over = this.prof.connect ?? {};
    const host = over.host ?? cluster.host ?? this.hosts.hostname(cluster.id);
    const info: ConnectionInfo = {
      host,
      port: over.port ?? PORT,
      database: secret?.database ?? 'postgres',
      user: secret?.user ?? cluster.user ?? 'postgres',
      sslmode: over.sslmode ?? 'require',
      channelBinding: 'require',
      password: secret?.password,
    };
    if (over.sslrootcert) info.sslrootcert = over.sslrootcert;
    if (over.sslmode) info.sslmodeFromProfile = true;
    if (!host) info.unreachableReason = 'the service has no hostname yet (the list does not include it; refresh its details)';
    return info;
  }

  async editForm(cluster: Cluster): Promise<FormSpec> {
    return editFormSpec(cluster);
  }

  async planUpdate(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<ChangePlan> {
    const { diff, body } = patchFor(cluster, values);
    return { diff, body, method: 'PATCH', path: await this.servicePath(cluster.id, signal) };
  }

  async update(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    throwIfInvalid(validateEdit(cluster, values));
    const plan = await this.planUpdate(cluster, values, signal);
    if (plan.diff.length === 0) return cluster;
    return this.cluster(decodeService(await this.call({ method: 'PATCH', path: plan.path, body: plan.body, signal })));
  }

  async restart(id: string, signal?: AbortSignal): Promise<Cluster> {
    return this.command(id, 'restart', signal);
  }

  /** Turns a read replica into a standalone primary. */
  async promote(id: string, signal?: AbortSignal): Promise<Cluster> {
    return this.command(id, 'promote', signal);
  }

  /**
   * Only a read replica (isPrimary false) can be promoted, and a live read replica takes no edit (the server
   * answers 400); only a service with a standby (haType not none) switches over.
   */
  allows(cluster: Cluster, capability: Capability): boolean {
    const raw = cluster.raw as { isPrimary?: unknown; haType?: unknown } | undefined;
    if (capability === 'promote') return raw?.isPrimary === false;
    if (capability === 'edit') return raw?.isPrimary !== false;
    if (capability === 'switchover') return typeof raw?.haType === 'string' && raw.haType !== 'none';
    return true;
  }

  refusal(cluster: Cluster, capability: Capability): string | undefined {
    if (this.allows(cluster, capability)) return undefined;
    if (capability === 'switchover') return `${cluster.name} has no standby (high availability is off): nothing to switch over to`;
    if (capability === 'edit') return `${cluster.name} is a read replica: ClickHouse Cloud refuses changes to a live read replica (promote it first)`;
    return `${cluster.name} is not a read replica: only a read replica can be promoted`;
  }

  /** The newest `query.limit` lines of the window (at most 30 days, the API's limit), paged by offset, oldest first. */
  async logs(cluster: Cluster, query: LogQuery, signal?: AbortSignal): Promise<LogPage> {
    const path = `${await this.servicePath(cluster.id, signal)}/logs`;
    const to = query.to.getTime();
    const from = Math.max(query.from.getTime(), to - WINDOW_MAX_MS);
    const want = query.limit + 1; // one more than asked says whether older lines were left out
    const lines: LogPage['lines'] = [];
    let bad = 0;
    // Bounded: each page brings up to LOGS_PAGE_MAX lines, and the loop ends at `want` or at a short page.
    for (let offset = 0, pages = 0; lines.length < want && pages <= Math.ceil(want / LOGS_PAGE_MAX); pages++) {
      const limit = Math.min(LOGS_PAGE_MAX, want - lines.length);
      const params = new URLSearchParams({ from_date: new Date(from).toISOString(), to_date: new Date(to).toISOString(), sort_order: 'desc', limit: String(limit), offset: String(offset) });
      if (query.grep) params.set('body_contains', query.grep);
      if (query.severity) params.set('severity', query.severity);
      const page = decodeLogs(await this.subCall(cluster.id, 'logs', { method: 'GET', path: `${path}?${params}`, signal }));
      lines.push(...page.lines);
      bad += page.bad;
      offset += page.lines.length + page.bad;
      if (page.lines.length + page.bad < limit) break;
    }
    const truncated = lines.length > query.limit;
    const kept = lines.slice(0, query.limit).sort((a, b) => a.at.localeCompare(b.at));
    const notes = [
      from > query.from.getTime() ? 'ClickHouse Cloud keeps 30 days of logs: the window starts 30 days back' : '',
      bad ? `${bad} log entries could not be read and were skipped` : '',
    ].filter(Boolean);
    return { lines: kept, truncated, note: notes.join('; ') || undefined };
  }

  /** One bucket per series point; the bucket grows with the window so that no series passes the API's 250 points. */
  async metrics(cluster: Cluster, range: TimeRange, signal?: AbortSignal): Promise<MetricSeries[]> {
    const span = Math.max(1, (range.to.getTime() - range.from.getTime()) / 1000);
    const bucket = Math.max(60, Math.ceil(span / METRIC_POINTS_MAX));
    const params = new URLSearchParams({ from_date: range.from.toISOString(), to_date: range.to.toISOString(), bucket_size_seconds: String(bucket) });
    return decodeMetrics(await this.subCall(cluster.id, 'metrics', { method: 'GET', path: `${await this.servicePath(cluster.id, signal)}/metrics?${params}`, signal }));
  }

  async slowQueries(cluster: Cluster, range: TimeRange, signal?: AbortSignal): Promise<SlowQuery[]> {
    const from = Math.max(range.from.getTime(), range.to.getTime() - WINDOW_MAX_MS);
    const params = new URLSearchParams({ from_date: new Date(from).toISOString(), to_date: range.to.toISOString(), sort_by: 'total_duration', sort_order: 'desc', limit: String(SLOW_LIMIT) });
    return decodeSlowQueries(await this.subCall(cluster.id, 'slowQueryPatterns', { method: 'GET', path: `${await this.servicePath(cluster.id, signal)}/slowQueryPatterns?${params}`, signal }));
  }

  /**
   * One pattern (as listed by slowQueries) with its recent executions, newest first. The spec requires the
   * database, user and operation the pattern was listed under (db_name, db_user, db_operation).
   */
  async slowQueryDetail(cluster: Cluster, pattern: SlowQueryRef, signal?: AbortSignal): Promise<SlowQueryDetail> {
    const { id, database, user, operation } = pattern;
    if (database === undefined || user === undefined || operation === undefined) {
      throw new ApiError('this slow query pattern was listed without its database, user or operation, which ClickHouse Cloud needs to show it', { kind: 'validation' });
    }
    const params = new URLSearchParams({ db_name: database, db_user: user, db_operation: operation });
    const path = `${await this.servicePath(cluster.id, signal)}/slowQueryPatterns/${encodeURIComponent(id)}?${params}`;
    return decodeSlowQueryDetail(await this.call({ method: 'GET', path, signal }));
  }

  async readSettings(cluster: Cluster, signal?: AbortSignal): Promise<SettingsView> {
    return { values: settingValues(await this.getConfig(cluster.id, signal)), specs: [...PG_SETTINGS], freeGroups: ['pgbouncer'] };
  }

  /** PATCH /config with the changed keys only (a merge) and both maps present; values are checked against the spec's types first. */
  async updateSettings(cluster: Cluster, changes: Record<string, string>, signal?: AbortSignal): Promise<SettingsResult> {
    const pgConfig: Record<string, string | number> = {};
    const pgBouncerConfig: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const [key, value] of Object.entries(changes)) {
      const spec = PG_SETTINGS.find((x) => x.key === key);
      if (spec) {
        const problem = checkSetting(spec, value);
        if (problem) errors[key] = problem;
        else pgConfig[key] = spec.kind !== 'text' && spec.kind !== 'choice' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value.trim();
      } else if (key.startsWith(PGBOUNCER_PREFIX) && key.length > PGBOUNCER_PREFIX.length) {
        pgBouncerConfig[key.slice(PGBOUNCER_PREFIX.length)] = value;
      } else errors[key] = `${key} is not a setting ClickHouse Cloud accepts`;
    }
    if (Object.keys(pgBouncerConfig).length > PGBOUNCER_MAX) errors[''] = `at most ${PGBOUNCER_MAX} PgBouncer parameters`;
    const first = Object.entries(errors)[0];
    if (first) throw new ApiError(first[1], { kind: 'validation', fieldErrors: errors });
    // The spec's postgresInstanceConfig requires both maps; the unchanged one goes as {} (docs/fakes.md, ClickHouse).
    const result = await this.setConfig(cluster.id, { pgConfig, pgBouncerConfig }, { signal });
    return { values: settingValues(result), message: result.message };
  }

  /** Fails over to a standby (HA services only). */
  async switchover(id: string, signal?: AbortSignal): Promise<Cluster> {
    return this.command(id, 'switchover', signal);
  }

  async resetPassword(id: string, signal?: AbortSignal): Promise<string> {
    const path = `${await this.servicePath(id, signal)}/password`;
    const { password } = decodePassword(await this.call({ method: 'PATCH', path, body: {}, signal }));
    if (!password) throw new ApiError('the password reset response carried no password', { kind: 'malformed' });
    writeClusterSecret(this.deps.secrets, { profile: this.profile, id }, { user: 'postgres', password, database: 'postgres' });
    return password;
  }

  /** The CA certificate bundle (PEM) for verify-full connections. */
  async caCertificates(id: string, signal?: AbortSignal): Promise<string> {
    const path = `${await this.servicePath(id, signal)}/caCertificates`;
    return this.subCall<string>(id, 'caCertificates', { method: 'GET', path, signal, expect: 'text', headers: { accept: 'application/x-pem-file' } });
  }

  async getConfig(id: string, signal?: AbortSignal): Promise<PgInstanceConfig> {
    const path = `${await this.servicePath(id, signal)}/config`;
    return configOf(await this.subCall(id, 'config', { method: 'GET', path, signal }));
  }

  /** PATCH merges into the user-set values; `replace` (POST) makes them exactly `config`. */
  async setConfig(id: string, config: Omit<PgInstanceConfig, 'message'>, opts: { replace?: boolean; signal?: AbortSignal } = {}): Promise<PgInstanceConfig> {
    const path = `${await this.servicePath(id, opts.signal)}/config`;
    return configOf(await this.subCall(id, 'config', { method: opts.replace ? 'POST' : 'PATCH', path, body: config, signal: opts.signal }));
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async command(id: string, command: 'restart' | 'promote' | 'switchover', signal?: AbortSignal): Promise<Cluster> {
    const path = `${await this.servicePath(id, signal)}/state`;
    return this.cluster(decodeService(await this.call({ method: 'PATCH', path, body: { command }, signal })));
  }

  private created(s: PgService): Cluster {
    const cluster = this.cluster(s);
    if (s.password) {
      writeClusterSecret(this.deps.secrets, cluster, { user: s.username ?? 'postgres', password: s.password, database: 'postgres' });
    }
    return cluster;
  }

  private cluster(s: PgService): Cluster {
    return toCluster(this.profile, this.hosts.complete(s));
  }

  private async base(signal?: AbortSignal): Promise<string> {
    return `/v1/organizations/${encodeURIComponent(await this.organization(signal))}/postgres`;
  }

  private async servicePath(id: string, signal?: AbortSignal): Promise<string> {
    return `${await this.base(signal)}/${encodeURIComponent(id)}`;
  }

  private async organization(signal?: AbortSignal): Promise<string> {
    if (this.orgId) return this.orgId;
    this.orgLookup ??= this.verify(signal).then(
      () => this.orgId!,
      (err: unknown) => {
        this.orgLookup = undefined;
        throw err;
      },
    );
    return this.orgLookup;
  }

  /**
   * A request to a sub-resource of service `id` (/logs, /config, …). A 404 there, for a service that exists, means
   * this API has no such endpoint (an older ClickHouse Cloud API than the spec copy), not "no such service".
   */
  private async subCall<T = unknown>(id: string, endpoint: string, req: Parameters<HttpClient['json']>[0]): Promise<T> {
    try {
      return await this.call<T>(req);
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind !== 'not-found') throw err;
      const exists = await this.call({ method: 'GET', path: await this.servicePath(id, req.signal), signal: req.signal }).then(() => true, () => false);
      if (!exists) throw err;
      throw new ApiError(`this ClickHouse Cloud API has no /${endpoint} endpoint (404 for a service that exists)`, { kind: 'unsupported', status: 404, cause: err });
    }
  }

  private async call<T = unknown>(req: Parameters<HttpClient['json']>[0]): Promise<T> {
    const policy = this.deps.retry ?? DEFAULT_RETRY;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.http.json<T>(req);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        // The spec documents 500 as a transient "internal server error"; http.ts retries only 502-504, so reads
        // that hit a 500 get the same backoff here.
        if (req.method === 'GET' && err.status === 500 && attempt < policy.retries && !req.signal?.aborted) {
          await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt), req.signal);
          continue;
        }
        throw err;
      }
    }
  }
}

/** "<name> restored" within the spec's name rules: letters, digits and spaces, at most NAME_MAX characters. */
export function restoredName(source: string): string {
  const suffix = ' restored';
  const base = source.replace(/[^A-Za-z0-9 ]+/g, ' ').replace(/ {2,}/g, ' ').trim().slice(0, NAME_MAX - suffix.length).trimEnd();
  return base ? `${base}${suffix}` : suffix.trim();
}

/** pgConfig keys as they are, PgBouncer keys as "pgbouncer.NAME"; every value as text. */
function settingValues(config: PgInstanceConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config.pgConfig)) out[k] = String(v);
  for (const [k, v] of Object.entries(config.pgBouncerConfig)) out[`${PGBOUNCER_PREFIX}${k}`] = String(v);
  return out;
}

function configOf(body: unknown): PgInstanceConfig {
  const result = (body as { result?: Partial<PgInstanceConfig> } | undefined)?.result;
  if (!result || typeof result !== 'object') throw new ApiError('unexpected config response from ClickHouse Cloud', { kind: 'malformed' });
  return { pgConfig: result.pgConfig ?? {}, pgBouncerConfig: result.pgBouncerConfig ?? {}, message: result.message };
}
