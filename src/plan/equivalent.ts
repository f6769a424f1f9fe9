// The same request as a line a person can run or script (docs/plans.md): curl with the credentials as shell
// variables (never their values) and the body as the plan shows it, secrets masked.
import type { PlannedRequest } from './types.js';

/** Single-quoted for POSIX shells. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlLine(req: PlannedRequest, auth?: 'basic' | 'bearer'): string {
  const parts = ['curl', '-X', req.method, shellQuote(req.url)];
  if (auth === 'bearer') parts.push('-H', '"Authorization: Bearer $TOKEN"');
  if (auth === 'basic') parts.push('-u', '"$USERNAME:$PASSWORD"');
  if (req.body !== undefined) parts.push('-H', shellQuote('Content-Type: application/json'), '--data-raw', shellQuote(JSON.stringify(req.body)));
  return parts.join(' ');
}
