// What a provider can do to one cluster. Screens and commands ask `supports` instead of naming providers. The
// operations and their wording are one table: ./operations.ts.
import type { Cluster, Provider } from './types.js';
import { OPERATIONS, type Capability } from './operations.js';

export type { Capability } from './operations.js';

/** The provider has the operation, and (for per-cluster rules such as "only a read replica") allows it here. */
export function supports(provider: Provider | undefined, cluster: Cluster, capability: Capability): boolean {
  if (!provider || typeof provider[(OPERATIONS[capability].method satisfies keyof Provider)] !== 'function') return false;
  return provider.allows?.(cluster, capability) ?? true;
}

/** Whether the provider's API has the operation at all (for some cluster): known before anything is listed. */
export function providerHas(provider: Provider, capability: Capability): boolean {
  return typeof provider[(OPERATIONS[capability].method satisfies keyof Provider)] === 'function';
}

/** "restart is not available for IONOS v1 or Crunchy PGO clusters": no profile asked has the operation (`labels`: theirs). */
export function missingEverywhere(labels: readonly string[], capability: Capability): string {
  return `${OPERATIONS[capability].label} is not available for ${[...new Set(labels)].join(' or ')} clusters`;
}

/** One line saying why not: "restart is not available for IONOS v1 clusters" (`providerLabel`: IONOS v1). */
export function unsupportedReason(provider: Provider | undefined, cluster: Cluster, capability: Capability, providerLabel: string): string {
  const has = typeof provider?.[(OPERATIONS[capability].method satisfies keyof Provider)] === 'function';
  const reason = has ? (provider?.allows ? provider.refusal?.(cluster, capability) : undefined) : provider?.missingReason?.(cluster, capability);
  return reason ?? `${OPERATIONS[capability].label} is not available for ${providerLabel} clusters`;
}

/** The one wording of a read-only refusal, for the store, the keys and the commands. */
export const readOnlyRefusal = (profile: string, what: string): string => `profile ${profile} is read-only: ${what} is disabled`;
