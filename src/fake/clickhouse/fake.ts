// A fake ClickHouse Cloud API, Managed Postgres part: Basic auth with API keys (one organisation each),
// the {result, requestId, status} envelope, "CODE: message" errors, state transitions on the fake clock,
// the documented 10-requests-per-10-s limit per key, and the observed quirk that PATCH without tags clears them.
import { FakeClock, FakeServer, basicAuth, seeded, uuid, type FakeRequest, type FakeResponse } from '../kit.js';
import { fullService, generatePassword, hostnameFor, isoTime, listItem, seedShape, type FakePgService } from './model.js';
import { CA_RESPONSE } from './ca.js';
import { HttpFail, errorBody } from './errors.js';
import * as check from './validate.js';
import { TokenBuckets } from '../bucket.js';
import { applyConfig } from './config.js';
import * as insight from './insight.js';

export type { FakePgService } from './model.js';

export interface ClickHouseFakeOptions {
  clock?: FakeClock;
  /** Fake-clock ms a transition takes (create, restart, resize, delete). Default 6000. */
  transitionMs?: number;
  seed?: number;
  /** Token bucket per API key; false turns it off (demo, benchmarks). Default: 10 requests per 10 s. */
  rateLimit?: { requests: number; windowSeconds: number } | false;
  /** Generates new services' passwords (the demo makes them match its local PostgreSQL's `postgres` role); a reset always generates a fresh one. */
  password?: () => string;
  /** PEM served from /caCertificates (the demo passes the CA that signed its local PostgreSQL's certificate). */
  caPem?: string;
}

export interface FakeApiKey {
  keyId: string;
  keySecret: string;
  orgId: string;
}

/** States in which the real API refuses deletes and changes with 409. */
const BUSY = new Set(['creating', 'restarting', 'replaying_wal', 'restoring_backup', 'finalizing_restore', 'deleting']);

export class ClickHouseFake extends FakeServer {
  readonly orgId: string;
  readonly keyId: string;
  readonly keySecret: string;
  /** A key of a second organisation (its services are invisible to the first key, and vice versa). */
  readonly otherKey: FakeApiKey;
  readonly services = new Map<string, FakePgService>();
  private readonly orgs = new Map<string, { id: string; name: string; createdAt: string }>();
  private readonly keys = new Map<string, FakeApiKey>();
  private readonly rand: () => number;
  private readonly keyBuckets?: TokenBuckets;
  private seededCount = 0;
  private readonly newPassword: () => string;
  private readonly caPem?: string;
  /** Log lines added by tests on top of the synthetic ones (service id → lines). */
  readonly extraLogs = new Map<string, insight.ExtraLog[]>();

  constructor(opts: ClickHouseFakeOptions = {}) {
    super({ clock: opts.clock, transitionMs: opts.transitionMs });
    this.rand = seeded(opts.seed ?? 42);
    this.newPassword = opts.password ?? (() => generatePassword(this.rand));
    this.caPem = opts.caPem;
    if (opts.rateLimit !== false) this.keyBuckets = new TokenBuckets(opts.rateLimit?.requests ?? 10, (opts.rateLimit?.windowSeconds ?? 10) * 1000);
    const main = this.addOrg('Acme Data');
    const other = this.addOrg('Other Org');
    this.orgId = main;
    const key = this.addKey(main);
    this.keyId = key.keyId;
    this.keySecret = key.keySecret;
    this.otherKey = this.addKey(other);
  }

  addOrg(name: string): string {
    const id = uuid(this.rand);
    this.orgs.set(id, { id, name, createdAt: isoTime(this.clock.now() - 400 * 86_400_000) });
    return id;
  }

  addKey(orgId: string): FakeApiKey {
    const key = { keyId: `${Math.floor(this.rand() * 36 ** 10).toString(36).padStart(10, '0').toUpperCase()}`, keySecret: `4b1d${uuid(this.rand).replace(/-/g, '')}`, orgId };
    this.keys.set(key.keyId, key);
    return key;
  }

  revokeKey(keyId: string): void {
    this.keys.delete(keyId);
  }

