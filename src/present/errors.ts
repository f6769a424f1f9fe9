// The UI's one door to api/errors: screens and components turn a failure into text through these, so they
// never depend on the error classes themselves.
import { ApiError, describeError } from '../api/core/errors.js';
import type { FieldErrors } from '../api/core/types.js';

/** One line for the status line or a form: the summary with its profile ("prod: 401 Unauthorized: …"). */
export function errorText(err: unknown): string {
  return describeError(err);
}

/** The provider's per-field validation messages, when the failure carries some. */
export function fieldErrorsOf(err: unknown): FieldErrors | undefined {
  return err instanceof ApiError && err.fieldErrors && Object.keys(err.fieldErrors).length > 0 ? err.fieldErrors : undefined;
}

/** The provider's own words when there are some ("Invalid API key"), else the summary of the failure. */
export function providerWords(err: unknown): string {
  return err instanceof ApiError ? (err.providerMessage ?? err.message) : describeError(err);
}
