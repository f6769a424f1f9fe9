// A whole FormSpec on one screen: every field visible (scrolling when taller than the terminal),
// validation on every change shown beside the field, submit blocked while anything is wrong.
import { forScreen } from '../../text/safe.js';
import { Box, Text, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldErrors, FieldSpec, FormSpec, FormValues } from '../../api/core/types.js';
import { orphanErrors, relevantErrors, submittedValues, visibleFields } from '../../forms/fields.js';
import { FieldRow, noteLinesBelow, type FieldNote, type RowLayout } from './form/FieldRow.js';
import { wrapText } from '../../forms/wrap.js';
import { listHeight } from './form/ChoiceField.js';
import { tint } from './form/colors.js';
import { cursorOf, focusedField, handleFormKey, INITIAL_UI, isLocked, navigable, type FormUi } from '../../forms/keys.js';
import { clip } from '../../forms/text-edit.js';
import { fitHints, optional, type Hint } from './form/hints.js';
import { useKeys } from '../input/use-keys.js';

export interface FormProps {
  spec: FormSpec;
  /** Controlled: the screen keeps the values, so they survive review steps and API errors. */
  values: FormValues;
  onChange(values: FormValues): void;
  /** The values of the visible fields, called only when validate() finds nothing wrong. */
  onSubmit(values: FormValues): void;
  onCancel(): void;
  /** ApiError.fieldErrors: shown beside their fields until the user edits that field. */
  serverErrors?: FieldErrors;
  /** One line in red above the fields, e.g. the provider's message after a rejected submit. */
  message?: string;
  /** Edit forms: immutable fields are shown, skipped by the cursor, and say why they cannot change. */
  lockImmutable?: boolean;
  lockedReason?: string;
  /** Bool fields whose "yes" is dangerous → the warning shown beside them while on. */
  dangerFields?: Record<string, string>;
  /** Dim text shown in an empty field, e.g. a mask standing for a saved secret that a blank keeps. */
  placeholders?: Record<string, string>;
  /** What enter on the last field / ctrl-s leads to, for the key hints ("review", "save"). */
  submitLabel?: string;
  isActive?: boolean;
  /** Rows the fields may use; default: terminal rows minus the screen's chrome. */
  maxRows?: number;
  /** The field focused when the form (re)opens, e.g. the one being edited before a review step. */
  initialFocus?: string;
  /** Told the focused field's key after every key, so a screen can reopen the form where the user was. */
  onFocusChange?(key: string | undefined): void;
}

const DEFAULT_LOCKED_REASON = 'set at create; cannot be changed';
/** A failure above the fields (the provider's message, a TLS failure) wraps over this many lines at most. */
const TOP_MAX_LINES = 4;

