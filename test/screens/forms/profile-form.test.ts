import { describe, expect, it } from 'vitest';
import type { PgoProfile, Profile } from '../../../src/api/profile.js';
import type { FormValues } from '../../../src/api/core/types.js';
import { initialValues } from '../../../src/forms/fields.js';
import { profileFromValues, valuesFromProfile } from '../../../src/ui/screens/profile-form/convert.js';
import { profileFormSpec } from '../../../src/ui/screens/profile-form/specs.js';

describe('profile form specs', () => {
  it('IONOS v1 with a token drops username/password and keeps the default URL implicit', () => {
    const spec = profileFormSpec('ionos-v1', { existingNames: [] });
    const values = { ...initialValues(spec), name: 'ionos', auth: 'token', token: 'tok', contractNumber: '31' };
    expect(spec.validate(values)).toEqual({});
    expect(profileFromValues('ionos-v1', values)).toEqual({ name: 'ionos', kind: 'ionos-v1', token: 'tok', contractNumber: '31' });
  });

  it('IONOS v2 checks locations and the URL template', () => {
    const spec = profileFormSpec('ionos-v2', { existingNames: [] });
    const base = { ...initialValues(spec), name: 'v2', username: 'u', password: 'p' };
    expect(spec.validate({ ...base, locations: 'de/txl, mars/base' }).locations).toMatch(/known: de\/txl/);
    expect(spec.validate({ ...base, apiUrl: 'not a url' }).apiUrl).toMatch(/%s stands for the location/);
    const ok = { ...base, locations: 'de/txl,de/fra' };
    expect(spec.validate(ok)).toEqual({});
    expect(profileFromValues('ionos-v2', ok)).toMatchObject({ locations: ['de/txl', 'de/fra'], username: 'u', password: 'p' });
  });

  it('PGO requires existing files, and the client cert and key together', () => {
    const exists = (p: string) => p === '/certs/ca.pem' || p === '/certs/client.pem';
    const spec = profileFormSpec('pgo', { existingNames: [], fileExists: exists });
    const values = {
      ...initialValues(spec),
      name: 'lab',
      apiUrl: 'https://127.0.0.1:8443',
      caCert: '/certs/missing.pem',
      clientCert: '/certs/client.pem',
      username: 'admin',
      password: 'pw',
    };
    const errors = spec.validate(values);
    expect(errors.caCert).toBe('no such file');
    expect(errors.clientKey).toBe('give the client cert and key together');
  });

  it('an edited profile keeps its blank secrets and what the form does not show', () => {
    const saved: PgoProfile = {
      name: 'lab', kind: 'pgo', apiUrl: 'https://x:8443', namespace: 'pgo', username: 'admin', password: 'old',
      connect: { host: 'localhost', port: 5433 }, timeoutMs: 5000, source: 'file',
    };
    const spec = profileFormSpec('pgo', { existingNames: ['lab'], editing: saved });
    const values: FormValues = { ...initialValues(spec, valuesFromProfile(saved)), namespace: 'db' };
    expect(values.password).toBe('');
    expect(spec.validate(values)).toEqual({});
    const next = profileFromValues('pgo', values, saved) as Profile;
    expect(next).toEqual({ ...saved, namespace: 'db' });
  });

  it('ClickHouse leaves the organisation out when blank (discovered from the key)', () => {
    const spec = profileFormSpec('clickhouse', { existingNames: ['taken'] });
    const values = { ...initialValues(spec), name: 'taken', keyId: 'k', keySecret: 's' };
    expect(spec.validate(values).name).toBe('a profile with this name exists');
    expect(profileFromValues('clickhouse', { ...values, name: 'ch' })).toEqual({ name: 'ch', kind: 'clickhouse', keyId: 'k', keySecret: 's' });
  });
});
