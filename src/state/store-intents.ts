// The intents (docs/polling-store.md): what screens and commands ask of a cluster. Each is one provider call at
// the budget's user priority (or watch, for a screen's own refresh), shown at once, then the cluster is watched
// (kept fresh) until it settles. The one-call intents come from the operations table (src/api/core/operations.ts)
// through `run`; create, remove and update change the inventory at once and are written out.
import { ApiError } from '../api/core/errors.js';
import { withPriority } from '../api/core/budget.js';
import { readOnlyRefusal, unsupportedReason } from '../api/core/capabilities.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import { CALLS, OPERATIONS, type Capability, type CallName, type CallRow } from '../api/core/operations.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { applyPlan, type JournalProblem } from '../plan/apply.js';
import { planOf } from '../plan/build.js';
import type { Journal } from '../plan/journal.js';
import type { PlanChange } from '../plan/types.js';
import type { ProfileSlot } from './store-profile.js';
import type { StoreCore } from './store-core.js';
import { ACTED_MS, type Poller } from './store-poller.js';
import type { ClusterStore, InsightOptions } from './types.js';

/** A call's arguments as a plan's changes: settings (their old values are in the screen's review) and a restore's target. */
function settingChanges(method: string, args: unknown[]): PlanChange[] | undefined {
  const arg = args[0];
  if (!arg || typeof arg !== 'object') return undefined;
  if (method === 'updateSettings') return Object.entries(arg as Record<string, string>).map(([key, to]) => ({ key, label: key, from: '', to: String(to) }));
  if (method === 'restore') {
    const req = arg as { backupId?: string; targetTime?: string; newName?: string };
    return [['backup', 'backup', req.backupId], ['targetTime', 'point in time', req.targetTime], ['newName', 'new cluster', req.newName]]
      .filter(([, , to]) => to)
      .map(([key, label, to]) => ({ key: key!, label: label!, from: '', to: to! }));
  }
  return undefined;
}

type Intents = Pick<ClusterStore, 'createForm' | 'create' | 'remove' | 'update' | CallName>;

export function createIntents(core: StoreCore, poller: Poller, journal?: Journal, onJournalProblem?: JournalProblem): Intents {
  /**
   * Every change goes through a plan (docs/plans.md): the screen showed its review and took its confirmation; here
   * the plan is applied inside write-scope's apply and recorded in the journal.
   */
  const planned = <T>(slot: ProfileSlot, operation: string, cluster: { id?: string; name: string }, send: () => Promise<T>, changes?: PlanChange[]): Promise<T> =>
    applyPlan(planOf({ operation, profile: slot.profile, cluster, changes }), send, journal, onJournalProblem);

  const writable = (slot: ProfileSlot, what: string) => {
    if (slot.health.readOnly) throw new ApiError(readOnlyRefusal(slot.profile.name, what), { kind: 'config', profile: slot.profile.name });
  };

  /** The provider, when it has the operation; else the one wording of capabilities.ts. */
  const provider = (slot: ProfileSlot, cluster: Cluster, capability: Capability): Provider => {
    const p = core.providerOf(slot);
    if (typeof p[OPERATIONS[capability].method] !== 'function') {
      throw new ApiError(unsupportedReason(p, cluster, capability, PROVIDER_LABELS[cluster.provider]), { kind: 'config', profile: slot.profile.name });
    }
    return p;
  };

  /** Runs at the user's priority (watch for a screen's own refresh) and names the profile in errors that escape to the UI. */
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

  /** One row of the operations table: read-only refusal, the provider call, and its effect on the inventory. */
  const run = async <A extends unknown[], R>(row: CallRow<A, R>, cluster: Cluster, args: A, opts: InsightOptions = {}): Promise<R> => {
    const slot = core.slotFor(cluster.profile);
    if (row.writes) writable(slot, row.label ?? OPERATIONS[row.capability].label);
    const p = provider(slot, cluster, row.capability);
    if (typeof p[row.method] !== 'function') throw new ApiError(unsupportedReason(undefined, cluster, row.capability, PROVIDER_LABELS[cluster.provider]), { kind: 'config', profile: slot.profile.name });
    const call = () => row.call(p, cluster, args, opts.signal);
    const result = await user(slot, row.writes ? () => planned(slot, row.method, cluster, call, settingChanges(row.method, args)) : call, opts.poll ? 'watch' : 'user');
    if (row.changesState) acted(slot, result as Cluster);
    return result;
  };

  /** Each call of the table as the intent the store exposes: (cluster, ...args, opts?). */
  const calls = Object.fromEntries(
    (Object.keys(CALLS) as CallName[]).map((name) => {
      const row = CALLS[name] as CallRow<unknown[], unknown>;
      return [name, (cluster: Cluster, ...rest: unknown[]) => {
        const takes = row.takes;
        const args = rest.slice(0, takes);
        const last = rest[takes];
        const opts: InsightOptions = last instanceof AbortSignal ? { signal: last } : ((last as InsightOptions | undefined) ?? {});
        return run(row, cluster, args, opts);
      }];
    }),
  ) as unknown as Pick<ClusterStore, CallName>;

  return {
    ...calls,
    createForm(profile, signal) {
      const slot = core.slotFor(profile);
      return user(slot, () => core.providerOf(slot).createForm(signal));
    },
    async create(profile, values) {
      const slot = core.slotFor(profile);
      writable(slot, 'create');
      const c = await user(slot, () => planned(slot, 'create', { name: values.name ?? values.displayName ?? '(new)' }, () => core.providerOf(slot).create(values)));
      acted(slot, c.phase === 'ready' ? c : { ...c, phase: c.phase === 'unknown' ? 'creating' : c.phase });
      return c;
    },
    async remove(cluster) {
      const slot = core.slotFor(cluster.profile);
      writable(slot, 'delete');
      await user(slot, () => planned(slot, 'remove', cluster, () => core.providerOf(slot).remove(cluster.id)));
      slot.deleting.add(cluster.id);
      const cur = slot.entries.get(cluster.id)?.cluster ?? cluster;
      acted(slot, { ...cur, phase: 'deleting' });
    },
    async update(cluster, values) {
      const slot = core.slotFor(cluster.profile);
      writable(slot, 'update');
      const p = provider(slot, cluster, 'edit');
      const c = await user(slot, () => planned(slot, 'update', cluster, () => p.update!(cluster, values)));
      // The provider may report the change a moment later: the cluster stays watched either way.
      acted(slot, c);
      return c;
    },
  };
}
