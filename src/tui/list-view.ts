// The list's view model: filtering, sorting and the columns that fit the terminal width.
import type { Cluster } from '../api/core/types.js';
import { listFields, searchFields, sortFields, type ClusterField, type Column } from '../present/cluster-fields.js';

/** A field of src/present/cluster-fields.ts that sorts. */
export type SortKey = string;
const SORTS = new Map(sortFields().map((f) => [f.key, f]));
const SEARCHED = searchFields();

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
function sorted(clusters: readonly Cluster[], sort: SortKey, reverse: boolean): readonly Cluster[] {
  let bySort = sortedCache.get(clusters);
  if (!bySort) sortedCache.set(clusters, (bySort = new Map()));
  const key = `${sort}:${reverse}`;
  let out = bySort.get(key);
  if (!out) {
    const field = SORTS.get(sort) ?? SORTS.get('name')!;
    const keyed = clusters.map((c) => ({ c, k: field.sort!(c) }));
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

export function view(clusters: readonly Cluster[], filter: string, sort: SortKey, reverse: boolean): Cluster[] {
  const all = sorted(clusters, sort, reverse);
  if (!filter) return [...all];
  const needle = filter.toLowerCase();
  return all.filter((c) => haystack(c).includes(needle));
}


const column = (f: ClusterField): Column => ({ key: f.key, title: f.short ?? f.title, width: f.list!.width, value: f.listValue ?? f.value });

/** Columns for a terminal width: the essentials always, more as the width allows. */
export function columnsFor(width: number): Column[] {
  const fields = listFields();
  const cols = fields.filter((f) => f.list!.essential).map(column);
  const optional = fields.filter((f) => !f.list!.essential).map(column);
  const used = () => cols.reduce((a, c) => a + c.width + 1, 2);
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
