// A dangerous action confirmed by typing the cluster's name (Enter with anything else is refused).
import { Box, Text } from 'ink';
import { useState } from 'react';
import { sanitize } from '../../present/format.js';
import { stripUnsafe } from '../../text/safe.js';
import { tint } from './form/colors.js';
import { LineInput } from './LineInput.js';

export interface ConfirmTypedProps {
  title: string;
  expected: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** What did not happen when the typed name is wrong: "nothing was restarted" (each action says its own). */
  untouched?: string;
}

export function ConfirmTyped({ title, expected, onConfirm, onCancel, untouched = 'nothing was changed' }: ConfirmTypedProps) {
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
      {wrong ? <Text color={tint('red')}>That is not the name; {untouched}.</Text> : null}
    </Box>
  );
}
