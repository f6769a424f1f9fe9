// What the list says on a first run, when pgtui has no profile at all: where profiles come from
// (docs/profiles.md), how to add one, and how to look around without an account. Fits 80 columns.
import { Box, Text } from 'ink';

const ENV: Array<[string, string]> = [
  ['IONOS_TOKEN, or IONOS_USERNAME + IONOS_PASSWORD', 'IONOS v1 and v2'],
  ['CLICKHOUSE_CLOUD_API_KEY + CLICKHOUSE_CLOUD_API_SECRET', 'ClickHouse Cloud'],
  ['PGO_APISERVER_URL + PGOUSERNAME + PGOUSERPASS', 'Crunchy PGO 4.3'],
];

export function FirstRun() {
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>No profiles yet.</Text>
      <Text>pgtui reads these environment variables (see docs/profiles.md):</Text>
      {ENV.map(([vars, what]) => (
        <Text key={what} wrap="truncate">
          {'  '}
          <Text bold>{vars}</Text>
          <Text dimColor>  {what}</Text>
        </Text>
      ))}
      <Text>
        Or type <Text bold>:profiles</Text> to add one here (saved in your config directory).
      </Text>
      <Text>
        Just looking? Quit (<Text bold>q</Text>) and run <Text bold>pgtui --demo</Text>: fake providers, nothing real.
      </Text>
    </Box>
  );
}
