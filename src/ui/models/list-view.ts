// The list's view model: filtering, sorting and the columns that fit the terminal width.
import type { Cluster } from '../../api/core/types.js';
import type { Verdict } from '../../diagnose/types.js';
import { listFields, searchFields, sortFields, type ClusterField, type Column } from '../../present/cluster-fields.js';
import { clusterKey, type ClusterHealth } from '../../state/types.js';

/** A field of src/present/cluster-fields.ts that sorts. */
export type SortKey = string;
const SORTS = new Map(sortFields().map((f) => [f.key, f]));
const SEARCHED = searchFields();
/** Each cluster's health by key (the store's snapshot.health), when the store judges it. */
export type HealthMap = ReadonlyMap<string, ClusterHealth>;
const verdictIn = (health: HealthMap | undefined) => (c: Cluster): Verdict | undefined => health?.get(clusterKey(c))?.verdict;

/** Each cluster's searchable text, lower-cased once: unchanged clusters keep their object across polls. */
const haystacks = new WeakMap<Cluster, string>();
function haystack(c: Cluster): string {
  let text = haystacks.get(c);
  if (text === undefined) {
    // \0 between fields: a filter never matches across two of them.
    text = SEARCHED.map((f) => f.search!(c)).join('\0').toLowerCase();
    haystacks.set(c, text);
  }
  return text;
}

/** Builds the search text of clusters that have none yet, so the first filter keystroke finds it ready. */
export function warmSearch(clusters: readonly Cluster[]): void {
  for (const c of clusters) haystack(c);
}

const isSortKey = (k: string): k is SortKey => SORTS.has(k);

/** The sort after `current` in the order of the columns on screen (`shown`), skipping those that do not sort. */
export function nextSortKey(current: SortKey, shown: readonly string[]): SortKey {
  const candidates = shown.filter(isSortKey);
  if (candidates.length === 0) return current;
  const from = candidates.indexOf(current);
  return candidates[(from + 1) % candidates.length]!;
}

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
    const field = SORTS.get(sort) ?? SORTS.get('name')!;
    const verdict = verdictIn(health);
    const keyed = clusters.map((c) => ({ c, k: field.sort!(c, verdict(c)) }));
    const natural = Boolean(field.natural);
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


const column = (f: ClusterField, health: HealthMap | undefined): Column => {
  const verdict = verdictIn(health);
  const value = f.listValue ?? f.value;
  const color = f.color;
  return { key: f.key, title: f.short ?? f.title, width: f.list!.width, value: (c) => value(c, verdict(c)), color: color && ((c) => color(c, verdict(c))) };
};

/** Columns for a terminal width: the essentials always (HEALTH among them when the store judges health), more as the width allows. */
export function columnsFor(width: number, health?: HealthMap): Column[] {
  const fields = listFields().filter((f) => f.needs !== 'health' || health);
  const cols = fields.filter((f) => f.list!.essential).map((f) => column(f, health));
  const optional = fields.filter((f) => !f.list!.essential).map((f) => column(f, health));
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
