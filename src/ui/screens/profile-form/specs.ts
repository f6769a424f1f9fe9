// The profile form: the name, the provider's own fields (its module's form, src/api/<kind>/module.ts) and
// protection (docs/plans.md), validated with zod. In edit mode the name is fixed and a blank secret keeps the saved one.
import * as z from 'zod';
import type { Profile } from '../../../api/profile.js';
import type { FieldSpec, FormSpec, FormValues, ProviderKind } from '../../../api/core/types.js';
import { moduleFor } from '../../../api/registry.js';
import { defaultFileExists, issuesToErrors, NAME_RULE, type FileExists } from '../../../api/core/profile-kit.js';
import { PROTECTIONS } from '../../../api/core/protection.js';

export interface ProfileFormOptions {
  /** Names already taken (adding only). */
  existingNames: string[];
  /** The profile being edited. */
  editing?: Profile;
  fileExists?: FileExists;
}

/** The secret fields of a saved profile, shown as a mask while left blank. */
export function savedSecretPlaceholders(p: Profile | undefined): Record<string, string> {
  if (!p) return {};
  const fields = moduleFor(p.kind).secretFields;
  const values = p as unknown as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => values[f]).map((f) => [f, '•••••••• saved']));
}

/** Fields shown with a red warning while on (the module's `form.danger`). */
export function dangerFields(kind: ProviderKind): Readonly<Record<string, string>> | undefined {
  return moduleFor(kind).form.danger;
}

export function profileFormSpec(kind: ProviderKind, opts: ProfileFormOptions): FormSpec {
  const m = moduleFor(kind);
  const editing = opts.editing?.kind === kind ? opts.editing : undefined;
  const fields: FieldSpec[] = [
    { key: 'name', label: 'Profile name', kind: 'text', required: true, immutable: true, help: 'used with --profile' },
    ...m.form.fields(editing),
    {
      key: 'protection', label: 'Protection', kind: 'choice', default: 'normal',
      choices: PROTECTIONS.map((value) => ({ value })),
      help: 'read-only: no change at all; protected: type the cluster name for every change',
    },
  ];
  const rules = z.object({ name: NAME_RULE }).loose().and(m.form.rules(editing, opts.fileExists ?? defaultFileExists));
  const taken = new Set(editing ? [] : opts.existingNames);
  return {
    title: `${editing ? 'Edit' : 'New'} ${m.label} profile`,
    fields,
    validate(values: FormValues) {
      const errors = issuesToErrors(rules.safeParse(values));
      if (!errors.name && taken.has(values.name ?? '')) errors.name = 'a profile with this name exists';
      return errors;
    },
  };
}
