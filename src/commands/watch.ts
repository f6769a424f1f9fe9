// pgtui ls --watch / get NAME --watch (kubectl's -w): the table once every profile has answered, then one line
// per cluster that changed, appeared or went, as the polling store sees it (its cadence keeps within each
// credential's request budget: docs/polling-store.md). Ends with Ctrl-C (exit 130, lifecycle.ts).
import type { Cluster } from '../api/core/types.js';
import { oneLine, safeJson } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import { clusterKey, type StoreSnapshot } from '../state/types.js';
import type { Context } from './context.js';
import type { Output } from './output.js';
import { jsonClusters, renderTable } from './table.js';
import { byProfileAndName } from '../text/order.js';

export interface WatchOptions {
  out: Output;
  /** Which clusters are watched (the ls filter, or the one cluster of get). */
  keep: (c: Cluster) => boolean;
  /** get: the one cluster's key, watched closely (fast polls) by the store. */
  focus?: string;
  raw?: boolean;
}

export async function watchClusters(ctx: Context, opts: WatchOptions): Promise<number> {
  const { createClusterStore } = await import('../state/store.js');
  const store = createClusterStore({ profiles: ctx.profiles, providerFor: (p) => ctx.providerFor(p), settings: ctx.config.settings() });
  const shown = new Map<string, { cluster: Cluster; print: string }>();
  const errors = new Map<string, string | undefined>();
  let started = false;
  const json = opts.out.format === 'json' || opts.out.format === 'yaml';
  /** What the output shows of a cluster: a change elsewhere (a hostname the table does not show) prints nothing. */
  const print = (c: Cluster) => (json ? JSON.stringify(jsonClusters([c], Boolean(opts.raw))[0]) : renderTable([c], { color: false, wide: opts.out.format === 'wide', cols: opts.out.cols, headers: false }));
  const sorted = (cs: readonly Cluster[]) => [...cs].sort(byProfileAndName);
  /** Rows as lines of one table of everything shown (stable widths for the watched set). */
  const lines = (all: readonly Cluster[], rows: readonly Cluster[], headers: boolean): string => {
    if (json) return rows.map((c) => `${safeJson(jsonClusters([c], Boolean(opts.raw))[0], 0)}\n`).join('');
    const table = renderTable(all, { color: false, wide: opts.out.format === 'wide', cols: opts.out.cols, headers: true }).split('\n');
    const at = new Map(all.map((c, i) => [clusterKey(c), i + 1]));
    const picked = rows.map((c) => table[at.get(clusterKey(c)) ?? -1]).filter((l): l is string => l !== undefined);
    return [...(headers && opts.out.headers ? [table[0]!] : []), ...picked].map((l) => `${l}\n`).join('');
  };
  const onSnapshot = (snap: StoreSnapshot) => {
    for (const p of snap.profiles) {
      if (p.status === 'loading' || errors.get(p.profile) === p.error) continue;
      errors.set(p.profile, p.error);
      if (p.error) errLine(`pgtui: ${oneLine(p.profile)}: ${oneLine(p.error)}`);
    }
    if (!started && snap.profiles.some((p) => p.status === 'loading')) return;
    const now = sorted(snap.clusters.filter(opts.keep));
    const changed: Cluster[] = [];
    const present = new Set<string>();
    for (const c of now) {
      const key = clusterKey(c);
      present.add(key);
      const p = print(c);
      if (shown.get(key)?.print !== p) changed.push(c);
      shown.set(key, { cluster: c, print: p });
    }
    // Gone from the list (deleted, or its profile's region no longer lists it): its last row, phase "deleted".
    const gone: Cluster[] = [];
    for (const [key, s] of shown) {
      if (present.has(key)) continue;
      shown.delete(key);
      gone.push({ ...s.cluster, phase: 'deleted' as Cluster['phase'], state: 'deleted' });
    }
    const rows = [...changed, ...gone];
    if (rows.length > 0 || !started) writeOut(lines(sorted([...now, ...gone]), rows, !started));
    started = true;
  };
  store.subscribe(() => onSnapshot(store.getSnapshot()));
  store.start();
  if (opts.focus) store.watch?.(opts.focus);
  // Until a signal ends the process (lifecycle.ts: Ctrl-C exits 130, a closed stdout 0).
  return new Promise<number>(() => {});
}
