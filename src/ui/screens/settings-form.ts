// The settings screen's form, without Ink: one field per setting the API takes (typed from its spec), prefilled
// with what is set; only changed values are sent, each checked against its spec (api/insight.ts checkSetting).
// Groups that take any name (PgBouncer: view.freeGroups) get a field per parameter already set and one more to
// add parameters as name=value pairs, as `pgtui config --set pgbouncer.NAME=VALUE` takes them.
import { checkSetting, type SettingSpec, type SettingsView } from '../../api/core/insight.js';
import type { ChangePlan, FieldSpec, FormSpec, FormValues } from '../../api/core/types.js';
import { oneLine } from '../../text/safe.js';

function fieldOf(s: SettingSpec, current: string | undefined): FieldSpec {
  // The short facts first: the field's help line is truncated to the terminal.
  const help = [current === undefined ? 'unset (default)' : '', s.restart ? 'needs a restart' : '', s.help ? oneLine(s.help, 80) : ''].filter(Boolean).join(' · ');
  const base = { key: s.key, label: oneLine(s.key, 60), help: help || undefined };
  if (s.kind === 'choice' && s.choices?.length) return { ...base, kind: 'choice', choices: s.choices.map((value) => ({ value: oneLine(value, 60) })) };
  // An int field keeps digits only; a setting with a unit ("64MB") is typed as text and checked by its spec.
  return { ...base, kind: s.kind === 'int' && !s.units ? 'int' : 'text' };
}

/** The field adding parameters of a free group ("pgbouncer"): name=value pairs, comma-separated. */
const ADD_PREFIX = 'add:';
const PARAM = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Keys of the free groups' parameters already set ("pgbouncer.default_pool_size"). */
function freeKeys(view: SettingsView): string[] {
  const groups = view.freeGroups ?? [];
  return Object.keys(view.values).filter((k) => groups.some((g) => k.startsWith(`${g}.`) && k.length > g.length + 1)).sort();
}

/** The pairs typed in an add field, or the reason they are not pairs. */
function parsePairs(group: string, text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : '';
    const value = eq > 0 ? part.slice(eq + 1).trim() : '';
    if (!PARAM.test(name) || value === '') return `write ${group} parameters as name=value, separated by commas ("${oneLine(part, 40)}" is not)`;
    out[`${group}.${name}`] = value;
  }
  return out;
}

export function settingsForm(view: SettingsView, clusterName: string): FormSpec {
  const initial = initialSettings(view);
  const free: FieldSpec[] = freeKeys(view).map((k) => ({ key: k, label: oneLine(k, 60), kind: 'text', help: 'set on the cluster' }));
  const adders: FieldSpec[] = (view.freeGroups ?? []).map((g) => ({
    key: `${ADD_PREFIX}${g}`,
    label: `new ${g} parameters`,
    kind: 'text',
    help: `name=value, name2=value2 (any ${g} parameter, as config --set ${g}.NAME=VALUE)`,
  }));
  return {
    title: `Settings of ${oneLine(clusterName, 60)}`,
    fields: [...view.specs.map((s) => fieldOf(s, view.values[s.key])), ...free, ...adders],
    validate(values) {
      const errors: Record<string, string> = {};
      for (const s of view.specs) {
        const v = values[s.key] ?? '';
        if (v === (initial[s.key] ?? '')) continue;
        const problem = v.trim() === '' ? `${s.key} cannot be unset here; type a value` : checkSetting(s, v);
        if (problem) errors[s.key] = problem;
      }
      for (const k of freeKeys(view)) if ((values[k] ?? '') !== initial[k] && (values[k] ?? '').trim() === '') errors[k] = `${k} cannot be unset here; type a value`;
      for (const g of view.freeGroups ?? []) {
        const pairs = parsePairs(g, values[`${ADD_PREFIX}${g}`] ?? '');
        if (typeof pairs === 'string') errors[`${ADD_PREFIX}${g}`] = pairs;
      }
      return errors;
    },
  };
}

export function initialSettings(view: SettingsView): FormValues {
  return {
    ...Object.fromEntries(view.specs.map((s) => [s.key, view.values[s.key] ?? ''])),
    ...Object.fromEntries(freeKeys(view).map((k) => [k, view.values[k] ?? ''])),
    ...Object.fromEntries((view.freeGroups ?? []).map((g) => [`${ADD_PREFIX}${g}`, ''])),
  };
}

/** The changed values only (key → new value), the added parameters as "group.name". */
export function settingsChanges(view: SettingsView, values: FormValues): Record<string, string> {
  const initial = initialSettings(view);
  const keys = [...view.specs.map((s) => s.key), ...freeKeys(view)];
  const out: Record<string, string> = Object.fromEntries(keys.filter((k) => (values[k] ?? '') !== initial[k]).map((k) => [k, (values[k] ?? '').trim()]));
  for (const g of view.freeGroups ?? []) {
    const pairs = parsePairs(g, values[`${ADD_PREFIX}${g}`] ?? '');
    if (typeof pairs !== 'string') for (const [k, v] of Object.entries(pairs)) if (view.values[k] !== v) out[k] = v;
  }
  return out;
}

/** The reviewed diff: old → new for each changed setting. */
export function settingsPlan(view: SettingsView, changes: Record<string, string>): ChangePlan {
  return {
    diff: Object.entries(changes).map(([key, to]) => ({ key, label: key, from: view.values[key] ?? '(default)', to })),
    method: 'PATCH',
    path: 'settings',
  };
}
