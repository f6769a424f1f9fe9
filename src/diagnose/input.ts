// What a health judgement reads about one cluster: its provider's facts, Postgres's (when reached), the thresholds.
import type { Cluster } from '../api/core/types.js';
import type { PgFacts } from './pg-facts.js';
import type { ProviderFacts } from './provider-facts.js';
import type { Thresholds } from './thresholds.js';
import type { Missing } from './types.js';

export interface HealthInput {
  cluster: Cluster;
  provider: ProviderFacts;
  /** Undefined: no connection was tried (no password known); Missing: it failed, with the reason. */
  pg?: PgFacts | Missing;
  thresholds: Thresholds;
  now: number;
}
