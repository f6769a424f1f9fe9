// The checks every mutating command makes before its first request: read-only, and whether the provider's API
// has the operation for this cluster (asked through capabilities.ts, never by provider name).
import { supports, unsupportedReason, type Capability } from '../api/capabilities.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/types.js';
import { CommandError, EXIT } from './exit-codes.js';

export function refuseReadOnly(globalReadOnly: boolean | undefined, profile: Profile, what: string): void {
  if (globalReadOnly) throw new CommandError(`--read-only: ${what} is disabled`, EXIT.refused);
  if (profile.readOnly) throw new CommandError(`profile ${profile.name} is read-only: ${what} is disabled`, EXIT.refused);
}

export function refuseUnsupported(provider: Provider, cluster: Cluster, capability: Capability): void {
  if (!supports(provider, cluster, capability)) throw new CommandError(`${cluster.name}: ${unsupportedReason(provider, cluster, capability, PROVIDER_LABELS[cluster.provider])}`, EXIT.refused);
}
