// Every failure of a provider call becomes one ApiError with a kind, the HTTP status when there is one,
// the provider's own message, and a one-line summary fit for a status line or stderr.
import { oneLine } from '../../text/safe.js';

export type ErrorKind =
  | 'auth' // 401, bad credentials
  | 'forbidden' // 403, missing role / client certificate
  | 'not-found' // 404
  | 'conflict' // 409
  | 'validation' // 400/422 with field messages, or a bad form value caught locally
  | 'rate-limit' // 429 after retries ran out
  | 'server' // 5xx
  | 'timeout' // no answer in time
  | 'network' // refused, reset, DNS
  | 'tls' // certificate problems
  | 'malformed' // a body we could not understand
  | 'provider' // an application error inside a 2xx (PGO Code:"error")
  | 'version-mismatch' // PGO ClientVersion
  | 'config' // the profile itself is incomplete
  | 'unsupported'; // this API has no such endpoint (a 404 under a cluster that exists)

export interface ApiErrorInit {
  kind: ErrorKind;
  status?: number;
  providerMessage?: string;
  fieldErrors?: Record<string, string>;
  retryAfterMs?: number;
  profile?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly providerMessage?: string;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfterMs?: number;
  profile?: string;

  constructor(summary: string, init: ApiErrorInit) {
    super(oneLine(summary), { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.providerMessage = init.providerMessage === undefined ? undefined : oneLine(init.providerMessage);
    this.fieldErrors = init.fieldErrors;
    this.retryAfterMs = init.retryAfterMs;
    this.profile = init.profile;
  }

  /** "prod-eu: 401 Unauthorized: Not authenticated in apiserver" */
  get summary(): string {
    return this.profile ? `${this.profile}: ${this.message}` : this.message;
  }
}

/** A form's field errors, if any, as one ApiError: the first as its line ("cores: at most 31"), all attached. */
export function throwIfInvalid(errors: Record<string, string>): void {
  const first = Object.entries(errors)[0];
  if (first) throw new ApiError(`${first[0] || 'form'}: ${first[1]}`, { kind: 'validation', fieldErrors: errors });
}

/** For a delete's catch: a cluster the provider no longer has is already gone, which is what was asked. */
export function alreadyGone(err: unknown): void {
  if (!(err instanceof ApiError && err.kind === 'not-found')) throw err;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 409: 'Conflict', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'HTTP error';
}

export function kindForStatus(status: number): ErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'provider';
}

const HINTS: Partial<Record<ErrorKind, string>> = {
  auth: 'check the credentials',
  forbidden: 'the credentials lack permission',
  'rate-limit': 'rate limited, try again later',
};

/** Builds the error for a non-2xx response. */
export function httpError(status: number, providerMessage: string | undefined, extra: Partial<ApiErrorInit> = {}): ApiError {
  const kind = kindForStatus(status);
  const head = `${status} ${statusText(status)}`;
  // Many servers repeat the status text in their message ("Unauthorized: token expired"): say it once.
  const said = providerMessage?.replace(new RegExp(`^(${status}\\s*)?${statusText(status)}\\b\\s*[:.,-]?\\s*`, 'i'), '');
  const tail = said ? `: ${said}` : HINTS[kind] ? ` (${HINTS[kind]})` : '';
  return new ApiError(head + tail, { kind, status, providerMessage, ...extra });
}

/** Collapses whitespace and newlines, makes controls safe, and caps length, so a message always fits one line. */
export { oneLine };

/** A message for anything thrown, ApiError or not. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.summary;
  if (err instanceof Error) return oneLine(err.message);
  return oneLine(String(err));
}

export function isApiError(err: unknown, kind?: ErrorKind): err is ApiError {
  return err instanceof ApiError && (kind === undefined || err.kind === kind);
}
