// `?`: every key, generated from the keymap.
import { Box, Text } from 'ink';
import { KEYMAP } from '../components/keymap.js';

export function Help({ readOnly }: { readOnly: boolean }) {
  const rows = KEYMAP.filter((b) => !(readOnly && b.writes));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys (esc or ? closes)</Text>
      {rows.map((b) => (
        <Text key={b.action} wrap="truncate">
          {b.keys.padEnd(13)} {b.help} <Text dimColor>({b.scopes.join(', ')})</Text>
        </Text>
      ))}
      <Text wrap="truncate">{':profiles'.padEnd(13)} manage profiles</Text>
      <Text wrap="truncate">{':create'.padEnd(13)} create a cluster</Text>
      <Text wrap="truncate">{':q'.padEnd(13)} quit</Text>
    </Box>
  );
}
