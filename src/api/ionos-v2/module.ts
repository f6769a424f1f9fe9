// IONOS DBaaS PostgreSQL v2 (regional) as a pgtui provider: its profile, form, env profile, CLI options and client.
import * as z from 'zod';
import type { ProviderModule } from '../core/provider-module.js';
import { compact, opt, splitList, str, URL_TEMPLATE_RULE } from '../core/profile-kit.js';
import {
  IONOS_CLI_OPTIONS, IONOS_SECRET_FIELDS, ionosAuthFields, ionosCliAuth, ionosEnvAuth, ionosProfile, ionosProfileShape, ionosRules, ionosValues,
} from '../ionos-shared/module-kit.js';
import { IonosV2Provider } from './client.js';
import { IONOS_RATE } from '../ionos-shared/client-kit.js';
import { IONOS_V2_URL_TEMPLATE, V2_LOCATIONS } from './catalog.js';
import { plainHttpMembers } from '../core/http-plain.js';
import { IONOS_LOGIN } from '../ionos-shared/client-kit.js';
import type { IonosV2Profile } from './profile.js';

export type { IonosV2Profile };

const KIND = 'ionos-v2';


/** The form accepts exactly the locations the client has an endpoint for (the catalog is the one source). */
const LOCATIONS: readonly string[] = V2_LOCATIONS;

const hasEndpoints = (p: IonosV2Profile | undefined): boolean => Boolean(p?.endpoints && Object.keys(p.endpoints).length > 0);

/** The URLs a profile with its own endpoint map really uses (the demo's loopback fakes), not the template. */
export function endpointsText(endpoints: Record<string, string>): string {
  const entries = Object.entries(endpoints);
  const [location, url] = entries[0] ?? ['', ''];
  return entries.length === 1 ? `${url} (${location})` : `${url} (${location}) and ${entries.length - 1} more endpoints`;
}

export const ionosV2: ProviderModule<IonosV2Profile> = {
  kind: KIND,
  label: 'IONOS v2',
  schema: z.looseObject({ ...ionosProfileShape, kind: z.literal(KIND), endpoints: opt(z.record(str, str)), locations: opt(z.array(str)) }),
  defaultApiUrl: IONOS_V2_URL_TEMPLATE,
  urlOf: (p) => p.apiUrl ?? (hasEndpoints(p) ? endpointsText(p.endpoints!) : IONOS_V2_URL_TEMPLATE),
  ...plainHttpMembers<IonosV2Profile>((p) => [p.apiUrl, ...Object.values(p.endpoints ?? {})], { login: IONOS_LOGIN }),
  secretFields: IONOS_SECRET_FIELDS,
  form: {
    fields: (p) => [
      ...ionosAuthFields(p),
      { key: 'locations', label: 'Locations', kind: 'text', help: 'optional, e.g. de/txl,de/fra; empty = all' },
      hasEndpoints(p) && !p?.apiUrl
        ? { key: 'apiUrl', label: 'API URL', kind: 'text', default: endpointsText(p!.endpoints!), immutable: true, lockedReason: 'one URL per location, kept as saved' }
        : { key: 'apiUrl', label: 'API URL', kind: 'text', default: IONOS_V2_URL_TEMPLATE, help: '%s is the location' },
    ],
    rules: (p) =>
      ionosRules(p, {
        apiUrl: hasEndpoints(p) && !p?.apiUrl ? z.string().optional() : URL_TEMPLATE_RULE,
        locations: z
          .string()
          .optional()
          .refine((t) => splitList(t).every((l) => LOCATIONS.includes(l)), `known: ${LOCATIONS.join(' ')}`),
      }),
    values: (p) => {
      const { apiUrl, ...rest } = ionosValues(p, IONOS_V2_URL_TEMPLATE);
      return { ...rest, locations: (p.locations ?? []).join(','), apiUrl: hasEndpoints(p) && !p.apiUrl ? endpointsText(p.endpoints!) : apiUrl! };
    },
    // A template cannot name one loopback port per location: one location and its own URL reach the same API.
    typedValues: (p) => {
      const base = { ...ionosValues(p, IONOS_V2_URL_TEMPLATE), password: p.password ?? '', token: p.token ?? '', locations: (p.locations ?? []).join(',') };
      if (!hasEndpoints(p) || p.apiUrl) return base;
      const [location, url] = Object.entries(p.endpoints!)[0]!;
      return { ...base, apiUrl: url, locations: location };
    },
    profile(v, common, prev) {
      const locations = splitList(v.locations);
      const keptEndpoints = hasEndpoints(prev) && !prev?.apiUrl;
      return compact<IonosV2Profile>({
        ...ionosProfile(keptEndpoints ? { ...v, apiUrl: IONOS_V2_URL_TEMPLATE } : v, common, prev, IONOS_V2_URL_TEMPLATE),
        kind: KIND,
        locations: locations.length ? locations : undefined,
        endpoints: prev?.endpoints,
      });
    },
  },
  // v2 is regional and keeps its template: IONOS_API_URL is the v1 host.
  envHint: 'IONOS_TOKEN, or IONOS_USERNAME + IONOS_PASSWORD',
  fromEnv(env) {
    const auth = ionosEnvAuth(env);
    return auth ? [{ name: 'env-ionos-v2', kind: KIND, ...auth }] : [];
  },
  cli: {
    options: IONOS_CLI_OPTIONS,
    build: async (name, o, io) => ({ name, readOnly: (o.readOnly as boolean | undefined) || undefined, kind: KIND, ...(await ionosCliAuth(o, io)) }),
  },
  rate: IONOS_RATE,
  pgStatStatementsHint: 'IONOS DBaaS preloads pg_stat_statements: run CREATE EXTENSION pg_stat_statements; in the database as its owner (the cluster\'s admin user)',
  create: (profile, deps) => new IonosV2Provider(profile, deps),
};

declare module '../core/types.js' {
  interface ProviderKinds {
    'ionos-v2': true;
  }
}
