// IONOS DBaaS PostgreSQL v2: nine regional endpoints (no global one), Basic or Bearer auth, offset paging,
// PUT as a full "ensure". list fans out to every region at once and keeps what the healthy regions returned.
import type { Capability } from '../core/capabilities.js';
import { alreadyGone, ApiError, throwIfInvalid } from '../core/errors.js';
import { HttpClient, type RequestOptions } from '../core/http.js';
import { FreshReads } from '../core/fresh-reads.js';
import { ionosConnection, ionosHttp } from '../ionos-shared/client-kit.js';
import type { ProviderDeps } from '../core/profile-common.js';
import type { IonosV2Profile } from './profile.js';
import {
  writeClusterSecret,
  type Backup, type ChangePlan, type Cluster, type ConnectionInfo, type FormSpec, type FormValues, type Identity, type Provider, type ListResult, type RestoreRequest,
} from '../core/types.js';
import { endpointFor, profileLocations } from './catalog.js';
import { createFormSpec, createProperties, validateCreate } from './forms.js';
import { asksForCredentials, editFormSpec, planPut, validateEdit } from './edit.js';
import {
  decodeBackupLocationPage, decodeBackupPage, decodeCluster, decodeClusterItems, decodeVersionPage, toBackup, toCluster,
  type V2Cluster, type V2Version,
} from './mapping.js';
import { finishList, problemsWarning, type ItemProblem } from '../core/list-result.js';
import { allFailed, collectRegionPages, fanOut, type RegionFailure } from './regions.js';

export { V2_LOCATIONS } from './catalog.js';
export type { RegionFailure } from './regions.js';

type Call = Omit<RequestOptions, 'baseUrl'>;

export class IonosV2Provider implements Provider {
  readonly kind = 'ionos-v2' as const;
  readonly profile: string;
  /** The locations this profile covers, in order. */
  readonly locations: string[];
  /** Regions that failed during the last list (empty when every region answered). */
  lastFailures: RegionFailure[] = [];
  private readonly http: HttpClient;
  /** Cluster id → location, learnt from list and create; get, update and remove need the region. */
  private readonly where = new Map<string, string>();

  constructor(
    private readonly prof: IonosV2Profile,
    private readonly deps: ProviderDeps,
  ) {
    this.profile = prof.name;
    this.locations = profileLocations(prof);
    this.http = new HttpClient(ionosHttp(prof, deps, endpointFor(prof, this.locations[0]!)));
  }

  /** The base URL of one location. */
  endpoint(location: string): string {
    return endpointFor(this.prof, location);
  }

  /** The location a cluster id was last seen in, if known. */
  locationOf(id: string): string | undefined {
    return this.where.get(id);
  }

  async verify(signal?: AbortSignal): Promise<Identity> {
    const { results, failures } = await fanOut(this.locations, (l) => this.call(l, { method: 'GET', path: '/clusters', query: { limit: 1 }, signal }), signal);
    if (results.length === 0) throw allFailed(failures);
    const who = this.prof.token ? 'API token' : (this.prof.username ?? 'anonymous');
    const contract = this.prof.contractNumber ? `, contract ${this.prof.contractNumber}` : '';
    const reach = failures.length ? `, ${results.length} of ${this.locations.length} regions reachable` : `, ${results.length} regions`;
    return { summary: `${who}${contract}${reach}` };
  }

  /** Every region at once, every page. Throws only when every region fails; the others are in `failures`. */
  async list(signal?: AbortSignal): Promise<ListResult> {
    const problems: ItemProblem[] = [];
    const { results, failures } = await fanOut(this.locations, (l) => this.listRegion(l, problems, signal), signal);
    this.lastFailures = failures;
    if (results.length === 0) throw allFailed(failures);
    const clusters: Cluster[] = [];
    const stopped: string[] = [];
    for (const { location, value } of results) {
      if (value.stopped) stopped.push(`${this.profile}: region ${location}: ${value.stopped}`);
      for (const item of value.items) {
        this.where.set(item.id, location);
        clusters.push(toCluster(this.profile, location, item));
      }
    }
    return finishList(this.profile, clusters, [problemsWarning(this.profile, problems), ...stopped], failures);
  }

  async get(id: string, signal?: AbortSignal): Promise<Cluster> {
    const { location, raw } = await this.read(id, signal, false);
    return toCluster(this.profile, location, raw);
  }

  async createForm(signal?: AbortSignal): Promise<FormSpec> {
    const [versions, backupLocations] = await this.firstAnswer(
      (l) => Promise.all([this.versions(l, signal), this.pages(l, '/backup-locations', decodeBackupLocationPage, {}, signal)]),
      signal,
    );
    return createFormSpec({ locations: this.locations, versions, backupLocations: [...new Set(backupLocations)] });
  }

