// One-line messages for the profiles screen.
import { oneLine } from '../../../text/safe.js';
import { providerWords } from '../../../present/errors.js';

/** The provider's own words when there are some ("Invalid API key"), else the summary of the failure. */
export function verifyFailure(err: unknown): string {
  return `Not saved — the API said: ${oneLine(providerWords(err))}`;
}

export const ENV_SOURCE_HINT = 'it comes from environment variables; change or unset them in your shell';
