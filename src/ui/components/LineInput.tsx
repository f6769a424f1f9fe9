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
  // What is typed, ahead of `value`: keys can arrive several per read, and a render can come before the parent has
  // taken the last change (a store update renders at once, the typed change later), showing an older `value`.
  // Such a render must not drop what was typed ("/hippo" filtering by "ippo"): a `value` this input sent, or the
  // one it started from, is old news; any other is the parent's own change (a cleared filter) and is taken.
  const current = useRef(value);
  const known = useRef(new Set([value]));
  if (value === current.current) {
    if (known.current.size > 1) known.current = new Set([value]);
  } else if (!known.current.has(value)) {
    current.current = value;
    known.current = new Set([value]);
  }
  const change = (next: string) => {
    current.current = next;
    known.current.add(next);
    onChange(next);
  };
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
      return change(key.backspace || key.delete ? '' : typed);
    }
    if (key.backspace || key.delete) return change(current.current.slice(0, -1));
    if (key.ctrl && input === 'u') return change('');
    if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return;
    const clean = stripUnsafe(input);
    if (!clean) return;
    change(current.current + clean);
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
