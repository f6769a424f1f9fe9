// A one-line text, int or secret value with a cursor; long values stay whole but show clipped.
import { Text } from 'ink';
import { displayText } from '../../../text/safe.js';
import { chars, clip, visibleWindow } from '../../../forms/text-edit.js';

export interface TextFieldProps {
  value: string;
  cursor: number;
  focused: boolean;
  width: number;
  /** Show one bullet per character instead of the text. */
  masked?: boolean;
  unit?: string;
  dim?: boolean;
  /** Shown dim while the value is empty (e.g. "•••••••• saved"). */
  placeholder?: string;
}

export function TextField({ value, cursor, focused, width, masked = false, unit, dim = false, placeholder }: TextFieldProps) {
  if (value === '' && placeholder) {
    return (
      <Text>
        {focused ? <Text inverse> </Text> : null}
        <Text dimColor>{clip(placeholder, Math.max(4, width - 1))}</Text>
      </Text>
    );
  }
  const shown = masked ? '•'.repeat(chars(value).length) : value;
  const suffix = unit ? ` ${unit}` : '';
  const room = Math.max(4, width - suffix.length);
  if (!focused) {
    return (
      <Text dimColor={dim}>
        {clip(shown, room)}
        <Text dimColor>{suffix}</Text>
      </Text>
    );
  }
  const w = visibleWindow(shown, cursor, room);
  return (
    <Text>
      {w.clippedLeft ? '…' : ''}
      {displayText(w.before)}
      <Text inverse>{displayText(w.at)}</Text>
      {displayText(w.after)}
      {w.clippedRight ? '…' : ''}
      <Text dimColor>{suffix}</Text>
    </Text>
  );
}
