// IONOS DBaaS PostgreSQL v2 (regional) as a pgtui provider: its profile, form, env profile, CLI options and client.
import { z } from 'zod';
import type { ProfileCommon } from '../profile-common.js';
import type { ProviderModule } from '../provider-module.js';
import { compact, opt, splitList, str, URL_TEMPLATE_RULE } from '../profile-kit.js';
import {
  IONOS_CLI_OPTIONS, IONOS_SECRET_FIELDS, ionosAuthFields, ionosCliAuth, ionosEnvAuth, ionosProfile, ionosProfileShape, ionosRules, ionosValues,
  type IonosAuthFields,
} from '../ionos-module-common.js';
import { IonosV2Provider } from '../ionos-v2.js';
import { IONOS_RATE } from '../ionos-common.js';
import { IONOS_V2_URL_TEMPLATE, V2_LOCATIONS } from './catalog.js';

const KIND = 'ionos-v2';

export interface IonosV2Profile extends ProfileCommon, IonosAuthFields {
  kind: typeof KIND;
  /** Regional URL template with %s for the location ("de-txl"); default https://postgresql.%s.ionos.com. */
  apiUrl?: string;
  /** Per-location base URLs, overriding the template (location "de/txl" → URL). */
  endpoints?: Record<string, string>;
  /** Only these locations (default: all nine). */
  locations?: string[];
}

/** The form accepts exactly the locations the client has an endpoint for (the catalog is the one source). */
const LOCATIONS: readonly string[] = V2_LOCATIONS;

export const ionosV2: ProviderModule<IonosV2Profile> = {
  kind: KIND,
  label: 'IONOS v2',
  schema: z.looseObject({ ...ionosProfileShape, kind: z.literal(KIND), endpoints: opt(z.record(str, str)), locations: opt(z.array(str)) }),
  defaultApiUrl: IONOS_V2_URL_TEMPLATE,
  urlOf: (p) => p.apiUrl ?? (p.endpoints ? `${Object.keys(p.endpoints).length} endpoints` : IONOS_V2_URL_TEMPLATE),
  secretFields: IONOS_SECRET_FIELDS,
  form: {
    fields: (p) => [
      ...ionosAuthFields(p),
      { key: 'locations', label: 'Locations', kind: 'text', help: 'optional, e.g. de/txl,de/fra; empty = all' },
      { key: 'apiUrl', label: 'API URL', kind: 'text', default: IONOS_V2_URL_TEMPLATE, help: '%s is the location' },
    ],
    rules: (p) =>
      ionosRules(p, {
        apiUrl: URL_TEMPLATE_RULE,
        locations: z
          .string()
          .optional()
          .refine((t) => splitList(t).every((l) => LOCATIONS.includes(l)), `known: ${LOCATIONS.join(' ')}`),
      }),
    values: (p) => {
      const { apiUrl, ...rest } = ionosValues(p, IONOS_V2_URL_TEMPLATE);
      return { ...rest, locations: (p.locations ?? []).join(','), apiUrl: apiUrl! };
    },
    profile(v, common, prev) {
      const locations = splitList(v.locations);
      return compact<IonosV2Profile>({
        ...ionosProfile(v, common, prev, IONOS_V2_URL_TEMPLATE),
        kind: KIND,
        locations: locations.length ? locations : undefined,
        endpoints: prev?.endpoints,
      });
    },
  },
  // v2 is regional and keeps its template: IONOS_API_URL is the v1 host.
  fromEnv(env) {
    const auth = ionosEnvAuth(env);
    return auth ? [{ name: 'env-ionos-v2', kind: KIND, ...auth }] : [];
  },
  cli: {
    options: IONOS_CLI_OPTIONS,
    build: async (name, o, io) => ({ name, readOnly: (o.readOnly as boolean | undefined) || undefined, kind: KIND, ...(await ionosCliAuth(o, io)) }),
  },
  rate: IONOS_RATE,
  create: (profile, deps) => new IonosV2Provider(profile, deps),
};
