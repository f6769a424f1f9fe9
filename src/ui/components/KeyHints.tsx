// The footer: the keys of the current screen, as compact as k9s's ("/ filter  p psql  ? help").
import { Text } from 'ink';
import { fitHints, type Binding, type Supports } from '../input/keymap.js';

/** Fits the hints to the width by priority: `? help` and `q quit` always show; `supports` hides what the cluster lacks. */
export function KeyHints({ bindings, readOnly, width = 80, supports }: { bindings: readonly Binding[]; readOnly: boolean; width?: number; supports?: Supports }) {
  const hints = fitHints(bindings, readOnly, width - 1, supports);
  return (
    <Text wrap="truncate">
      {hints.map(([k, label], i) => (
        <Text key={k}>
          {i > 0 ? '  ' : ''}
          <Text bold>{k}</Text>
          <Text dimColor> {label}</Text>
        </Text>
      ))}
    </Text>
  );
}
