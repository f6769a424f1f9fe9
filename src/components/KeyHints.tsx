// The footer: the keys of the current screen, as compact as k9s's ("/ filter  p psql  ? help").
import { Text } from 'ink';
import { hintsFor, type Scope } from './keymap.js';

export function KeyHints({ scope, readOnly }: { scope: Scope; readOnly: boolean; width?: number }) {
  const hints = hintsFor(scope, readOnly);
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
