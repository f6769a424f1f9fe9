// What config.json and secrets.json may hold, checked on every read so that a hand-edited or damaged file is
// reported as "FILE: profiles.2.url: expected string" instead of failing later somewhere deep in a provider.
// Objects are loose: keys this version does not know are kept and written back unchanged.
import { z } from 'zod';
import type { Profile } from '../api/profile.js';
import type { Settings } from './types.js';

const str = z.string();
const opt = <T extends z.ZodType>(t: T) => t.optional();
/** Contract numbers are digits; a hand-written JSON number means the same thing. */
const contract = opt(z.union([str, z.number().int().transform(String)]));

const common = {
  name: str.min(1, 'empty name'),
  readOnly: opt(z.boolean()),
  source: opt(z.enum(['file', 'env', 'demo'])),
  connect: opt(z.looseObject({ host: opt(str), port: opt(z.number().int()), sslmode: opt(str), sslrootcert: opt(str) })),
  timeoutMs: opt(z.number().positive()),
  rateLimit: opt(z.object({ requests: z.number().int().positive(), windowSeconds: z.number().positive() })),
};

const ionosV1 = z.looseObject({ ...common, kind: z.literal('ionos-v1'), apiUrl: opt(str), username: opt(str), password: opt(str), token: opt(str), contractNumber: contract });
const ionosV2 = z.looseObject({
  ...common, kind: z.literal('ionos-v2'), apiUrl: opt(str), endpoints: opt(z.record(str, str)), locations: opt(z.array(str)),
  username: opt(str), password: opt(str), token: opt(str), contractNumber: contract,
});
const clickhouse = z.looseObject({ ...common, kind: z.literal('clickhouse'), apiUrl: opt(str), keyId: str, keySecret: str, organizationId: opt(str) });
const pgo = z.looseObject({
  ...common, kind: z.literal('pgo'), apiUrl: str, namespace: str, caCert: opt(str), clientCert: opt(str), clientKey: opt(str),
  username: str, password: str, insecure: opt(z.boolean()),
});

export const profileSchema = z.discriminatedUnion('kind', [ionosV1, ionosV2, clickhouse, pgo]);

const settingsSchema = z.looseObject({ refreshSeconds: opt(z.number()), psqlPath: opt(str), psqlArgs: opt(z.array(str)), readOnly: opt(z.boolean()) });

export const configSchema = z.looseObject({
  version: opt(z.number().int()),
  profiles: z.array(profileSchema).default([]),
  settings: settingsSchema.default({}),
});

export const secretsSchema = z.looseObject({ version: opt(z.number().int()), clusters: z.record(str, str) });

export interface ConfigFile {
  version: number;
  profiles: Profile[];
  settings: Partial<Settings>;
  [extra: string]: unknown;
}

export interface SecretsFile {
  version: number;
  clusters: Record<string, string>;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** The first problem, as "path: what was expected" (the path as jq would write it, without the dots for the root). */
export function firstIssue(error: z.ZodError, raw: unknown): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(top level)';
  const value = at(raw, issue.path);
  let what: string;
  if (issue.code === 'invalid_type') what = value === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${kindOf(value)}`;
  else if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    what = `${value === undefined ? 'missing' : `unknown provider ${JSON.stringify(value).slice(0, 40)}`} (expected one of ${profileSchema.options.map((o) => o.shape.kind.value).join(', ')})`;
  } else what = issue.message;
  return `${path}: ${what}`;
}
