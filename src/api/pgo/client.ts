// Crunchy PostgreSQL Operator 4.3: the pgo-apiserver over mutual TLS. The cluster name is the id; the
// apiserver echoes every failure as HTTP 200 + Code:"error", and deletes asynchronously.
import { decodeBackrest } from './backrest.js';
import { decodeDf, decodeFailoverTargets, decodeTest } from './insight.js';
import type { DiskUsage, FailoverTarget, ReachCheck } from '../core/insight.js';
import { ApiError, describeError } from '../core/errors.js';
import type { ProviderDeps } from '../core/profile-common.js';
import type { PgoProfile } from './profile.js';
import {
  readClusterSecret,
  writeClusterSecret,
  type Backup,
  type ChangePlan,
  type Cluster,
  type ConnectionInfo,
  type FormSpec,
  type FormValues,
  type Identity,
  type Provider, type ListResult,
} from '../core/types.js';
import { PgoTransport } from './transport.js';
import { isPlainHttp } from './plain-http.js';
import { finishList, problemsWarning, type ItemProblem } from '../core/list-result.js';
import { createFormSpec, currentEditValues, editFormSpec, parseCreate, parseEdit, type EditValues } from './forms.js';
import { isPrivateAddress, postgresVersionFromTag, primaryHost, toCluster } from './map.js';
import type {
  CreateClusterRequest,
  CreateClusterResponse,
  DeleteClusterRequest,
  DeleteClusterResponse,
  ShowClusterDetail,
  ShowClusterRequest,
  ShowClusterResponse,
  UpdateClusterRequest,
  UpdateClusterResponse,
} from './wire.js';

/** showclusters with allflag answers every cluster with its pods and services in one response (~3 KB each). */
const LIST_MAX_BYTES = 64 * 1024 * 1024;

export class PgoProvider implements Provider {
  readonly kind = 'pgo' as const;
  readonly profile: string;
  private readonly transport: PgoTransport;
  /** Clusters we asked to delete that the apiserver still shows. */
  private readonly deleting = new Set<string>();

  constructor(
    private readonly settings: PgoProfile,
    private readonly deps: ProviderDeps,
  ) {
    this.profile = settings.name;
    this.transport = new PgoTransport(settings, deps);
  }

  async verify(signal?: AbortSignal): Promise<Identity> {
    // The apiserver refuses every request but /health without a client certificate (403): say so here, not later.
    if (!isPlainHttp(this.settings.apiUrl) && !this.settings.clientCert) {
      throw new ApiError('no client certificate: the PGO apiserver refuses every request but /health without one (give --cert and --key, the files pgo uses)', { kind: 'config' });
    }
    const version = await this.transport.serverVersion(signal, true);
    // An authenticated call in the namespace: proves the credentials and that the namespace is managed.
    await this.show({ clustername: '', allflag: false }, signal);
    const ns = this.settings.namespace;
    const note = /^4\.3\.\d+$/.test(version) ? '' : ' (pgtui speaks the 4.3 API; this server may differ)';
    return { summary: `pgo-apiserver ${version}${note}, namespace ${ns}`, discovered: { serverVersion: version } };
  }

  async list(signal?: AbortSignal): Promise<ListResult> {
    const problems: ItemProblem[] = [];
    const details = await this.show({ clustername: '', allflag: true }, signal, problems);
    const seen = new Set(details.map((d) => d.cluster?.metadata?.name));
    for (const name of this.deleting) if (!seen.has(name)) this.deleting.delete(name);
    const clusters: Cluster[] = [];
    for (const d of details) {
      try {
        clusters.push(this.toCluster(d));
      } catch (err) {
        // A field of an unexpected type deep inside (Pods not a list, ...): this cluster only.
        problems.push({ path: `cluster ${String(d.cluster?.metadata?.name)}`, reason: `unreadable (${describeError(err)})` });
      }
    }
    return finishList(this.profile, clusters, [problemsWarning(this.profile, problems)]);
  }

  async get(id: string, signal?: AbortSignal): Promise<Cluster> {
    const details = await this.show({ clustername: id, allflag: false }, signal);
    const detail = details.find((d) => d.cluster?.metadata?.name === id) ?? details[0];
    if (!detail) {
      this.deleting.delete(id);
      throw new ApiError(`cluster ${id} not found in namespace ${this.settings.namespace}`, { kind: 'not-found' });
    }
    return this.toCluster(detail);
  }

