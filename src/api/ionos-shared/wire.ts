// What IONOS v1 and v2 bodies share: strict decoding with the first bad field named, and the error body.
import type * as z from 'zod';
import { ApiError, oneLine } from '../core/errors.js';

/** Parses an IONOS body (v1 or v2) or throws a `malformed` ApiError naming the first bad field. */
export function decode<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || 'body' : 'body';
    throw new ApiError(`unexpected ${what} response from IONOS (${where}: ${issue?.message ?? 'invalid'})`, { kind: 'malformed' });
  }
  return parsed.data;
}

/** IONOS error body (docs/ionos.md §2): {httpStatus, messages: [{errorCode, message}]} → the joined messages. */
export function errorMessage(_status: number, body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const messages = (body as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return undefined;
  const texts = messages
    .map((m) => (m && typeof m === 'object' ? (m as { message?: unknown }).message : undefined))
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  return texts.length ? oneLine(texts.join('; ')) : undefined;
}
