// A one-line input for the filter and the command line: typed text, backspace, enter, esc.
import { Text } from 'ink';
import { useRef } from 'react';
import { sanitize } from '../format.js';
import { stripUnsafe } from '../text/safe.js';
import { useKeys } from './form/use-keys.js';

export interface LineInputProps {
  prompt: string;
  value: string;
  onChange: (v: string) => void;
  onSubmit: (v: string) => void;
  onCancel: () => void;
  isActive?: boolean;
}

export function LineInput({ prompt, value, onChange, onSubmit, onCancel, isActive = true }: LineInputProps) {
  const current = useRef(value);
  current.current = value;
  useKeys((input, key) => {
    if (key.escape) return onCancel();
    if (key.return) return onSubmit(current.current);
    if (key.backspace || key.delete) {
      current.current = current.current.slice(0, -1);
      return onChange(current.current);
    }
    if (key.ctrl && input === 'u') {
      current.current = '';
      return onChange('');
    }
    if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return;
    const clean = stripUnsafe(input);
    if (!clean) return;
    current.current += clean;
    onChange(current.current);
  }, isActive);
  return (
    <Text>
      {prompt}
      {sanitize(value)}
      <Text inverse> </Text>
    </Text>
  );
}
