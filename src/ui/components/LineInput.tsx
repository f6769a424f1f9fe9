// A one-line input for the filter and the command line: typed text, backspace, enter, esc.
import { Text } from 'ink';
import { useRef, useState } from 'react';
import { sanitize } from '../../present/format.js';
import { stripUnsafe } from '../../text/safe.js';
import { useKeys } from '../input/use-keys.js';

export interface LineInputProps {
  prompt: string;
  value: string;
  onChange: (v: string) => void;
  onSubmit: (v: string) => void;
  onCancel: () => void;
  isActive?: boolean;
  /**
   * Opens with the value selected (k9s's second `/`): typing replaces it, backspace clears it, → or End keeps
   * it for editing, enter keeps it as it is.
   */
  selectOnOpen?: boolean;
}

export function LineInput({ prompt, value, onChange, onSubmit, onCancel, isActive = true, selectOnOpen = false }: LineInputProps) {
  const current = useRef(value);
  current.current = value;
  const [selected, setSelected] = useState(() => selectOnOpen && value.length > 0);
  // Keys can arrive several per read: the handler reads the selection from a ref, not this render's closure.
  const selection = useRef(selected);
  const select = (on: boolean) => {
    selection.current = on;
    setSelected(on);
  };
  useKeys((input, key) => {
    if (key.escape) return onCancel();
    if (key.return) return onSubmit(current.current);
    if (selection.current) {
      if (key.rightArrow || key.end || (key.ctrl && input === 'e')) return select(false);
      const typed = key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.tab ? '' : stripUnsafe(input);
      if (!(key.backspace || key.delete) && !typed) return;
      select(false);
      current.current = key.backspace || key.delete ? '' : typed;
      return onChange(current.current);
    }
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
  if (selected) {
    return (
      <Text wrap="truncate">
        {prompt}
        <Text inverse>{sanitize(value)}</Text>
        <Text dimColor>  type to replace · → keep</Text>
      </Text>
    );
  }
  return (
    <Text>
      {prompt}
      {sanitize(value)}
      <Text inverse> </Text>
    </Text>
  );
}
