// The cluster table: a header and only the rows that fit (a window around the cursor), so thousands of
// clusters cost no more than a screenful. Rows are memoised: an unchanged cluster does not re-render.
import { Box, Text } from 'ink';
import { memo, useRef } from 'react';
import type { Cluster } from '../api/types.js';
import { PHASE_COLORS, sanitize, truncate } from '../format.js';
import { tint } from './form/colors.js';
import type { Column } from '../tui/list-view.js';

function cell(text: string, width: number): string {
  return truncate(sanitize(text), width).padEnd(width);
}

interface RowProps {
  cluster: Cluster;
  columns: Column[];
  selected: boolean;
  stale: boolean;
}

/** One row as three strings (before the phase, the phase, after it): few Ink nodes per row keeps frames cheap. */
const Row = memo(function Row({ cluster, columns, selected, stale }: RowProps) {
  let before = selected ? '❯ ' : '  ';
  let phase: string | undefined;
  let after = '';
  columns.forEach((col, i) => {
    const gap = i < columns.length - 1 ? ' ' : '';
    if (col.key === 'phase') phase = stale ? `${cell(`stale ${cluster.phase}`, col.width)}${gap}` : `${cell(col.value(cluster), col.width)}${gap}`;
    else if (phase === undefined) before += cell(col.value(cluster), col.width) + gap;
    else after += cell(col.value(cluster), col.width) + gap;
  });
  return (
    <Text inverse={selected} dimColor={stale && !selected} wrap="truncate">
      {before}
      {phase !== undefined && (stale ? phase : <Text color={tint(PHASE_COLORS[cluster.phase])}>{phase}</Text>)}
      {after}
    </Text>
  );
});

export interface ClusterTableProps {
  rows: readonly Cluster[];
  columns: Column[];
  cursor: number;
  height: number;
  stale: ReadonlySet<string>;
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

export function ClusterTable({ rows, columns, cursor, height, stale }: ClusterTableProps) {
  const visible = Math.max(1, height);
  const last = useRef(0);
  const start = windowStart(cursor, visible, rows.length, last.current);
  last.current = start;
  const slice = rows.slice(start, start + visible);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {'  '}
        {columns.map((c, i) => cell(c.title, c.width) + (i < columns.length - 1 ? ' ' : '')).join('')}
      </Text>
      {slice.map((c, i) => (
        <Row key={`${c.profile}/${c.id}`} cluster={c} columns={columns} selected={start + i === cursor} stale={stale.has(c.profile)} />
      ))}
      {rows.length === 0 ? <Text dimColor>  no clusters</Text> : null}
    </Box>
  );
}
