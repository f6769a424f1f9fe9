// Transport for the pgo-apiserver: mutual TLS from the profile's PEM files, Basic auth, the ClientVersion
// handshake (GET /version once, then echo it), and the "HTTP 200 with Code:error" convention.
import { readFileSync } from 'node:fs';
import { ApiError } from '../core/errors.js';
import { HttpClient } from '../core/http.js';
import { budgetOf, originOf, type RatePolicy } from '../core/budget-profile.js';
import type { ProviderDeps } from '../core/profile-common.js';
import type { PgoProfile } from './profile.js';
import { VERSION_MISMATCH_MSG } from './validate.js';
import { plainHttpRefusal } from './plain-http.js';
import type { PgoStatus, VersionResponse } from './wire.js';

function readPem(path: string | undefined, what: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : `cannot be read (${code ?? 'error'})`;
    throw new ApiError(`${what} file ${path} ${why}`, { kind: 'config', cause: err });
  }
}

/** pgo-apiserver errors before the handler are plain text (http.Error); handler errors are JSON with Msg. */
export function pgoErrorMessage(status: number, body: unknown, text: string): string | undefined {
  if (body && typeof body === 'object' && typeof (body as PgoStatus).Msg === 'string' && (body as PgoStatus).Msg) return (body as PgoStatus).Msg;
  const trimmed = text.trim();
  if (trimmed && !trimmed.startsWith('<')) return trimmed;
  if (status === 405) return 'method not allowed';
  return undefined;
}

/** Throws the typed error for `Code:"error"`. */
export function checkStatus(status: PgoStatus | undefined, what: string): void {
  if (!status || typeof status.Code !== 'string') {
    throw new ApiError(`${what}: the apiserver answered without a status`, { kind: 'malformed', status: 200 });
  }
  if (status.Code === 'ok') return;
  const msg = status.Msg || 'unspecified error';
  if (msg === VERSION_MISMATCH_MSG) {
    throw new ApiError(`${what}: ${msg} (pgtui sent the version the server reported; it may have been upgraded meanwhile)`, {
      kind: 'version-mismatch',
      status: 200,
      providerMessage: msg,
    });
  }
  throw new ApiError(`${what}: ${msg}`, { kind: 'provider', status: 200, providerMessage: msg });
}

/** The apiserver has no limit of its own: 300 a minute per apiserver guards a proxy in front of it (docs/polling-store.md). */
export const PGO_RATE: RatePolicy<PgoProfile> = {
  limits: { requests: 300, windowMs: 60_000 },
  throttledBy: 'the PGO apiserver',
  credential: (p) => `pgo:${originOf(p.apiUrl)}`,
};

export class PgoTransport {
  private http?: HttpClient;
  private version?: Promise<string>;

  constructor(
    private readonly profile: PgoProfile,
    private readonly deps: ProviderDeps,
  ) {}

  /** Built on first use so that a missing certificate file surfaces as the call's error, not at start-up. */
  client(): HttpClient {
    if (this.http) return this.http;
    const p = this.profile;
    if (!p.apiUrl) throw new ApiError('the profile has no apiserver URL (PGO_APISERVER_URL)', { kind: 'config' });
    const refusal = plainHttpRefusal(p);
    if (refusal) throw new ApiError(refusal, { kind: 'config' });
    const ca = p.insecure ? undefined : readPem(p.caCert, 'CA certificate');
    const cert = readPem(p.clientCert, 'client certificate');
    const key = readPem(p.clientKey, 'client key');
    this.http = new HttpClient({
      budget: budgetOf(p, PGO_RATE),
      baseUrl: p.apiUrl,
      auth: { type: 'basic', username: p.username, password: p.password },
      tls: { ca, cert, key, insecure: p.insecure },
      plainHttp: { insecure: p.insecure, loopback: false, login: 'the PGO login (Basic auth)' },
      timeoutMs: p.timeoutMs,
      retry: this.deps.retry,
      dispatcher: this.deps.dispatcher,
      errorMessage: pgoErrorMessage,
    });
    return this.http;
  }

  /** The server's PGO_VERSION, fetched once; a failure is not cached. */
  serverVersion(signal?: AbortSignal, fresh = false): Promise<string> {
    if (fresh) this.version = undefined;
    this.version ??= this.fetchVersion(signal).catch((err: unknown) => {
      this.version = undefined;
      throw err;
    });
    return this.version;
  }

  private async fetchVersion(signal?: AbortSignal): Promise<string> {
    const res = await this.client().json<VersionResponse>({ method: 'GET', path: '/version', signal });
    checkStatus(res, 'version');
    if (typeof res.Version !== 'string' || !res.Version) throw new ApiError('version: no Version in the answer', { kind: 'malformed', status: 200 });
    return res.Version;
  }

  /** POSTs a body built around the server's version (it must be echoed as ClientVersion). */
  async post<T extends object>(
    path: string,
    build: (version: string) => unknown,
    opts: { idempotent?: boolean; signal?: AbortSignal; maxBytes?: number } = {},
  ): Promise<T> {
    const version = await this.serverVersion(opts.signal);
    const res = await this.client().json<T>({ method: 'POST', path, body: build(version), idempotent: opts.idempotent, signal: opts.signal, maxBytes: opts.maxBytes });
    if (res === undefined || res === null || typeof res !== 'object' || Array.isArray(res)) {
      throw new ApiError(`${path}: empty or non-object answer`, { kind: 'malformed', status: 200 });
    }
    return res;
  }

  /** checkStatus, and a version mismatch forgets the cached version so the next call asks again. */
  check(status: PgoStatus | undefined, what: string): void {
    try {
      checkStatus(status, what);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'version-mismatch') this.version = undefined;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.http?.close();
  }
}
