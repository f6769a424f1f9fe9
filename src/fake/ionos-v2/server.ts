// One regional IONOS PostgreSQL v2 endpoint (e.g. postgresql.de-txl.ionos.com) on 127.0.0.1: Basic or Bearer
// auth, X-Contract-Number scoping, the paths of docs/ionos.md §4.2 (also under the /v2 alias some clients use), problem+json errors.
import { FakeServer, basicAuth, uuid, type FakeOptions, type FakeRequest, type FakeResponse } from '../kit.js';
import { HttpFail, errorResponse } from '../ionos-shared/errors.js';
import { backupRead, clusterRead } from './model.js';
import { page } from './paging.js';
import type { V2World } from './world.js';

/** Not documented for DBaaS; the Cloud API's observed 120 requests a minute per user (docs/polling-store.md). */
export const IONOS_FAKE_LIMIT = { requests: 120, windowSeconds: 60 };

export class IonosV2RegionServer extends FakeServer {
  /** Set false to drop the stale `_links.next` on the last page. */
  staleNext = true;

  constructor(
    readonly location: string,
    readonly world: V2World,
    opts: FakeOptions,
  ) {
    super(opts, IONOS_FAKE_LIMIT);
  }

  protected errorResponse(status: number, message: string): FakeResponse {
    return errorResponse(status, message);
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    return { ...errorResponse(429, 'request rate limit exceeded'), headers: { 'Retry-After': String(seconds) } };
  }

  protected unauthorizedResponse(): FakeResponse {
    return errorResponse(401, 'the credentials are missing or invalid');
  }

  protected handle(req: FakeRequest): FakeResponse {
    const creds = this.world.credentials;
    const auth = req.headers.authorization ?? '';
    const basic = basicAuth(req.headers);
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    if (bearer !== undefined && bearer === creds.forbiddenToken) return errorResponse(403, 'the user lacks the DBaaS privilege');
    const ok = bearer !== undefined ? bearer === creds.token : !!basic && basic.user === creds.username && basic.pass === creds.password;
    if (!ok) return this.unauthorizedResponse();
    const limited = this.overLimit(bearer ?? basic?.user ?? '');
    if (limited) return limited;
    try {
      const contract = this.contractOf(req);
      return this.route(req, contract);
    } catch (err) {
      if (err instanceof HttpFail) return errorResponse(err.status, err.messages);
      throw err;
    }
  }

  private contractOf(req: FakeRequest): string {
    const h = req.headers['x-contract-number'];
    const value = Array.isArray(h) ? h[0] : h;
    if (value === undefined || value === '') return this.world.contract;
    if (!/^\d+$/.test(value)) throw new HttpFail(400, 'X-Contract-Number must be an integer');
    if (value !== this.world.contract) throw new HttpFail(403, `no access to contract ${value}`);
    return value;
  }

  private body(req: FakeRequest): unknown {
    const type = String(req.headers['content-type'] ?? '');
    if (req.text && !/json/i.test(type)) throw new HttpFail(415, `Unsupported content type ${type || '(none)'}`);
    if (req.badJson) throw new HttpFail(400, 'The request body could not be parsed as JSON');
    return req.json;
  }

  private route(req: FakeRequest, contract: string): FakeResponse {
    const path = req.path.replace(/^\/v2(?=\/)/, '').replace(/\/+$/, '');
    const [head, id, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (rest.length) throw new HttpFail(404, `Unknown path ${req.path}`);
    const w = this.world;
    const later = (ms: number, fn: () => void) => this.later(ms, fn);
    const listId = () => uuid(w.rand);
    const method = req.method;
    const only = (...allowed: string[]) => {
      if (!allowed.includes(method)) throw new HttpFail(405, `Method ${method} is not allowed on ${req.path}`);
    };
    switch (head) {
      case 'clusters': {
        if (id === undefined) {
          only('GET', 'POST');
          if (method === 'POST') {
            const { cluster, login } = w.create(this.location, contract, this.body(req), later);
            this.provisioned(login);
            return { status: 201, body: clusterRead(cluster) };
          }
          const name = req.query.get('filter.name')?.toLowerCase();
          const state = req.query.get('filter.state');
          const items = w
            .inRegion(this.location, contract)
            .filter((c) => (!name || c.properties.name.toLowerCase().includes(name)) && (!state || c.state === state));
          return page(req, '/clusters', items.map(clusterRead), listId(), this.staleNext);
        }
        only('GET', 'PUT', 'DELETE');
        const c = w.find(this.location, contract, id);
        if (method === 'GET') return { status: 200, body: clusterRead(c) };
        if (method === 'DELETE') {
          w.destroy(c, later);
          return { status: 202 };
        }
        const { login } = w.ensure(c, this.body(req), later);
        if (login) this.provisioned(login);
        return { status: 200, body: clusterRead(c) };
      }
      case 'backups': {
        only('GET');
        if (id === undefined) {
          const clusterId = req.query.get('filter.clusterId') ?? undefined;
          return page(req, '/backups', w.backupsIn(this.location, contract, clusterId).map(backupRead), listId(), this.staleNext);
        }
        const b = w.backupsIn(this.location, contract).find((x) => x.id === id);
        if (!b) throw new HttpFail(404, `Backup with ID ${id} not found`);
        return { status: 200, body: backupRead(b) };
      }
      case 'backup-locations': {
        only('GET');
        const reads = w.backupLocations.map((b) => ({ id: b.id, type: 'backupLocation', href: `/backup-locations/${b.id}`, properties: { location: b.location } }));
        if (id === undefined) return page(req, '/backup-locations', reads, listId(), this.staleNext);
        const one = reads.find((r) => r.id === id);
        if (!one) throw new HttpFail(404, `Backup location with ID ${id} not found`);
        return { status: 200, body: one };
      }
      case 'versions': {
        only('GET');
        const reads = w.versions.map((v) => ({
          id: v.id, type: 'postgresVersion', href: `/versions/${v.id}`,
          properties: { version: v.version, status: v.status, comment: v.comment, canUpgradeTo: v.canUpgradeTo },
        }));
        if (id === undefined) return page(req, '/versions', reads, listId(), this.staleNext);
        const one = reads.find((r) => r.id === id);
        if (!one) throw new HttpFail(404, `Version with ID ${id} not found`);
        return { status: 200, body: one };
      }
      default:
        throw new HttpFail(404, `Unknown path ${req.path}`);
    }
  }
}
