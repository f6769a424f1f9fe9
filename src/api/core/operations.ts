// Every optional operation a provider may offer, one row each: the Provider method behind it, how it is named in
// one-line refusals, whether it changes anything, and how the store calls it. `supports`/`unsupportedReason`
// (./capabilities.ts), the store's intents (src/state/store-intents.ts), read-only refusal and the store test
// double are derived from this table; docs/ARCHITECTURE.md, "Adding an operation".
import type { Cluster, Provider } from './types.js';
import { OPERATIONS, type Capability } from './capability.js';

// The table itself is a leaf (./capability.ts) so that the Provider interface can name a Capability without a
// cycle; ./capabilities.ts checks its methods against Provider (`satisfies keyof Provider`).
export { OPERATIONS, type Capability };


/**
 * The store's cluster intents that are one provider call and nothing more, by the intent's name: the operation
 * it belongs to (its capability and label), whether it writes, and how the provider is called. Intents that do
 * more (create, remove, update: they change the inventory at once) are written out in store-intents.ts.
 */
export interface CallRow<A extends unknown[], R> {
  capability: Capability;
  method: keyof Provider;
  writes: boolean;
  /** How a read-only refusal names this call, where it differs from the operation's label. */
  label?: string;
  /** How many arguments follow the cluster (then the signal or options). */
  takes: number;
  /** Changes the cluster's state: the store shows the answer at once and keeps the cluster fresh. */
  changesState?: boolean;
  call: (p: Provider, cluster: Cluster, args: A, signal?: AbortSignal) => Promise<R>;
}

type Fn<K extends keyof Provider> = Extract<NonNullable<Provider[K]>, (...a: never[]) => unknown>;
type Ret<K extends keyof Provider> = Awaited<ReturnType<Fn<K>>>;

const row = <K extends keyof Provider, A extends unknown[]>(
  capability: Capability,
  method: K,
  writes: boolean,
  takes: number,
  call: (fn: Fn<K>, cluster: Cluster, args: A, signal?: AbortSignal) => Promise<Ret<K>>,
  extra: { changesState?: boolean; label?: string } = {},
): CallRow<A, Ret<K>> => ({
  capability,
  method,
  writes,
  takes,
  ...extra,
  call: (p, cluster, args, signal) => {
    const fn = p[method];
    if (typeof fn !== 'function') throw new Error(`the provider has no ${String(method)}`);
    return call((fn as (...a: unknown[]) => unknown).bind(p) as Fn<K>, cluster, args, signal);
  },
});

type FormValues = import('./types.js').FormValues;
type RestoreRequest = import('./types.js').RestoreRequest;
type LogQuery = import('./insight.js').LogQuery;
type TimeRange = import('./insight.js').TimeRange;
type SlowQueryRef = import('./insight.js').SlowQueryRef;

/** The calls, by the store intent's name. */
export const CALLS = {
  editForm: row('edit', 'editForm', false, 0, (fn, c, _a: [], s) => fn(c, s)),
  planUpdate: row('edit', 'planUpdate', false, 1, (fn, c, [values]: [FormValues], s) => fn(c, values, s)),
  backups: row('backups', 'backups', false, 0, (fn, c, _a: [], s) => fn(c.id, s)),
  upgradeTargets: row('upgrade', 'upgradeTargets', false, 0, (fn, c, _a: [], s) => fn(c, s)),
  restart: row('restart', 'restart', true, 0, (fn, c, _a: [], s) => fn(c.id, s), { changesState: true }),
  promote: row('promote', 'promote', true, 0, (fn, c, _a: [], s) => fn(c.id, s), { changesState: true }),
  switchover: row('switchover', 'switchover', true, 0, (fn, c, _a: [], s) => fn(c.id, s), { changesState: true }),
  resetPassword: row('resetPassword', 'resetPassword', true, 0, (fn, c, _a: [], s) => fn(c.id, s)),
  logs: row('logs', 'logs', false, 1, (fn, c, [query]: [LogQuery], s) => fn(c, query, s)),
  metrics: row('metrics', 'metrics', false, 1, (fn, c, [range]: [TimeRange], s) => fn(c, range, s)),
  slowQueries: row('slowQueries', 'slowQueries', false, 1, (fn, c, [range]: [TimeRange], s) => fn(c, range, s)),
  slowQueryDetail: row('slowQueries', 'slowQueryDetail', false, 1, (fn, c, [pattern]: [SlowQueryRef], s) => fn(c, pattern, s)),
  readSettings: row('settings', 'readSettings', false, 0, (fn, c, _a: [], s) => fn(c, s)),
  restore: row('restore', 'restore', true, 1, (fn, c, [req]: [RestoreRequest], s) => fn(c, req, s), { changesState: true }),
  diskUsage: row('diskUsage', 'diskUsage', false, 0, (fn, c, _a: [], s) => fn(c, s)),
  reachability: row('reachability', 'reachability', false, 0, (fn, c, _a: [], s) => fn(c, s)),
  failoverTargets: row('failover', 'failoverTargets', false, 0, (fn, c, _a: [], s) => fn(c, s)),
  updateSettings: row('settings', 'updateSettings', true, 1, (fn, c, [changes]: [Record<string, string>], s) => fn(c, changes, s), { label: 'changing settings' }),
};

export type CallName = keyof typeof CALLS;
