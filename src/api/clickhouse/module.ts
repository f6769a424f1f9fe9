// ClickHouse Cloud Postgres as a pgtui provider: its profile, form, env profile, CLI options and client.
import * as z from 'zod';
import type { ProviderModule } from '../core/provider-module.js';
import { commonProfileShape, compact, needSecret, opt, optText, secretField, str, URL_RULE, urlUnlessDefault } from '../core/profile-kit.js';
import { ClickHouseProvider, CLICKHOUSE_DEFAULT_URL, CLICKHOUSE_LOGIN, CLICKHOUSE_RATE } from './client.js';
import { plainHttpMembers } from '../core/http-plain.js';
import type { ClickHouseProfile } from './profile.js';

export type { ClickHouseProfile };

const KIND = 'clickhouse';


export const clickhouse: ProviderModule<ClickHouseProfile> = {
  kind: KIND,
  label: 'ClickHouse',
  schema: z.looseObject({ ...commonProfileShape, kind: z.literal(KIND), apiUrl: opt(str), keyId: str, keySecret: str, organizationId: opt(str) }),
  defaultApiUrl: CLICKHOUSE_DEFAULT_URL,
  urlOf: (p) => p.apiUrl ?? CLICKHOUSE_DEFAULT_URL,
  ...plainHttpMembers<ClickHouseProfile>((p) => [p.apiUrl], { login: CLICKHOUSE_LOGIN }),
  secretFields: ['keySecret'],
  form: {
    fields: (p) => [
      { key: 'keyId', label: 'API key ID', kind: 'text', required: true },
      secretField('keySecret', 'API key secret', p?.keySecret),
      { key: 'organizationId', label: 'Organization ID', kind: 'text', help: 'optional: discovered from the key when empty' },
      { key: 'apiUrl', label: 'API URL', kind: 'text', default: CLICKHOUSE_DEFAULT_URL },
    ],
    rules: (p) =>
      z
        .object({
          keyId: z.string().min(1, 'the key ID is required'),
          keySecret: needSecret(p?.keySecret, 'the key secret is required'),
          organizationId: z.string().optional(),
          apiUrl: URL_RULE,
        })
        .loose(),
    values: (p) => ({ keyId: p.keyId, keySecret: '', organizationId: p.organizationId ?? '', apiUrl: p.apiUrl ?? CLICKHOUSE_DEFAULT_URL }),
    profile: (v, common, prev) =>
      compact<ClickHouseProfile>({
        ...common,
        kind: KIND,
        apiUrl: urlUnlessDefault(v.apiUrl, CLICKHOUSE_DEFAULT_URL),
        keyId: v.keyId!.trim(),
        keySecret: v.keySecret || (prev?.keySecret ?? ''),
        organizationId: optText(v.organizationId),
      }),
  },
  envHint: 'CLICKHOUSE_CLOUD_API_KEY + CLICKHOUSE_CLOUD_API_SECRET',
  fromEnv(env) {
    if (!env.CLICKHOUSE_CLOUD_API_KEY || !env.CLICKHOUSE_CLOUD_API_SECRET) return [];
    return [{
      name: 'env-clickhouse', kind: KIND, source: 'env',
      keyId: env.CLICKHOUSE_CLOUD_API_KEY, keySecret: env.CLICKHOUSE_CLOUD_API_SECRET,
      organizationId: env.CLICKHOUSE_ORG_ID || undefined, apiUrl: env.CLICKHOUSE_API_URL || undefined,
    }];
  },
  cli: {
    options: [
      { flags: '--api-url <url>', description: 'API base URL' },
      { flags: '--key-id <id>', description: 'ClickHouse API key id' },
      { flags: '--key-secret-stdin', description: 'ClickHouse: read the key secret from standard input' },
      { flags: '--org <id>', description: 'ClickHouse organisation (discovered when omitted)' },
    ],
    async build(name, o, io) {
      const keySecret = o.keySecretStdin ? await io.readStdin() : io.env.CLICKHOUSE_CLOUD_API_SECRET;
      const keyId = ((o.keyId as string | undefined) ?? io.env.CLICKHOUSE_CLOUD_API_KEY) || io.usage('missing --key-id');
      return {
        name, readOnly: (o.readOnly as boolean | undefined) || undefined, kind: KIND, apiUrl: o.apiUrl as string | undefined,
        keyId, keySecret: keySecret || io.usage('missing --key-secret-stdin'), organizationId: o.org as string | undefined,
      };
    },
  },
  rate: CLICKHOUSE_RATE,
  pgStatStatementsHint: 'pg_stat_statements is preloaded on ClickHouse Cloud Postgres: run CREATE EXTENSION pg_stat_statements; in the database as the postgres user',
  create: (profile, deps) => new ClickHouseProvider(profile, deps),
  afterVerify: (p, identity) => (!p.organizationId && identity.discovered?.organizationId ? { ...p, organizationId: identity.discovered.organizationId } : p),
};

declare module '../core/types.js' {
  interface ProviderKinds {
    'clickhouse': true;
  }
}
