// What a provider can do to one cluster. Screens and commands ask `supports` instead of naming providers.
import { type Cluster, type Provider } from './types.js';
import { PROVIDER_LABELS } from './registry.js';

export type Capability =
  | 'edit' | 'backups' | 'upgrade' | 'restart' | 'promote' | 'resetPassword' | 'restore'
  | 'logs' | 'metrics' | 'slowQueries' | 'settings' | 'switchover' | 'verifiedTls' | 'diskUsage' | 'reachability' | 'failover';

const METHOD: Record<Capability, keyof Provider> = {
  edit: 'update',
  backups: 'backups',
  upgrade: 'upgradeTargets',
  restart: 'restart',
  promote: 'promote',
  resetPassword: 'resetPassword',
  restore: 'restore',
  logs: 'logs',
  metrics: 'metrics',
  slowQueries: 'slowQueries',
  settings: 'readSettings',
  switchover: 'switchover',
  verifiedTls: 'caCertificates',
  diskUsage: 'diskUsage',
  reachability: 'reachability',
  failover: 'failoverTargets',
};

const WHAT: Record<Capability, string> = {
  edit: 'editing',
  backups: 'backups',
  upgrade: 'version upgrades',
  restart: 'restart',
  promote: 'promoting a replica',
  resetPassword: 'password reset',
  restore: 'restoring from a backup',
  logs: 'logs',
  metrics: 'metrics',
  slowQueries: 'slow query patterns',
  settings: 'settings',
  switchover: 'switchover',
  verifiedTls: 'CA certificates',
  diskUsage: 'disk usage',
  reachability: 'the reachability test',
  failover: 'failover',
};

/** The provider has the operation, and (for per-cluster rules such as "only a read replica") allows it here. */
export function supports(provider: Provider | undefined, cluster: Cluster, capability: Capability): boolean {
  if (!provider || typeof provider[METHOD[capability]] !== 'function') return false;
  return provider.allows?.(cluster, capability) ?? true;
}

/** Whether the provider's API has the operation at all (for some cluster): known before anything is listed. */
export function providerHas(provider: Provider, capability: Capability): boolean {
  return typeof provider[METHOD[capability]] === 'function';
}

/** "restart is not available for IONOS v1 or Crunchy PGO clusters": no profile asked has the operation. */
export function missingEverywhere(kinds: readonly Cluster['provider'][], capability: Capability): string {
  return `${WHAT[capability]} is not available for ${[...new Set(kinds)].map((k) => PROVIDER_LABELS[k]).join(' or ')} clusters`;
}

/** One line saying why not: "restart is not available for IONOS v1 clusters". */
export function unsupportedReason(provider: Provider | undefined, cluster: Cluster, capability: Capability): string {
  const has = typeof provider?.[METHOD[capability]] === 'function';
  const reason = has ? (provider?.allows ? provider.refusal?.(cluster, capability) : undefined) : provider?.missingReason?.(cluster, capability);
  return reason ?? `${WHAT[capability]} is not available for ${PROVIDER_LABELS[cluster.provider]} clusters`;
}
