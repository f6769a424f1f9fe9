// Protection per profile (docs/plans.md): the level a profile has, `profile add --protection`, and what the
// form saves (readOnly kept for read-only, so an older pgtui refuses too).
import { describe, expect, it } from 'vitest';
import { protectionOf } from '../../src/api/core/protection.js';
import { buildProfile } from '../../src/commands/profile.js';
import { profileFromValues, valuesFromProfile } from '../../src/ui/screens/profile-form/convert.js';
import { profileSchema } from '../../src/state/config-schema.js';

const ENV = { CLICKHOUSE_CLOUD_API_SECRET: 'sec-ret' };

describe('protection', () => {
  it('readOnly: true is read-only whatever protection says; none is normal', () => {
    expect(protectionOf({})).toBe('normal');
    expect(protectionOf({ readOnly: true, protection: 'normal' })).toBe('read-only');
    expect(protectionOf({ protection: 'protected' })).toBe('protected');
  });

  it('profile add --protection sets it, --read-only means read-only, a bad level is a usage error', async () => {
    const base = { provider: 'clickhouse', keyId: 'k' };
    expect(await buildProfile('p', { ...base, protection: 'protected' }, ENV)).toMatchObject({ protection: 'protected', readOnly: undefined });
    expect(await buildProfile('p', { ...base, readOnly: true }, ENV)).toMatchObject({ protection: 'read-only', readOnly: true });
    expect(await buildProfile('p', { ...base }, ENV)).toMatchObject({ protection: undefined });
    await expect(buildProfile('p', { ...base, protection: 'paranoid' }, ENV)).rejects.toThrow('--protection must be one of normal, protected, read-only');
  });

  it('config.json takes the field and refuses an unknown level', () => {
    const p = { kind: 'clickhouse', name: 'p', keyId: 'k', keySecret: 's' };
    expect(profileSchema.safeParse({ ...p, protection: 'protected' }).success).toBe(true);
    expect(profileSchema.safeParse({ ...p, protection: 'loose' }).success).toBe(false);
  });

  it('the profile form round-trips the level', () => {
    const saved = { kind: 'clickhouse' as const, name: 'p', keyId: 'k', keySecret: 's', protection: 'protected' as const };
    const values = valuesFromProfile(saved);
    expect(values.protection).toBe('protected');
    const again = profileFromValues('clickhouse', { ...values, keySecret: '' }, saved);
    expect(again.protection).toBe('protected');
    expect(again.readOnly).toBeUndefined();
    expect(profileFromValues('clickhouse', { ...values, protection: 'read-only', keySecret: '' }, saved)).toMatchObject({ protection: 'read-only', readOnly: true });
  });
});