  async createForm(signal?: AbortSignal): Promise<FormSpec> {
    return createFormSpec(await this.transport.serverVersion(signal));
  }

  async create(values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    const serverVersion = await this.transport.serverVersion(signal);
    const parsed = parseCreate(serverVersion, values);
    if ('errors' in parsed) throw validationError(parsed.errors);
    const v = parsed.values;
    const ns = this.settings.namespace;
    const res = await this.transport.post<CreateClusterResponse>(
      '/clusters',
      (version): CreateClusterRequest => ({
        ClientVersion: version,
        Namespace: ns,
        Name: v.name,
        ReplicaCount: Number(v.replicas),
        // pgo sends true unless --disable-autofail; leaving it out would silently turn off HA.
        AutofailFlag: v.autofail === 'true',
        // Empty unless chosen: the operator's configured image (and so its PostgreSQL) applies, as with pgo.
        CCPImageTag: v.imageTag,
        CPURequest: v.cpu,
        MemoryRequest: v.memory,
        PVCSize: v.pvcSize,
        Username: v.username,
        Database: v.database,
        ...(v.password ? { Password: v.password } : {}),
        ServiceType: v.serviceType,
        // Only when chosen (pgo sends it only with --sync-replication): null leaves the operator's default.
        ...(v.syncReplication ? { SyncReplication: v.syncReplication === 'true' } : {}),
        PgbouncerFlag: v.pgbouncer === 'true',
      }),
      { signal },
    );
    this.transport.check(res.status, `create ${v.name}`);
    const name = res.result?.Name || v.name;
    const database = res.result?.Database || v.database || name;
    const user = v.username || 'testuser';
    const users = res.result?.Users ?? [];
    const password = users.find((u) => u.Username === user)?.Password ?? (v.password || undefined);
    const cluster: Cluster = {
      profile: this.profile,
      provider: 'pgo',
      id: name,
      name,
      phase: 'creating',
      state: 'Created',
      stateMessage: 'Created, not processed yet',
      version: postgresVersionFromTag(v.imageTag),
      location: ns,
      size: [v.cpu && `${v.cpu} CPU`, v.memory && `${v.memory} RAM`].filter(Boolean).join(', ') || undefined,
      storage: v.pvcSize || undefined,
      instances: 1 + Number(v.replicas),
      port: 5432,
      database,
      user,
      createdAt: new Date().toISOString(),
      raw: { ...res, result: { ...res.result, Users: users.map((u) => ({ Username: u.Username, Password: '***' })) } },
    };
    writeClusterSecret(this.deps.secrets, cluster, { user, password, database });
    return cluster;
  }

  async remove(id: string, signal?: AbortSignal): Promise<void> {
    // "all" as a name makes the apiserver delete every cluster in the namespace.
    if (id === 'all' || id === '') {
      throw new ApiError(`refusing to delete a cluster named "${id}": the apiserver reads it as every cluster in the namespace`, { kind: 'validation' });
    }
    const res = await this.transport.post<DeleteClusterResponse>(
      '/clustersdelete',
      (version): DeleteClusterRequest => ({
        Clustername: id,
        Selector: '',
        ClientVersion: version,
        Namespace: this.settings.namespace,
        AllFlag: false,
        DeleteBackups: true,
        DeleteData: true,
      }),
      { signal },
    );
    if (res.Code === 'error' && res.Msg === 'no clusters found') {
      this.deleting.delete(id);
      throw new ApiError(`cluster ${id} not found in namespace ${this.settings.namespace}`, { kind: 'not-found', status: 200, providerMessage: res.Msg });
    }
    this.transport.check(res, `delete ${id}`);
    this.deleting.add(id);
  }

