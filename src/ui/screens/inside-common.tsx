// What the screens inside a cluster share: the title line, and the one line saying why a provider has none of it.
import { Box, Text, type Key } from 'ink';
import { actionIn, back, help, quit } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import type { Capability } from '../../api/core/capabilities.js';
import type { Cluster } from '../../api/core/types.js';
import { useStore } from '../shell/context.js';
import type { Status } from '../hooks/status.js';
import { forScreen, oneLine } from '../../text/safe.js';

export interface InsideProps {
  cluster: Cluster;
  height: number;
  width: number;
  readOnly: boolean;
  /** The screen has the keys (no overlay open). */
  active: boolean;
  onBack: () => void;
  onHelp: () => void;
  onQuit: () => void;
  say?: (text: string, error?: boolean) => void;
  /** The screen says when a form with input is open (ctrl-c asks first then: ../tui/quit.ts). */
  onEditing?: (editing: boolean) => void;
  /** Work in flight on the status line (a restore runs until the cluster is back). */
  busy?: Status['busy'];
}

/** The screen, or one line saying why this cluster's provider has none of it (nothing is fetched then). */
export function Unsupported({ cluster, title, capability, active, readOnly, onBack, onHelp, onQuit }: InsideProps & { title: string; capability: Capability }) {
  const store = useStore();
  useKeys((input: string, key: Key) => {
    const action = actionIn([back, help, quit], input, key, readOnly);
    if (action === 'back') onBack();
    else if (action === 'help') onHelp();
    else if (action === 'quit') onQuit();
  }, active);
  return (
    <Box flexDirection="column">
      <Text bold>{title} · {forScreen(cluster.name)}</Text>
      <Text color="yellow" wrap="truncate">{oneLine(store.unsupportedReason(cluster, capability))}</Text>
      <Text dimColor>esc back</Text>
    </Box>
  );
}
