// One long text in full (a log line, a query's SQL): wrapped at spaces to the width, scrolled with the moving
// keys, `y` copies it, esc closes. Rows are cut by ../text/rows.ts, so the frame is exactly the screen.
import { Box, Text, type Key } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { sliceRows } from '../../text/rows.js';
import { actionIn, back, MOVES, quit } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';

/** The longest text shown: more than any log line or SQL pgtui keeps (../commands/logs.ts formatLine). */
const MAX_ROWS = 5_000;

export interface TextViewerProps {
  title: string;
  text: string;
  height: number;
  width: number;
  active: boolean;
  onClose: () => void;
  onCopy: (text: string) => void;
  color?: string;
}

export function TextViewer({ title, text, height, width, active, onClose, onCopy, color }: TextViewerProps) {
  const rows = useMemo(() => sliceRows(text, width, true, { words: true, maxRows: MAX_ROWS }), [text, width]);
  const page = Math.max(1, height - 1);
  const [top, setTop] = useState(0);
  const topRef = useRef(0);
  const last = Math.max(0, rows.length - page);
  const moveTo = (n: number) => {
    topRef.current = Math.max(0, Math.min(last, n));
    setTop(topRef.current);
  };
  useKeys((input: string, key: Key) => {
    if (input === 'y' && !key.ctrl && !key.meta) return onCopy(text);
    switch (actionIn([...MOVES, back, quit], input, key, true)) {
      case 'down':
        return moveTo(topRef.current + 1);
      case 'up':
        return moveTo(topRef.current - 1);
      case 'pageDown':
        return moveTo(topRef.current + page - 1);
      case 'pageUp':
        return moveTo(topRef.current - page + 1);
      case 'top':
        return moveTo(0);
      case 'bottom':
        return moveTo(last);
      case 'back':
      case 'quit':
        return onClose();
      default:
        return undefined;
    }
  }, active);
  const from = Math.min(top, last);
  const shown = rows.slice(from, from + page);
  const where = rows.length > page ? ` · rows ${from + 1}–${from + shown.length} of ${rows.length}` : '';
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text wrap="truncate">
        <Text bold>{title}</Text>
        <Text dimColor>{where} · y copy · esc back</Text>
      </Text>
      {shown.map((r, i) => (
        <Text key={from + i} wrap="truncate" color={color}>
          {text.slice(r.start, r.end)}
          {r.cut ? '…' : ''}
        </Text>
      ))}
    </Box>
  );
}
