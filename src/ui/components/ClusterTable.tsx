// The cluster table: a header and only the rows that fit (a window around the cursor), so thousands of
// clusters cost no more than a screenful. Rows are memoised: an unchanged cluster does not re-render.
import { Box, Text } from 'ink';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { PHASE_COLORS, formatAge, sanitize, truncate, type ColorName } from '../../present/format.js';
import { nextAgeTick } from '../../present/age-tick.js';
import { tint } from './form/colors.js';
import type { Column } from '../../present/cluster-fields.js';

function cell(text: string, width: number): string {
  return truncate(sanitize(text), width).padEnd(width);
}

interface RowProps {
  cluster: Cluster;
  columns: Column[];
  selected: boolean;
  stale: boolean;
  /** The AGE text, worked out by the table: a row re-renders when its age text changes, not on every tick. */
  age: string;
}

/** One row as a few strings (plain runs, and the coloured phase and HEALTH cells): few Ink nodes per row keeps frames cheap. */
const Row = memo(function Row({ cluster, columns, selected, stale, age }: RowProps) {
  const parts: Array<{ text: string; color?: ColorName }> = [{ text: selected ? '❯ ' : '  ' }];
  const add = (text: string, color?: ColorName) => {
    const last = parts[parts.length - 1]!;
    if (!color && !last.color) last.text += text;
    else parts.push({ text, color });
  };
  columns.forEach((col, i) => {
    const gap = i < columns.length - 1 ? ' ' : '';
    const value = (c: Cluster) => (col.key === 'age' ? age : col.value(c));
    if (col.key === 'phase') {
      if (stale) add(`${cell(`stale ${cluster.phase}`, col.width)}${gap}`);
      else {
        add(cell(value(cluster), col.width), PHASE_COLORS[cluster.phase]);
        add(gap);
      }
    } else if (col.color && !stale) {
      add(cell(value(cluster), col.width), col.color(cluster));
      add(gap);
    } else add(cell(value(cluster), col.width) + gap);
  });
  return (
    <Text inverse={selected} dimColor={stale && !selected} wrap="truncate">
      {parts.map((p, i) => (p.color ? <Text key={i} color={tint(p.color)}>{p.text}</Text> : p.text))}
    </Text>
  );
});

export interface ClusterTableProps {
  rows: readonly Cluster[];
  columns: Column[];
  cursor: number;
  height: number;
  stale: ReadonlySet<string>;
  /** The sorted column, marked ▲ (▼ reversed) in the heading. */
  sort?: { key: string; reverse: boolean };
  /** First visible row, when the App works it out (it shows the position in the header). */
  start?: number;
  /** What an empty list says instead of "no clusters" (first run, a filter matching nothing). */
  empty?: ReactNode;
}

/**
 * First visible row: the window stays where it was and scrolls only when the cursor leaves it (as in less or
 * vim), so moving the cursor changes two lines on screen, not all of them (what a slow SSH link carries).
 */
export function windowStart(cursor: number, height: number, total: number, previous = 0): number {
  if (total <= height) return 0;
  let start = previous;
  if (cursor < start) start = cursor;
  else if (cursor >= start + height) start = cursor - height + 1;
  return Math.max(0, Math.min(start, total - height));
}

/** The heading's title of a column, with the sort marker on the sorted one. */
function title(c: Column, sort?: { key: string; reverse: boolean }): string {
  return sort?.key === c.key ? `${c.title}${sort.reverse ? '▼' : '▲'}` : c.title;
}

export function ClusterTable({ rows, columns, cursor, height, stale, sort, start: given, empty }: ClusterTableProps) {
  const visible = Math.max(1, height);
  const last = useRef(0);
  const start = given ?? windowStart(cursor, visible, rows.length, last.current);
  last.current = start;
  const slice = rows.slice(start, start + visible);
  const showsAge = columns.some((c) => c.key === 'age');
  const now = Date.now();
  // Re-render when the soonest visible age text changes (see ../present/age-tick.ts); nothing is scheduled otherwise.
  const [, tick] = useState(0);
  useEffect(() => {
    if (!showsAge) return;
    const delay = nextAgeTick(slice.map((c) => c.createdAt), Date.now());
    if (delay === undefined) return;
    const timer = setTimeout(() => tick((n) => n + 1), delay);
    return () => clearTimeout(timer);
  });
  // A guide in place of an empty list (the first run) stands alone, without column titles over nothing.
  const guide = rows.length === 0 && empty !== undefined && typeof empty !== 'string';
  return (
    <Box flexDirection="column">
      {guide ? null : <Text bold wrap="truncate">
        {'  '}
        {columns.map((c, i) => cell(title(c, sort), c.width) + (i < columns.length - 1 ? ' ' : '')).join('')}
      </Text>}
      {slice.map((c, i) => (
        <Row key={`${c.profile}/${c.id}`} cluster={c} columns={columns} selected={start + i === cursor} stale={stale.has(c.profile)} age={showsAge ? formatAge(c.createdAt, now) : ''} />
      ))}
      {rows.length === 0 ? typeof empty === 'string' || empty === undefined ? <Text dimColor>  {sanitize(empty ?? 'no clusters')}</Text> : empty : null}
    </Box>
  );
}
