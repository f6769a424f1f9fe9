// The typed confirmations, one row each: what the overlay asks, which store intent runs once the name is typed,
// and what the status line says while it runs and when the provider has accepted it.
import { busyReason, conflictText } from '../../api/core/busy.js';
import type { Capability } from '../../api/core/capabilities.js';
import type { Cluster } from '../../api/core/types.js';
import { clusterKey, type ClusterStore } from '../../state/types.js';
import { untilGone, untilSettled, type Watch } from '../hooks/status.js';

/** What an intent resolves to: the status line's text, or a secret to show once in a box (../components/SecretBox.tsx). */
export type ConfirmResult = string | { secret: string; title: string; note: string };

export interface ConfirmSpec {
  title: (c: Cluster) => string;
  /** What must be typed to confirm. */
  expected: (c: Cluster) => string;
  /** Said when the typed name is wrong: what did not happen ("nothing was restarted"). */
  untouched: string;
  /** Asked through store.supports before the overlay opens; delete is open to every writable cluster. */
  capability?: Capability;
  /** Shown with a spinner as soon as the confirmation is typed, until the work is done. */
  pending: (c: Cluster) => string;
  /** Why the overlay must not open now (the cluster is busy); said instead of asking for the typed name. */
  refusal?: (c: Cluster) => string | undefined;
  /** Runs the intent; resolves to the success message. */
  run: (store: ClusterStore, c: Cluster) => Promise<ConfirmResult>;
  /** After the provider accepted it: what in the list ends the work (the spinner stays until then). */
  watch?: (c: Cluster) => Watch;
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

const ROWS = {
  delete: {
    title: (c) => `Delete ${c.name} (${c.profile})? This destroys its data.`,
    expected: (c) => c.name,
    untouched: 'nothing was deleted',
    pending: (c) => `deleting ${c.name}…`,
    refusal: (c) => busyReason(c, 'delete'),
    run: explainingConflict('delete', (store, c) => store.remove(c).then(() => `${c.name} is being deleted`)),
    watch: (c) => untilGone(c, `${c.name} is deleted`),
  },
  restart: {
    title: (c) => `Restart ${c.name}? Connections will drop.`,
    expected: (c) => c.name,
    untouched: 'nothing was restarted',
    capability: 'restart',
    refusal: (c) => busyReason(c, 'restart'),
    pending: (c) => `restarting ${c.name}…`,
    run: explainingConflict('restart', (store, c) => store.restart(c).then(() => `${c.name} is restarting`)),
    watch: (c) => untilSettled(c, (now) => ({ text: `${c.name} restarted; it is ${now.phase}`, error: now.phase === 'failed' })),
  },
  promote: {
    title: (c) => `Promote ${c.name} to a standalone primary? It stops following its source for good.`,
    expected: (c) => c.name,
    untouched: 'nothing was promoted',
    capability: 'promote',
    pending: (c) => `promoting ${c.name} to a primary…`,
    run: (store, c) => store.promote(c).then(() => `${c.name} is being promoted to a primary`),
    watch: (c) => untilSettled(c, (now) => ({ text: `${c.name} is promoted; it is ${now.phase}`, error: now.phase === 'failed' })),
  },
  switchover: {
    title: (c) => `Switch ${c.name} over to its standby? Connections drop while the primary changes.`,
    expected: (c) => c.name,
    untouched: 'nothing was switched over',
    capability: 'switchover',
    refusal: (c) => busyReason(c, 'switch over'),
    pending: (c) => `switching ${c.name} over…`,
    run: explainingConflict('switch over', (store, c) => store.switchover(c).then(() => `${c.name} is switching over to its standby`)),
    watch: (c) => untilSettled(c, (now) => ({ text: `${c.name} switched over; it is ${now.phase}`, error: now.phase === 'failed' })),
  },
  resetPassword: {
    title: (c) => `Reset the password of ${c.name}? The old one stops working.`,
    expected: (c) => c.name,
    untouched: 'the password is unchanged',
    capability: 'resetPassword',
    pending: (c) => `resetting the password of ${c.name}…`,
    run: (store, c) =>
      store.resetPassword(c).then((secret) => ({ secret, title: `New password for ${c.name}`, note: 'Shown once; pgtui stored it for psql.' })),
  },
} satisfies Record<string, ConfirmSpec>;

/** The typed confirmations, opened by their key on a cluster (./screens.ts). */
export type ConfirmKind = keyof typeof ROWS;
export const CONFIRMS: Record<ConfirmKind, ConfirmSpec> = ROWS;
export const isConfirm = (o: string): o is ConfirmKind => Object.hasOwn(CONFIRMS, o);

/** Why a confirmation must not open for this cluster: its provider lacks the operation, or the cluster is busy (src/api/core/busy.ts). */
export function confirmRefusal(kind: ConfirmKind, c: Cluster, gate: { supports: (cap: Capability) => boolean; unsupportedReason: (cap: Capability) => string }): string | undefined {
  const spec = CONFIRMS[kind];
  if (spec.capability && !gate.supports(spec.capability)) return gate.unsupportedReason(spec.capability);
  return spec.refusal?.(c);
}
