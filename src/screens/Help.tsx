// `?`: the keys of the screens it was opened for (the list shows the list's and the detail's; a screen inside a
// cluster its own), generated from the keymap, in as many columns as the terminal height needs.
import { Box, Text } from 'ink';
import { KEYMAP, type Scope } from '../components/keymap.js';

const COMMANDS: Array<[string, string]> = [
  [':profiles', 'manage profiles'],
  [':create', 'create a cluster'],
  [':q', 'quit'],
];

export function Help({ readOnly, height, width, scopes = ['list', 'detail'] }: { readOnly: boolean; height: number; width: number; scopes?: readonly Scope[] }) {
  const entries: Array<[string, string]> = [
    ...KEYMAP.filter((b) => !(readOnly && b.writes) && b.scopes.some((sc) => scopes.includes(sc))).map((b): [string, string] => [b.keys, b.help]),
    ...(scopes.includes('list') || scopes.includes('detail') ? COMMANDS : []),
  ];
  const perColumn = Math.max(1, height - 3);
  const columns = Math.ceil(entries.length / perColumn);
  const columnWidth = Math.max(20, Math.floor((width - 4) / columns) - 1);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys (esc or ? closes)</Text>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={columnWidth} marginRight={1}>
            {entries.slice(c * perColumn, (c + 1) * perColumn).map(([keys, help], i) => (
              <Text key={`${keys}-${i}`} wrap="truncate">
                <Text color="cyan">{keys.padEnd(12)}</Text> {help}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
