// The typed confirmations, one row each: what the overlay asks, which store intent runs once the name is typed,
// and what the status line says while it runs and when the provider has accepted it.
import { busyReason, conflictText } from '../api/busy.js';
import type { Capability } from '../api/capabilities.js';
import type { Cluster } from '../api/types.js';
import { clusterKey, type ClusterStore } from '../state/types.js';
import type { ConfirmKind } from './navigation.js';

export interface ConfirmSpec {
  title: (c: Cluster) => string;
  /** What must be typed to confirm. */
  expected: (c: Cluster) => string;
  /** Asked through store.supports before the overlay opens; delete is open to every writable cluster. */
  capability?: Capability;
  /** Shown as soon as the confirmation is typed, before the provider answers. */
  pending?: (c: Cluster) => string;
  /** Why the overlay must not open now (the cluster is busy); said instead of asking for the typed name. */
  refusal?: (c: Cluster) => string | undefined;
  /** Runs the intent; resolves to the success message. */
  run: (store: ClusterStore, c: Cluster) => Promise<string>;
}

/** A 409 said as what it means ("uxch is restarting; delete it when it is ready"), from the cluster as last polled. */
function explainingConflict(verb: string, run: ConfirmSpec['run']): ConfirmSpec['run'] {
  return (store, c) =>
    run(store, c).catch((err: unknown) => {
      const latest = store.getSnapshot().clusters.find((x) => clusterKey(x) === clusterKey(c)) ?? c;
      const text = conflictText(err, latest, verb);
      throw text ? new Error(text) : err;
    });
}

export const CONFIRMS: Record<ConfirmKind, ConfirmSpec> = {
  delete: {
    title: (c) => `Delete ${c.name} (${c.profile})? This destroys its data.`,
    expected: (c) => c.name,
    pending: (c) => `deleting ${c.name}…`,
    refusal: (c) => busyReason(c, 'delete'),
    run: explainingConflict('delete', (store, c) => store.remove(c).then(() => `${c.name} is being deleted`)),
  },
  restart: {
    title: (c) => `Restart ${c.name}? Connections will drop.`,
    expected: (c) => c.name,
    capability: 'restart',
    refusal: (c) => busyReason(c, 'restart'),
    run: explainingConflict('restart', (store, c) => store.restart(c).then(() => `${c.name} is restarting`)),
  },
  promote: {
    title: (c) => `Promote ${c.name} to a standalone primary? It stops following its source for good.`,
    expected: (c) => c.name,
    capability: 'promote',
    run: (store, c) => store.promote(c).then(() => `${c.name} is being promoted to a primary`),
  },
  resetPassword: {
    title: (c) => `Reset the password of ${c.name}? The old one stops working.`,
    expected: (c) => c.name,
    capability: 'resetPassword',
    run: (store, c) => store.resetPassword(c).then((pw) => `new password for ${c.name} (shown once, stored for psql): ${pw}`),
  },
};