  async create(values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    throwIfInvalid(validateCreate(values));
    const location = values.location!;
    const body = { properties: createProperties(values) };
    const raw = decodeCluster(await this.call(location, { method: 'POST', path: '/clusters', body, signal }));
    this.where.set(raw.id, location);
    const cluster = toCluster(this.profile, location, raw);
    writeClusterSecret(this.deps.secrets, cluster, { user: values.username, password: values.password, database: values.database });
    return cluster;
  }

  async remove(id: string, signal?: AbortSignal): Promise<void> {
    this.reads.forget(id);
    const at = await this.locate(id, signal);
    await this.call(at.location, { method: 'DELETE', path: clusterPath(at.id), signal, expect: 'none' }).catch(alreadyGone);
  }

  connection(cluster: Cluster): ConnectionInfo {
    return ionosConnection(this.prof, this.deps.secrets, cluster);
  }

  async editForm(cluster: Cluster, signal?: AbortSignal): Promise<FormSpec> {
    const { location, raw } = await this.read(cluster.id, signal);
    const version = raw.properties.version === undefined ? undefined : String(raw.properties.version);
    const upgrades = version ? await this.upgradesFrom(location, version, signal).catch(() => []) : [];
    return editFormSpec(raw, location, upgrades);
  }

  /** Reads the cluster afresh and merges `values` into all of its properties: the exact PUT body. */
  async planUpdate(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<ChangePlan> {
    const { raw } = await this.read(cluster.id, signal);
    return planPut(raw, values, clusterPath(raw.id));
  }

  /** GET, merge, PUT the whole object back (PUT is a full replace: anything left out would be reset). */
  async update(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    const { location, raw } = await this.read(cluster.id, signal);
    throwIfInvalid(validateEdit(raw, values));
    const plan = planPut(raw, values, clusterPath(raw.id));
    if (plan.diff.length === 0) return toCluster(this.profile, location, raw);
    this.reads.forget(raw.id);
    const updated = decodeCluster(
      await this.call(location, { method: 'PUT', path: plan.path, body: plan.body, signal }).catch((err: unknown) => {
        if (!(err instanceof ApiError) || !asksForCredentials(err.providerMessage) || values.password) throw err;
        const user = raw.properties.credentials?.username ?? 'the database user';
        throw new ApiError(`IONOS wants the database password of ${user} with this change: give it in the Password field (pgtui edit --password-stdin); it is sent once and never stored`, {
          kind: 'validation', status: err.status, providerMessage: err.providerMessage, fieldErrors: { password: 'IONOS asks for the password with this change' },
        });
      }),
    );
    return toCluster(this.profile, location, updated);
  }

  async backups(clusterId: string, signal?: AbortSignal): Promise<Backup[]> {
    const at = await this.locate(clusterId, signal);
    const items = await this.pages(at.location, '/backups', decodeBackupPage, { 'filter.clusterId': at.id }, signal);
    return items.map((b) => ({ ...toBackup(b), location: b.properties.location }));
  }

  /**
   * In place (v2 has no restore endpoint): the cluster PUT back as it is, with restoreFromBackup.recoveryTargetDatetime.
   * A --backup must be one of this cluster's own; without --to, the latest point it allows: its
   * latestRecoveryTargetTime, or, while that is null (the active backup, "restorable up to now"), no
   * recoveryTargetDatetime at all, which the API documents as optional (docs/ionos.md, "Restore").
   */
  async restore(cluster: Cluster, req: RestoreRequest, signal?: AbortSignal): Promise<Cluster> {
    const { location, raw } = await this.read(cluster.id, signal);
    let target = req.targetTime;
    if (req.backupId) {
      const backup = (await this.backups(raw.id, signal)).find((b) => b.id === req.backupId);
      if (!backup) throw new ApiError(`${req.backupId} is not a backup of ${cluster.name}: this API restores a cluster in place from its own backups`, { kind: 'validation' });
      target ??= backup.latestRecoveryTargetTime;
    } else if (!target) throw new ApiError('restore needs --to TIME, or a --backup ID', { kind: 'validation' });
    const plan = planPut(raw, {}, clusterPath(raw.id));
    const body = plan.body as { id: string; properties: Record<string, unknown> };
    body.properties.restoreFromBackup = target ? { recoveryTargetDatetime: target } : {};
    return toCluster(this.profile, location, decodeCluster(await this.call(location, { method: 'PUT', path: plan.path, body, signal })));
  }

  async upgradeTargets(cluster: Cluster, signal?: AbortSignal): Promise<string[]> {
    if (!cluster.version) return [];
    return this.upgradesFrom((await this.locate(cluster.id, signal, cluster.location)).location, cluster.version, signal);
  }

  /** IONOS v2 has no logs endpoint: with logsEnabled a cluster ships its logs to the IONOS Logging Service. */
  missingReason(cluster: Cluster, capability: Capability): string | undefined {
    if (capability !== 'logs') return undefined;
    const props = (cluster.raw as { properties?: { logsEnabled?: unknown } } | undefined)?.properties;
    return props?.logsEnabled === true
      ? `IONOS v2 has no logs API: ${cluster.name} sends its logs to the IONOS Logging Service (logsEnabled); read them there`
      : `IONOS v2 has no logs API: logs go to the IONOS Logging Service once logsEnabled is on (pgtui edit ${cluster.name} --set logsEnabled=true)`;
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private listRegion(location: string, problems: ItemProblem[], signal?: AbortSignal) {
    const fetch = (offset: number, limit: number) => this.call(location, { method: 'GET', path: '/clusters', query: { offset, limit }, signal });
    const decode = (body: unknown, offset: number) => {
      const mine: ItemProblem[] = [];
      const clusters = decodeClusterItems(body, offset, mine);
      for (const p of mine) problems.push({ ...p, path: `${location} ${p.path}` });
      return clusters;
    };
    return collectRegionPages<V2Cluster>(fetch, decode, 'clusters', (c) => c.id);
  }

  /** Every page of a small list (versions, backups): what paging could collect, even when it had to stop early. */
  private async pages<T>(location: string, path: string, decode: (b: unknown) => T[], query: Record<string, string>, signal?: AbortSignal): Promise<T[]> {
    const fetch = (offset: number, limit: number) => this.call(location, { method: 'GET', path, query: { ...query, offset, limit }, signal });
    return (await collectRegionPages(fetch, (b) => decode(b), 'items')).items;
  }

  private versions(location: string, signal?: AbortSignal): Promise<V2Version[]> {
    return this.pages(location, '/versions', decodeVersionPage, {}, signal);
  }

  private async upgradesFrom(location: string, version: string, signal?: AbortSignal): Promise<string[]> {
    const v = (await this.versions(location, signal)).find((x) => x.properties.version === version);
    return v?.properties.canUpgradeTo ?? [];
  }

  /** The first location whose answer arrives without error, trying them in order. */
  private async firstAnswer<T>(fn: (location: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const failures: RegionFailure[] = [];
    for (const location of this.locations) {
      try {
        return await fn(location);
      } catch (err) {
        if (!(err instanceof ApiError) || signal?.aborted || err.kind === 'auth') throw err;
        failures.push({ location, error: err });
      }
    }
    throw allFailed(failures);
  }

  /** GET /clusters/{id} in the cluster's region (found by asking every region when not yet known). */
  private readonly reads = new FreshReads<{ location: string; raw: V2Cluster }>();

  /** `reuse`: an edit's form, plan and update share the read its lookup just made (fresh-reads.ts). */
  private read(id: string, signal?: AbortSignal, reuse = true): Promise<{ location: string; raw: V2Cluster }> {
    return this.reads.read(id, () => this.readNow(id, signal), reuse);
  }

  private async readNow(id: string, signal?: AbortSignal): Promise<{ location: string; raw: V2Cluster }> {
    const known = this.knownLocation(id);
    if (known) {
      const raw = decodeCluster(await this.call(known.location, { method: 'GET', path: clusterPath(known.id), signal }));
      this.where.set(raw.id, known.location);
      return { location: known.location, raw };
    }
    const { results, failures } = await fanOut(this.locations, (l) => this.call(l, { method: 'GET', path: clusterPath(id), signal }), signal);
    const hit = results[0];
    if (hit) {
      const raw = decodeCluster(hit.value);
      this.where.set(raw.id, hit.location);
      return { location: hit.location, raw };
    }
    const real = failures.filter((f) => f.error.kind !== 'not-found');
    if (real.length) throw allFailed(real);
    throw new ApiError(`cluster ${id} not found in any region`, { kind: 'not-found', status: 404 });
  }

  private async locate(id: string, signal?: AbortSignal, hint?: string): Promise<{ location: string; id: string }> {
    const known = this.knownLocation(id);
    if (known) return known;
    if (hint && this.locations.includes(hint)) return { location: hint, id };
    const { location, raw } = await this.read(id, signal);
    return { location, id: raw.id };
  }

  /** From the id→location map, or an id written as "<location>:<uuid>" (terraform's identity). */
  private knownLocation(id: string): { location: string; id: string } | undefined {
    const seen = this.where.get(id);
    if (seen) return { location: seen, id };
    const i = id.lastIndexOf(':');
    if (i > 0 && this.locations.includes(id.slice(0, i))) return { location: id.slice(0, i), id: id.slice(i + 1) };
    return undefined;
  }

  private async call<T = unknown>(location: string, req: Call): Promise<T> {
    if (!this.prof.token && !this.prof.username) {
      throw new ApiError('the profile has no IONOS username/password or token', { kind: 'config' });
    }
    return this.http.json<T>({ ...req, baseUrl: this.endpoint(location) });
  }
}

function clusterPath(id: string): string {
  return `/clusters/${encodeURIComponent(id)}`;
}
