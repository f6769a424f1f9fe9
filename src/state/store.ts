// The polling cluster store (docs/polling-store.md): plain TypeScript, read by React through useSyncExternalStore.
// Composes the shared core (store-core.ts), the poller (store-poller.ts) and the intents (store-intents.ts).
import type { Profile } from '../api/profile.js';
import { supports, unsupportedReason } from '../api/core/capabilities.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import type { Provider } from '../api/core/types.js';
import { StoreCore } from './store-core.js';
import { createIntents } from './store-intents.js';
import { HealthPoller, type HealthOptions } from './store-health.js';
import { Poller } from './store-poller.js';
import { ProfileSlot } from './store-profile.js';
import { DEFAULT_SETTINGS, type ClusterStore, type Settings } from './types.js';

export interface StoreOptions {
  profiles: Profile[];
  providerFor: (p: Profile) => Provider;
  settings?: Partial<Settings>;
  readOnly?: boolean;
  random?: () => number;
  /**
   * A list poll still unanswered after this long marks the profile's rows stale (default: two of the profile's
   * request timeouts, 30 s). The poll itself goes on: HTTP bounds every request (http.ts), and `r` restarts it.
   */
  pollDeadlineMs?: (p: Profile) => number;
  /** Judge every cluster's health in the background (the TUI; docs/polling-store.md "Health"); off when absent. */
  health?: HealthOptions;
  /** Where applied plans are recorded (docs/plans.md); none in tests that do not ask. */
  journal?: import('../plan/journal.js').Journal;
  /** Told when the journal could not be written (the change itself went out). */
  onJournalProblem?: (message: string) => void;
}

export function createClusterStore(opts: StoreOptions): ClusterStore {
  const refreshMs = Math.max(2, opts.settings?.refreshSeconds ?? DEFAULT_SETTINGS.refreshSeconds) * 1000;
  const core = new StoreCore(opts.providerFor);
  const health = opts.health ? new HealthPoller(core, opts.health) : undefined;
  if (health) core.healthView = (clusters) => health.snapshotView(clusters);
  const poller = new Poller(core, { refreshMs, random: opts.random ?? Math.random, pollDeadlineMs: opts.pollDeadlineMs, backgroundShare: health ? 1 - health.share : 1 });
  const { slots } = core;

  const setProfiles = (profiles: Profile[]) => {
    const names = new Set(profiles.map((p) => p.name));
    for (const [name, slot] of slots) {
      if (!names.has(name)) {
        poller.stopSlot(slot);
        health?.forget(slot);
        slots.delete(name);
      }
    }
    for (const p of profiles) {
      const old = slots.get(p.name);
      if (old && JSON.stringify(old.profile) === JSON.stringify(p)) continue;
      if (old) {
        poller.stopSlot(old);
        health?.forget(old);
      }
      const slot = new ProfileSlot(p, Boolean(opts.readOnly));
      slots.set(p.name, slot);
      if (core.started) void poller.refreshList(slot);
    }
    core.changed();
  };

  const providerOf = (name: string) => {
    const slot = slots.get(name);
    return slot ? core.providerOf(slot) : undefined;
  };

  setProfiles(opts.profiles);

  return {
    subscribe: (listener) => core.subscribe(listener),
    getSnapshot: () => core.snapshot,
    start() {
      if (core.started) return;
      core.started = true;
      for (const slot of slots.values()) void poller.refreshList(slot);
    },
    async stop() {
      core.started = false;
      health?.stop();
      for (const slot of slots.values()) poller.stopSlot(slot);
      core.dispose();
      await Promise.resolve();
    },
    refresh(profile) {
      const lists: Array<Promise<void>> = [];
      for (const slot of slots.values()) if (!profile || slot.profile.name === profile) lists.push(poller.refreshList(slot, true));
      return Promise.all(lists).then(() => undefined);
    },
    pause() {
      core.pauses++;
      if (core.pauses === 1) {
        health?.stop();
        for (const slot of slots.values()) {
          clearTimeout(slot.listTimer);
          poller.stopGets(slot);
        }
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        core.pauses--;
        if (core.active) for (const slot of slots.values()) void poller.refreshList(slot);
        if (core.active) health?.rejudge();
      };
    },
    isPaused: () => core.pauses > 0,
    timeline: (key) => core.timelines.get(key) ?? [],
    journal: () => {
      try {
        return opts.journal?.read() ?? [];
      } catch {
        return []; // an unreadable journal shows as empty; `pgtui journal` says why
      }
    },
    profileOf: (name) => slots.get(name)?.profile,
    provider: providerOf,
    supports: (cluster, capability) => supports(providerOf(cluster.profile), cluster, capability),
    unsupportedReason: (cluster, capability) => unsupportedReason(providerOf(cluster.profile), cluster, capability, PROVIDER_LABELS[cluster.provider]),
    setProfiles,
    watch(key) {
      const slash = key.indexOf('/');
      const slot = slots.get(key.slice(0, slash));
      const id = key.slice(slash + 1);
      if (!slot) return () => {};
      slot.focused.set(id, (slot.focused.get(id) ?? 0) + 1);
      poller.wake(slot, id);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const n = (slot.focused.get(id) ?? 1) - 1;
        if (n > 0) slot.focused.set(id, n);
        else slot.focused.delete(id);
        if (core.active) poller.planWatch(slot);
      };
    },
    ...createIntents(core, poller, opts.journal, opts.onJournalProblem),
  };
}
