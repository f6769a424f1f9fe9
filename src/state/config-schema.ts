// What config.json and secrets.json may hold, checked on every read so that a hand-edited or damaged file is
// reported as "FILE: profiles.2.url: expected string" instead of failing later somewhere deep in a provider.
// Objects are loose: keys this version does not know are kept and written back unchanged.
import * as z from 'zod';
import type { Profile } from '../api/profile.js';
import type { Settings } from './types.js';
import { providerModules } from '../api/registry.js';
import { thresholdsSchema } from '../diagnose/thresholds.js';

const str = z.string();
const opt = <T extends z.ZodType>(t: T) => t.optional();

/** One schema per provider, from its module (src/api/<kind>/module.ts). */
const [first, ...rest] = providerModules().map((m) => m.schema);
export const profileSchema = z.discriminatedUnion('kind', [first!, ...rest]);

const settingsSchema = z.looseObject({ refreshSeconds: opt(z.number()), psqlPath: opt(str), psqlArgs: opt(z.array(str)), readOnly: opt(z.boolean()) });

export const configSchema = z.looseObject({
  version: opt(z.number().int()),
  profiles: z.array(profileSchema).default([]),
  settings: settingsSchema.default({}),
  /** `pgtui diagnose` and health: threshold overrides (docs/diagnose.md). */
  diagnose: opt(z.looseObject({ thresholds: opt(thresholdsSchema) })),
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
    what = `${value === undefined ? 'missing' : `unknown provider ${JSON.stringify(value).slice(0, 40)}`} (expected one of ${providerModules().map((m) => m.kind).join(', ')})`;
  } else what = issue.message;
  return `${path}: ${what}`;
}
