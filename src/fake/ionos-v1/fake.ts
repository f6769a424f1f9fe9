// IONOS DBaaS PostgreSQL v1 fake (docs/ionos.md §3, spec 1.0.5): one global endpoint on 127.0.0.1, Basic or
// Bearer auth, X-Contract-Number, offset paging with the spec's `_links` (and the misspelled `links` the live API
// sends), filter.name / filter.state, BUSY → AVAILABLE after create and PATCH, DESTROYING → gone after DELETE.
import { FakeClock, FakeServer, basicAuth, seeded, uuid, type FakeOptions, type FakeRequest, type FakeResponse } from '../kit.js';
import { HttpFail, errorResponse } from '../ionos-shared/errors.js';
import { clusterLogs, type ExtraMessage } from './logs.js';
import {
  VERSIONS, backupResponse, clusterResponse, createProblems, defaultProps, dnsNameFor, iso, patchProblems, seedShape,
  type FakeV1Backup, type FakeV1Cluster, type V1Props,
} from './model.js';

export type { FakeV1Cluster, FakeV1Backup, V1Props } from './model.js';

export interface IonosV1Credentials {
  username: string;
  password: string;
  token: string;
}

/** Not documented for DBaaS; the Cloud API's observed 120 requests a minute per user (docs/polling-store.md). */
export const IONOS_V1_FAKE_LIMIT = { requests: 120, windowSeconds: 60 };

export interface IonosV1FakeOptions extends FakeOptions {
  seed?: number;
  credentials?: Partial<IonosV1Credentials>;
  /** The contract the credentials belong to; another X-Contract-Number gets 403. */
  contractNumber?: string;
  /** false: an older API without /clusters/{clusterId}/versions (404), only the deprecated /postgresversions. */
  clusterVersionsPath?: boolean;
}

export const DEFAULT_V1_CREDENTIALS: IonosV1Credentials = {
  username: 'ops@example.com',
  password: 'fake-ionos-v1-password',
  token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-v1.token',
};

const MAX_LIMIT = 1000;

export class IonosV1Fake extends FakeServer {
  readonly clusters = new Map<string, FakeV1Cluster>();
  readonly backups = new Map<string, FakeV1Backup>();
  readonly credentials: IonosV1Credentials;
  readonly contractNumber: string;
  readonly rand: () => number;
  private seededCount = 0;
  /** Log messages added by tests on top of the synthetic ones (cluster id → messages). */
  readonly extraLogs = new Map<string, ExtraMessage[]>();

  /** Serves /clusters/{clusterId}/versions (IonosV1FakeOptions.clusterVersionsPath). */
  clusterVersionsPath: boolean;

  constructor(opts: IonosV1FakeOptions = {}) {
    super(opts, IONOS_V1_FAKE_LIMIT);
    this.credentials = { ...DEFAULT_V1_CREDENTIALS, ...opts.credentials };
    this.contractNumber = opts.contractNumber ?? '31884391';
    this.clusterVersionsPath = opts.clusterVersionsPath ?? true;
    this.rand = seeded(opts.seed ?? 17);
  }

  /** Adds a cluster in any state; it stays there until the API changes it. */
  addCluster(init: Partial<Omit<FakeV1Cluster, 'properties'>> & { properties?: Partial<V1Props> } = {}): FakeV1Cluster {
    const now = this.clock.now();
    const state = init.state ?? 'AVAILABLE';
    const props = defaultProps(this.rand, init.properties ?? {});
    const c: FakeV1Cluster = {
      id: init.id ?? uuid(this.rand),
      state,
      createdDate: init.createdDate ?? iso(now - 3 * 86_400_000),
      lastModifiedDate: init.lastModifiedDate ?? init.createdDate ?? iso(now - 3 * 86_400_000),
      createdBy: 'ops@example.com',
      credentials: init.credentials ?? { username: 'dbadmin', password: 'S3cret-pass-1' },
      properties: { ...props, dnsName: props.dnsName ?? (state === 'BUSY' && !init.lastModifiedDate ? undefined : dnsNameFor(this.rand, props.location)) },
    };
    this.clusters.set(c.id, c);
    // A cluster busy applying a change (modified after it was created) had its backup already, as on IONOS v2.
    if (state === 'AVAILABLE' || (state === 'BUSY' && c.lastModifiedDate !== c.createdDate)) this.addBackup(c);
    return c;
  }

  /** `count` deterministic clusters (the benchmarks ask for 5,000). */
  seed(count: number): FakeV1Cluster[] {
    const out: FakeV1Cluster[] = [];
    for (let i = 0; i < count; i++) out.push(this.addCluster(seedShape(this.rand, this.seededCount++, this.clock.now())));
    return out;
  }

  cluster(id: string): FakeV1Cluster | undefined {
    return this.clusters.get(id);
  }

