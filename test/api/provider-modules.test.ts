// The module list is the one source of the kinds, and each module's parts agree with its own client.
import { describe, expect, it } from 'vitest';
import { V2_LOCATIONS, endpointFor } from '../../src/api/ionos-v2/catalog.js';
import { MODULES } from '../../src/api/modules.js';
import { PROVIDER_KINDS, PROVIDER_LABELS, moduleFor } from '../../src/api/registry.js';
import { profileFormSpec } from '../../src/ui/screens/profile-form/specs.js';

describe('provider modules', () => {
  it('every kind, label and schema comes from the module list, in its order', () => {
    expect(PROVIDER_KINDS).toEqual(MODULES.map((m) => m.kind));
    expect(PROVIDER_KINDS).toEqual(['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo']);
    for (const m of MODULES) {
      expect(moduleFor(m.kind)).toBe(m);
      expect(PROVIDER_LABELS[m.kind]).toBe(m.label);
      expect(m.schema.shape.kind.value).toBe(m.kind);
    }
  });

  describe('IONOS v2 locations: the profile form accepts exactly the catalog (one source of truth)', () => {
    const spec = profileFormSpec('ionos-v2', { existingNames: [] });
    const base = { name: 'v2', auth: 'password', username: 'u', password: 'p', apiUrl: 'https://postgresql.%s.ionos.com' };

    it('accepts every location the client has an endpoint for', () => {
      expect(spec.validate({ ...base, locations: V2_LOCATIONS.join(',') })).toEqual({});
    });

    it('refuses de/fra/2, which shares de/fra\'s endpoint and has no host of its own', () => {
      const errors = spec.validate({ ...base, locations: 'de/txl,de/fra/2' });
      expect(errors.locations).toBe(`known: ${V2_LOCATIONS.join(' ')}`);
      // What it would have built had the form let it through: a host that does not exist.
      expect(endpointFor({ kind: 'ionos-v2', name: 'v2', locations: ['de/fra/2'] }, 'de/fra/2')).toBe('https://postgresql.de-fra-2.ionos.com');
    });
  });
});
