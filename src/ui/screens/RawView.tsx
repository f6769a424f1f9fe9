// `v`: the cluster as its provider sent it (the raw object kubectl's -o yaml would show), secret-named fields and
// passwords inside URIs masked (src/text/safe.ts maskSecrets), in JSON or YAML (`o`), scrolled like the detail screen.
import { Box, Text, type Key } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { actionIn, back, ch, help, MOVES, quit, refresh, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { displayText, maskSecrets, oneLine, safeJson } from '../../text/safe.js';
import type { InsideProps } from './inside-common.js';

/** The raw view's keys (its scope in the screen registry, src/ui/registry/screens.ts). */
export const RAW_KEYS: readonly Binding[] = [
  ...MOVES, back, refresh,
  { action: 'format', keys: 'o', help: 'raw view: JSON / YAML', hint: 'json/yaml', priority: 1, match: ch('o') },
  help, quit,
];

type Format = 'json' | 'yaml';

/** YAML's library is loaded only when YAML is asked for (it is not needed for the first frame). */
async function toYaml(value: unknown): Promise<string> {
  const mod = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const stringify = mod.stringify ?? mod.default!.stringify;
  return stringify(JSON.parse(safeJson(value)), { lineWidth: 0 });
}

export function RawView({ cluster, height, width, active, onBack, onHelp, onQuit }: InsideProps) {
  const [format, setFormat] = useState<Format>('json');
  const [scroll, setScroll] = useState(0);
  const masked = useMemo(() => maskSecrets(cluster.raw ?? {}), [cluster.raw]);
  const json = useMemo(() => safeJson(masked), [masked]);
  const [yaml, setYaml] = useState<{ text?: string; error?: string }>({});
  useEffect(() => {
    if (format !== 'yaml') return;
    let live = true;
    toYaml(masked).then(
      (text) => live && setYaml({ text }),
      (err: unknown) => live && setYaml({ error: err instanceof Error ? err.message : String(err) }),
    );
    return () => void (live = false);
  }, [format, masked]);

  const text = format === 'json' ? json : yaml.text ?? (yaml.error ? `could not write YAML: ${oneLine(yaml.error)}` : 'loading…');
  const lines = useMemo(() => text.replace(/\n$/, '').split('\n'), [text]);
  const body = Math.max(1, height - 2);
  const last = Math.max(0, lines.length - body);
  const at = Math.min(scroll, last);
  useKeys((input: string, key: Key) => {
    const move = (to: number) => setScroll(Math.max(0, Math.min(last, to)));
    switch (actionIn(RAW_KEYS, input, key, true)) {
      case 'down':
        return move(at + 1);
      case 'up':
        return move(at - 1);
      case 'pageDown':
        return move(at + body - 1);
      case 'pageUp':
        return move(at - body + 1);
      case 'top':
        return move(0);
      case 'bottom':
        return move(last);
      case 'format':
        setScroll(0);
        return setFormat((f) => (f === 'json' ? 'yaml' : 'json'));
      case 'back':
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
    }
  }, active);

  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>Raw · {displayText(cluster.name)}</Text>
        <Text dimColor>  {format.toUpperCase()} as the provider sent it, secrets masked{lines.length > body ? ` · lines ${at + 1}–${Math.min(lines.length, at + body)} of ${lines.length}` : ''}</Text>
      </Text>
      {lines.slice(at, at + body).map((line, i) => (
        <Text key={at + i} wrap="truncate">
          {displayText(line.slice(0, Math.max(1, width))) || ' '}
        </Text>
      ))}
    </Box>
  );
}