  /** Adds a service in any state; it stays in that state (seeded services do not transition on their own). */
  addService(init: Partial<FakePgService> = {}): FakePgService {
    const id = init.id ?? uuid(this.rand);
    const orgId = init.orgId ?? this.orgId;
    const name = init.name ?? `service ${this.services.size + 1}`;
    const provider = init.provider ?? 'aws';
    const region = init.region ?? (provider === 'gcp' ? 'us-east1' : 'us-east-1');
    const created = init.createdAt ?? isoTime(this.clock.now() - 3 * 86_400_000 - Math.floor(this.rand() * 90 * 86_400_000));
    const s: FakePgService = {
      id, orgId, name, provider, region,
      postgresVersion: '17',
      size: provider === 'gcp' ? 'c4a-standard-4' : 'r8gd.large',
      haType: 'none',
      tags: [],
      state: 'running',
      createdAt: created,
      isPrimary: true,
      hostname: init.hostname ?? hostnameFor(name, id, orgId, provider, region),
      username: 'postgres',
      password: this.newPassword(),
      firstBackupAt: Date.parse(created) + 10 * 60_000,
      pgConfig: {},
      pgBouncerConfig: {},
      ...init,
    };
    this.services.set(id, s);
    return s;
  }

  /** Adds `count` deterministic services (names, clouds, sizes, a spread of states) and returns them. */
  seedServices(count: number, orgId = this.orgId): FakePgService[] {
    const out: FakePgService[] = [];
    for (let i = 0; i < count; i++) out.push(this.addService({ ...seedShape(this.rand, this.seededCount++), orgId }));
    return out;
  }

  service(id: string): FakePgService | undefined {
    return this.services.get(id);
  }

  protected errorResponse(status: number, message: string): FakeResponse {
    return { status, body: errorBody(status, message, uuid(this.rand)) };
  }

  protected rateLimitResponse(seconds: number): FakeResponse {
    const out = this.errorResponse(429, 'Too many requests, please retry later');
    return { ...out, headers: { 'X-RateLimit-Reset': String(seconds) } };
  }

  protected unauthorizedResponse(): FakeResponse {
    return this.errorResponse(401, 'Invalid API key or secret');
  }

  protected handle(req: FakeRequest): FakeResponse {
    const creds = basicAuth(req.headers);
    const key = creds && this.keys.get(creds.user);
    if (!key || key.keySecret !== creds.pass) return this.unauthorizedResponse();
    const wait = this.keyBuckets?.take(key.keyId, this.clock.wall());
    if (wait !== undefined) {
      this.throttled++;
      return this.rateLimitResponse(wait);
    }
    try {
      return this.route(req, key);
    } catch (err) {
      if (err instanceof HttpFail) return this.errorResponse(err.status, err.message);
      throw err;
    }
  }

  private ok(result: unknown): FakeResponse {
    return { status: 200, body: result === undefined ? { requestId: uuid(this.rand), status: 200 } : { result, requestId: uuid(this.rand), status: 200 } };
  }

  private route(req: FakeRequest, key: FakeApiKey): FakeResponse {
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v1' || parts[1] !== 'organizations') throw new HttpFail(404, `Unknown path ${req.path}`);
    if (parts.length === 2 && req.method === 'GET') {
      const org = this.orgs.get(key.orgId)!;
      return this.ok([{ ...org, privateEndpoints: [], byocConfig: [], enableCoreDumps: true }]);
    }
    const orgId = parts[2]!;
    if (orgId !== key.orgId) throw new HttpFail(403, `The API key is not authorized for organization ${orgId}`);
    if (parts[3] !== 'postgres') throw new HttpFail(404, `Unknown path ${req.path}`);
    const body = (): Record<string, unknown> => {
      if (req.badJson) throw new HttpFail(400, 'Invalid JSON body');
      const o = check.asObject(req.json ?? {});
      if (!o) throw new HttpFail(400, 'The request body must be a JSON object');
      return o;
    };
    if (parts.length === 4) {
      if (req.method === 'GET') return this.ok([...this.services.values()].filter((s) => s.orgId === orgId).map(listItem));
      if (req.method === 'POST') return this.ok(fullService(this.create(orgId, body()), true));
    }
    if (parts.length === 5 && parts[4] === 'prometheus' && req.method === 'GET') {
      const text = [...this.services.values()].filter((x) => x.orgId === orgId).map((x) => insight.prometheus(x.id, this.clock.now())).join('');
      return { status: 200, raw: text, contentType: 'text/plain; charset=UTF-8' };
    }
    const s = this.services.get(parts[4] ?? '');
    if (!s || s.orgId !== orgId) throw new HttpFail(404, `Postgres service ${parts[4]} not found`);
    const sub = parts.slice(5).join('/');
    const route = `${req.method} ${sub}`;
    switch (route) {
      case 'GET ':
        return this.ok(fullService(s));
      case 'PATCH ':
        return this.ok(fullService(this.patch(s, body())));
      case 'DELETE ':
        this.remove(s);
        return this.ok(undefined);
      case 'PATCH state':
        return this.ok(fullService(this.command(s, body())));
      case 'PATCH password':
        return this.ok(this.password(s, body()));
      case 'POST readReplica':
        return this.ok(fullService(this.replica(s, body()), true));
      case 'POST restoredService':
        return this.ok(fullService(this.restore(s, body()), true));
      case 'GET config':
        return this.ok({ pgConfig: s.pgConfig, pgBouncerConfig: s.pgBouncerConfig });
      case 'POST config':
      case 'PATCH config':
        this.fail(check.configBody(body()));
        return this.ok(applyConfig(s, body(), req.method === 'POST'));
      case 'GET caCertificates':
        return this.caPem ? { ...CA_RESPONSE, raw: this.caPem } : CA_RESPONSE;
      case 'GET logs':
        return this.ok(insight.logs(s.id, req.query, this.clock.now(), this.extraLogs.get(s.id) ?? []));
      case 'GET metrics':
        return this.ok(insight.metrics(s.id, req.query, this.clock.now()));
      case 'GET prometheus':
        return { status: 200, raw: insight.prometheus(s.id, this.clock.now()), contentType: 'text/plain; charset=UTF-8' };
      case 'GET slowQueryPatterns':
        return this.ok(insight.slowPatterns(s.id, req.query, this.clock.now()));
      default:
        if (req.method === 'GET' && parts.length === 7 && parts[5] === 'slowQueryPatterns') return this.ok(insight.slowPattern(s.id, parts[6]!, req.query, this.clock.now()));
        throw new HttpFail(404, `Unknown path ${req.path}`);
    }
  }

