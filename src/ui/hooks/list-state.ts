// The cluster list's view state: filter, sort, and the cursor, kept by cluster key so it follows its cluster
// through refreshes and re-sorts.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { clusterKey } from '../../state/types.js';
import { nextSortKey, view, warmSearch, type HealthMap, type SortKey } from '../models/list-view.js';

export function useListState(clusters: readonly Cluster[], health?: HealthMap) {
  const [filter, setFilterText] = useState('');
  const [faultsOnly, setFaultsOnly] = useState(false);
  const [sort, setSort] = useState<SortKey>('name');
  const [reverse, setReverse] = useState(false);
  const [cursorKey, setCursorKey] = useState<string>();

  const rows = useMemo(() => view(clusters, filter, sort, reverse, health, faultsOnly), [clusters, filter, sort, reverse, health, faultsOnly]);
  // After the frame is out, prepare the filter's search text for new or changed clusters (idle time, not a keystroke's).
  useEffect(() => {
    const timer = setTimeout(() => warmSearch(clusters), 50);
    return () => clearTimeout(timer);
  }, [clusters]);
  const rowIndex = useMemo(() => new Map(rows.map((c, i) => [clusterKey(c), i])), [rows]);
  const cursor = cursorKey ? rowIndex.get(cursorKey) ?? 0 : 0;
  // Keys can arrive several per read (fast typing, a slow SSH link): between renders the handler reads the
  // cursor and rows from refs that every move updates at once, never from this render's closure.
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const beforeFilter = useRef<string | undefined>(undefined);

  return {
    rows,
    cursor,
    filter,
    /** The cluster under the cursor as of this render. */
    selected: rows[cursor] ?? rows[0] as Cluster | undefined,
    /** The cluster under the cursor now, moves not yet rendered included. */
    current: (): Cluster | undefined => rowsRef.current[cursorRef.current] ?? rowsRef.current[0],
    move(to: (from: number) => number) {
      const all = rowsRef.current;
      const i = Math.max(0, Math.min(all.length - 1, to(cursorRef.current)));
      const c = all[i];
      if (!c) return;
      cursorRef.current = i;
      setCursorKey(clusterKey(c));
    },
    /** Puts the cursor on a cluster by key (a cluster just created). */
    select: (key: string) => setCursorKey(key),
    /** A new filter puts the cursor back on the first match; the cluster it was on is kept for clearFilter. */
    setFilter(text: string) {
      if (!filterRef.current && text) beforeFilter.current = cursorKey ?? (rowsRef.current[0] && clusterKey(rowsRef.current[0]));
      filterRef.current = text;
      setFilterText(text);
      setCursorKey(undefined);
    },
    /** Back to every cluster, the cursor staying on the one it was on (or, when nothing matched, on the one before). */
    clearFilter() {
      const on = rowsRef.current[cursorRef.current];
      setCursorKey(on ? clusterKey(on) : beforeFilter.current);
      filterRef.current = '';
      setFilterText('');
    },
    sort,
    reverse,
    /** The next sort among `shown` (the columns on screen at this width): never a hidden column. */
    nextSort: (shown: readonly string[]) => setSort((s) => nextSortKey(s, shown)),
    toggleReverse: () => setReverse((r) => !r),
    /** Only the clusters that are not green (the faults key); the cursor stays on its cluster where it can. */
    faultsOnly,
    toggleFaults: () => setFaultsOnly((f) => !f),
  };
}

export type ListState = ReturnType<typeof useListState>;
