// A secret shown once (a reset password): a box that fits the terminal, the whole secret wrapped inside it,
// `y` to copy it through OSC 52, enter/esc/q to close. Closing drops it: it is never on the status line.
// A password with control characters is shown with them as visible escapes (`\x07`, backslashes doubled) and a
// red line saying so, while `y` copies the exact bytes (the app's onCopy): what is shown and what is copied
// never silently differ from the real password.
import { Box, Text } from 'ink';
import { sanitize } from '../../present/format.js';
import { countUnsafe, forScreen, visibleEscapes } from '../../text/safe.js';
import { useKeys } from '../input/use-keys.js';
import { tint } from './form/colors.js';

export interface SecretBoxProps {
  title: string;
  secret: string;
  note: string;
  width: number;
  onCopy: () => void;
  onClose: () => void;
}

export function SecretBox({ title, secret, note, width, onCopy, onClose }: SecretBoxProps) {
  useKeys((input, key) => {
    if (input === 'y' && !key.ctrl && !key.meta) onCopy();
    else if (key.escape || key.return || (input === 'q' && !key.ctrl)) onClose();
  });
  const boxWidth = Math.max(20, Math.min(width - 2, 76));
  const controls = countUnsafe(secret);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tint('yellow')} paddingX={1} width={boxWidth}>
      <Text bold wrap="truncate">{sanitize(title)}</Text>
      <Text color={tint('green')} wrap="wrap">{forScreen(visibleEscapes(secret), 4096)}</Text>
      {controls > 0 ? (
        <Text color={tint('red')} wrap="wrap">
          It contains {controls} control character{controls === 1 ? '' : 's'}, shown as \x.. / \u.... escapes (a backslash as \\); y copies the exact password.
        </Text>
      ) : null}
      <Text dimColor wrap="wrap">{sanitize(note)}</Text>
      <Text wrap="truncate">
        <Text bold>y</Text>
        <Text dimColor> copy  </Text>
        <Text bold>enter</Text>
        <Text dimColor> close (the password is not shown again)</Text>
      </Text>
    </Box>
  );
}
