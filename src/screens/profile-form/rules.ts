// Shared zod rules for the profile forms, and turning zod issues into one reason per field.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { z } from 'zod';
import type { FieldErrors } from '../../api/types.js';

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
/** IONOS v2 takes a template where %s becomes the location ("de-txl"). */
export const URL_TEMPLATE_RULE = z
  .string()
  .refine((t) => isHttpUrl(t.replaceAll('%s', 'de-txl')), 'an https URL; %s stands for the location');

export const IONOS_V2_LOCATIONS = ['de/txl', 'de/fra', 'de/fra/2', 'fr/par', 'es/vit', 'gb/lhr', 'gb/bhx', 'us/las', 'us/mci', 'us/ewr'];

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
