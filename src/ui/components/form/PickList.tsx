// A short vertical list to pick one item from: ↑/↓ (or j/k) move, enter picks, esc backs out.
import { forScreen } from '../../../text/safe.js';
import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { tint } from './colors.js';
import { useKeys } from '../../input/use-keys.js';

export interface PickItem {
  value: string;
  label: string;
  detail?: string;
}

export interface PickListProps {
  items: PickItem[];
  onPick(value: string): void;
  onCancel(): void;
  initialValue?: string;
  isActive?: boolean;
}

export function PickList({ items, onPick, onCancel, initialValue, isActive = true }: PickListProps) {
  const [index, setIndex] = useState(Math.max(0, items.findIndex((i) => i.value === initialValue)));
  const live = useRef(index);
  const move = (to: number) => {
    live.current = Math.max(0, Math.min(items.length - 1, to));
    setIndex(live.current);
  };
  useKeys((input, key) => {
    if (key.escape) onCancel();
    else if (key.upArrow || input === 'k') move(live.current - 1);
    else if (key.downArrow || input === 'j') move(live.current + 1);
    else if (key.return && items[live.current]) onPick(items[live.current]!.value);
  }, isActive);
  const width = items.reduce((w, i) => Math.max(w, i.label.length), 4) + 2;
  return (
    <Box flexDirection="column">
      {items.map((item, i) => (
        <Box key={item.value}>
          <Text color={i === index ? tint('cyan') : undefined}>{i === index ? '❯ ' : '  '}</Text>
          <Box width={width} flexShrink={0}>
            <Text bold={i === index}>{forScreen(item.label)}</Text>
          </Box>
          {item.detail && <Text dimColor>{forScreen(item.detail)}</Text>}
        </Box>
      ))}
    </Box>
  );
}
