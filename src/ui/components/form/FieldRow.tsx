// One field on one line: label, value, and beside it the reason it is wrong (or why it cannot change).
import { Box, Text } from 'ink';
import type { FieldSpec } from '../../../api/core/types.js';
import { BoolField } from './BoolField.js';
import { ChoiceField, ChoiceList, choiceLabel } from './ChoiceField.js';
import { tint } from './colors.js';
import { SecretField } from './SecretField.js';
import { clip } from '../../../forms/text-edit.js';
import { TextField } from './TextField.js';
import { wrapText } from '../../../forms/wrap.js';

export interface RowLayout {
  label: number;
  value: number;
  /** Cells left for the note beside the value; a longer note goes on its own line below. */
  note: number;
  total: number;
}

export interface FieldNote {
  text: string;
  tone: 'error' | 'warning' | 'info';
}

export interface FieldRowProps {
  field: FieldSpec;
  value: string;
  cursor: number;
  focused: boolean;
  revealed: boolean;
  locked: boolean;
  openIndex?: number;
  note?: FieldNote;
  layout: RowLayout;
  /** A bool whose "yes" is dangerous (PGO insecure): shown in red. */
  danger?: boolean;
  /** Let a long help note take the line below (the focused field). */
  noteBelowWhenLong?: boolean;
  placeholder?: string;
}

/** Errors and warnings always show whole (below when long); help only for the focused field. */
export function noteBelow(note: FieldNote | undefined, layout: RowLayout, focused: boolean): boolean {
  if (note === undefined || (note.tone === 'info' && !focused)) return false;
  return note.text.length + (note.tone === 'info' ? 0 : 2) > layout.note;
}

/** An error or warning below its field wraps over this many lines at most (the password rule, a tag rule). */
export const NOTE_MAX_LINES = 3;
/** The focused field's help, when longer than the room beside it, wraps over this many lines below it. */
export const HELP_MAX_LINES = 2;

/** The lines a note takes below its field: errors, warnings and the focused field's help, wrapped. */
export function noteLinesBelow(note: FieldNote | undefined, layout: RowLayout, focused: boolean): string[] {
  if (!note || !noteBelow(note, layout, focused)) return [];
  const width = layout.total - layout.label - 2 - (note.tone === 'info' ? 0 : 2);
  return wrapText(note.text, width, note.tone === 'info' ? HELP_MAX_LINES : NOTE_MAX_LINES);
}

export function FieldRow({ field, value, cursor, focused, revealed, locked, openIndex, note, layout, danger = false, noteBelowWhenLong = false, placeholder }: FieldRowProps) {
  const below = noteBelow(note, layout, noteBelowWhenLong);
  const prefix = note && note.tone !== 'info' ? 2 : 0;
  const mark = note?.tone === 'error' ? '✗ ' : note?.tone === 'warning' ? '! ' : '';
  const color = note && note.tone !== 'info' ? tint(note.tone === 'error' ? 'red' : 'yellow') : undefined;
  const noteText = note ? (
    <Text color={color} dimColor={note.tone === 'info'}>
      {mark}
      {clip(note.text, layout.note - prefix)}
    </Text>
  ) : null;
  const belowLines = below ? noteLinesBelow(note, layout, noteBelowWhenLong) : [];
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={focused ? tint('cyan') : undefined}>{focused ? '❯ ' : '  '}</Text>
        <Box width={layout.label} flexShrink={0}>
          <Text bold={focused} dimColor={locked}>
            {clip(field.label, layout.label - 1)}
          </Text>
        </Box>
        <Box width={layout.value} flexShrink={0}>
          <FieldValue field={field} value={value} cursor={cursor} focused={focused} revealed={revealed} locked={locked} danger={danger} placeholder={placeholder} width={layout.value - 1} />
        </Box>
        {!below && noteText}
      </Box>
      {belowLines.map((line, i) => (
        <Box key={i} marginLeft={2 + layout.label}>
          <Text color={color} dimColor={note?.tone === 'info'}>
            {i === 0 ? mark : ' '.repeat(prefix)}
            {line}
          </Text>
        </Box>
      ))}
      {openIndex !== undefined && field.choices && (
        <ChoiceList choices={field.choices} index={openIndex} indent={2 + layout.label} width={layout.total - layout.label - 2} />
      )}
    </Box>
  );
}

interface FieldValueProps {
  field: FieldSpec;
  value: string;
  cursor: number;
  focused: boolean;
  revealed: boolean;
  locked: boolean;
  danger: boolean;
  placeholder?: string;
  width: number;
}

function FieldValue({ field, value, cursor, focused, revealed, locked, danger, placeholder, width }: FieldValueProps) {
  switch (field.kind) {
    case 'secret':
      return locked ? <Text dimColor>{value ? '••••••••' : ''}</Text> : <SecretField value={value} cursor={cursor} focused={focused} width={width} revealed={revealed} placeholder={placeholder} />;
    case 'choice':
      return locked ? <Text dimColor>{clip(choiceLabel(field.choices ?? [], value), width)}</Text> : <ChoiceField value={value} choices={field.choices ?? []} focused={focused} width={width} />;
    case 'bool':
      return <BoolField value={value} focused={focused} onColor={danger ? 'red' : undefined} />;
    default:
      return <TextField value={value} cursor={cursor} focused={focused} width={width} unit={field.unit} dim={locked} placeholder={placeholder} />;
  }
}
