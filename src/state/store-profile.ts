// One profile's slice of the store: its clusters (with structural sharing, so unchanged clusters keep their
// object identity), its health, and its timers. Pure bookkeeping; the polling decisions live in store.ts.
import { protectionOf } from '../api/core/protection.js';
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { moduleFor } from '../api/registry.js';
import type { Budget } from '../api/core/budget.js';
import type { ProfileHealth, Transition } from './types.js';

export interface Entry {
  cluster: Cluster;
  /**
   * Structural fingerprint: equal fingerprints mean nothing visible changed. Computed when first compared, so
   * the first list of 5,000 clusters (nothing to compare with yet) reaches the screen without it.
   */
  print?: string;
}

function printOf(e: Entry): string {
  return (e.print ??= fingerprint(e.cluster));
}

export class ProfileSlot {
  readonly entries = new Map<string, Entry>();
  health: ProfileHealth;
  provider?: Provider;
  failures = 0;
  /** Lists in a row that ended throttled (429) although the budget waited. */
  throttledLists = 0;
  listTimer?: ReturnType<typeof setTimeout>;
  listInFlight?: AbortController;
  /** Resolves when the list in flight has settled (a restart waits for the cancelled one). */
  listSettled?: Promise<void>;
  readonly getTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly getInFlight = new Map<string, AbortController>();
  budget?: Budget;
  /** Requests the last full list took (its pages): the inventory cadence scales with it. */
  pages = 0;
  /** Requests one GET of a cluster took (1 over HTTP; 0 until measured, and for a test double). */
  getCost = 0;
  /** Clusters open on a screen (detail), with how many screens watch each. */
  readonly focused = new Map<string, number>();
  /** Clusters the user just acted on, kept fresh until this time (ms epoch). */
  readonly acted = new Map<string, number>();
  /** The next list is a fast poll of watched clusters (cheaper than one GET each), not the inventory. */
  listForWatch = false;
  /** Busy clusters nobody acted on that are fetched one by one (they take half the background share). */
  passive = 0;
  /**
   * Clusters put one by one (an intent's answer, a GET) with the put's sequence number: a list sent before
   * such a put cannot know of the cluster, so it never drops it (docs/polling-store.md "Stale lists").
   */
  readonly putSeq = new Map<string, number>();
  seq = 0;
  /** Ids we asked the provider to delete: shown as deleting until gone. */
  readonly deleting = new Set<string>();
  /** Cached cluster array in list order; rebuilt only when entries change. */
  private ordered?: readonly Cluster[];

  constructor(
    public profile: Profile,
    readOnly: boolean,
  ) {
    this.health = {
      profile: profile.name,
      kind: profile.kind,
      readOnly: readOnly || protectionOf(profile) === 'read-only',
      protection: readOnly ? 'read-only' : protectionOf(profile),
      insecure: Boolean(moduleFor(profile.kind).insecure?.(profile)),
      status: 'loading',
      clusterCount: 0,
    };
  }

  clusters(): readonly Cluster[] {
    this.ordered ??= [...this.entries.values()].map((e) => e.cluster);
    return this.ordered;
  }

  /**
   * Puts one cluster in; returns the transition when its phase or state changed, 'changed' for any other
   * visible change, or undefined when nothing changed.
   */
  upsert(next: Cluster, now: number): Transition | 'changed' | undefined {
    const shown = next;
    const old = this.entries.get(shown.id);
    const print = old ? fingerprint(shown) : undefined;
    if (old && printOf(old) === print) return undefined;
    this.entries.set(shown.id, { cluster: shown, print });
    this.ordered = undefined;
    if (old && (old.cluster.phase !== shown.phase || old.cluster.state !== shown.state)) {
      return { at: now, from: old.cluster.phase, to: shown.phase, fromState: old.cluster.state, toState: shown.state };
    }
    return 'changed';
  }

  delete(id: string): boolean {
    this.deleting.delete(id);
    this.putSeq.delete(id);
    const had = this.entries.delete(id);
    if (had) this.ordered = undefined;
    return had;
  }

  /** Replaces the whole set from a list; keeps object identity for unchanged clusters. */
  replaceAll(list: Cluster[], now: number, onTransition: (id: string, t: Transition) => void): boolean {
    let changed = list.length !== this.entries.size;
    const seen = new Set<string>();
    const nextEntries: Array<[string, Entry]> = [];
    for (const c of list) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const old = this.entries.get(c.id);
      // The same object (an unchanged page the client did not decode again) needs no fingerprint.
      const print = old && old.cluster !== c ? fingerprint(c) : undefined;
      if (old && (old.cluster === c || printOf(old) === print)) {
        nextEntries.push([c.id, old]);
        continue;
      }
      changed = true;
      if (old && (old.cluster.phase !== c.phase || old.cluster.state !== c.state)) {
        onTransition(c.id, { at: now, from: old.cluster.phase, to: c.phase, fromState: old.cluster.state, toState: c.state });
      }
      nextEntries.push([c.id, { cluster: c, print }]);
    }
    if (!changed) {
      // Same clusters, same content: was the order the same too?
      let i = 0;
      for (const id of this.entries.keys()) if (nextEntries[i++]?.[0] !== id) changed = true;
    }
    if (!changed) return false;
    for (const id of this.deleting) if (!seen.has(id)) this.deleting.delete(id);
    this.entries.clear();
    for (const [id, e] of nextEntries) this.entries.set(id, e);
    this.ordered = undefined;
    return true;
  }
}

/**
 * A cluster's content as one string: equal strings mean nothing visible changed. Plain JSON (native, fast at
 * 5,000 clusters): each provider builds its clusters in a fixed key order, and a server that reorders keys
 * costs one redundant render, never a missed change.
 */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value);
}
