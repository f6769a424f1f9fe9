// Every secret pgtui knows, taken out of what providers say before anyone sees it (README "Never shown"): a
// provider that quotes the submitted password in a 422, or echoes the API key in a 401, gets it printed as ***.
// Known secrets: the secret fields of every profile a provider is made for, and every secret-named value passed
// to a provider call (a password typed in a form). Filled and used by api/registry.ts, where errors are named.
import { isSecretName, MASK } from './safe.js';

/** Shorter values would mask ordinary words; no provider accepts a password this short. */
const MIN_LENGTH = 4;
/** A process never needs more; the oldest are forgotten past it. */
const MAX_KNOWN = 1_000;
const known = new Set<string>();

export function rememberSecret(value: unknown): void {
  if (typeof value !== 'string' || value.length < MIN_LENGTH) return;
  known.delete(value);
  known.add(value);
  if (known.size > MAX_KNOWN) known.delete(known.values().next().value!);
}

/**
 * Remembers every string under a secret-named key of a flat object (a form's values, settings changes). Nested
 * objects are not searched: a cluster's raw provider object has fields like `passwordSet: "true"`.
 */
export function rememberSecretsIn(value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string' && isSecretName(k)) rememberSecret(v);
}

/** `text` with every known secret (and its URL-encoded and JSON-escaped forms) replaced by ***. */
export function redactSecrets(text: string): string {
  if (known.size === 0 || !text) return text;
  let out = text;
  // Longest first, so a secret containing another is masked whole.
  for (const s of [...known].sort((a, b) => b.length - a.length)) {
    for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) {
      if (out.includes(form)) out = out.split(form).join(MASK);
    }
  }
  return out;
}

