// Shared machinery for the fake provider servers: a real node:http(s) server on 127.0.0.1, a controllable
// clock that drives state transitions lazily (due transitions apply on the next request), a request log,
// and per-test fault injection.
import http from 'node:http';
import { TokenBuckets } from './bucket.js';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Raw body text ('' when none). */
  text: string;
  /** Parsed JSON body, or undefined when empty or not JSON. */
  json: unknown;
  /** Set when the body was present but not valid JSON. */
  badJson: boolean;
  /** The TLS client certificate subject CN, when one was presented (PGO). */
  clientCertCN?: string;
  /** Whether the presented client certificate verified against the server's CA (TLS only). */
  clientCertAuthorized?: boolean;
}

export interface FakeResponse {
  status: number;
  body?: unknown; // serialised as JSON unless `raw` is given
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Close the connection without answering (what a TLS server does after rejecting a client certificate). */
  destroy?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  at: number;
}

export interface Fault {
  /** Added latency before answering, ms. */
  latencyMs?: number;
  /** Answer 429 with the provider's retry header set to this many seconds. */
  rateLimitSeconds?: number;
  /** Answer with this status (500, 502, 503, 409, ...) and the provider's error body. */
  status?: number;
  /** Message for `status`. */
  message?: string;
  /** Never answer (until the server stops or the client gives up). */
  hang?: boolean;
  /** 200 with a truncated JSON body. */
  malformed?: boolean;
  /** An HTML error page, as a proxy in front of the API would send, with this status. */
  htmlStatus?: number;
  /** Credentials no longer accepted: the provider's 401. */
  revoked?: boolean;
  /** Only requests whose "METHOD /path" matches. */
  match?: RegExp;
  /** How many matching requests to affect; unlimited when absent. */
  times?: number;
  /** Answer this many matching requests normally first (a provider that stops answering after its first list). */
  after?: number;
}

/** Time for the fakes. `speed` scales real time; `advance` moves it by hand (tests). */
export class FakeClock {
  private offset = 0;
  private readonly startReal = Date.now();
  constructor(
    public speed = 1,
    private readonly start = Date.now(),
  ) {}
  now(): number {
    return this.start + (Date.now() - this.startReal) * this.speed + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  /** Real time plus every advance(): what rate limits count in (requests arrive in real time, whatever the speed). */
  wall(): number {
    return Date.now() + this.offset;
  }
}

/** A provider's request limit per credential (real time, not the fake clock); false turns it off. */
export type FakeRateLimit = { requests: number; windowSeconds: number } | false;

export interface FakeOptions {
  clock?: FakeClock;
  /** Each fake defaults to its provider's limit (docs/polling-store.md); tests that need it off say so. */
  rateLimit?: FakeRateLimit;
  /** Shared buckets (IONOS v2's regions count against one account). */
  buckets?: TokenBuckets;
  /** How long transitions take on the fake clock, ms (create, update, delete). Default 6000. */
  transitionMs?: number;
  tls?: { key: string; cert: string; ca: string; requestCert: boolean };
}

/** Database credentials a fake has just "provisioned" (create, password reset). */
export interface ProvisionedLogin {
  user: string;
  password: string;
  database: string;
}

interface Pending {
  at: number;
  apply: () => void;
}

export abstract class FakeServer {
  readonly clock: FakeClock;
  readonly transitionMs: number;
  readonly requests: RecordedRequest[] = [];
  private faults: Fault[] = [];
  private pending: Pending[] = [];
  private server?: http.Server | https.Server;
  private readonly tls?: FakeOptions['tls'];
  private readonly hung = new Set<http.ServerResponse>();
  url = '';
  /** Called when the fake hands out database credentials; the demo creates them in a real local PostgreSQL. */
  onProvision?: (login: ProvisionedLogin) => void;

  /** Per-credential rate limit buckets; undefined when the limit is off. */
  protected readonly buckets?: TokenBuckets;
  /** 429s this fake answered because of its rate limit (not injected faults). */
  throttled = 0;

  constructor(opts: FakeOptions = {}, defaultLimit: FakeRateLimit = false) {
    const limit = opts.rateLimit ?? defaultLimit;
    this.buckets = opts.buckets ?? (limit ? new TokenBuckets(limit.requests, limit.windowSeconds * 1000) : undefined);
    this.clock = opts.clock ?? new FakeClock();
    this.transitionMs = opts.transitionMs ?? 6000;
    this.tls = opts.tls;
  }

  /** The provider's error response for a status and message. */
  protected abstract errorResponse(status: number, message: string): FakeResponse;
  /** The provider's 429, with its retry header. */
  protected abstract rateLimitResponse(seconds: number): FakeResponse;
  /** The provider's answer when credentials are missing or revoked. */
  protected abstract unauthorizedResponse(): FakeResponse;
  protected abstract handle(req: FakeRequest): FakeResponse | Promise<FakeResponse>;

