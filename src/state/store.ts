// The polling cluster store (docs/polling-store.md): plain TypeScript, read by React through useSyncExternalStore.
// Per profile a list refresh every refreshSeconds; clusters in a transitional phase are fetched every 2 s; one
// request in flight per key; errors back off exponentially with jitter; emits only on visible change.
import type { Profile } from '../api/profile.js';
import { ApiError, describeError, isApiError } from '../api/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../api/http.js';
import { supports, unsupportedReason } from '../api/capabilities.js';
import { TRANSITIONAL_PHASES, type Cluster, type Provider } from '../api/types.js';
import { ProfileSlot } from './store-profile.js';
import { clusterKey, DEFAULT_SETTINGS, type ClusterStore, type Settings, type StoreSnapshot, type Transition } from './types.js';

/** A list that also says which regions did not answer (IONOS v2); the others return a plain array. */

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
}

const FAST_POLL_MS = 2_000;
/** Transitional clusters per profile fetched individually every FAST_POLL_MS. */
const MAX_FAST_GETS = 8;
const MAX_BACKOFF_MS = 60_000;
const MAX_RETRY_AFTER_MS = 15 * 60_000;
const TIMELINE_LIMIT = 50;
/** How long a restart (r) waits for the cancelled list to settle before starting anyway. */
const ABANDON_MS = 1_000;

