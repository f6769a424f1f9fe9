// Which budget a profile's requests go through (docs/polling-store.md "Request budget"). Each provider states
// its own policy beside its client (limits, who throttles, which credential shares them); this file only applies it.
import { sha256 } from '../../text/hash.js';
import type { ProfileCommon } from './profile-common.js';
import { budgetFor, type Budget, type Limits } from './budget.js';

export interface RatePolicy<P> {
  /** Documented or chosen limits for one credential. */
  limits: Limits;
  /** Who throttles, for "rate limited by ClickHouse, retrying in 4 s". */
  throttledBy: string;
  /** The credential the limit counts against: profiles with the same key share one budget. */
  credential(p: P): string;
}

/** A profile's `rateLimit` override, or its provider's default. */
export function limitsOf(p: ProfileCommon, policy: RatePolicy<never>): Limits {
  const o = p.rateLimit;
  return o ? { requests: o.requests, windowMs: o.windowSeconds * 1000 } : policy.limits;
}

/** Secrets are hashed before they become part of a budget key. */
export const digest = (s: string) => sha256().update(s).digest('hex').slice(0, 16);

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function budgetOf<P extends ProfileCommon>(p: P, policy: RatePolicy<P>): Budget {
  return budgetFor(policy.credential(p), policy.throttledBy, limitsOf(p, policy as RatePolicy<never>));
}
