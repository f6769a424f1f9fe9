// What the screens inside a cluster share: their props, how they read their keys, and the one line saying why a
// provider has none of it.
import { Box, Text } from 'ink';
import { actionIn, back, help, quit, type Action, type Binding } from '../input/keymap.js';
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

/** What a screen's own keys do, by action; each returns nothing worth keeping. */
export type KeyHandlers = Partial<Record<Action, () => unknown>>;

/**
 * Reads the keys of a screen's registry row (`keys`, src/ui/registry/inside-screens.ts) while it has them (`active`, and
 * `when`): a key runs the handler of its action; esc, ? and q go back, open help and quit unless the screen handles
 * them itself (esc clearing a search first). Read-only mode hides the keys that write.
 */
export function useScreenKeys(keys: readonly Binding[], props: Pick<InsideProps, 'readOnly' | 'active' | 'onBack' | 'onHelp' | 'onQuit'>, handlers: KeyHandlers, when = true): void {
  useKeys((input, key) => {
    const action = actionIn(keys, input, key, props.readOnly);
    if (action === undefined) return;
    const shared: KeyHandlers = { back: props.onBack, help: props.onHelp, quit: props.onQuit };
    (handlers[action] ?? shared[action])?.();
  }, props.active && when);
}

const UNSUPPORTED_KEYS = [back, help, quit];

/** The screen, or one line saying why this cluster's provider has none of it (nothing is fetched then). */
export function Unsupported(props: InsideProps & { title: string; capability: Capability }) {
  const { cluster, title, capability } = props;
  const store = useStore();
  useScreenKeys(UNSUPPORTED_KEYS, props, {});
  return (
    <Box flexDirection="column">
      <Text bold>{title} · {forScreen(cluster.name)}</Text>
      <Text color="yellow" wrap="truncate">{oneLine(store.unsupportedReason(cluster, capability))}</Text>
      <Text dimColor>esc back</Text>
    </Box>
  );
}