  connection(cluster: Cluster): ConnectionInfo {
    const override = this.settings.connect;
    const secret = readClusterSecret(this.deps.secrets, cluster);
    const detail = cluster.raw as ShowClusterDetail | undefined;
    const found = detail?.cluster ? primaryHost(detail) : { host: cluster.host, external: false };
    const info: ConnectionInfo = {
      host: override?.host ?? found.host ?? cluster.host,
      port: override?.port ?? cluster.port ?? 5432,
      database: cluster.database ?? secret?.database ?? cluster.name,
      user: cluster.user ?? secret?.user,
      sslmode: override?.sslmode ?? 'require',
      sslrootcert: override?.sslrootcert,
      password: secret?.password,
    };
    if (!override?.host) {
      if (!info.host) {
        info.unreachableReason = 'the cluster has no service address yet';
      } else if (!found.external && isPrivateAddress(info.host)) {
        info.unreachableReason =
          `${info.host} is a Kubernetes ClusterIP, reachable only inside the cluster; run ` +
          `"kubectl -n ${cluster.location ?? this.settings.namespace} port-forward svc/${cluster.name} 5432:5432" ` +
          `and set this profile's connect host to 127.0.0.1`;
      }
    }
    return info;
  }

  async editForm(cluster: Cluster): Promise<FormSpec> {
    return editFormSpec(cluster);
  }

