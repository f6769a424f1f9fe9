// One-line messages for the profiles screen.
import { ApiError, describeError, oneLine } from '../../api/errors.js';
import { sanitize } from '../../format.js';

/** The provider's own words when there are some ("Invalid API key"), else the summary of the failure. */
export function verifyFailure(err: unknown): string {
  const text = err instanceof ApiError ? (err.providerMessage ?? err.message) : describeError(err);
  return `Not saved — the API said: ${sanitize(oneLine(text))}`;
}

export const ENV_SOURCE_HINT = 'it comes from environment variables; change or unset them in your shell';
