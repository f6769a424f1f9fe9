// The cluster table: a header and only the rows that fit (a window around the cursor), so thousands of
// clusters cost no more than a screenful. Rows are memoised: an unchanged cluster does not re-render.
import { Box, Text } from 'ink';
import { memo } from 'react';
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

const Row = memo(function Row({ cluster, columns, selected, stale }: RowProps) {
  return (
    <Text inverse={selected} dimColor={stale && !selected} wrap="truncate">
      {selected ? '❯ ' : '  '}
      {columns.map((col, i) => {
        const text = cell(col.value(cluster), col.width) + (i < columns.length - 1 ? ' ' : '');
        if (col.key === 'phase' && !stale) return <Text key={col.key} color={tint(PHASE_COLORS[cluster.phase])}>{text}</Text>;
        if (col.key === 'phase' && stale) return <Text key={col.key}>{cell(`stale ${cluster.phase}`, col.width)} </Text>;
        return <Text key={col.key}>{text}</Text>;
      })}
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

/** First visible row so that the cursor stays on screen, scrolling only when it leaves the window. */
export function windowStart(cursor: number, height: number, total: number): number {
  if (total <= height) return 0;
  const start = Math.max(0, cursor - Math.floor(height / 2));
  return Math.min(start, total - height);
}

export function ClusterTable({ rows, columns, cursor, height, stale }: ClusterTableProps) {
  const visible = Math.max(1, height);
  const start = windowStart(cursor, visible, rows.length);
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