  async planUpdate(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<ChangePlan> {
    const parsed = parseEdit(cluster, values);
    if ('errors' in parsed) throw validationError(parsed.errors);
    const version = await this.transport.serverVersion(signal);
    return this.plan(cluster, parsed.values, version);
  }

  async update(cluster: Cluster, values: FormValues, signal?: AbortSignal): Promise<Cluster> {
    const parsed = parseEdit(cluster, values);
    if ('errors' in parsed) throw validationError(parsed.errors);
    const res = await this.transport.post<UpdateClusterResponse>('/clustersupdate', (version) => this.plan(cluster, parsed.values, version).body, { signal });
    if (res.Code === 'error' && /not found/.test(res.Msg ?? '')) {
      throw new ApiError(`cluster ${cluster.id} not found in namespace ${this.settings.namespace}`, { kind: 'not-found', status: 200, providerMessage: res.Msg });
    }
    this.transport.check(res, `update ${cluster.id}`);
    return this.get(cluster.id, signal);
  }

  /** POST /df with the cluster's name selector: each PVC, used and capacity in bytes. */
  async diskUsage(cluster: Cluster, signal?: AbortSignal): Promise<DiskUsage[]> {
    const ns = this.settings.namespace;
    const body = await this.transport.post('/df', (v) => ({ ClientVersion: v, Namespace: ns, Selector: `name=${cluster.id}` }), { idempotent: true, signal });
    const { status, rows } = decodeDf(body);
    this.transport.check(status, 'df');
    return rows;
  }

  /** POST /testclusters: every instance (pod) and endpoint (service) of the cluster, reachable or not. */
  async reachability(cluster: Cluster, signal?: AbortSignal): Promise<ReachCheck[]> {
    const ns = this.settings.namespace;
    const body = await this.transport.post('/testclusters', (v) => ({ Clustername: cluster.id, Selector: '', ClientVersion: v, Namespace: ns, AllFlag: false }), { idempotent: true, signal });
    const { status, checks } = decodeTest(body, cluster.id);
    this.transport.check(status, 'testclusters');
    return checks;
  }

  /** GET /backrest/{name}: the cluster's pgBackRest backups, newest first. */
  async backups(clusterId: string, signal?: AbortSignal): Promise<Backup[]> {
    const version = await this.transport.serverVersion(signal);
    const body = await this.transport.client().json({ method: 'GET', path: `/backrest/${encodeURIComponent(clusterId)}`, query: { version, selector: '', namespace: this.settings.namespace }, signal });
    const { status, backups } = decodeBackrest(body, clusterId);
    this.transport.check(status, 'backrest');
    return backups;
  }

  /** GET /failover/{name}: the replicas that could take over (the apiserver asks for the CreateFailover permission). */
  async failoverTargets(cluster: Cluster, signal?: AbortSignal): Promise<FailoverTarget[]> {
    const version = await this.transport.serverVersion(signal);
    const body = await this.transport
      .client()
      .json({ method: 'GET', path: `/failover/${encodeURIComponent(cluster.id)}`, query: { version, namespace: this.settings.namespace }, signal })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError) || err.status !== 403 || /certificate/i.test(err.providerMessage ?? '')) throw err;
        throw new ApiError(`pgouser ${this.settings.username} may not list failover targets: the apiserver asks for the CreateFailover permission even to read them (pgorole)`, {
          kind: 'forbidden', status: 403, providerMessage: err.providerMessage,
        });
      });
    const { status, targets } = decodeFailoverTargets(body);
    this.transport.check(status, 'failover');
    return targets;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private plan(cluster: Cluster, next: EditValues, version: string): ChangePlan & { body: UpdateClusterRequest } {
    const now = currentEditValues(cluster);
    const diff: ChangePlan['diff'] = [];
    const yesNo = (v: string) => (v === 'true' ? 'on' : 'off');
    if (next.power !== now.power) diff.push({ key: 'power', label: 'Power', from: now.power, to: next.power });
    if (next.autofail !== now.autofail) diff.push({ key: 'autofail', label: 'Automatic failover', from: yesNo(now.autofail), to: yesNo(next.autofail) });
    // An empty request means "leave as is" to the apiserver, so it never clears a value.
    const cpu = next.cpu !== '' && next.cpu !== now.cpu ? next.cpu : '';
    const memory = next.memory !== '' && next.memory !== now.memory ? next.memory : '';
    if (cpu) diff.push({ key: 'cpu', label: 'CPU request', from: now.cpu || '(default)', to: cpu });
    if (memory) diff.push({ key: 'memory', label: 'Memory request', from: now.memory || '(default)', to: memory });
    const body: UpdateClusterRequest = {
      Clustername: [cluster.id],
      Selector: '',
      ClientVersion: version,
      Namespace: this.settings.namespace,
      AllFlag: false,
      Autofail: next.autofail === now.autofail ? 0 : next.autofail === 'true' ? 1 : 2,
      CPURequest: cpu,
      MemoryRequest: memory,
      Startup: next.power !== now.power && next.power === 'running',
      Shutdown: next.power !== now.power && next.power === 'shutdown',
    };
    return { diff, body, method: 'POST', path: '/clustersupdate' };
  }

  /** The clusters' details; one that cannot be read (no cluster object, no name) is skipped and added to `problems`. */
  private async show(select: { clustername: string; allflag: boolean }, signal?: AbortSignal, problems: ItemProblem[] = []): Promise<ShowClusterDetail[]> {
    const res = await this.transport.post<ShowClusterResponse>(
      '/showclusters',
      (version): ShowClusterRequest => ({
        clustername: select.clustername,
        selector: '',
        ccpimagetag: '',
        clientversion: version,
        namespace: this.settings.namespace,
        allflag: select.allflag,
      }),
      { idempotent: true, signal, maxBytes: select.allflag ? LIST_MAX_BYTES : undefined },
    );
    this.transport.check(res, 'show clusters');
    if (res.Results !== null && res.Results !== undefined && !Array.isArray(res.Results)) {
      throw new ApiError('show clusters: Results is not a list', { kind: 'malformed', status: 200 });
    }
    const out: ShowClusterDetail[] = [];
    (res.Results ?? []).forEach((d: unknown, i) => {
      const problem = detailProblem(d);
      if (problem) problems.push({ path: `Results.${i}${problem.path}`, reason: problem.reason });
      else out.push(d as ShowClusterDetail);
    });
    return out;
  }

  private toCluster(detail: ShowClusterDetail): Cluster {
    return toCluster(detail, this.profile, this.deleting.has(detail.cluster?.metadata?.name));
  }
}

/** What makes a showclusters item unusable: it must be an object with a cluster object that has a name. */
function detailProblem(d: unknown): ItemProblem | undefined {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return { path: '', reason: 'is not an object' };
  const cluster = (d as { cluster?: unknown }).cluster;
  if (cluster === undefined || cluster === null) return { path: '.cluster', reason: 'missing' };
  if (typeof cluster !== 'object' || Array.isArray(cluster)) return { path: '.cluster', reason: 'is not an object' };
  const c = cluster as { metadata?: { name?: unknown }; spec?: { clustername?: unknown; name?: unknown } };
  const name = c.metadata?.name ?? c.spec?.clustername ?? c.spec?.name;
  if (name === undefined || name === null || name === '') return { path: '.cluster.metadata.name', reason: 'missing' };
  if (typeof name !== 'string') return { path: '.cluster.metadata.name', reason: `invalid (expected string, received ${typeof name})` };
  return undefined;
}

function validationError(errors: Record<string, string>): ApiError {
  const first = Object.entries(errors)[0];
  const summary = first ? `${first[0] || 'form'}: ${first[1]}` : 'invalid values';
  return new ApiError(summary, { kind: 'validation', fieldErrors: errors });
}
