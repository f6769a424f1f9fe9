// :journal — the plans pgtui applied (docs/plans.md), newest first: time, outcome, profile, summary, request id.
// Read from the store's journal when the screen opens and on r; ↑/↓ scroll, esc back.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { tint } from '../components/form/colors.js';
import { useKeys } from '../input/use-keys.js';
import { useStore } from '../shell/context.js';
import { displayText, oneLine } from '../../text/safe.js';

export function Journal({ onBack, onQuit, height = 20 }: { onBack: () => void; onQuit: () => void; height?: number }) {
  const store = useStore();
  const read = () => [...(store.journal?.() ?? [])].reverse();
  const [entries, setEntries] = useState(read);
  const [top, setTop] = useState(0);
  const rows = Math.max(3, height - 3);
  useKeys((input, key) => {
    if (key.escape || input === 'q') onBack();
    else if (key.ctrl && input === 'c') onQuit();
    else if (input === 'r') setEntries(read());
    else if (key.downArrow || input === 'j') setTop((t) => Math.min(t + 1, Math.max(0, entries.length - rows)));
    else if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
  });
  return (
    <Box flexDirection="column">
      <Text bold>Journal <Text dimColor>· {entries.length} applied plan{entries.length === 1 ? '' : 's'}, newest first · r reload · esc back</Text></Text>
      {entries.length === 0 ? <Text dimColor>no changes recorded yet: every change pgtui applies is listed here</Text> : null}
      {entries.slice(top, top + rows).map((e, i) => (
        <Text key={`${e.time}-${e.hash}-${i}`} wrap="truncate">
          <Text dimColor>{e.time.replace('T', ' ').slice(0, 19)} </Text>
          <Text color={tint(e.outcome === 'ok' ? 'green' : 'red')}>{e.outcome === 'ok' ? 'ok   ' : 'error'} </Text>
          <Text>{displayText(oneLine(e.summary, 300))}</Text>
          {e.requestId ? <Text dimColor> · request {displayText(oneLine(e.requestId, 80))}</Text> : null}
          {e.error ? <Text color={tint('red')}> · {displayText(oneLine(e.error, 200))}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
