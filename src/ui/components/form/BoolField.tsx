// A yes/no switch: space or ←/→ toggles, y/n set it.
import { Text } from 'ink';
import type { ColorName } from '../../../present/format.js';
import { tint } from './colors.js';

export interface BoolFieldProps {
  value: string;
  focused: boolean;
  /** Colour for "yes", e.g. red for a dangerous flag such as insecure. */
  onColor?: ColorName;
}

export function BoolField({ value, focused, onColor }: BoolFieldProps) {
  const on = value === 'true';
  return (
    <Text inverse={focused} color={on && onColor ? tint(onColor) : undefined}>
      {on ? '[x] yes' : '[ ] no'}
    </Text>
  );
}
