// Secrets out of what a plan shows, prints and records: values under secret-looking keys (and the form's own
// secret fields) become a mask, credentials in URLs go. docs/plans.md.
import { maskBody } from '../forms/mask-body.js';
export const MASK = '••••••••';

/** Keys whose values are secrets wherever they appear in a body. */
const SECRET_KEY = /pass(word|phrase)?$|passwd|secret|token|credential|private.?key|api.?key|^key$|certificate.?key|client.?key/i;

export const isSecretKey = (key: string, extra: ReadonlySet<string> = new Set()): boolean => extra.has(key) || SECRET_KEY.test(key);

/** A copy of `body` with every secret value masked: the review's maskBody, then any other secret-looking key. */
export function redactBody(body: unknown, secretKeys: ReadonlySet<string> = new Set()): unknown {
  return maskBody(redactDeep(body, secretKeys), secretKeys);
}

/** Depth-bounded: bodies are small objects pgtui built. */
function redactDeep(body: unknown, secretKeys: ReadonlySet<string>, depth = 0): unknown {
  if (depth > 20) return MASK;
  if (Array.isArray(body)) return body.map((v) => redactDeep(v, secretKeys, depth + 1));
  if (body && typeof body === 'object') {
    return Object.fromEntries(
      Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, isSecretKey(k, secretKeys) && v !== '' && v !== null && v !== undefined ? MASK : redactDeep(v, secretKeys, depth + 1)]),
    );
  }
  return body;
}

/** The URL without user:password and with secret-looking query values masked. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    for (const k of [...url.searchParams.keys()]) if (isSecretKey(k)) url.searchParams.set(k, MASK);
    return url.toString();
  } catch {
    return text.replace(/\/\/[^/@\s]*@/, '//');
  }
}
