// What a form shows when the API rejects a submit: the provider's message on top, field errors beside fields.
import type { FieldErrors } from '../../../api/core/types.js';
import { sanitize } from '../../../present/format.js';
import { errorText, fieldErrorsOf } from '../../../present/errors.js';

export interface Failure {
  message: string;
  fieldErrors?: FieldErrors;
}

export function failureOf(err: unknown): Failure {
  const message = sanitize(errorText(err));
  const reasons = fieldErrorsOf(err);
  if (reasons) {
    const fieldErrors: FieldErrors = {};
    for (const [key, reason] of Object.entries(reasons)) fieldErrors[key] = sanitize(reason);
    return { message, fieldErrors };
  }
  return { message };
}