  protected errorResponse(status: number, message: string): FakeResponse {
    return errorResponse(status, message);
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return { ...errorResponse(429, 'request rate limit exceeded'), headers: { 'Retry-After': String(seconds) } };
  }

  protected unauthorizedResponse(): FakeResponse {
    return errorResponse(401, 'Unauthorized: the credentials are missing or invalid');
  }

  protected handle(req: FakeRequest): FakeResponse {
    const auth = req.headers.authorization ?? '';
    const basic = basicAuth(req.headers);
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const c = this.credentials;
    const ok = bearer !== undefined ? bearer === c.token : !!basic && basic.user === c.username && basic.pass === c.password;
    if (!ok) return this.unauthorizedResponse();
    const limited = this.overLimit(bearer ?? basic?.user ?? '');
    if (limited) return limited;
    try {
      const contract = req.headers['x-contract-number'];
      const value = Array.isArray(contract) ? contract[0] : contract;
      if (value !== undefined && value !== '' && value !== this.contractNumber) throw new HttpFail(403, `no access to contract ${value}`);
      return this.route(req);
    } catch (err) {
      if (err instanceof HttpFail) return errorResponse(err.status, err.messages);
      throw err;
    }
  }

  private route(req: FakeRequest): FakeResponse {
    const path = req.path.replace(/^\/databases\/postgresql(?=\/)/, '').replace(/\/+$/, '');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const m = req.method;
    const only = (...allowed: string[]) => {
      if (!allowed.includes(m)) throw new HttpFail(405, `Method ${m} is not allowed on ${req.path}`);
    };
    const [a, b, c, d] = parts;
    if (a === 'infos' && (b === 'version' || b === 'versions')) {
      only('GET');
      const v = { name: 'v1.0.5', swaggerUrl: 'https://api.ionos.com/databases/postgresql/infos/assets/swagger-v1.yml' };
      return json(200, b === 'version' ? v : [v]);
    }
    if (a === 'versions' && !b) return only('GET'), json(200, versionList(VERSIONS));
    if (a !== 'clusters') throw new HttpFail(404, `Unknown path ${req.path}`);
    if (!b) {
      only('GET', 'POST');
      return m === 'GET' ? this.listClusters(req) : this.create(req);
    }
    if (b === 'postgresversions' && !c) return only('GET'), json(200, versionList(VERSIONS));
    if (b === 'backups') {
      only('GET');
      if (!c) return this.listBackups(req, [...this.backups.values()]);
      const backup = this.backups.get(c);
      if (!backup) throw new HttpFail(404, `Backup with ID ${c} not found`);
      return json(200, backupResponse(backup));
    }
    const cluster = this.find(b);
    if (!c) {
      only('GET', 'PATCH', 'DELETE');
      if (m === 'GET') return json(200, clusterResponse(cluster));
      return m === 'PATCH' ? this.patch(req, cluster) : this.remove(cluster);
    }
    if (d) throw new HttpFail(404, `Unknown path ${req.path}`);
    if (c === 'postgresversions' || (c === 'versions' && this.clusterVersionsPath)) {
      only('GET');
      return json(200, versionList(VERSIONS.filter((v) => Number(v) >= Number(cluster.properties.postgresVersion))));
    }
    if (c === 'logs') return only('GET'), json(200, clusterLogs(cluster, req.query, this.clock.now(), this.extraLogs.get(cluster.id) ?? []));
    if (c === 'backups') return only('GET'), this.listBackups(req, [...this.backups.values()].filter((x) => x.clusterId === cluster.id));
    if (c === 'restore') {
      only('POST');
      const backupId = (body(req) as { backupId?: unknown } | undefined)?.backupId;
      if (typeof backupId !== 'string' || !this.backups.has(backupId)) throw new HttpFail(422, 'backupId must name a backup of this contract');
      this.busy(cluster);
      return { status: 202 };
    }
    throw new HttpFail(404, `Unknown path ${req.path}`);
  }

  private listClusters(req: FakeRequest): FakeResponse {
    const name = req.query.get('filter.name')?.toLowerCase();
    const state = req.query.get('filter.state')?.toUpperCase();
    const all = [...this.clusters.values()]
      .filter((c) => !name || c.properties.displayName.toLowerCase().includes(name))
      .filter((c) => !state || c.state.toUpperCase() === state);
    return this.page(req, all, clusterResponse);
  }

  private listBackups(req: FakeRequest, backups: FakeV1Backup[]): FakeResponse {
    return this.page(req, backups, backupResponse);
  }

