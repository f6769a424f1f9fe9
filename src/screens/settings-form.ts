// The settings screen's form, without Ink: one field per setting the API takes (typed from its spec), prefilled
// with what is set; only changed values are sent, each checked against its spec (api/insight.ts checkSetting).
import { checkSetting, type SettingSpec, type SettingsView } from '../api/insight.js';
import type { ChangePlan, FieldSpec, FormSpec, FormValues } from '../api/types.js';
import { oneLine } from '../text/safe.js';

function fieldOf(s: SettingSpec, current: string | undefined): FieldSpec {
  // The short facts first: the field's help line is truncated to the terminal.
  const help = [current === undefined ? 'unset (default)' : '', s.restart ? 'needs a restart' : '', s.help ? oneLine(s.help, 80) : ''].filter(Boolean).join(' · ');
  const base = { key: s.key, label: oneLine(s.key, 60), help: help || undefined };
  if (s.kind === 'choice' && s.choices?.length) return { ...base, kind: 'choice', choices: s.choices.map((value) => ({ value: oneLine(value, 60) })) };
  // An int field keeps digits only; a setting with a unit ("64MB") is typed as text and checked by its spec.
  return { ...base, kind: s.kind === 'int' && !s.units ? 'int' : 'text' };
}

export function settingsForm(view: SettingsView, clusterName: string): FormSpec {
  const initial = initialSettings(view);
  return {
    title: `Settings of ${oneLine(clusterName, 60)}`,
    fields: view.specs.map((s) => fieldOf(s, view.values[s.key])),
    validate(values) {
      const errors: Record<string, string> = {};
      for (const s of view.specs) {
        const v = values[s.key] ?? '';
        if (v === (initial[s.key] ?? '')) continue;
        const problem = v.trim() === '' ? `${s.key} cannot be unset here; type a value` : checkSetting(s, v);
        if (problem) errors[s.key] = problem;
      }
      return errors;
    },
  };
}

export function initialSettings(view: SettingsView): FormValues {
  return Object.fromEntries(view.specs.map((s) => [s.key, view.values[s.key] ?? '']));
}

/** The changed values only (key → new value). */
export function settingsChanges(view: SettingsView, values: FormValues): Record<string, string> {
  const initial = initialSettings(view);
  return Object.fromEntries(view.specs.filter((s) => (values[s.key] ?? '') !== initial[s.key]).map((s) => [s.key, (values[s.key] ?? '').trim()]));
}

/** The reviewed diff: old → new for each changed setting. */
export function settingsPlan(view: SettingsView, changes: Record<string, string>): ChangePlan {
  return {
    diff: Object.entries(changes).map(([key, to]) => ({ key, label: key, from: view.values[key] ?? '(default)', to })),
    method: 'PATCH',
    path: 'settings',
  };
}
