// A dangerous action confirmed by typing the cluster's name (Enter with anything else is refused).
import { Box, Text } from 'ink';
import { useState } from 'react';
import { sanitize } from '../format.js';
import { stripUnsafe } from '../text/safe.js';
import { tint } from './form/colors.js';
import { LineInput } from './LineInput.js';

export interface ConfirmTypedProps {
  title: string;
  expected: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Said when the typed text is not the name (default: the delete wording). */
  wrongText?: string;
}

export function ConfirmTyped({ title, expected, onConfirm, onCancel, wrongText = 'That is not the name; nothing was deleted.' }: ConfirmTypedProps) {
  // What can be typed: a name with control characters is confirmed by its visible text (LineInput drops the rest).
  const typeable = stripUnsafe(expected);
  const [value, setValue] = useState('');
  const [wrong, setWrong] = useState(false);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tint('red')} paddingX={1}>
      <Text color={tint('red')} bold>{sanitize(title)}</Text>
      <Text>Type <Text bold>{typeable}</Text> to confirm, or press Escape to cancel.</Text>
      <LineInput
        prompt="› "
        value={value}
        onChange={(v) => {
          setValue(v);
          setWrong(false);
        }}
        onSubmit={(v) => (v === typeable && typeable !== '' ? onConfirm() : setWrong(true))}
        onCancel={onCancel}
      />
      {wrong ? <Text color={tint('red')}>{wrongText}</Text> : null}
    </Box>
  );
}
