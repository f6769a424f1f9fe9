// "The cluster is busy": the one line pgtui says instead of asking for a typed name while a cluster is in a
// transitional phase (docs/phases.md), and instead of "409 Conflict: CONFLICT: Conflict" when a provider
// refuses a change because another operation is still running.
import { ApiError } from './errors.js';
import { TRANSITIONAL_PHASES, type Cluster } from './types.js';

/** "restarting", "replaying wal", "provisioning": the provider's word for what the cluster is doing. */
function doing(c: Cluster): string {
  if (c.phase === 'deleting') return 'being deleted';
  const word = c.state.toLowerCase().replace(/[_-]+/g, ' ').trim();
  if (word && word !== 'unknown' && word !== 'busy' && word !== c.phase) return word;
  return c.phase === 'creating' ? 'being created' : 'updating';
}

/**
 * Why `verb` (delete, restart, …) cannot start now, or undefined when the cluster's phase allows it. Every
 * provider refuses deletes and changes while one is in flight (ClickHouse and IONOS answer 409).
 */
export function busyReason(c: Cluster, verb: string): string | undefined {
  if (!TRANSITIONAL_PHASES.has(c.phase)) return undefined;
  if (c.phase === 'deleting') return `${c.name} is already being deleted`;
  return `${c.name} is ${doing(c)}; ${verb} it when it is ready`;
}

/** A 409 from the provider as what it means; `latest` is the cluster as last seen (its phase may have moved). */
export function conflictText(err: unknown, latest: Cluster, verb: string): string | undefined {
  if (!(err instanceof ApiError) || err.kind !== 'conflict') return undefined;
  const busy = busyReason(latest, verb);
  if (busy) return busy;
  // The provider's own words when they say more than "Conflict" (ClickHouse: "Service has 1 read replica(s)…").
  const words = err.providerMessage?.replace(/^\s*CONFLICT:\s*/i, '').trim();
  if (words && !/^conflict\.?$/i.test(words)) return `${latest.name}: ${words}`;
  return `${latest.name} is busy with another operation; ${verb} it when it is ready`;
}
