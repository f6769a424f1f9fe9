// Building blocks provider modules use for their profile schema, profile form and rules (src/api/core/provider-module.ts).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as z from 'zod';
import type { FieldErrors, FieldSpec } from './types.js';
import { PROTECTIONS } from './protection.js';

export const str = z.string();
export const opt = <T extends z.ZodType>(t: T) => t.optional();
/** Contract numbers are digits; a hand-written JSON number means the same thing. */
export const contractSchema = opt(z.union([str, z.number().int().transform(String)]));

/** The fields every saved profile has (config.json). */
export const commonProfileShape = {
  name: str.min(1, 'empty name'),
  readOnly: opt(z.boolean()),
  protection: opt(z.enum(PROTECTIONS)),
  source: opt(z.enum(['file', 'env', 'demo'])),
  connect: opt(z.looseObject({ host: opt(str), port: opt(z.number().int()), sslmode: opt(str), sslrootcert: opt(str) })),
  timeoutMs: opt(z.number().positive()),
  insecure: opt(z.boolean()),
  rateLimit: opt(z.object({ requests: z.number().int().positive(), windowSeconds: z.number().positive() })),
};

export const NAME_RULE = z
  .string()
  .min(1, 'a name is required')
  .max(63, 'at most 63 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - (no spaces)');

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export const URL_RULE = z.string().refine(isHttpUrl, 'an http(s) URL, e.g. https://api.example.com');
/** A template where %s becomes the location ("de-txl"), as IONOS v2 takes. */
export const URL_TEMPLATE_RULE = z
  .string()
  .refine((t) => isHttpUrl(t.replaceAll('%s', 'de-txl')), 'an https URL; %s stands for the location');

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "~/certs/ca.pem" → "/home/me/certs/ca.pem". */
export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
}

export type FileExists = (path: string) => boolean;
export const defaultFileExists: FileExists = (path) => existsSync(expandHome(path));

/** First zod message per field key; issues without a path go under ''. */
export function issuesToErrors(result: z.ZodSafeParseResult<unknown>): FieldErrors {
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A form value, trimmed, or undefined when blank. */
export const optText = (text: string | undefined): string | undefined => (text === undefined || text.trim() === '' ? undefined : text.trim());
/** The form left it blank. */
export const blank = (text: string | undefined) => (text ?? '') === '';

export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

const KEEP = 'blank keeps the saved one';

/** A secret field: required unless a saved one exists, which a blank keeps. */
export function secretField(key: string, label: string, saved: string | undefined, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { key, label, kind: 'secret', required: !saved, ...(saved ? { help: KEEP } : {}), ...extra };
}

/** A secret rule: blank is fine only when a saved one exists. */
export const needSecret = (saved: string | undefined, message: string) => z.string().refine((s) => s !== '' || Boolean(saved), message);

/** The API URL to save: undefined when it is the default (so a changed default reaches the profile). */
export const urlUnlessDefault = (text: string | undefined, def: string) => (optText(text) === def ? undefined : optText(text));
