// What the list says on a first run, when pgtui has no profile at all: where profiles come from, how to add one,
// and how to look around without an account. It cites only what the installed package has (`--help`, not the
// repository's docs/). Fits 80 columns.
import { Box, Text } from 'ink';
import { providerModules } from '../../api/registry.js';

/** Each provider module's environment variables, once per set (IONOS v1 and v2 read the same ones). */
function envHints(): Array<[string, string]> {
  const byHint = new Map<string, string[]>();
  for (const m of providerModules()) if (m.envHint) byHint.set(m.envHint, [...(byHint.get(m.envHint) ?? []), m.label]);
  return [...byHint].map(([vars, labels]) => [vars, labels.join(' and ')]);
}

export function FirstRun() {
  const env = envHints();
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>No profiles yet.</Text>
      <Text>pgtui reads these environment variables:</Text>
      {env.map(([vars, what]) => (
        <Text key={what} wrap="truncate">
          {'  '}
          <Text bold>{vars}</Text>
          <Text dimColor>  {what}</Text>
        </Text>
      ))}
      <Text>
        Or type <Text bold>:profiles</Text> to add one here (saved in your config directory);
      </Text>
      <Text>
        {'  '}every field of a profile: <Text bold>pgtui profile add --help</Text>.
      </Text>
      <Text>
        Just looking? Quit (<Text bold>q</Text>) and run <Text bold>pgtui --demo</Text>: fake providers, nothing real.
      </Text>
    </Box>
  );
}
