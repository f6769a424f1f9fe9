// The one HTTP client every provider uses: Node's own http/https (or undici; transport.ts), Basic or Bearer auth,
// mutual TLS, per-request timeouts, retries with backoff and jitter, typed errors.
// Every response is bounded: a size cap (the body is streamed and dropped once over it) and an overall deadline
// for headers plus the whole body (the transports' idle timeout only measures the gaps between chunks, so a body
// dripping one byte a second would otherwise never end).
import { setMaxListeners } from 'node:events';
import type { Dispatcher } from 'undici';
import { ApiError, httpError } from './errors.js';
import { decodeBody, fallbackMessage, formatBytes, redirectError, retryAfterMs, safeOrigin, seconds, transportError } from './http-errors.js';
import { currentContext, type Budget } from './budget.js';
import { afterWrite, beforeSend } from './write-scope.js';
import { plainHttpRefusal, type PlainHttpPolicy } from './http-plain.js';
import type { Transport, TransportKind, TransportResponse } from './transport.js';
import { nodeTransport } from './transport-node.js';
import type { TlsOptions } from './transport.js';

export type Auth =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'none' };

export type { TlsOptions };

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  /** Cap for one wait. A Retry-After longer than this is not waited for: the error goes up instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 300, maxDelayMs: 10_000 };

export interface HttpClientOptions {
  baseUrl: string;
  auth?: Auth;
  headers?: Record<string, string>;
  /** Idle timeout: the headers, and each gap between body chunks (default 15 s). */
  timeoutMs?: number;
  /** Headers plus the whole body must arrive within this (default DEADLINE_FACTOR × timeoutMs). */
  deadlineMs?: number;
  /** Largest response body read, in bytes (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
  tls?: TlsOptions;
  retry?: RetryPolicy;
  /** Pulls the provider's own message out of an error body (parsed JSON when it was JSON, else the text). */
  errorMessage?: (status: number, body: unknown, text: string) => string | undefined;
  /** Which transport sends the requests (default transportKind(): Node's http/https unless PGTUI_HTTP=undici). */
  transport?: TransportKind;
  /** Test hook: an undici dispatcher to send every request through (implies the undici transport). */
  dispatcher?: Dispatcher;
  /** The credential's request budget (budget.ts): every request waits for a slot; a 429 pauses it. */
  budget?: Budget;
  /** Plain http:// (http-plain.ts): refused unless loopback or `insecure`; checked before every request. */
  plainHttp?: PlainHttpPolicy;
  /** Test/bench hook: sleep used between retries. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to repeat after a network error or 502/503/504. Defaults to true for GET/PUT/DELETE. */
  idempotent?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  deadlineMs?: number;
  /** Overrides the client's size cap (an unpaged list may need more than one object does). */
  maxBytes?: number;
  /** What the success body is: JSON (default), plain text, or nothing to read. */
  expect?: 'json' | 'text' | 'none';
  /** Overrides the client's base URL (IONOS v2 talks to nine regional endpoints). */
  baseUrl?: string;
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: T;
}

/** Counts requests per process; the benchmarks and the store tests read it. */
export const httpStats = { requests: 0 };

