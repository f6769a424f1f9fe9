// The intents (docs/polling-store.md): what screens and commands ask of a cluster. Each is one provider call at
// the budget's user priority, shown at once, then the cluster is watched (kept fresh) until it settles.
import { ApiError } from '../api/errors.js';
import { withPriority } from '../api/budget.js';
import type { Cluster, Provider } from '../api/types.js';
import type { ProfileSlot } from './store-profile.js';
import type { StoreCore } from './store-core.js';
import { ACTED_MS, type Poller } from './store-poller.js';
import type { ClusterStore } from './types.js';

type Intents = Pick<
  ClusterStore,
  'createForm' | 'create' | 'remove' | 'editForm' | 'planUpdate' | 'update' | 'backups' | 'upgradeTargets' | 'restart' | 'promote' | 'resetPassword'
  | 'switchover' | 'logs' | 'metrics' | 'slowQueries' | 'slowQueryDetail' | 'readSettings' | 'updateSettings'
>;

export function createIntents(core: StoreCore, poller: Poller): Intents {
  const writable = (slot: ProfileSlot, what: string) => {
    if (slot.health.readOnly) throw new ApiError(`profile ${slot.profile.name} is read-only: ${what} is disabled`, { kind: 'config', profile: slot.profile.name });
  };

  const need = <K extends keyof Provider>(slot: ProfileSlot, op: K, label: string): NonNullable<Provider[K]> => {
    const provider = core.providerOf(slot);
    const fn = provider[op];
    if (typeof fn !== 'function') throw new ApiError(`${slot.profile.kind} does not support ${label}`, { kind: 'config', profile: slot.profile.name });
    return (fn as (...a: unknown[]) => unknown).bind(provider) as NonNullable<Provider[K]>;
  };

  /** Runs at the user's priority and names the profile in errors that escape to the UI. */
  const user = async <T>(slot: ProfileSlot, fn: () => Promise<T>, priority: 'user' | 'watch' = 'user'): Promise<T> => {
    try {
      return await withPriority(priority, fn);
    } catch (err) {
      if (err instanceof ApiError && !err.profile) err.profile = slot.profile.name;
      throw err;
    }
  };

  /** Shows the provider's answer at once and keeps the cluster fresh while it changes. */
  const acted = (slot: ProfileSlot, c: Cluster) => {
    core.put(slot, c);
    slot.acted.set(c.id, Date.now() + ACTED_MS);
    poller.wake(slot, c.id);
  };

  /** A provider command that changes the cluster's state (restart, promote). */
  const stateCommand = async (cluster: Cluster, op: 'restart' | 'promote' | 'switchover', label: string): Promise<void> => {
    const slot = core.slotFor(cluster.profile);
    writable(slot, label);
    acted(slot, await user(slot, () => need(slot, op, label)(cluster.id)));
  };

  return {
    createForm(profile, signal) {
      const slot = core.slotFor(profile);
      return user(slot, () => core.providerOf(slot).createForm(signal));
    },
    async create(profile, values) {
      const slot = core.slotFor(profile);
      writable(slot, 'create');
      const c = await user(slot, () => core.providerOf(slot).create(values));
      acted(slot, c.phase === 'ready' ? c : { ...c, phase: c.phase === 'unknown' ? 'creating' : c.phase });
      return c;
    },
    async remove(cluster) {
      const slot = core.slotFor(cluster.profile);
      writable(slot, 'delete');
      await user(slot, () => core.providerOf(slot).remove(cluster.id));
      slot.deleting.add(cluster.id);
      const cur = slot.entries.get(cluster.id)?.cluster ?? cluster;
      acted(slot, { ...cur, phase: 'deleting' });
    },
    editForm(cluster, signal) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'editForm', 'editing')(cluster, signal));
    },
    planUpdate(cluster, values) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'planUpdate', 'editing')(cluster, values));
    },
    async update(cluster, values) {
      const slot = core.slotFor(cluster.profile);
      writable(slot, 'update');
      const c = await user(slot, () => need(slot, 'update', 'editing')(cluster, values));
      // The provider may report the change a moment later: the cluster stays watched either way.
      acted(slot, c);
      return c;
    },
    backups(cluster, signal) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'backups', 'backups')(cluster.id, signal));
    },
    upgradeTargets(cluster, signal) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'upgradeTargets', 'version upgrades')(cluster, signal));
    },
    restart: (cluster) => stateCommand(cluster, 'restart', 'restart'),
    promote: (cluster) => stateCommand(cluster, 'promote', 'promoting a replica'),
    switchover: (cluster) => stateCommand(cluster, 'switchover', 'switchover'),
    // Reads from inside a cluster: one provider call each, made only while its screen is open (the screens ask).
    logs(cluster, query, opts = {}) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'logs', 'logs')(cluster, query, opts.signal), opts.poll ? 'watch' : 'user');
    },
    metrics(cluster, range, opts = {}) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'metrics', 'metrics')(cluster, range, opts.signal), opts.poll ? 'watch' : 'user');
    },
    slowQueries(cluster, range, opts = {}) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'slowQueries', 'slow query patterns')(cluster, range, opts.signal), opts.poll ? 'watch' : 'user');
    },
    slowQueryDetail(cluster, pattern, opts = {}) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'slowQueryDetail', 'slow query patterns')(cluster, pattern, opts.signal), opts.poll ? 'watch' : 'user');
    },
    readSettings(cluster, opts = {}) {
      const slot = core.slotFor(cluster.profile);
      return user(slot, () => need(slot, 'readSettings', 'settings')(cluster, opts.signal), opts.poll ? 'watch' : 'user');
    },
    async updateSettings(cluster, changes) {
      const slot = core.slotFor(cluster.profile);
      writable(slot, 'changing settings');
      return user(slot, () => need(slot, 'updateSettings', 'settings')(cluster, changes));
    },
    async resetPassword(cluster) {
      const slot = core.slotFor(cluster.profile);
      writable(slot, 'password reset');
      return user(slot, () => need(slot, 'resetPassword', 'password reset')(cluster.id));
    },
  };
}
