// What the poller and the intents share (docs/polling-store.md): the profile slots, the snapshot screens read,
// the timelines, and the one coalesced emit. No polling decisions here.
import type { Profile } from '../api/profile.js';
import { ApiError } from '../api/core/errors.js';
import { budgetOf } from '../api/core/budget-profile.js';
import { moduleFor } from '../api/registry.js';
import type { Budget, Notice } from '../api/core/budget.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { ProfileSlot } from './store-profile.js';
import { clusterKey, type ClusterHealth, type StoreSnapshot, type Transition } from './types.js';

const TIMELINE_LIMIT = 50;

export class StoreCore {
  readonly slots = new Map<string, ProfileSlot>();
  readonly timelines = new Map<string, Transition[]>();
  private readonly listeners = new Set<() => void>();
  snapshot: StoreSnapshot = { clusters: [], profiles: [], version: 0, staleProfiles: [] };
  started = false;
  pauses = 0;
  private emitQueued = false;
  /** Budget notices ("rate limited by ClickHouse, retrying in 4 s"), by budget label. */
  private readonly notices = new Map<Budget, Notice>();
  private readonly budgetWatch = new Map<Budget, () => void>();

  /** Fleet health (store-health.ts), when the store judges it: the snapshot's `health` map. */
  healthView?: (clusters: readonly Cluster[]) => ReadonlyMap<string, ClusterHealth>;

  constructor(private readonly providerFor: (p: Profile) => Provider) {}

  get active(): boolean {
    return this.started && this.pauses === 0;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private rebuild(): void {
    const list = [...this.slots.values()];
    const clusters = list.length === 1 ? list[0]!.clusters() : list.flatMap((s) => s.clusters());
    const profiles = list.map((s) => ({ ...s.health, clusterCount: s.entries.size }));
    const staleProfiles = list.filter((s) => s.health.status === 'error' && s.entries.size > 0).map((s) => s.profile.name);
    const notice = [...this.notices.values()][0]?.text;
    const health = this.healthView?.(clusters);
    this.snapshot = { clusters, profiles, version: this.snapshot.version + 1, staleProfiles, notice, ...(health ? { health } : {}) };
    for (const l of [...this.listeners]) l();
  }

  /** Changes from one tick (a list plus its gets) are coalesced into one emit. */
  changed(): void {
    if (this.emitQueued) return;
    this.emitQueued = true;
    queueMicrotask(() => {
      this.emitQueued = false;
      this.rebuild();
    });
  }

  record(slot: ProfileSlot, id: string, t: Transition): void {
    const key = clusterKey({ profile: slot.profile.name, id });
    // A new array each time: readers compare by identity.
    this.timelines.set(key, [...(this.timelines.get(key) ?? []), t].slice(-TIMELINE_LIMIT));
  }

  providerOf(slot: ProfileSlot): Provider {
    return (slot.provider ??= this.providerFor(slot.profile));
  }

  /** The credential's budget; its notices reach the snapshot while any profile uses it. */
  budgetOf(slot: ProfileSlot): Budget {
    const b = (slot.budget ??= budgetOf(slot.profile, moduleFor(slot.profile.kind).rate));
    if (!this.budgetWatch.has(b)) {
      this.budgetWatch.set(
        b,
        b.onNotice((n) => {
          const had = this.notices.get(b)?.text;
          if (n) this.notices.set(b, n);
          else this.notices.delete(b);
          if (had !== n?.text) this.changed();
        }),
      );
    }
    return b;
  }

  slotFor(name: string): ProfileSlot {
    const slot = this.slots.get(name);
    if (!slot) throw new ApiError(`no profile named ${name}`, { kind: 'config', profile: name });
    return slot;
  }

  /** Puts one cluster in and emits when something visible changed; returns whether it did. */
  put(slot: ProfileSlot, c: Cluster): boolean {
    slot.putSeq.set(c.id, ++slot.seq);
    const res = slot.upsert(c, Date.now());
    if (res && res !== 'changed') this.record(slot, c.id, res);
    if (res) this.changed();
    return Boolean(res);
  }

  dispose(): void {
    for (const off of this.budgetWatch.values()) off();
    this.budgetWatch.clear();
    this.notices.clear();
  }
}