function settledOrAfter(p: Promise<void> | undefined, ms: number): Promise<void> {
  if (!p) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

export function createClusterStore(opts: StoreOptions): ClusterStore {
  const random = opts.random ?? Math.random;
  const refreshMs = Math.max(2, opts.settings?.refreshSeconds ?? DEFAULT_SETTINGS.refreshSeconds) * 1000;
  const slots = new Map<string, ProfileSlot>();
  const listeners = new Set<() => void>();
  const timelines = new Map<string, Transition[]>();
  let snapshot: StoreSnapshot = { clusters: [], profiles: [], version: 0, staleProfiles: [] };
  let started = false;
  let pauses = 0;
  let emitQueued = false;

  const rebuild = () => {
    const list = [...slots.values()];
    const clusters = list.length === 1 ? list[0]!.clusters() : list.flatMap((s) => s.clusters());
    const profiles = list.map((s) => ({ ...s.health, clusterCount: s.entries.size }));
    const staleProfiles = list.filter((s) => s.health.status === 'error' && s.entries.size > 0).map((s) => s.profile.name);
    snapshot = { clusters, profiles, version: snapshot.version + 1, staleProfiles };
    for (const l of [...listeners]) l();
  };
  // Changes from one tick (a list plus its gets) are coalesced into one emit.
  const changed = () => {
    if (emitQueued) return;
    emitQueued = true;
    queueMicrotask(() => {
      emitQueued = false;
      rebuild();
    });
  };

  const record = (slot: ProfileSlot, id: string, t: Transition) => {
    const key = clusterKey({ profile: slot.profile.name, id });
    // A new array each time: readers compare by identity.
    timelines.set(key, [...(timelines.get(key) ?? []), t].slice(-TIMELINE_LIMIT));
  };

  const providerOf = (slot: ProfileSlot): Provider => (slot.provider ??= opts.providerFor(slot.profile));
  const readOnly = (slot: ProfileSlot) => slot.health.readOnly;

  const backoff = (slot: ProfileSlot, err: unknown): number => {
    const base = Math.min(MAX_BACKOFF_MS, refreshMs * 2 ** Math.min(slot.failures - 1, 6));
    const jittered = base / 2 + random() * (base / 2);
    // The provider's Retry-After wins over our own cap (within reason: a broken header must not stop polling for a day).
    const retryAfter = Math.min(MAX_RETRY_AFTER_MS, isApiError(err) ? err.retryAfterMs ?? 0 : 0);
    return Math.max(Math.min(MAX_BACKOFF_MS, jittered), retryAfter);
  };

  const scheduleList = (slot: ProfileSlot, delay: number) => {
    clearTimeout(slot.listTimer);
    if (!started || pauses > 0) return;
    slot.listTimer = setTimeout(() => void refreshList(slot), delay);
  };

  const pollDeadline = (p: Profile) => opts.pollDeadlineMs?.(p) ?? 2 * (p.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  /** The poll is overdue: what is on screen is the last list, not the present. */
  const markOverdue = (slot: ProfileSlot, ctl: AbortController, after: number) => {
    if (slot.listInFlight !== ctl || slots.get(slot.profile.name) !== slot) return;
    const secs = Math.round(after / 1000);
    const shown = slot.entries.size > 0 ? '; the clusters shown are from the last list' : '';
    slot.health = { ...slot.health, status: 'error', error: `no answer for ${secs} s${shown} (r tries again now)`, nextRetryAt: undefined };
    changed();
  };

  /** `restart`: a person asked (r): a poll still running, perhaps stuck on a dripping server, is dropped for a fresh one. */
  const refreshList = async (slot: ProfileSlot, restart = false): Promise<void> => {
    if (!started || pauses > 0) return;
    const stuck = slot.listInFlight;
    if (stuck) {
      if (!restart) return;
      stuck.abort();
      // HTTP stops at once on cancel: let that list settle first so two never run at once. A provider that
      // ignored the cancel is given up on after a moment.
      await settledOrAfter(slot.listSettled, ABANDON_MS);
      if (!started || pauses > 0 || slots.get(slot.profile.name) !== slot) return;
      if (slot.listInFlight && slot.listInFlight !== stuck) return; // another restart got there first
      slot.listInFlight = undefined;
    }
    clearTimeout(slot.listTimer);
    const ctl = new AbortController();
    slot.listInFlight = ctl;
    let settle = () => {};
    slot.listSettled = new Promise<void>((resolve) => (settle = resolve));
    const deadline = pollDeadline(slot.profile);
    const overdue = setTimeout(() => markOverdue(slot, ctl, deadline), deadline);
    let next = refreshMs;
    try {
      // The very first list of a big account shows its first page while the rest loads (the profile stays 'loading').
      const onProgress = slot.entries.size > 0 ? undefined : (soFar: Cluster[]) => {
        if (ctl.signal.aborted || slots.get(slot.profile.name) !== slot || slot.entries.size > 0) return;
        if (slot.replaceAll(soFar, Date.now(), () => undefined)) changed();
      };
      const list = await providerOf(slot).list(ctl.signal, onProgress);
      if (ctl.signal.aborted || slots.get(slot.profile.name) !== slot) return;
      const now = Date.now();
      // A cluster we are deleting keeps showing as deleting until the provider stops listing it.
      const shown = list.clusters.map((c) => (slot.deleting.has(c.id) && c.phase !== 'deleting' ? { ...c, phase: 'deleting' as const } : c));
      // Regions that did not answer (IONOS v2) keep their last-known clusters, and the profile counts as failing:
      // those clusters are stale, never silently dropped nor shown as healthy.
      const down = list.failures;
      if (down.length > 0) {
        const regions = new Set(down.map((f) => f.location));
        const listed = new Set(list.clusters.map((c) => c.id));
        for (const c of slot.clusters()) if (!listed.has(c.id) && c.location !== undefined && regions.has(c.location)) shown.push(c);
      }
      let dirty = slot.replaceAll(shown, now, (id, t) => record(slot, id, t));
      for (const c of slot.clusters()) syncFastPoll(slot, c);
      if (down.length > 0) {
        slot.failures++;
        next = Math.min(next, backoff(slot, down[0]!.error));
        const error = down.map((f) => `region ${f.location}: ${describeError(f.error)}`).join('; ');
        slot.health = { ...slot.health, status: 'error', error: error.split('\n')[0], warning: list.warnings.join('; ') || undefined, nextRetryAt: now + next };
        changed();
      } else {
        const wasError = slot.health.status !== 'ok';
        const warning = list.warnings.join('; ') || undefined;
        if (warning !== slot.health.warning) dirty = true;
        slot.failures = 0;
        slot.health = { ...slot.health, status: 'ok', error: undefined, warning, nextRetryAt: undefined, lastRefresh: wasError || dirty ? now : slot.health.lastRefresh };
        if (wasError) dirty = true;
        if (dirty) changed();
      }
    } catch (err) {
      if (ctl.signal.aborted || slots.get(slot.profile.name) !== slot) return;
      slot.failures++;
      next = backoff(slot, err);
      const error = describeError(err);
      const prev = slot.health;
      slot.health = { ...prev, status: 'error', error, nextRetryAt: Date.now() + next };
      // Emitted on every failure (at most once per backoff): the status line shows when the next try is.
      changed();
    } finally {
      clearTimeout(overdue);
      if (slot.listInFlight === ctl) slot.listInFlight = undefined;
      settle();
    }
    scheduleList(slot, next);
  };

  const syncFastPoll = (slot: ProfileSlot, c: Cluster) => {
    if (TRANSITIONAL_PHASES.has(c.phase)) {
      // A big account can have hundreds of busy clusters: only a few are fetched one by one (the ones acted on
      // here always are, see scheduleGet callers); the list refresh keeps the rest current.
      const fast = slot.getTimers.size + slot.getInFlight.size;
      if (!slot.getTimers.has(c.id) && !slot.getInFlight.has(c.id) && fast < MAX_FAST_GETS) scheduleGet(slot, c.id, FAST_POLL_MS);
    } else {
      clearTimeout(slot.getTimers.get(c.id));
      slot.getTimers.delete(c.id);
    }
  };

  const scheduleGet = (slot: ProfileSlot, id: string, delay: number) => {
    clearTimeout(slot.getTimers.get(id));
    if (!started || pauses > 0) return;
    slot.getTimers.set(id, setTimeout(() => void refreshOne(slot, id), delay));
  };

  const refreshOne = async (slot: ProfileSlot, id: string): Promise<void> => {
    slot.getTimers.delete(id);
    if (!started || pauses > 0 || slot.getInFlight.has(id) || !slot.entries.has(id)) return;
    const ctl = new AbortController();
    slot.getInFlight.set(id, ctl);
    try {
      let c = await providerOf(slot).get(id, ctl.signal);
      if (ctl.signal.aborted || slots.get(slot.profile.name) !== slot) return;
      if (slot.deleting.has(id) && c.phase !== 'deleting') c = { ...c, phase: 'deleting' };
      const res = slot.upsert(c, Date.now());
      if (res && res !== 'changed') record(slot, id, res);
      if (res) changed();
    } catch (err) {
      if (ctl.signal.aborted) return;
      if (isApiError(err, 'not-found')) {
        if (slot.delete(id)) changed();
        return;
      }
      // Other errors: the next list refresh reports them; keep trying at the fast pace.
    } finally {
      slot.getInFlight.delete(id);
    }
    const cur = slot.entries.get(id)?.cluster;
    if (cur) syncFastPoll(slot, cur);
  };

  const stopSlot = (slot: ProfileSlot) => {
    clearTimeout(slot.listTimer);
    slot.listInFlight?.abort();
    slot.listInFlight = undefined;
    for (const t of slot.getTimers.values()) clearTimeout(t);
    slot.getTimers.clear();
    for (const c of slot.getInFlight.values()) c.abort();
    slot.getInFlight.clear();
  };

  const slotFor = (name: string): ProfileSlot => {
    const slot = slots.get(name);
    if (!slot) throw new ApiError(`no profile named ${name}`, { kind: 'config', profile: name });
    return slot;
  };

  const writable = (slot: ProfileSlot, what: string) => {
    if (readOnly(slot)) throw new ApiError(`profile ${slot.profile.name} is read-only: ${what} is disabled`, { kind: 'config', profile: slot.profile.name });
  };

  const need = <K extends keyof Provider>(slot: ProfileSlot, op: K, label: string): NonNullable<Provider[K]> => {
    const provider = providerOf(slot);
    const fn = provider[op];
    if (typeof fn !== 'function') throw new ApiError(`${slot.profile.kind} does not support ${label}`, { kind: 'config', profile: slot.profile.name });
    return (fn as (...a: unknown[]) => unknown).bind(provider) as NonNullable<Provider[K]>;
  };

  /** Names the profile in errors that escape to the UI. */
  const tagged = async <T>(slot: ProfileSlot, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ApiError && !err.profile) err.profile = slot.profile.name;
      throw err;
    }
  };

  const put = (slot: ProfileSlot, c: Cluster) => {
    const res = slot.upsert(c, Date.now());
    if (res && res !== 'changed') record(slot, c.id, res);
    if (res) changed();
    syncFastPoll(slot, c);
  };

  const setProfiles = (profiles: Profile[]) => {
    const names = new Set(profiles.map((p) => p.name));
    for (const [name, slot] of slots) {
      if (!names.has(name)) {
        stopSlot(slot);
        slots.delete(name);
      }
    }
    for (const p of profiles) {
      const old = slots.get(p.name);
      if (old && JSON.stringify(old.profile) === JSON.stringify(p)) continue;
      if (old) stopSlot(old);
      const slot = new ProfileSlot(p, Boolean(opts.readOnly));
      slots.set(p.name, slot);
      if (started) void refreshList(slot);
    }
    changed();
  };

  /** A provider command that changes the cluster's state (restart, promote): shown at once, then fast-polled. */
  const stateCommand = async (cluster: Cluster, op: 'restart' | 'promote', label: string): Promise<void> => {
    const slot = slotFor(cluster.profile);
    writable(slot, label);
    const c = await tagged(slot, () => need(slot, op, label)(cluster.id));
    put(slot, c);
    scheduleGet(slot, c.id, FAST_POLL_MS);
  };

  setProfiles(opts.profiles);

  const store: ClusterStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start() {
      if (started) return;
      started = true;
      for (const slot of slots.values()) void refreshList(slot);
    },
    async stop() {
      started = false;
      for (const slot of slots.values()) stopSlot(slot);
      await Promise.resolve();
    },
    refresh(profile) {
      const lists: Array<Promise<void>> = [];
      for (const slot of slots.values()) if (!profile || slot.profile.name === profile) lists.push(refreshList(slot, true));
      return Promise.all(lists).then(() => undefined);
    },
    pause() {
      pauses++;
      if (pauses === 1) for (const slot of slots.values()) {
        clearTimeout(slot.listTimer);
        for (const t of slot.getTimers.values()) clearTimeout(t);
        slot.getTimers.clear();
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        pauses--;
        if (pauses === 0 && started) for (const slot of slots.values()) void refreshList(slot);
      };
    },
    isPaused: () => pauses > 0,
    timeline: (key) => timelines.get(key) ?? [],
    profileOf: (name) => slots.get(name)?.profile,
    provider: (name) => {
      const slot = slots.get(name);
      return slot ? providerOf(slot) : undefined;
    },
    supports(cluster, capability) {
      const slot = slots.get(cluster.profile);
      return supports(slot ? providerOf(slot) : undefined, cluster, capability);
    },
    unsupportedReason(cluster, capability) {
      const slot = slots.get(cluster.profile);
      return unsupportedReason(slot ? providerOf(slot) : undefined, cluster, capability);
    },
    setProfiles,

    createForm(profile, signal) {
      const slot = slotFor(profile);
      return tagged(slot, () => providerOf(slot).createForm(signal));
    },
    async create(profile, values) {
      const slot = slotFor(profile);
      writable(slot, 'create');
      const c = await tagged(slot, () => providerOf(slot).create(values));
      put(slot, c.phase === 'ready' ? c : { ...c, phase: c.phase === 'unknown' ? 'creating' : c.phase });
      return c;
    },
    async remove(cluster) {
      const slot = slotFor(cluster.profile);
      writable(slot, 'delete');
      await tagged(slot, () => providerOf(slot).remove(cluster.id));
      slot.deleting.add(cluster.id);
      const cur = slot.entries.get(cluster.id)?.cluster ?? cluster;
      put(slot, { ...cur, phase: 'deleting' });
    },
    editForm(cluster, signal) {
      const slot = slotFor(cluster.profile);
      return tagged(slot, () => need(slot, 'editForm', 'editing')(cluster, signal));
    },
    planUpdate(cluster, values) {
      const slot = slotFor(cluster.profile);
      return tagged(slot, () => need(slot, 'planUpdate', 'editing')(cluster, values));
    },
    async update(cluster, values) {
      const slot = slotFor(cluster.profile);
      writable(slot, 'update');
      const c = await tagged(slot, () => need(slot, 'update', 'editing')(cluster, values));
      put(slot, c);
      // The provider may report the change a moment later; look again soon either way.
      scheduleGet(slot, c.id, FAST_POLL_MS);
      return c;
    },
    backups(cluster, signal) {
      const slot = slotFor(cluster.profile);
      return tagged(slot, () => need(slot, 'backups', 'backups')(cluster.id, signal));
    },
    upgradeTargets(cluster, signal) {
      const slot = slotFor(cluster.profile);
      return tagged(slot, () => need(slot, 'upgradeTargets', 'version upgrades')(cluster, signal));
    },
    restart: (cluster) => stateCommand(cluster, 'restart', 'restart'),
    promote: (cluster) => stateCommand(cluster, 'promote', 'promoting a replica'),
    async resetPassword(cluster) {
      const slot = slotFor(cluster.profile);
      writable(slot, 'password reset');
      return tagged(slot, () => need(slot, 'resetPassword', 'password reset')(cluster.id));
    },
  };
  return store;
}