export function Form(props: FormProps) {
  const { spec, values, serverErrors, lockImmutable = false, isActive = true } = props;
  const { stdout } = useStdout();
  const [ui, setUi] = useState<FormUi>(() => (props.initialFocus ? { ...INITIAL_UI, focus: props.initialFocus } : INITIAL_UI));
  // Server errors hide field by field as the user edits; a new rejection shows them all again.
  const [editedSinceServer, setEditedSinceServer] = useState<string[]>([]);

  const errors = useMemo(() => relevantErrors(spec, values), [spec, values]);
  const ctx = { spec, values, ui, lockImmutable, errors };
  const focus = focusedField(ctx);
  const visible = visibleFields(spec, values);

  // Keys are applied to the newest values and UI state even before React re-renders (see use-keys.ts).
  const live = useRef({ values, ui });
  const seenValues = useRef(values);
  if (seenValues.current !== values) {
    seenValues.current = values;
    live.current = { ...live.current, values };
  }
  useEffect(() => {
    setEditedSinceServer([]);
    // After a rejected submit, put the cursor on the first field the API complained about.
    const target = serverErrors && navigable({ spec, values: live.current.values, lockImmutable }).find((f) => serverErrors[f.key] !== undefined);
    if (target) {
      live.current = { ...live.current, ui: { ...live.current.ui, focus: target.key } };
      setUi(live.current.ui);
    }
    // Only a new set of server errors moves the cursor, not every change of the spec or values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverErrors]);

  useKeys((input, key) => {
    const now = live.current;
    const result = handleFormKey({ spec, values: now.values, ui: now.ui, lockImmutable, errors: relevantErrors(spec, now.values) }, input, key);
    const nextValues = result.values ?? now.values;
    live.current = { values: nextValues, ui: result.ui };
    setUi(result.ui);
    props.onFocusChange?.(focusedField({ spec, values: nextValues, ui: result.ui, lockImmutable })?.key);
    if (result.values) {
      const changed = Object.keys(nextValues).filter((k) => nextValues[k] !== now.values[k]);
      setEditedSinceServer((prev) => [...prev, ...changed.filter((k) => !prev.includes(k))]);
      props.onChange(nextValues);
    }
    if (result.action === 'cancel') props.onCancel();
    if (result.action === 'submit') props.onSubmit(submittedValues(spec, nextValues));
  }, isActive);

  const columns = stdout.columns || 80;
  const layout = rowLayout(visible, columns);
  const noteOf = (f: FieldSpec): FieldNote | undefined => {
    const local = errors[f.key];
    if (local && (ui.submitAttempted || ui.touched.includes(f.key))) return { text: local, tone: 'error' };
    const remote = serverErrors?.[f.key];
    if (remote && !editedSinceServer.includes(f.key)) return { text: remote, tone: 'error' };
    const danger = props.dangerFields?.[f.key];
    if (danger && values[f.key] === 'true') return { text: danger, tone: 'warning' };
    if (isLocked(f, lockImmutable)) return { text: f.lockedReason ?? props.lockedReason ?? DEFAULT_LOCKED_REASON, tone: 'info' };
    return f.help ? { text: f.help, tone: 'info' } : undefined;
  };
  const heightOf = (f: FieldSpec): number => {
    const note = noteOf(f);
    const below = noteLinesBelow(note, layout, focus?.key === f.key).length;
    const open = ui.open?.key === f.key && focus?.key === f.key ? listHeight(f.choices ?? []) : 0;
    return 1 + below + open;
  };
  const topLines = [
    ...(props.message ? [props.message] : []),
    ...orphanErrors(spec, values, serverErrors),
    ...(errors[''] && (ui.submitAttempted || ui.touched.length > 0) ? [errors['']] : []),
    ...(ui.submitAttempted && Object.keys(errors).length > 0 ? ['Fix the marked fields first.'] : []),
  ].flatMap((line) => wrapText(line, columns - 1, TOP_MAX_LINES));
  // One line of message was always allowed for; more take their room from the fields.
  const budget = Math.max(3, (props.maxRows ?? Math.max(6, (stdout.rows || 24) - 10)) - Math.max(0, topLines.length - 1));
  const [start, end] = windowAround(visible.map(heightOf), Math.max(0, visible.findIndex((f) => f.key === focus?.key)), budget);

  return (
    <Box flexDirection="column">
      <Text bold>{forScreen(spec.title)}</Text>
      {topLines.map((line, i) => (
        <Text key={i} color={tint('red')}>
          {line}
        </Text>
      ))}
      {start > 0 && <Text dimColor>  ↑ {start} more</Text>}
      {visible.slice(start, end).map((f) => (
        <FieldRow
          key={f.key}
          field={f}
          value={values[f.key] ?? ''}
          cursor={cursorOf(ui, f.key, values[f.key] ?? '')}
          focused={isActive && focus?.key === f.key}
          revealed={ui.revealed.includes(f.key)}
          locked={isLocked(f, lockImmutable)}
          openIndex={ui.open?.key === f.key && focus?.key === f.key ? ui.open.index : undefined}
          note={noteOf(f)}
          noteBelowWhenLong={focus?.key === f.key}
          placeholder={props.placeholders?.[f.key]}
          layout={layout}
          danger={props.dangerFields?.[f.key] !== undefined}
        />
      ))}
      {end < visible.length && <Text dimColor>  ↓ {visible.length - end} more</Text>}
      <Text dimColor>{clip(keyHints(focus, ui, props.submitLabel ?? 'review', columns - 1), columns - 1)}</Text>
    </Box>
  );
}

/** Cells a field's value needs to show whole: a choice's longest label in ‹ › with its "12/12", or a UUID and the cursor. */
function valueNeed(f: FieldSpec): number {
  if (f.kind === 'choice') return (f.choices ?? []).reduce((w, c) => Math.max(w, (c.label ?? c.value).length), 4) + 11;
  if (f.kind === 'bool') return 8;
  return 38;
}

function rowLayout(fields: FieldSpec[], columns: number): RowLayout {
  const longest = fields.reduce((w, f) => Math.max(w, f.label.length), 8);
  // From 110 columns on, long labels (settings names) and values (a UUID, an image's label) get their room.
  const wide = columns >= 110;
  const label = Math.min(wide ? Math.floor(columns / 3) : 26, longest + 2);
  const need = fields.reduce((w, f) => Math.max(w, valueNeed(f)), 20);
  const value = wide ? Math.max(20, Math.min(need, columns - 2 - label - 24)) : Math.max(20, Math.min(36, columns - 2 - label - 42));
  return { label, value, note: Math.max(0, columns - 2 - label - value - 1), total: columns - 1 };
}

/** The slice [start, end) of rows that fits `budget` lines and contains `focus`. */
export function windowAround(heights: number[], focus: number, budget: number): [number, number] {
  const total = heights.reduce((a, b) => a + b, 0);
  if (total <= budget) return [0, heights.length];
  const room = Math.max(1, budget - 2); // the "↑ more" / "↓ more" lines
  let start = focus;
  let used = heights[focus] ?? 1;
  while (start > 0 && used + heights[start - 1]! <= room) used += heights[--start]!;
  let end = focus + 1;
  while (end < heights.length && used + heights[end]! <= room) used += heights[end++]!;
  return [start, end];
}

function keyHints(focus: FieldSpec | undefined, ui: FormUi, submitLabel: string, width: number): string {
  if (ui.open) return '↑↓ choose · enter pick · esc close';
  const parts: Hint[] = [optional('tab/↑↓ move')];
  if (focus?.kind === 'choice') parts.push(optional('←→ change'), optional('space list'));
  if (focus?.kind === 'bool') parts.push(optional('space toggle'));
  if (focus?.kind === 'secret') parts.push(optional('ctrl-r reveal'));
  if (focus && (focus.kind === 'text' || focus.kind === 'secret' || focus.kind === 'int')) parts.push(optional('ctrl-u clear'));
  return fitHints([...parts, `ctrl-s ${submitLabel}`, 'esc cancel'], width);
}
