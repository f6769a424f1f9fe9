// Pure helpers over a FormSpec: which fields show, which values are submitted, which errors count.
import type { FieldErrors, FieldSpec, FormSpec, FormValues } from '../api/core/types.js';

/**
 * showWhen holds only while the field it depends on is itself shown: a hidden "Cloud" choice keeps its
 * default value, but the region list that depends on it must hide with it.
 */
export function isVisible(field: FieldSpec, values: FormValues, spec?: FormSpec, seen: ReadonlySet<string> = new Set()): boolean {
  if (!field.showWhen) return true;
  if (!field.showWhen.values.includes(values[field.showWhen.key] ?? '')) return false;
  const parent = spec?.fields.find((f) => f.key === field.showWhen!.key);
  if (!parent || seen.has(parent.key)) return true;
  return isVisible(parent, values, spec, new Set([...seen, field.key]));
}

export function visibleFields(spec: FormSpec, values: FormValues): FieldSpec[] {
  return spec.fields.filter((f) => isVisible(f, values, spec));
}

/** Defaults prefilled; bools start as 'false' so they always carry a value. */
export function initialValues(spec: FormSpec, overrides: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const f of spec.fields) values[f.key] = f.default ?? (f.kind === 'bool' ? 'false' : '');
  return { ...values, ...overrides };
}

/** What a submit sends: the values of the fields on screen (a hidden password is not sent along with a token). */
export function submittedValues(spec: FormSpec, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of visibleFields(spec, values)) out[f.key] = values[f.key] ?? '';
  return out;
}

/** validate() errors that concern a visible field, plus the form-wide '' entry. */
export function relevantErrors(spec: FormSpec, values: FormValues): FieldErrors {
  const all = spec.validate(values);
  const shown = new Set(visibleFields(spec, values).map((f) => f.key));
  const out: FieldErrors = {};
  for (const [key, reason] of Object.entries(all)) if (key === '' || shown.has(key)) out[key] = reason;
  return out;
}

/** Server field errors whose key is no field on screen, as "key: reason" lines for the message area. */
export function orphanErrors(spec: FormSpec, values: FormValues, errors: FieldErrors | undefined): string[] {
  if (!errors) return [];
  const shown = new Set(visibleFields(spec, values).map((f) => f.key));
  return Object.entries(errors)
    .filter(([key]) => !shown.has(key))
    .map(([key, reason]) => (key ? `${key}: ${reason}` : reason));
}

export const MASK = '••••••••';

/** A choice's label with its value after it, unless the label already shows it ("17 (recommended)"). */
export function labelWithValue(label: string, value: string): string {
  const at = label.indexOf(value);
  const edge = (ch: string | undefined) => ch === undefined || !/[\w.-]/.test(ch);
  const shown = value === '' || (at >= 0 && edge(label[at - 1]) && edge(label[at + value.length]));
  return shown ? label : `${label} (${value})`;
}

/** A value as the review step and diffs show it: secrets masked, choices by label, bools as yes/no. */
export function displayValue(field: FieldSpec, value: string | undefined, reveal = false): string {
  const v = value ?? '';
  if (field.kind === 'secret') return v === '' ? '(empty)' : reveal ? v : MASK;
  if (field.kind === 'bool') return v === 'true' ? 'yes' : 'no';
  if (field.kind === 'choice') {
    const choice = field.choices?.find((c) => c.value === v);
    if (choice?.label) return labelWithValue(choice.label, v);
  }
  if (v === '') return '(empty)';
  return field.unit ? `${v} ${field.unit}` : v;
}
