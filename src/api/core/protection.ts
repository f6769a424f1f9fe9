// How much a profile may change (docs/plans.md): `read-only` refuses every change, `protected` wants the
// cluster's exact name typed for each one (in one-shots `--confirm NAME` on top of `--yes`), `normal` asks as
// usual. The older `readOnly: true` still means read-only and wins over any `protection`.
export const PROTECTIONS = ['normal', 'protected', 'read-only'] as const;
export type Protection = (typeof PROTECTIONS)[number];

export const isProtection = (v: unknown): v is Protection => typeof v === 'string' && (PROTECTIONS as readonly string[]).includes(v);

export function protectionOf(p: { readOnly?: boolean; protection?: Protection }): Protection {
  if (p.readOnly) return 'read-only';
  return p.protection ?? 'normal';
}

/**
 * The colour of each level, like k9s's per-context skin: read-only red (nothing can happen, and the eye
 * should notice why), protected yellow (changes need the typed name), normal green.
 */
export const PROTECTION_COLORS: Readonly<Record<Protection, 'red' | 'yellow' | 'green'>> = {
  'read-only': 'red',
  protected: 'yellow',
  normal: 'green',
};

/** The header's and the profile list's word for each level. */
export const PROTECTION_LABELS: Readonly<Record<Protection, string>> = {
  'read-only': 'READ-ONLY',
  protected: 'PROTECTED',
  normal: 'normal',
};