/** Node's http/https unless PGTUI_HTTP=undici (both run the same pipeline below; transport.ts). */
export function transportKind(env: NodeJS.ProcessEnv = process.env): TransportKind {
  return env.PGTUI_HTTP === 'undici' ? 'undici' : 'node';
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
/** With a budget: the longest 429 pause one request waits for (it waits out `retries` of them, at least one). */
const MAX_THROTTLE_WAIT_MS = 15_000;

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
/** The overall deadline is this many idle timeouts unless set: 60 s by default. */
export const DEADLINE_FACTOR = 4;

/**
 * Errors not worth repeating: the whole deadline was already spent on an answer that kept coming, or the answer
 * was over the size cap (it will be again). Kept here rather than on ApiError: only the retry loop asks.
 */
const final = new WeakSet<ApiError>();

export class HttpClient {
  private transport?: Promise<Transport>;
  private readonly opts: HttpClientOptions;

  constructor(opts: HttpClientOptions) {
    this.opts = opts;
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  async json<T>(req: RequestOptions): Promise<T> {
    return (await this.request<T>(req)).data;
  }

  async request<T>(req: RequestOptions): Promise<HttpResponse<T>> {
    // One caller's signal may cover dozens of concurrent page requests, each listening for its abort; Node's
    // "possible leak" warning at 11 would land on the TUI's screen.
    if (req.signal) setMaxListeners(0, req.signal);
    // A plan's capture stops here, and a write outside a plan is refused (write-scope.ts, docs/plans.md).
    beforeSend({ method: req.method, url: buildUrl(req.baseUrl ?? this.opts.baseUrl, req.path, req.query), body: req.body, auth: this.opts.auth?.type === 'none' ? undefined : this.opts.auth?.type }, req.idempotent);
    const policy = this.opts.retry ?? DEFAULT_RETRY;
    const idempotent = req.idempotent ?? (req.method !== 'POST' && req.method !== 'PATCH');
    const budget = this.opts.budget;
    const ctx = currentContext();
    let throttles = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        if (budget) {
          if (ctx) ctx.waiting = (ctx.waiting ?? 0) + 1;
          try {
            await budget.acquire(ctx?.priority ?? 'user', req.signal);
          } finally {
            if (ctx) ctx.waiting!--;
          }
        }
        if (ctx) ctx.sent++;
        return await this.once<T>(req);
      } catch (err) {
        if (budget && err instanceof ApiError && err.kind === 'rate-limit' && !req.signal?.aborted) {
          // The whole credential waits (budget.ts); the request queues again behind the pause. A limit that never
          // lifts still ends as an error after a few rounds.
          const wait = err.retryAfterMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** throttles);
          budget.throttled(wait);
          if (++throttles <= Math.max(1, policy.retries) && wait <= MAX_THROTTLE_WAIT_MS) {
            attempt--;
            continue;
          }
          throw err;
        }
        if (!(err instanceof ApiError) || attempt >= policy.retries || req.signal?.aborted || final.has(err)) throw err;
        const retriable =
          err.kind === 'rate-limit' || // the server refused it, so repeating is safe for any method
          (idempotent && (err.kind === 'network' || err.kind === 'timeout' || (err.status !== undefined && RETRY_STATUS.has(err.status))));
        if (!retriable) throw err;
        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
        const jittered = backoff / 2 + Math.random() * (backoff / 2);
        const wait = err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, jittered / 4) : jittered;
        if (wait > policy.maxDelayMs) throw err;
        await (this.opts.sleep ?? sleep)(wait, req.signal);
      }
    }
  }

  async close(): Promise<void> {
    const transport = this.transport;
    this.transport = undefined;
    await (await transport)?.close();
  }

  private connection(): Promise<Transport> {
    const { tls, dispatcher } = this.opts;
    this.transport ??=
      dispatcher || (this.opts.transport ?? transportKind()) === 'undici'
        ? import('./transport-undici.js').then((m) => m.undiciTransport({ tls, dispatcher }))
        : Promise.resolve(nodeTransport({ tls }));
    return this.transport;
  }

  private async once<T>(req: RequestOptions): Promise<HttpResponse<T>> {
    const refusal = plainHttpRefusal(req.baseUrl ?? this.opts.baseUrl, this.opts.plainHttp);
    if (refusal) {
      const err = new ApiError(refusal, { kind: 'config' });
      final.add(err);
      throw err;
    }
    const url = buildUrl(req.baseUrl ?? this.opts.baseUrl, req.path, req.query);
    const headers: Record<string, string> = { accept: 'application/json', ...this.opts.headers, ...req.headers };
    const auth = this.opts.auth;
    if (auth?.type === 'basic') headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    if (auth?.type === 'bearer') headers.authorization = `Bearer ${auth.token}`;
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    const timeout = req.timeoutMs ?? this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Never so close to the idle timeout that it wins the race (undici's timers tick coarsely).
    const deadline = req.deadlineMs ?? this.opts.deadlineMs ?? Math.max(timeout * DEADLINE_FACTOR, timeout + 2_000);
    const maxBytes = req.maxBytes ?? this.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const clientCert = Boolean(this.opts.tls?.cert);
    // One controller for the caller's cancel and the deadline, so either stops the socket at once.
    const ctl = new AbortController();
    let late = false;
    const onAbort = () => ctl.abort();
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      late = true;
      ctl.abort();
    }, deadline);
    const overDeadline = () => {
      const err = new ApiError(`${safeOrigin(url)} did not finish answering within ${seconds(deadline)}`, { kind: 'timeout' });
      final.add(err);
      return err;
    };
    httpStats.requests++;
    try {
      let res: TransportResponse;
      try {
        res = await (await this.connection()).send(url, { method: req.method, headers, body, signal: ctl.signal, timeoutMs: timeout });
      } catch (err) {
        throw late ? overDeadline() : transportError(err, url, timeout, clientCert);
      }
      let text: string;
      try {
        text = await readCapped(res, maxBytes, url);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw late ? overDeadline() : transportError(err, url, timeout, clientCert);
      }
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 300 && res.statusCode < 400) throw redirectError(res.statusCode, res.headers, url);
      if (res.statusCode < 200 || res.statusCode >= 300) {
        throw this.statusError(res.statusCode, res.headers, contentType, text);
      }
      afterWrite(req.method, req.idempotent, res.statusCode, res.headers);
      const data = decodeBody<T>(req.expect ?? 'json', contentType, text, res.statusCode);
      return { status: res.statusCode, headers: res.headers, data };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }

  private statusError(status: number, headers: Record<string, string | string[] | undefined>, contentType: string, text: string): ApiError {
    let parsed: unknown = text;
    if (/json/i.test(contentType) || /^\s*[{[]/.test(text)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    let message = this.opts.errorMessage?.(status, parsed, text);
    if (!message) message = fallbackMessage(contentType, text);
    return httpError(status, message, { retryAfterMs: retryAfterMs(headers) });
  }
}

/** The body as text, streamed: once it passes `maxBytes` the socket is dropped and nothing more is kept. */
async function readCapped(res: TransportResponse, maxBytes: number, url: string): Promise<string> {
  const tooBig = () => {
    const err = new ApiError(`the response from ${safeOrigin(url)} exceeded ${formatBytes(maxBytes)}`, { kind: 'malformed', status: res.statusCode });
    final.add(err);
    return err;
  };
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw tooBig();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

export function buildUrl(base: string, path: string, query?: RequestOptions['query']): string {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError('request cancelled', { kind: 'timeout' }));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new ApiError('request cancelled', { kind: 'timeout' }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
