// Profile ⇄ form values, through the provider's module. Secrets never go into the form: a blank secret field
// keeps the saved value.
import type { Profile } from '../../../api/profile.js';
import type { FormValues, ProviderKind } from '../../../api/core/types.js';
import { moduleFor } from '../../../api/registry.js';
import { isProtection, protectionOf } from '../../../api/core/protection.js';

/** The form's starting values for editing `p`; secret fields start blank. */
export function valuesFromProfile(p: Profile): FormValues {
  return { name: p.name, protection: protectionOf(p), ...moduleFor(p.kind).form.values(p) };
}

/**
 * The profile to save from validated values. `previous` (same kind) supplies what the form does not show
 * (connect overrides, timeouts, v2 endpoints, source) and the secrets left blank.
 */
export function profileFromValues(kind: ProviderKind, v: FormValues, previous?: Profile): Profile {
  const prev = previous?.kind === kind ? previous : undefined;
  const common = {
    name: v.name!.trim(),
    // The older readOnly flag is written for read-only too, so an older pgtui reading this file still refuses.
    readOnly: v.protection === 'read-only' ? true : undefined,
    protection: isProtection(v.protection) && v.protection !== 'normal' ? v.protection : undefined,
    source: prev?.source,
    connect: prev?.connect,
    timeoutMs: prev?.timeoutMs,
  };
  return moduleFor(kind).form.profile(v, common, prev);
}
