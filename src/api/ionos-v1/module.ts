// IONOS DBaaS PostgreSQL v1 as a pgtui provider: its profile, form, env profile, CLI options and client.
import * as z from 'zod';
import type { ProviderModule } from '../core/provider-module.js';
import { compact, URL_RULE } from '../core/profile-kit.js';
import {
  IONOS_CLI_OPTIONS, IONOS_SECRET_FIELDS, ionosAuthFields, ionosCliAuth, ionosEnvAuth, ionosProfile, ionosProfileShape, ionosRules, ionosValues,
} from '../ionos-shared/module-kit.js';
import { IonosV1Provider } from './client.js';
import { IONOS_RATE } from '../ionos-shared/client-kit.js';
import { IONOS_V1_URL } from './catalog.js';
import { ionosV1Tool } from './tool.js';
import { plainHttpMembers } from '../core/http-plain.js';
import { IONOS_LOGIN } from '../ionos-shared/client-kit.js';
import type { IonosV1Profile } from './profile.js';

export type { IonosV1Profile };

const KIND = 'ionos-v1';


/** IONOS_API_URL is the SDK's host ("https://api.ionos.com"); the v1 API lives under /databases/postgresql. */
function v1Url(env: NodeJS.ProcessEnv): string | undefined {
  const base = env.IONOS_API_URL?.replace(/\/+$/, '');
  if (!base) return undefined;
  return /\/databases\/postgresql$/.test(base) ? base : `${base}/databases/postgresql`;
}

export const ionosV1: ProviderModule<IonosV1Profile> = {
  kind: KIND,
  label: 'IONOS v1',
  schema: z.looseObject({ ...ionosProfileShape, kind: z.literal(KIND) }),
  defaultApiUrl: IONOS_V1_URL,
  urlOf: (p) => p.apiUrl ?? IONOS_V1_URL,
  ...plainHttpMembers<IonosV1Profile>((p) => [p.apiUrl], { login: IONOS_LOGIN }),
  secretFields: IONOS_SECRET_FIELDS,
  form: {
    fields: (p) => [...ionosAuthFields(p), { key: 'apiUrl', label: 'API URL', kind: 'text', default: IONOS_V1_URL }],
    rules: (p) => ionosRules(p, { apiUrl: URL_RULE }),
    values: (p) => ionosValues(p, IONOS_V1_URL),
    profile: (v, common, prev) => compact<IonosV1Profile>({ ...ionosProfile(v, common, prev, IONOS_V1_URL), kind: KIND }),
  },
  envHint: 'IONOS_TOKEN, or IONOS_USERNAME + IONOS_PASSWORD',
  fromEnv(env) {
    const auth = ionosEnvAuth(env);
    return auth ? [{ name: 'env-ionos', kind: KIND, apiUrl: v1Url(env), ...auth }] : [];
  },
  cli: {
    options: IONOS_CLI_OPTIONS,
    build: async (name, o, io) => ({ name, readOnly: (o.readOnly as boolean | undefined) || undefined, kind: KIND, ...(await ionosCliAuth(o, io)) }),
  },
  rate: IONOS_RATE,
  tool: ionosV1Tool,
  pgStatStatementsHint: 'IONOS DBaaS preloads pg_stat_statements: run CREATE EXTENSION pg_stat_statements; in the database as its owner (the cluster\'s admin user)',
  create: (profile, deps) => new IonosV1Provider(profile, deps),
};

declare module '../core/types.js' {
  interface ProviderKinds {
    'ionos-v1': true;
  }
}
