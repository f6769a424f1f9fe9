// A faithful fake of the Crunchy PGO 4.3 pgo-apiserver: HTTPS with client certificates, gorilla/mux routing
// (404/405 before any middleware), the client-certificate middleware, Basic auth with pgorole permissions,
// lenient Go JSON decoding, the exact ClientVersion check, the namespace check, then the cluster logic.
// Application errors are HTTP 200 + Code:"error"; every JSON body ends with Go's "\n".
import { FakeServer, basicAuth, seeded, uuid, type FakeClock, type FakeRateLimit, type FakeRequest, type FakeResponse, type ProvisionedLogin } from '../kit.js';
import { generateTestPki, type TestPki } from '../certs.js';
import { goJson, renderDetail, type FakePgCluster } from './model.js';
import { buildCluster, restorePods, seedInits, setCondition, type ClusterInit, type PgoCondition } from './lifecycle.js';
import { insightRoutes } from './insight.js';
import { backrestRoutes } from './backrest.js';
import { clusterRoutes } from './clusters.js';
import type { PgoPermission, PgoWorld, Route } from './routes.js';

export type { ClusterInit, PgoCondition } from './lifecycle.js';

/** pgorole permissions the fake checks (apiserver/perms.go names). */

/** The apiserver has no limit of its own; a proxy or the Kubernetes API in front of it does (docs/polling-store.md). */
export const PGO_FAKE_LIMIT = { requests: 300, windowSeconds: 60 };

export interface PgoFakeOptions {
  clock?: FakeClock;
  /** Default 300 a minute for the whole apiserver (a proxy or the Kubernetes API in front; docs/polling-store.md). */
  rateLimit?: FakeRateLimit;
  /** Create/startup/shutdown/delete durations on the fake clock, ms (default 6000). */
  transitionMs?: number;
  /** Seed for ids, IPs, pod names and generated passwords. */
  seed?: number;
  pki?: TestPki;
  /** PGO_VERSION of the server (default "4.3.0"). */
  serverVersion?: string;
  /** pgouser name → password (default { admin: 'examplepassword' }). */
  users?: Record<string, string>;
  /** Users limited to these permissions (others may do everything). */
  permissions?: Record<string, PgoPermission[]>;
  /** Namespaces the operator manages (default ["pgo"]). */
  namespaces?: string[];
  /** TLS_NO_VERIFY=true: any client certificate is accepted. */
  tlsNoVerify?: boolean;
  /** pgo.yaml Cluster.SyncReplication: what a create without SyncReplication (null) gets (default false). */
  syncReplicationDefault?: boolean;
}

const TEXT = 'text/plain; charset=utf-8';

function textError(status: number, message: string): FakeResponse {
  return { status, raw: `${message}\n`, contentType: TEXT, headers: { 'x-content-type-options': 'nosniff' } };
}

export class PgoFake extends FakeServer implements PgoWorld {
  readonly pki: TestPki;
  /** Mutable so a test can "upgrade" the server under a running client. */
  serverVersion: string;
  /** PgoFakeOptions.syncReplicationDefault. */
  readonly syncReplicationDefault: boolean;
  readonly users: Record<string, string>;
  readonly namespaces: string[];
  readonly clusters = new Map<string, FakePgCluster>();
  readonly rand: () => number;
  private readonly permissions: Record<string, PgoPermission[]>;
  private readonly tlsNoVerify: boolean;
  private readonly routes: Route[];

  /** Lets the cluster routes report credentials they hand out (see FakeServer.onProvision). */
  provisionedLogin(login: ProvisionedLogin): void {
    this.provisioned(login);
  }

  constructor(opts: PgoFakeOptions = {}) {
    const pki = opts.pki ?? generateTestPki();
    super({ clock: opts.clock, transitionMs: opts.transitionMs, rateLimit: opts.rateLimit, tls: { key: pki.server.key, cert: pki.server.cert, ca: pki.ca.cert, requestCert: true } }, PGO_FAKE_LIMIT);
    this.pki = pki;
    this.serverVersion = opts.serverVersion ?? '4.3.0';
    this.users = opts.users ?? { admin: 'examplepassword' };
    this.permissions = opts.permissions ?? {};
    this.namespaces = opts.namespaces ?? ['pgo'];
    this.tlsNoVerify = opts.tlsNoVerify ?? false;
    this.syncReplicationDefault = opts.syncReplicationDefault ?? false;
    this.rand = seeded(opts.seed ?? 4300);
    const version = (): FakeResponse => this.json({ Version: this.serverVersion, Code: 'ok', Msg: 'apiserver version' });
    this.routes = [
      { path: /^\/healthz$/, noCert: true, run: () => ({ status: 200, raw: 'ok', contentType: TEXT }) },
      { path: /^\/health$/, run: () => this.json({ Version: 'healthy', Code: 'ok', Msg: 'healthy' }, false) },
      { path: /^\/version$/, perm: 'Version', run: version },
      ...clusterRoutes(this),
      ...insightRoutes(this),
      ...backrestRoutes(this),
    ];
  }

  /** First user's name and password. */
  get username(): string {
    return Object.keys(this.users)[0]!;
  }
  get password(): string {
    return this.users[this.username]!;
  }
  get namespace(): string {
    return this.namespaces[0]!;
  }

