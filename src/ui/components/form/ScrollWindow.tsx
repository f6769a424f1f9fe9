// A window onto rows taller than the screen, with "↑ 3 more" / "↓ 5 more" lines, for the review steps
// (create review, edit review): at 80x24 and smaller, the title and the key hints stay on screen.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** Rows a review may use: the terminal's rows minus the shell's header, the screen's title and key hints. */
/**
 * Rows a full-screen form's fields may use (Form's maxRows, which already counts one message line): the terminal
 * less the app's header line and one status or alert line it may add, the screen's title, the form's title, its
 * key hints and the last row Ink leaves free.
 */
export function formRows(terminalRows: number | undefined): number {
  return Math.max(6, (terminalRows || 24) - 6);
}

export function reviewRows(terminalRows: number | undefined, fixed = 8): number {
  return Math.max(4, (terminalRows || 24) - fixed);
}

/** The first row shown for `scroll` (clamped) when `count` rows share `height` lines. */
export function windowStart(count: number, height: number, scroll: number): number {
  if (count <= height) return 0;
  const room = Math.max(1, height - 2);
  return Math.max(0, Math.min(scroll, count - room));
}

/** The largest useful scroll for `count` rows in `height` lines. */
export function maxScroll(count: number, height: number): number {
  return count <= height ? 0 : count - Math.max(1, height - 2);
}

export function ScrollWindow({ rows, height, scroll }: { rows: ReactNode[]; height: number; scroll: number }) {
  if (rows.length <= height) return <Box flexDirection="column">{rows}</Box>;
  const room = Math.max(1, height - 2);
  const start = windowStart(rows.length, height, scroll);
  const end = Math.min(rows.length, start + room);
  return (
    <Box flexDirection="column">
      <Text dimColor>{start > 0 ? `  ↑ ${start} more` : ' '}</Text>
      {rows.slice(start, end)}
      <Text dimColor>{end < rows.length ? `  ↓ ${rows.length - end} more` : ' '}</Text>
    </Box>
  );
}

/** ↑↓ j k, page keys and space as a scroll step for a review; undefined for any other key. */
export function scrollStep(input: string, key: { upArrow: boolean; downArrow: boolean; pageUp: boolean; pageDown: boolean }, page: number): number | undefined {
  if (key.downArrow || input === 'j') return 1;
  if (key.upArrow || input === 'k') return -1;
  if (key.pageDown || input === ' ') return page;
  if (key.pageUp) return -page;
  return undefined;
}
