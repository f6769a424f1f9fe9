// Below the profiles list, for the selected profile: the URL it really uses, and for a demo profile the login
// the demo's fakes take, field by field as the "add profile" form asks for it (so a user trying the form in
// the demo knows what to type). Demo credentials are the fakes' own, never a real secret.
import { Box, Text } from 'ink';
import type { Profile } from '../../../api/profile.js';
import type { FormValues } from '../../../api/core/types.js';
import { moduleFor } from '../../../api/registry.js';
import { sanitize } from '../../../present/format.js';
import { displayValue, visibleFields } from '../../../forms/fields.js';
import { maskUriSecrets } from '../../../text/safe.js';
import { clip } from '../../../forms/text-edit.js';
import { profileFormSpec } from './specs.js';

/** The add form's values that reach the same API as `p`, secrets included. */
export function typedLogin(p: Profile): FormValues {
  const m = moduleFor(p.kind);
  if (m.form.typedValues) return m.form.typedValues(p as never);
  const own = p as unknown as Record<string, unknown>;
  const secrets = Object.fromEntries(m.secretFields.filter((k) => typeof own[k] === 'string').map((k) => [k, own[k] as string]));
  return { ...m.form.values(p), ...secrets };
}

/** [label, value] for each field of the add form a user would fill in, in the form's order. */
export function demoLoginLines(p: Profile): Array<[string, string]> {
  const spec = profileFormSpec(p.kind, { existingNames: [] });
  const values = { ...Object.fromEntries(spec.fields.map((f) => [f.key, f.default ?? ''])), ...typedLogin(p) };
  return visibleFields(spec, values)
    .filter((f) => f.key !== 'name' && f.key !== 'readOnly')
    .filter((f) => (f.kind === 'bool' ? values[f.key] === 'true' : (values[f.key] ?? '') !== ''))
    .map((f) => [f.label, displayValue(f, values[f.key], true)]);
}

/** `height`: the lines this may use; the login's last fields give way first on a short terminal. */
export function ProfileDetail({ profile, width, height }: { profile: Profile; width: number; height: number }) {
  const url = moduleFor(profile.kind).urlOf(profile as never);
  const all = profile.source === 'demo' ? demoLoginLines(profile) : [];
  const fits = Math.max(0, height - 3);
  const lines = all.length > fits ? all.slice(0, Math.max(0, fits - 1)) : all;
  const label = Math.min(22, all.reduce((w, [l]) => Math.max(w, l.length), 8) + 2, Math.floor(width / 3));
  const room = Math.max(10, width - label - 5);
  return (
    <Box flexDirection="column" marginTop={1}>
      {url ? <Text dimColor wrap="truncate-end">  URL {sanitize(maskUriSecrets(url))}</Text> : null}
      {all.length > 0 && fits > 0 && <Text wrap="truncate-end">  The demo's fakes take this login (a adds a profile):</Text>}
      {lines.map(([l, v]) => (
        <Box key={l}>
          <Box width={label + 4} flexShrink={0}>
            <Text dimColor>    {clip(l, label - 1)}</Text>
          </Box>
          <Text>{clip(sanitize(v), room)}</Text>
        </Box>
      ))}
      {lines.length < all.length && fits > 0 && <Text dimColor>    … {all.length - lines.length} more on a taller terminal</Text>}
    </Box>
  );
}
