// How a response or a transport failure becomes one typed ApiError (errors.ts): the body decoded as JSON or text,
// a redirect refused with where it pointed, Retry-After read, and network/TLS/timeout failures named in one line.
import { ApiError, oneLine } from './errors.js';
import { serverDelayMs } from './budget-delay.js';

export function decodeBody<T>(expect: 'json' | 'text' | 'none', contentType: string, text: string, status: number): T {
  if (expect === 'none') return undefined as T;
  if (expect === 'text') return text as T;
  if (text.trim() === '') return undefined as T;
  if (/html/i.test(contentType) || /^\s*</.test(text)) {
    throw new ApiError(`expected JSON but got an HTML page (HTTP ${status})`, { kind: 'malformed', status });
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(`the response body is not valid JSON (HTTP ${status})`, { kind: 'malformed', status });
  }
}


/**
 * 3xx: never followed, since the Authorization header would go wherever the server points. The error names the
 * target as origin and path only (a query may carry tokens), so the user can fix the API URL.
 */
export function redirectError(status: number, headers: Record<string, string | string[] | undefined>, url: string): ApiError {
  const raw = headers.location;
  const location = Array.isArray(raw) ? raw[0] : raw;
  let target = 'an unnamed place (no Location header)';
  if (location) {
    try {
      const to = new URL(location, url);
      target = `${to.protocol}//${to.host}${to.pathname}`;
    } catch {
      target = 'an unreadable Location';
    }
  }
  return new ApiError(
    `${safeOrigin(url)} answered HTTP ${status}, a redirect to ${oneLine(target, 200)}; not followed, because pgtui never sends credentials anywhere but the configured API URL (point the profile at the new address if it is genuine)`,
    { kind: 'provider', status },
  );
}

export function seconds(ms: number): string {
  return ms < 10_000 && ms % 1000 !== 0 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

export function fallbackMessage(contentType: string, text: string): string | undefined {
  if (/html/i.test(contentType) || /^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title ? `HTML error page "${title}"` : 'HTML error page';
  }
  const flat = oneLine(text, 200);
  return flat || undefined;
}

/** Retry-After / X-RateLimit-Reset in ms, bounded (budget-delay.ts); undefined for none or nonsense. */
export const retryAfterMs = serverDelayMs;

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|certificate/i;

const TLS_REASONS: Array<[RegExp, string]> = [
  [/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/, 'the server certificate is not signed by the configured CA'],
  [/CERT_HAS_EXPIRED/, 'the server certificate has expired'],
  [/CERT_NOT_YET_VALID/, 'the server certificate is not valid yet'],
  [/ALTNAME/, 'the server certificate does not name this host'],
];

export function tlsReason(code: string, msg: string): string {
  const known = TLS_REASONS.find(([re]) => re.test(code));
  return known ? `${known[1]} (${code})` : code || msg;
}

export function transportError(err: unknown, url: string, timeoutMs: number, clientCert = false): ApiError {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const where = safeOrigin(url);
  if (e.name === 'AbortError' || code === 'ABORT_ERR') return new ApiError('request cancelled', { kind: 'timeout', cause: err });
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new ApiError(`no answer from ${where} within ${seconds(timeoutMs)}`, { kind: 'timeout', cause: err });
  }
  if (code === 'ECONNREFUSED') return new ApiError(`connection refused by ${where}`, { kind: 'network', cause: err });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ApiError(`cannot resolve ${where}`, { kind: 'network', cause: err });
  const msg = e.message ?? e.cause?.message ?? String(err);
  if (TLS_CODES.test(code) || TLS_CODES.test(msg)) {
    return new ApiError(`TLS failure talking to ${where}: ${tlsReason(code, msg)}`, { kind: 'tls', cause: err });
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    // A mutual-TLS server that rejects the client certificate just closes the connection.
    const hint = clientCert ? ' (does the server trust this client certificate?)' : '';
    return new ApiError(`connection to ${where} was closed unexpectedly${hint}`, { kind: 'network', cause: err });
  }
  return new ApiError(`cannot reach ${where}: ${code || msg}`, { kind: 'network', cause: err });
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
