// The list's view model: filtering, sorting and the columns that fit the terminal width.
import type { Cluster } from '../api/types.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import { formatAge, type ColorName } from '../format.js';
import { clusterKey, type ClusterHealth } from '../state/types.js';
import { healthCell, healthColor, healthRank } from './health-view.js';

export type SortKey = 'name' | 'profile' | 'phase' | 'health' | 'version' | 'location' | 'age' | 'size' | 'instances';
export const SORT_KEYS: SortKey[] = ['name', 'phase', 'health', 'profile', 'version', 'age', 'location', 'size', 'instances'];
/** Each cluster's health by key (the store's snapshot.health), when the store judges it. */
export type HealthMap = ReadonlyMap<string, ClusterHealth>;

/** Each cluster's searchable text, lower-cased once: unchanged clusters keep their object across polls. */
const haystacks = new WeakMap<Cluster, string>();
function haystack(c: Cluster): string {
  let text = haystacks.get(c);
  if (text === undefined) {
    // \0 between fields: a filter never matches across two of them.
    text = [c.name, c.profile, c.provider, PROVIDER_LABELS[c.provider], c.state, c.phase, c.location ?? '', c.id].join('\0').toLowerCase();
    haystacks.set(c, text);
  }
  return text;
}

/** Builds the search text of clusters that have none yet, so the first filter keystroke finds it ready. */
export function warmSearch(clusters: readonly Cluster[]): void {
  for (const c of clusters) haystack(c);
}

export function matches(c: Cluster, needle: string): boolean {
  return !needle || haystack(c).includes(needle.toLowerCase());
}

const isSortKey = (k: string): k is SortKey => (SORT_KEYS as readonly string[]).includes(k);

/** The sort after `current` in the order of the columns on screen (`shown`), skipping those that do not sort. */
export function nextSortKey(current: SortKey, shown: readonly string[]): SortKey {
  const candidates = shown.filter(isSortKey);
  if (candidates.length === 0) return current;
  const from = candidates.indexOf(current);
  return candidates[(from + 1) % candidates.length]!;
}

const sortValue: Record<SortKey, (c: Cluster, health?: HealthMap) => string | number> = {
  name: (c) => c.name.toLowerCase(),
  profile: (c) => c.profile,
  phase: (c) => c.phase,
  // Worst first: red, yellow, unknown, green, then not judged yet.
  health: (c, health) => -healthRank(health?.get(clusterKey(c))),
  version: (c) => Number.parseFloat(c.version ?? '') || 0,
  location: (c) => c.location ?? '',
  age: (c) => -(Date.parse(c.createdAt ?? '') || 0),
  size: (c) => c.size ?? '',
  instances: (c) => c.instances ?? 0,
};
/** Sizes are text with numbers in it ("2 cores, 4 GB RAM" before "16 cores, …"): compared as a person reads them. */
const naturally = new Intl.Collator(undefined, { numeric: true });
const collator = new Intl.Collator();

/** Every cluster in sort order, computed once per snapshot and order (typing a filter never re-sorts). */
const sortedCache = new WeakMap<readonly Cluster[], Map<string, readonly Cluster[]>>();
/** The health sort, per health map too (a new map when a verdict changed). */
const byHealthCache = new WeakMap<HealthMap, WeakMap<readonly Cluster[], Map<string, readonly Cluster[]>>>();
const NO_HEALTH: HealthMap = new Map();
function sorted(clusters: readonly Cluster[], sort: SortKey, reverse: boolean, health?: HealthMap): readonly Cluster[] {
  let cache = sortedCache;
  if (sort === 'health') {
    const h = health ?? NO_HEALTH;
    let c = byHealthCache.get(h);
    if (!c) byHealthCache.set(h, (c = new WeakMap()));
    cache = c;
  }
  let bySort = cache.get(clusters);
  if (!bySort) cache.set(clusters, (bySort = new Map()));
  const key = `${sort}:${reverse}`;
  let out = bySort.get(key);
  if (!out) {
    const get = sortValue[sort];
    const keyed = clusters.map((c) => ({ c, k: get(c, health) }));
    const natural = sort === 'size';
    keyed.sort((a, b) => {
      const byKey = natural ? naturally.compare(String(a.k), String(b.k)) : a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      const r = byKey || collator.compare(a.c.name, b.c.name);
      return reverse ? -r : r;
    });
    out = keyed.map((e) => e.c);
    bySort.set(key, out);
  }
  return out;
}

/** `faultsOnly`: only clusters not known to be green (red, yellow, unknown, not judged yet). */
export function view(clusters: readonly Cluster[], filter: string, sort: SortKey, reverse: boolean, health?: HealthMap, faultsOnly = false): Cluster[] {
  const all = sorted(clusters, sort, reverse, health);
  const needle = filter.toLowerCase();
  const faulty = (c: Cluster) => health?.get(clusterKey(c))?.verdict !== 'green';
  if (!filter && !faultsOnly) return [...all];
  return all.filter((c) => (!faultsOnly || faulty(c)) && (!needle || haystack(c).includes(needle)));
}

/** The phase, and the provider's own word when it says more ("updating restarting"; PGO's "pgcluster " prefix dropped). */
export function phaseText(c: Cluster): string {
  const state = c.state.replace(/^pgcluster\s+/i, '');
  return state && state.toLowerCase() !== c.phase ? `${c.phase} ${state}` : c.phase;
}

export interface Column {
  key: string;
  title: string;
  width: number;
  value: (c: Cluster) => string;
  /** A cell drawn in its own colour (the HEALTH verdict). */
  color?: (c: Cluster) => ColorName | undefined;
}

/** Columns for a terminal width: the essentials always (HEALTH among them when the store judges health), more as the width allows. */
export function columnsFor(width: number, health?: HealthMap): Column[] {
  const cols: Column[] = [
    { key: 'name', title: 'NAME', width: 22, value: (c) => c.name },
    { key: 'phase', title: 'PHASE', width: 22, value: phaseText },
    ...(health ? [{ key: 'health', title: 'HEALTH', width: 7, value: (c: Cluster) => healthCell(health.get(clusterKey(c))), color: (c: Cluster) => healthColor(health.get(clusterKey(c))) }] : []),
    { key: 'profile', title: 'PROFILE', width: 16, value: (c) => c.profile },
  ];
  const optional: Column[] = [
    { key: 'version', title: 'VER', width: 5, value: (c) => c.version ?? '-' },
    { key: 'age', title: 'AGE', width: 5, value: (c) => formatAge(c.createdAt) },
    { key: 'location', title: 'LOCATION', width: 14, value: (c) => c.location ?? '-' },
    { key: 'size', title: 'SIZE', width: 18, value: (c) => c.size ?? '-' },
    { key: 'instances', title: 'INST', width: 5, value: (c) => (c.instances === undefined ? '-' : String(c.instances)) },
    { key: 'storage', title: 'STORAGE', width: 16, value: (c) => c.storage ?? '-' },
    { key: 'host', title: 'HOST', width: 40, value: (c) => c.host ?? '-' },
  ];
  const used = () => cols.reduce((a, c) => a + c.width + 1, 2);
  // Below 60 columns: name and phase only (the detail screen's title line carries the health verdict).
  if (width < 60) {
    cols[0]!.width = Math.max(8, width - 2 - 1 - 18 - 1);
    cols[1]!.width = 18;
    return cols.slice(0, 2);
  }
  for (const c of optional) if (used() + c.width + 1 <= width) cols.push(c);
  // Give spare room to the name.
  cols[0]!.width += Math.max(0, Math.min(20, width - used()));
  return cols;
}
