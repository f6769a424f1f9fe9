// The form's keyboard, as a pure function: (state, key) → new state, new values, or an action.
import type { FieldErrors, FieldSpec, FormSpec, FormValues } from '../api/core/types.js';
import { visibleFields } from './fields.js';
import { chars, clampCursor, cleanInput, deleteBefore, insertAt } from './text-edit.js';

/** The keys a form reacts to: the shape of Ink's `Key`, declared here so the model stays free of Ink. */
export interface Key {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

export interface FormUi {
  /** Key of the focused field. */
  focus?: string;
  cursors: Record<string, number>;
  /** An open choice list and its highlighted row. */
  open?: { key: string; index: number };
  revealed: string[];
  /** Fields the user changed; their validation errors show at once. */
  touched: string[];
  submitAttempted: boolean;
}

export const INITIAL_UI: FormUi = { cursors: {}, revealed: [], touched: [], submitAttempted: false };

export interface KeyContext {
  spec: FormSpec;
  values: FormValues;
  ui: FormUi;
  lockImmutable: boolean;
  errors: FieldErrors;
}

export interface KeyResult {
  ui: FormUi;
  values?: FormValues;
  action?: 'submit' | 'cancel';
}

export function isLocked(field: FieldSpec, lockImmutable: boolean): boolean {
  return lockImmutable && field.immutable === true;
}

export function navigable(ctx: Pick<KeyContext, 'spec' | 'values' | 'lockImmutable'>): FieldSpec[] {
  return visibleFields(ctx.spec, ctx.values).filter((f) => !isLocked(f, ctx.lockImmutable));
}

/** The focused field, falling back to the first editable one when the focus was hidden by showWhen. */
export function focusedField(ctx: Pick<KeyContext, 'spec' | 'values' | 'lockImmutable' | 'ui'>): FieldSpec | undefined {
  const fields = navigable(ctx);
  return fields.find((f) => f.key === ctx.ui.focus) ?? fields[0];
}

export function cursorOf(ui: FormUi, key: string, value: string): number {
  return clampCursor(ui.cursors[key] ?? chars(value).length, chars(value).length);
}

export function handleFormKey(ctx: KeyContext, input: string, key: Key): KeyResult {
  const { ui } = ctx;
  const fields = navigable(ctx);
  const field = focusedField(ctx);
  if (ui.open && field?.key === ui.open.key) return openListKey(ctx, field, input, key);

  if (key.escape) return { ui, action: 'cancel' };
  if (key.ctrl && input === 's') return attemptSubmit(ctx);
  if (!field) return key.return ? attemptSubmit(ctx) : { ui };
  const index = fields.indexOf(field);
  if (key.tab) return { ui: moveFocus(ui, fields, index + (key.shift ? -1 : 1)) };
  if (key.downArrow) return { ui: moveFocus(ui, fields, index + 1) };
  if (key.upArrow) return { ui: moveFocus(ui, fields, index - 1) };
  if (key.return) return index === fields.length - 1 ? attemptSubmit(ctx) : { ui: moveFocus(ui, fields, index + 1) };
  if (key.ctrl && input === 'r' && field.kind === 'secret') {
    const revealed = ui.revealed.includes(field.key) ? ui.revealed.filter((k) => k !== field.key) : [...ui.revealed, field.key];
    return { ui: { ...ui, revealed } };
  }
  if (field.kind === 'choice') return choiceKey(ctx, field, input, key);
  if (field.kind === 'bool') return boolKey(ctx, field, input, key);
  return textKey(ctx, field, input, key);
}

function moveFocus(ui: FormUi, fields: FieldSpec[], to: number): FormUi {
  if (fields.length === 0) return ui;
  const wrapped = (to + fields.length) % fields.length;
  return { ...ui, focus: fields[wrapped]!.key, open: undefined };
}

function attemptSubmit(ctx: KeyContext): KeyResult {
  const keys = Object.keys(ctx.errors);
  if (keys.length === 0) return { ui: { ...ctx.ui, open: undefined }, action: 'submit' };
  const firstInvalid = navigable(ctx).find((f) => ctx.errors[f.key] !== undefined);
  return { ui: { ...ctx.ui, submitAttempted: true, open: undefined, focus: firstInvalid?.key ?? ctx.ui.focus } };
}

function change(ctx: KeyContext, field: FieldSpec, value: string, cursor?: number): KeyResult {
  const touched = ctx.ui.touched.includes(field.key) ? ctx.ui.touched : [...ctx.ui.touched, field.key];
  const cursors = cursor === undefined ? ctx.ui.cursors : { ...ctx.ui.cursors, [field.key]: cursor };
  const ui = { ...ctx.ui, focus: field.key, touched, cursors };
  if (ctx.values[field.key] === value) return { ui };
  return { ui, values: { ...ctx.values, [field.key]: value } };
}

function textKey(ctx: KeyContext, field: FieldSpec, input: string, key: Key): KeyResult {
  const value = ctx.values[field.key] ?? '';
  const cursor = cursorOf(ctx.ui, field.key, value);
  const length = chars(value).length;
  const moveTo = (c: number): KeyResult => ({ ui: { ...ctx.ui, focus: field.key, cursors: { ...ctx.ui.cursors, [field.key]: clampCursor(c, length) } } });
  if (key.leftArrow) return moveTo(cursor - 1);
  if (key.rightArrow) return moveTo(cursor + 1);
  if (key.home || (key.ctrl && input === 'a')) return moveTo(0);
  if (key.end || (key.ctrl && input === 'e')) return moveTo(length);
  if (key.backspace || key.delete) {
    const edit = deleteBefore(value, cursor);
    return change(ctx, field, edit.value, edit.cursor);
  }
  if (key.ctrl && input === 'u') return change(ctx, field, '', 0);
  if (key.ctrl || key.meta) return { ui: ctx.ui };
  const text = cleanInput(input, field.kind);
  if (text === '') return { ui: ctx.ui };
  const edit = insertAt(value, cursor, text);
  return change(ctx, field, edit.value, edit.cursor);
}

function choiceKey(ctx: KeyContext, field: FieldSpec, input: string, key: Key): KeyResult {
  const choices = field.choices ?? [];
  if (choices.length === 0) return { ui: ctx.ui };
  const current = choices.findIndex((c) => c.value === ctx.values[field.key]);
  if (key.leftArrow || key.rightArrow) {
    const step = key.leftArrow ? -1 : 1;
    const next = current === -1 ? (step === 1 ? 0 : choices.length - 1) : (current + step + choices.length) % choices.length;
    return change(ctx, field, choices[next]!.value);
  }
  if (input === ' ') return { ui: { ...ctx.ui, focus: field.key, open: { key: field.key, index: Math.max(0, current) } } };
  if (key.ctrl || key.meta) return { ui: ctx.ui };
  // Typing a letter jumps to the next choice starting with it, like a native select.
  const letter = cleanInput(input, 'text').toLowerCase();
  if (letter.length !== 1) return { ui: ctx.ui };
  for (let step = 1; step <= choices.length; step++) {
    const candidate = choices[(Math.max(current, -1) + step + choices.length) % choices.length]!;
    if ((candidate.label ?? candidate.value).toLowerCase().startsWith(letter)) return change(ctx, field, candidate.value);
  }
  return { ui: ctx.ui };
}

function openListKey(ctx: KeyContext, field: FieldSpec, input: string, key: Key): KeyResult {
  const choices = field.choices ?? [];
  const open = ctx.ui.open!;
  const closed = { ...ctx.ui, open: undefined };
  if (key.escape) return { ui: closed };
  if (key.upArrow) return { ui: { ...ctx.ui, open: { ...open, index: Math.max(0, open.index - 1) } } };
  if (key.downArrow) return { ui: { ...ctx.ui, open: { ...open, index: Math.min(choices.length - 1, open.index + 1) } } };
  if (key.return || input === ' ') {
    const picked = choices[open.index];
    return picked ? change({ ...ctx, ui: closed }, field, picked.value) : { ui: closed };
  }
  return { ui: ctx.ui };
}

function boolKey(ctx: KeyContext, field: FieldSpec, input: string, key: Key): KeyResult {
  const on = ctx.values[field.key] === 'true';
  if (input === ' ' || key.leftArrow || key.rightArrow) return change(ctx, field, on ? 'false' : 'true');
  if (key.ctrl || key.meta) return { ui: ctx.ui };
  if (input === 'y' || input === 'Y') return change(ctx, field, 'true');
  if (input === 'n' || input === 'N') return change(ctx, field, 'false');
  return { ui: ctx.ui };
}