  /** Adds a cluster in any condition, e.g. addCluster({ name: 'hippo', condition: 'degraded', replicas: 2 }). */
  addCluster(init: ClusterInit): FakePgCluster {
    if (this.cluster(init.name, init.namespace ?? this.namespace)) throw new Error(`fake cluster ${init.name} already exists`);
    const c = buildCluster({ namespace: this.namespace, ...init }, this.rand, this.clock.now(), this.serverVersion);
    this.clusters.set(key(c.namespace, c.name), c);
    return c;
  }

  /** Deterministic clusters cycling through every condition (same seed → same clusters). */
  seedClusters(count: number, namespace = this.namespace): FakePgCluster[] {
    return seedInits(count, this.rand, this.serverVersion, namespace).map((init) => {
      let name = init.name;
      for (let n = 2; this.cluster(name, namespace); n++) name = `${init.name}-${n}`;
      return this.addCluster({ ...init, name });
    });
  }

  cluster(name: string, namespace = this.namespace): FakePgCluster | undefined {
    return this.clusters.get(key(namespace, name));
  }

  setCondition(name: string, condition: PgoCondition, namespace = this.namespace): void {
    const c = this.cluster(name, namespace);
    if (!c) throw new Error(`no fake cluster ${namespace}/${name}`);
    if (condition !== 'shutdown' && c.pods.length === 0) restorePods(c, this.rand);
    setCondition(c, condition);
  }

  /** Runs `steps` on the fake clock, each `at` ms from now, unless the cluster changed course meanwhile. */
  schedule(c: FakePgCluster, steps: Array<{ at: number; apply: () => void }>): void {
    const gen = c.gen;
    for (const step of steps) {
      this.later(step.at, () => {
        if (c.gen !== gen || this.clusters.get(key(c.namespace, c.name)) !== c) return;
        step.apply();
        c.gen = gen; // the scheduled chain keeps ownership of the cluster
      });
    }
  }

  /** Removes the cluster `delayMs` from now (async delete through an rmdata task). */
  removeLater(c: FakePgCluster, delayMs: number): void {
    this.later(delayMs, () => {
      if (this.clusters.get(key(c.namespace, c.name)) === c) this.clusters.delete(key(c.namespace, c.name));
    });
  }

  uuid(): string {
    return uuid(this.rand);
  }

  /** Go's json.Encoder output for an authenticated handler. */
  json(body: unknown, authenticated = true): FakeResponse {
    return {
      status: 200,
      raw: goJson(body),
      contentType: 'application/json',
      headers: authenticated ? { 'www-authenticate': 'Basic realm="Restricted"' } : {},
    };
  }

  /** The pgorole refusal (http.Error from Authn). */
  forbidden(): FakeResponse {
    return textError(403, 'Not authorized for this apiserver action');
  }

  protected errorResponse(status: number, message: string): FakeResponse {
    return textError(status, message);
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    // The apiserver has no rate limit; a proxy or the Kubernetes API in front of it answers like this.
    return { ...textError(429, 'Too Many Requests'), headers: { 'retry-after': String(seconds) } };
  }

  protected unauthorizedResponse(): FakeResponse {
    return textError(401, 'Not authenticated in apiserver');
  }

  protected handle(req: FakeRequest): FakeResponse {
    const matching = this.routes.filter((r) => r.path.test(req.path));
    if (matching.length === 0) return textError(404, '404 page not found');
    const route = matching.find((r) => r.method === undefined || r.method === req.method);
    if (!route) return { status: 405 };
    // VerifyClientCertIfGiven: a certificate that does not verify fails the TLS handshake itself.
    const presented = req.clientCertCN !== undefined;
    if (presented && req.clientCertAuthorized === false && !this.tlsNoVerify) return { status: 0, destroy: true };
    if (!route.noCert && !presented) return textError(403, 'Forbidden: Client Certificate Required');
    let user = '';
    if (route.perm) {
      const creds = basicAuth(req.headers);
      if (!creds) return textError(401, 'Not Authorized. Basic Authentication credentials must be provided according to RFC 7617, Section 2.');
      if (this.users[creds.user] === undefined || this.users[creds.user] !== creds.pass) return textError(401, 'Not authenticated in apiserver');
      if (!this.allowed(creds.user, route.perm)) return textError(403, 'Not authorized for this apiserver action');
      user = creds.user;
      const limited = this.overLimit('apiserver');
      if (limited) return limited;
    }
    // Decode errors are ignored upstream: a malformed body is the zero request.
    return route.run({ user, body: req.badJson ? {} : req.json }, req);
  }

  allowed(user: string, perm: PgoPermission): boolean {
    const limited = this.permissions[user];
    return limited === undefined || limited.includes(perm);
  }

  /** The namespace check every cluster handler runs after the version check. */
  namespaceError(ns: string): string | undefined {
    if (ns === '') return 'empty namespace is not valid from pgo clients';
    if (!this.namespaces.includes(ns)) return `namespace [${ns}] is not part of the Operator installation`;
    return undefined;
  }

  show(c: FakePgCluster): ReturnType<typeof renderDetail> {
    return renderDetail(c);
  }
}

export function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export async function startPgoFake(opts: PgoFakeOptions = {}): Promise<PgoFake> {
  const fake = new PgoFake(opts);
  await fake.start();
  return fake;
}
