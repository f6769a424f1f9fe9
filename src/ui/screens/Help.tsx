// `?`: the keys of the screen it was opened for (the list shows the list's and the detail's, since the detail
// keys run on the highlighted row; a screen inside a cluster its own), generated from the keymap. Columns side
// by side only where each stays readable; otherwise one column whose long lines wrap, scrolled with j/k.
import { Box, Text, type Key } from 'ink';
import { useState } from 'react';
import { actionIn, back, help, MOVES, quit } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { wrapText } from '../../forms/wrap.js';

/** The key column's width, and the narrowest a column of help may be before one column is used instead. */
const KEYS_WIDTH = 12;
const MIN_COLUMN = 52;

interface HelpLayout {
  /** Each column's lines, already padded and wrapped to its width. */
  columns: string[][];
  columnWidth: number;
  /** Each line starts with the keys, padded to this width. */
  keyWidth: number;
  /** Lines in the one scrolled column; 0 when everything is on screen. */
  scrollable: number;
}

/** How the entries fit `width` x `rows` (the rows for key lines, inside the box). */
function helpLayout(entries: ReadonlyArray<readonly [string, string]>, width: number, rows: number): HelpLayout {
  const inner = Math.max(10, width - 4);
  const keyWidth = Math.min(KEYS_WIDTH, Math.max(4, Math.floor(inner / 3)));
  const render = (columnWidth: number) =>
    entries.map(([keys, help]) => {
      // Help texts are a line or two; 10 lines is never reached.
      const text = wrapText(help, columnWidth - keyWidth - 1, 10);
      return text.map((t, i) => `${(i === 0 ? keys : '').padEnd(keyWidth)} ${t}`);
    });
  const perColumn = Math.max(1, rows);
  const fitting = Math.max(1, Math.floor((inner + 1) / (MIN_COLUMN + 1)));
  // As few columns as hold every entry (one, when it fits, keeps each text on one line); scrolling only after that.
  for (let count = 1; count <= fitting; count++) {
    const columnWidth = Math.floor((inner + 1) / count) - 1;
    const columns: string[][] = [[]];
    for (const entry of render(columnWidth)) {
      if (columns[columns.length - 1]!.length + entry.length > perColumn) columns.push([]);
      columns[columns.length - 1]!.push(...entry);
    }
    if (columns.length <= count) return { columns, columnWidth, keyWidth, scrollable: 0 };
  }
  const lines = render(inner).flat();
  return { columns: [lines], columnWidth: inner, keyWidth, scrollable: lines.length > perColumn ? lines.length : 0 };
}

export interface HelpProps {
  height: number;
  width: number;
  /** What it lists: keys and what they do (the screen registry's helpOf, src/ui/registry/screens.ts). */
  entries: ReadonlyArray<readonly [string, string]>;
  /** esc, ? or q. */
  onClose?: () => void;
  /** The help has the keys (no psql in front of it). */
  active?: boolean;
}

/** The help's own keys: scrolling, and closing it. */
const HELP_KEYS = [...MOVES, back, help, quit];

export function Help({ entries, height, width, onClose, active = true }: HelpProps) {
  // Two lines of border and the title.
  const rows = Math.max(1, height - 3);
  const layout = helpLayout(entries, width, rows);
  const [scroll, setScroll] = useState(0);
  const last = Math.max(0, layout.scrollable - rows);
  const at = Math.min(scroll, last);
  useKeys((input: string, key: Key) => {
    const move = (to: number) => setScroll(Math.max(0, Math.min(last, to)));
    switch (actionIn(HELP_KEYS, input, key, true)) {
      case 'down':
        return move(at + 1);
      case 'up':
        return move(at - 1);
      case 'pageDown':
        return move(at + rows - 1);
      case 'pageUp':
        return move(at - rows + 1);
      case 'top':
        return move(0);
      case 'bottom':
        return move(last);
      case 'back':
      case 'help':
      case 'quit':
        return onClose?.();
    }
  }, active && Boolean(onClose));
  const shown = layout.scrollable ? [layout.columns[0]!.slice(at, at + rows)] : layout.columns;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate">
        Keys (esc or ? closes)
        {layout.scrollable ? <Text dimColor>  j/k scroll · lines {at + 1}–{Math.min(layout.scrollable, at + rows)} of {layout.scrollable}</Text> : null}
      </Text>
      <Box flexDirection="row">
        {shown.map((lines, c) => (
          <Box key={c} flexDirection="column" width={layout.columnWidth} marginRight={c < shown.length - 1 ? 1 : 0}>
            {lines.map((line, i) => (
              <Text key={`${c}-${i}`} wrap="truncate">
                <Text color="cyan">{line.slice(0, layout.keyWidth)}</Text>
                {line.slice(layout.keyWidth)}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
