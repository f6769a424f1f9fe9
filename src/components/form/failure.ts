// What a form shows when the API rejects a submit: the provider's message on top, field errors beside fields.
import { ApiError, describeError } from '../../api/errors.js';
import type { FieldErrors } from '../../api/types.js';
import { sanitize } from '../../format.js';

export interface Failure {
  message: string;
  fieldErrors?: FieldErrors;
}

export function failureOf(err: unknown): Failure {
  const message = sanitize(describeError(err));
  if (err instanceof ApiError && err.fieldErrors && Object.keys(err.fieldErrors).length > 0) {
    const fieldErrors: FieldErrors = {};
    for (const [key, reason] of Object.entries(err.fieldErrors)) fieldErrors[key] = sanitize(reason);
    return { message, fieldErrors };
  }
  return { message };
}