  private fail(problem: string | undefined): void {
    if (problem) throw new HttpFail(400, problem);
  }

  private nameTaken(orgId: string, name: string, except?: string): void {
    for (const s of this.services.values()) {
      if (s.orgId === orgId && s.name === name && s.id !== except && s.state !== 'deleting') throw new HttpFail(400, `A service named "${name}" already exists`);
    }
  }

  /** A new service in `state`, running after `steps` (state, delay) transitions. */
  private spawn(init: Partial<FakePgService>, steps: Array<[string, number]>): FakePgService {
    const now = this.clock.now();
    const s = this.addService({ ...init, createdAt: isoTime(now), state: steps.length ? 'creating' : 'running', firstBackupAt: Number.POSITIVE_INFINITY });
    this.provisioned({ user: s.username, password: s.password, database: 'postgres' });
    let at = 0;
    for (const [state, delay] of steps) {
      at += delay;
      this.later(at, () => {
        if (this.services.get(s.id) !== s || s.state === 'deleting') return;
        s.state = state;
        // The first automatic backup comes some time after the service is up (≈10 min on the real API).
        if (state === 'running') s.firstBackupAt = this.clock.now() + this.transitionMs;
      });
    }
    return s;
  }

  private create(orgId: string, b: Record<string, unknown>): FakePgService {
    this.fail(check.createBody(b));
    this.nameTaken(orgId, b.name as string);
    return this.spawn(
      {
        orgId,
        name: b.name as string,
        provider: b.provider as string,
        region: b.region as string,
        size: b.size as string,
        postgresVersion: (b.postgresVersion as string | undefined) ?? '17',
        haType: (b.haType as string | undefined) ?? 'none',
        tags: (b.tags as FakePgService['tags'] | undefined) ?? [],
        pgConfig: (b.pgConfig as FakePgService['pgConfig'] | undefined) ?? {},
        pgBouncerConfig: (b.pgBouncerConfig as FakePgService['pgBouncerConfig'] | undefined) ?? {},
      },
      [['running', this.transitionMs]],
    );
  }

  private busy(s: FakePgService): void {
    if (BUSY.has(s.state)) throw new HttpFail(409, 'Conflict');
  }

  /**
   * The server's rules beyond the spec, as ClickHouse's Terraform provider documents them (docs/fakes.md): a live
   * read replica takes no PATCH, the name is immutable after creation, and a tag needs a value (validate.ts).
   */
  private patch(s: FakePgService, b: Record<string, unknown>): FakePgService {
    if (!s.isPrimary) throw new HttpFail(400, 'read replica services cannot be updated');
    this.fail(check.patchBody(b, s.provider));
    if (b.name !== undefined && b.name !== s.name) throw new HttpFail(400, 'name cannot be changed after the service is created');
    this.busy(s);
    // Observed on the real API: a PATCH without `tags` clears them, despite the documented merge-patch.
    if (s.isPrimary) s.tags = (b.tags as FakePgService['tags'] | undefined) ?? [];
    const resize = (typeof b.size === 'string' && b.size !== s.size) || (typeof b.haType === 'string' && b.haType !== s.haType);
    if (typeof b.size === 'string') s.size = b.size;
    if (typeof b.haType === 'string') s.haType = b.haType;
    if (resize) this.transient(s, 'restarting');
    return s;
  }

