// Which budget a profile's requests go through, and its limits (docs/polling-store.md "Request budget").
import { createHash } from 'node:crypto';
import type { Profile } from './profile.js';
import { budgetFor, type Budget, type Limits } from './budget.js';

/** Per provider kind: documented (ClickHouse) or chosen (IONOS, PGO) limits; see docs/polling-store.md. */
export const DEFAULT_LIMITS: Record<Profile['kind'], Limits> = {
  clickhouse: { requests: 10, windowMs: 10_000 },
  'ionos-v1': { requests: 120, windowMs: 60_000 },
  'ionos-v2': { requests: 120, windowMs: 60_000 },
  pgo: { requests: 300, windowMs: 60_000 },
};

const LABEL: Record<Profile['kind'], string> = { clickhouse: 'ClickHouse', 'ionos-v1': 'IONOS', 'ionos-v2': 'IONOS', pgo: 'the PGO apiserver' };

/** A profile's `rateLimit` override, or its provider's default. */
export function limitsOf(p: Profile): Limits {
  const o = p.rateLimit;
  return o ? { requests: o.requests, windowMs: o.windowSeconds * 1000 } : DEFAULT_LIMITS[p.kind];
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/**
 * The credential: per API key (ClickHouse), per user or token (IONOS: v1 and v2 share one account limit), per
 * apiserver (PGO). Secrets are hashed, never kept as keys.
 */
export function credentialKey(p: Profile): string {
  switch (p.kind) {
    case 'clickhouse':
      return `clickhouse:${p.apiUrl ?? ''}:${p.keyId}`;
    case 'ionos-v1':
    case 'ionos-v2':
      return `ionos:${p.username ? `user:${p.username}` : `token:${digest(p.token ?? '')}`}`;
    case 'pgo':
      return `pgo:${originOf(p.apiUrl)}`;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function budgetOf(p: Profile): Budget {
  return budgetFor(credentialKey(p), LABEL[p.kind], limitsOf(p));
}
