// The checks every mutating command makes before its first request: read-only, and whether the provider's API
// has the operation for this cluster (asked through capabilities.ts, never by provider name).
import { missingEverywhere, providerHas, supports, unsupportedReason, type Capability } from '../api/core/capabilities.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { CommandError, EXIT } from './exit-codes.js';

export function refuseReadOnly(globalReadOnly: boolean | undefined, profile: Profile, what: string): void {
  if (globalReadOnly) throw new CommandError(`--read-only: ${what} is disabled`, EXIT.refused);
  if (profile.readOnly) throw new CommandError(`profile ${profile.name} is read-only: ${what} is disabled`, EXIT.refused);
}

export function refuseUnsupported(provider: Provider, cluster: Cluster, capability: Capability): void {
  if (!supports(provider, cluster, capability)) {
    // A provider's own refusal names the cluster already ("billing is not a read replica"): not twice.
    const reason = unsupportedReason(provider, cluster, capability, PROVIDER_LABELS[cluster.provider]);
    throw new CommandError(reason.startsWith(`${cluster.name} `) ? reason : `${cluster.name}: ${reason}`, EXIT.refused);
  }
}

/** Before any request: when no profile asked has the operation at all, no cluster of theirs can (exit 7 at once). */
export function refuseMissingEverywhere(profiles: readonly Profile[], providerFor: (p: Profile) => Provider, capability: Capability): void {
  if (profiles.length === 0 || profiles.some((p) => providerHas(providerFor(p), capability))) return;
  throw new CommandError(missingEverywhere(profiles.map((p) => PROVIDER_LABELS[p.kind]), capability), EXIT.refused);
}