  /** Puts `s` in `state` and back to running after one transition. */
  private transient(s: FakePgService, state: string): void {
    s.state = state;
    this.later(this.transitionMs, () => {
      if (this.services.get(s.id) === s && s.state === state) s.state = 'running';
    });
  }

  private remove(s: FakePgService): void {
    this.busy(s);
    const replicas = [...this.services.values()].filter((r) => r.parentId === s.id && r.state !== 'deleting');
    if (replicas.length) throw new HttpFail(409, `Service has ${replicas.length} read replica(s); delete them first`);
    s.state = 'deleting';
    this.later(this.transitionMs, () => {
      if (this.services.get(s.id) === s) this.services.delete(s.id);
    });
  }

  private command(s: FakePgService, b: Record<string, unknown>): FakePgService {
    this.fail(check.stateBody(b));
    this.busy(s);
    if (b.command === 'promote') {
      if (s.isPrimary) throw new HttpFail(400, 'Only read replicas can be promoted');
      s.isPrimary = true;
      s.parentId = undefined;
      this.transient(s, 'restarting');
    } else if (b.command === 'switchover') {
      if (s.haType === 'none') throw new HttpFail(400, 'Switchover needs a service with high availability');
      this.transient(s, 'restarting');
    } else {
      this.transient(s, 'restarting');
    }
    return s;
  }

  private password(s: FakePgService, b: Record<string, unknown>): Record<string, unknown> {
    this.fail(check.passwordBody(b));
    if (s.state === 'creating' || s.state === 'deleting') throw new HttpFail(409, 'Conflict');
    if (typeof b.password === 'string') {
      s.password = b.password;
      this.provisioned({ user: s.username, password: s.password, database: 'postgres' });
      return {};
    }
    // A reset always hands out a fresh one, as the real API does (`password` only sets what new services get).
    s.password = generatePassword(this.rand);
    this.provisioned({ user: s.username, password: s.password, database: 'postgres' });
    return { password: s.password };
  }

  private needsBackup(parent: FakePgService): void {
    if (parent.state !== 'running' || this.clock.now() < parent.firstBackupAt) {
      throw new HttpFail(400, 'Parent server is not ready for read replicas. There are no backups, yet.');
    }
  }

  private replica(parent: FakePgService, b: Record<string, unknown>): FakePgService {
    this.fail(check.replicaBody(b));
    if (!parent.isPrimary) throw new HttpFail(400, 'Read replicas can only follow a primary service');
    this.needsBackup(parent);
    this.nameTaken(parent.orgId, b.name as string);
    const { provider, region, size, postgresVersion, orgId } = parent;
    return this.spawn(
      { orgId, provider, region, size, postgresVersion, haType: 'none', name: b.name as string, isPrimary: false, parentId: parent.id, tags: (b.tags as FakePgService['tags']) ?? [] },
      [['replaying_wal', this.transitionMs / 2], ['running', this.transitionMs / 2]],
    );
  }

  private restore(source: FakePgService, b: Record<string, unknown>): FakePgService {
    this.fail(check.restoreBody(b));
    const target = Date.parse(b.restoreTarget as string);
    if (target > this.clock.now()) throw new HttpFail(400, 'restoreTarget is in the future');
    if (target < source.firstBackupAt || source.firstBackupAt > this.clock.now()) {
      throw new HttpFail(400, 'No backup exists at or before restoreTarget');
    }
    this.nameTaken(source.orgId, b.name as string);
    const { provider, region, size, postgresVersion, haType, orgId } = source;
    return this.spawn(
      { orgId, provider, region, size, postgresVersion, haType, name: b.name as string, tags: (b.tags as FakePgService['tags']) ?? [] },
      [['restoring_backup', this.transitionMs / 3], ['finalizing_restore', this.transitionMs / 3], ['running', this.transitionMs / 3]],
    );
  }
}

export async function startClickHouseFake(opts: ClickHouseFakeOptions = {}): Promise<ClickHouseFake> {
  const fake = new ClickHouseFake(opts);
  await fake.start();
  return fake;
}
