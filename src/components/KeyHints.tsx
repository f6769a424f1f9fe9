// The footer: the keys of the current screen.
import { Text } from 'ink';
import { hintsFor, type Scope } from './keymap.js';

export function KeyHints({ scope, readOnly, width }: { scope: Scope; readOnly: boolean; width: number }) {
  const hints = hintsFor(scope, readOnly);
  return (
    <Text dimColor wrap="truncate">
      {hints.map(([k, label]) => `<${k}> ${label}`).join('  ').slice(0, Math.max(0, width))}
    </Text>
  );
}