  /** Only the requested page is turned into wire objects: 5,000 clusters cost one page per request. */
  private page<T>(req: FakeRequest, items: T[], wire: (item: T) => unknown): FakeResponse {
    const offset = int(req.query.get('offset'), 0, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const limit = int(req.query.get('limit'), 100, 'limit', 1, MAX_LIMIT);
    const slice = items.slice(offset, offset + limit).map(wire);
    const url = (o: number) => `${this.url}${req.path}?offset=${o}&limit=${limit}`;
    const links: Record<string, string> = { self: url(offset) };
    if (offset > 0) links.prev = url(Math.max(0, offset - limit));
    if (offset + limit < items.length) links.next = url(offset + limit);
    // The spec's Pagination says `_links`; the live v1 API answers the deprecated, misspelled `links` (docs/ionos.md §3.4).
    return json(200, { type: 'collection', id: uuid(this.rand), items: slice, offset, limit, _links: links, links });
  }

  private create(req: FakeRequest): FakeResponse {
    const problems = createProblems(body(req), VERSIONS);
    if (problems.length) throw new HttpFail(422, problems);
    const p = (body(req) as { properties: Record<string, unknown> }).properties;
    const cred = p.credentials as { username: string; password: string };
    const now = iso(this.clock.now());
    const { credentials: _c, fromBackup: _f, ...props } = p;
    const c = this.addCluster({
      state: 'BUSY',
      createdDate: now,
      credentials: cred,
      properties: { ...(props as Partial<V1Props>), dnsName: undefined },
    });
    c.lastModifiedDate = now;
    c.properties.dnsName = undefined;
    this.later(this.transitionMs, () => {
      if (!this.clusters.has(c.id) || c.state !== 'BUSY') return;
      c.state = 'AVAILABLE';
      c.properties.dnsName = dnsNameFor(this.rand, c.properties.location);
      this.addBackup(c);
      this.provisioned({ user: cred.username, password: cred.password, database: 'postgres' });
    });
    return json(200, clusterResponse(c));
  }

  private patch(req: FakeRequest, c: FakeV1Cluster): FakeResponse {
    if (c.state !== 'AVAILABLE') throw new HttpFail(409, `cluster ${c.id} is ${c.state}; wait until it is AVAILABLE`);
    const problems = patchProblems(body(req), c.properties, VERSIONS);
    if (problems.length) throw new HttpFail(422, problems);
    const p = (body(req) as { properties: Record<string, unknown> }).properties;
    for (const [k, v] of Object.entries(p)) {
      if (k === 'connections' && v === null) continue; // null: unchanged (the SDK always sends the key)
      (c.properties as unknown as Record<string, unknown>)[k] = v;
    }
    this.busy(c);
    return json(200, clusterResponse(c));
  }

  private remove(c: FakeV1Cluster): FakeResponse {
    if (c.state === 'DESTROYING') throw new HttpFail(409, `cluster ${c.id} is already being deleted`);
    c.state = 'DESTROYING';
    c.lastModifiedDate = iso(this.clock.now());
    this.later(this.transitionMs, () => this.clusters.delete(c.id));
    return json(200, clusterResponse(c));
  }

  private busy(c: FakeV1Cluster): void {
    c.state = 'BUSY';
    c.lastModifiedDate = iso(this.clock.now());
    this.later(this.transitionMs, () => {
      if (this.clusters.get(c.id)?.state === 'BUSY') c.state = 'AVAILABLE';
    });
  }

  private find(id: string): FakeV1Cluster {
    const c = this.clusters.get(id);
    if (!c) throw new HttpFail(404, `Cluster with ID ${id} not found`);
    return c;
  }

  private addBackup(c: FakeV1Cluster): void {
    const id = uuid(this.rand);
    const created = Math.max(Date.parse(c.createdDate), this.clock.now() - 7 * 86_400_000);
    this.backups.set(id, {
      id, clusterId: c.id, version: c.properties.postgresVersion, isActive: true, createdDate: iso(created),
      earliestRecoveryTargetTime: iso(created + 600_000), size: 180 + Math.floor(this.rand() * 4000), location: c.properties.backupLocation,
    });
  }
}

function json(status: number, body: unknown): FakeResponse {
  return { status, body };
}

function versionList(versions: readonly string[]) {
  return { data: versions.map((name) => ({ name })) };
}

function body(req: FakeRequest): unknown {
  const type = String(req.headers['content-type'] ?? '');
  if (req.text && !/json/i.test(type)) throw new HttpFail(415, `Unsupported content type ${type || '(none)'}`);
  if (req.badJson) throw new HttpFail(400, 'The request body could not be parsed as JSON');
  return req.json;
}

function int(text: string | null, fallback: number, what: string, min: number, max: number): number {
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpFail(422, `${what} must be an integer between ${min} and ${max}`);
  return n;
}

export async function startIonosV1Fake(opts: IonosV1FakeOptions = {}): Promise<IonosV1Fake> {
  const fake = new IonosV1Fake({ clock: opts.clock ?? new FakeClock(), ...opts });
  await fake.start();
  return fake;
}
