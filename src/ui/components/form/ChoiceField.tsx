// A choice: ‹ label › cycled with ←/→; space opens the full list below the field.
import { Box, Text } from 'ink';
import type { FieldChoice } from '../../../api/core/types.js';
import { labelWithValue } from '../../../forms/fields.js';
import { clip } from '../../../forms/text-edit.js';

export const LIST_ROWS = 8;

export interface ChoiceFieldProps {
  value: string;
  choices: FieldChoice[];
  focused: boolean;
  width: number;
}

export function choiceLabel(choices: FieldChoice[], value: string): string {
  const c = choices.find((x) => x.value === value);
  if (!c) return value === '' ? 'choose…' : value;
  return c.label ?? c.value;
}

export function ChoiceField({ value, choices, focused, width }: ChoiceFieldProps) {
  const position = choices.findIndex((c) => c.value === value);
  const count = focused && choices.length > 1 ? ` ${position + 1}/${choices.length}` : '';
  return (
    <Text>
      <Text inverse={focused}>‹ {clip(choiceLabel(choices, value), Math.max(4, width - 4 - count.length))} ›</Text>
      <Text dimColor>{count}</Text>
    </Text>
  );
}

export interface ChoiceListProps {
  choices: FieldChoice[];
  index: number;
  indent: number;
  width: number;
}

/** The opened list: up to LIST_ROWS rows around the highlight. */
export function ChoiceList({ choices, index, indent, width }: ChoiceListProps) {
  const start = Math.max(0, Math.min(index - Math.floor(LIST_ROWS / 2), choices.length - LIST_ROWS));
  const rows = choices.slice(start, start + LIST_ROWS);
  return (
    <Box flexDirection="column" marginLeft={indent}>
      {rows.map((c, i) => {
        const selected = start + i === index;
        return (
          <Text key={c.value} inverse={selected}>
            {selected ? '› ' : '  '}
            {clip(c.label ? labelWithValue(c.label, c.value) : c.value, Math.max(4, width - 2))}
          </Text>
        );
      })}
    </Box>
  );
}

export function listHeight(choices: FieldChoice[]): number {
  return Math.min(LIST_ROWS, choices.length);
}
