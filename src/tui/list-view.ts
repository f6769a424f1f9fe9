// The list's view model: filtering, sorting and the columns that fit the terminal width.
import type { Cluster } from '../api/types.js';
import { PROVIDER_LABELS } from '../api/types.js';
import { formatAge } from '../format.js';

export type SortKey = 'name' | 'profile' | 'phase' | 'version' | 'location' | 'age';
export const SORT_KEYS: SortKey[] = ['name', 'profile', 'phase', 'version', 'location', 'age'];

export function matches(c: Cluster, needle: string): boolean {
  if (!needle) return true;
  const n = needle.toLowerCase();
  return [c.name, c.profile, c.provider, PROVIDER_LABELS[c.provider], c.state, c.phase, c.location ?? '', c.id].some((v) => v.toLowerCase().includes(n));
}

const sortValue: Record<SortKey, (c: Cluster) => string | number> = {
  name: (c) => c.name.toLowerCase(),
  profile: (c) => c.profile,
  phase: (c) => c.phase,
  version: (c) => Number.parseFloat(c.version ?? '') || 0,
  location: (c) => c.location ?? '',
  age: (c) => -(Date.parse(c.createdAt ?? '') || 0),
};

export function view(clusters: readonly Cluster[], filter: string, sort: SortKey, reverse: boolean): Cluster[] {
  const get = sortValue[sort];
  const out = clusters.filter((c) => matches(c, filter));
  out.sort((a, b) => {
    const x = get(a);
    const y = get(b);
    const r = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return reverse ? -r : r;
  });
  return out;
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
}

/** Columns for a terminal width: the essentials always, more as the width allows. */
export function columnsFor(width: number): Column[] {
  const cols: Column[] = [
    { key: 'name', title: 'NAME', width: 22, value: (c) => c.name },
    { key: 'phase', title: 'PHASE', width: 22, value: phaseText },
    { key: 'profile', title: 'PROFILE', width: 16, value: (c) => c.profile },
  ];
  const optional: Column[] = [
    { key: 'version', title: 'VER', width: 5, value: (c) => c.version ?? '-' },
    { key: 'age', title: 'AGE', width: 5, value: (c) => formatAge(c.createdAt) },
    { key: 'location', title: 'LOCATION', width: 14, value: (c) => c.location ?? '-' },
    { key: 'size', title: 'SIZE', width: 18, value: (c) => c.size ?? '-' },
    { key: 'instances', title: 'INST', width: 4, value: (c) => (c.instances === undefined ? '-' : String(c.instances)) },
    { key: 'storage', title: 'STORAGE', width: 16, value: (c) => c.storage ?? '-' },
    { key: 'host', title: 'HOST', width: 40, value: (c) => c.host ?? '-' },
  ];
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