  /** The provider's 429 when `credential` is over its limit (counted on the wall clock: rates are real). */
  protected overLimit(credential: string): FakeResponse | undefined {
    const wait = this.buckets?.take(credential, this.clock.wall());
    if (wait === undefined) return undefined;
    this.throttled++;
    return this.rateLimitResponse(wait);
  }

  /** Adds a fault; returns a function that removes it. */
  inject(fault: Fault): () => void {
    this.faults.push(fault);
    return () => this.clearFault(fault);
  }

  clearFaults(): void {
    this.faults = [];
  }

  private clearFault(fault: Fault): void {
    this.faults = this.faults.filter((f) => f !== fault);
  }

  protected provisioned(login: ProvisionedLogin): void {
    this.onProvision?.(login);
  }

  /** Schedules a state change `delayMs` from now on the fake clock. */
  protected later(delayMs: number, apply: () => void): void {
    this.pending.push({ at: this.clock.now() + delayMs, apply });
  }

  /** Applies every transition that is due. Called before each request; tests may call it after advancing. */
  settle(): void {
    const now = this.clock.now();
    const due = this.pending.filter((p) => p.at <= now).sort((a, b) => a.at - b.at);
    if (due.length === 0) return;
    this.pending = this.pending.filter((p) => p.at > now);
    for (const p of due) p.apply();
  }

  async start(port = 0): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void this.onRequest(req, res);
    this.server = this.tls
      ? https.createServer({ key: this.tls.key, cert: this.tls.cert, ca: this.tls.ca, requestCert: this.tls.requestCert, rejectUnauthorized: false }, handler)
      : http.createServer(handler);
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.url = `${this.tls ? 'https' : 'http'}://127.0.0.1:${bound}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFault(key: string): Fault | undefined {
    const fault = this.faults.find((f) => !f.match || f.match.test(key));
    if (!fault) return undefined;
    if (fault.after !== undefined && fault.after > 0) {
      fault.after--;
      return undefined;
    }
    if (fault.times !== undefined) {
      fault.times--;
      if (fault.times <= 0) this.clearFault(fault);
    }
    return fault;
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let json: unknown;
    let badJson = false;
    if (text.trim()) {
      try {
        json = JSON.parse(text);
      } catch {
        badJson = true;
      }
    }
    const socket = req.socket as import('node:tls').TLSSocket;
    const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
    const fr: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      text,
      json,
      badJson,
      clientCertCN: peer && peer.subject ? String(peer.subject.CN ?? '') : undefined,
      clientCertAuthorized: typeof socket.getPeerCertificate === 'function' ? socket.authorized : undefined,
    };
    this.requests.push({ method: fr.method, path: fr.path, query: Object.fromEntries(url.searchParams), body: json ?? (text || undefined), at: Date.now() });

    const fault = this.takeFault(`${fr.method} ${fr.path}`);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.hang) {
      this.hung.add(res);
      res.on('close', () => this.hung.delete(res));
      return;
    }
    let out: FakeResponse;
    if (fault?.rateLimitSeconds !== undefined) out = this.rateLimitResponse(fault.rateLimitSeconds);
    else if (fault?.revoked) out = this.unauthorizedResponse();
    else if (fault?.status) out = this.errorResponse(fault.status, fault.message ?? 'injected failure');
    else if (fault?.htmlStatus) out = htmlPage(fault.htmlStatus);
    else if (fault?.malformed) out = { status: 200, raw: '{"items": [{"id": "trunc', contentType: 'application/json' };
    else {
      this.settle();
      try {
        out = await this.handle(fr);
      } catch (err) {
        out = this.errorResponse(500, `fake crashed: ${(err as Error).message}`);
      }
    }
    send(res, out);
  }
}

function htmlPage(status: number): FakeResponse {
  return {
    status,
    contentType: 'text/html',
    raw: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n`,
  };
}

export function send(res: http.ServerResponse, out: FakeResponse): void {
  if (out.destroy) {
    res.socket?.destroy();
    return;
  }
  const body = out.raw ?? (out.body === undefined ? '' : JSON.stringify(out.body));
  const headers: Record<string, string> = { ...out.headers };
  if (body) headers['content-type'] = out.contentType ?? 'application/json';
  res.writeHead(out.status, headers);
  res.end(body);
}

/** Reads HTTP Basic credentials. */
export function basicAuth(headers: http.IncomingHttpHeaders): { user: string; pass: string } | undefined {
  const h = headers.authorization;
  if (!h?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(h.slice(6), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
}

/** Deterministic pseudo-random generator for seeds (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID v4 from a generator (seeded fakes give stable ids). */
export function uuid(rand: () => number = Math.random): string {
  const hex = [...Array(32)].map(() => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
