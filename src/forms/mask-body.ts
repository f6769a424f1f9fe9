// Masks secrets inside a request body before it is shown (the review of an IONOS v2 full-replace PUT).
import { isSecretName, maskUriSecrets } from '../text/safe.js';
import { MASK } from './fields.js';

const SECRET_NAME = /pass(word)?|secret|token|private.?key|credential.?key|api.?key/i;

/** A deep copy with every string under a secret-looking key (or one of `secretKeys`) replaced by a mask. */
export function maskBody(body: unknown, secretKeys: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(body)) return body.map((item) => maskBody(item, secretKeys));
  // A connection string's password is masked too (postgres://u:***@h, password=*** in a DSN).
  if (typeof body === 'string') return maskUriSecrets(body);
  if (body === null || typeof body !== 'object') return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const secret = secretKeys.has(key) || SECRET_NAME.test(key) || isSecretName(key);
    out[key] = secret && typeof value === 'string' && value !== '' ? MASK : maskBody(value, secretKeys);
  }
  return out;
}

/** The body as the review shows it: indented JSON lines, secrets masked. */
export function bodyLines(body: unknown, secretKeys?: ReadonlySet<string>): string[] {
  return (JSON.stringify(maskBody(body, secretKeys), null, 2) ?? 'null').split('\n');
}
