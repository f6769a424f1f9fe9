// A secret: masked until ctrl-r reveals it (per field, and only while the form is open).
import { Text } from 'ink';
import { TextField } from './TextField.js';

export interface SecretFieldProps {
  value: string;
  cursor: number;
  focused: boolean;
  width: number;
  revealed: boolean;
  placeholder?: string;
}

export function SecretField({ value, cursor, focused, width, revealed, placeholder }: SecretFieldProps) {
  const hint = focused ? (revealed ? ' ctrl-r hide' : ' ctrl-r reveal') : '';
  return (
    <Text>
      <TextField value={value} cursor={cursor} focused={focused} width={width - hint.length} masked={!revealed} placeholder={placeholder} />
      <Text dimColor>{hint}</Text>
    </Text>
  );
}
