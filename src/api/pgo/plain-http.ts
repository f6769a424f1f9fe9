// The pgo-apiserver authenticates every call with Basic credentials, so over plain http:// (its DISABLE_TLS
// mode, docs/reference crunchy-pgo.md "Transport & security") the user name and password cross the network in
// clear. pgtui only does that when the profile says `insecure`, the same explicit flag as skipping certificate
// checks, and marks such profiles the same way. The rule is the one of ../http-plain.ts, stricter in one way:
// loopback counts too (DISABLE_TLS is the apiserver's explicit mode), and the message says how the pgo client does it.
import type { PgoProfile } from './profile.js';

export { isPlainHttp } from '../core/http-plain.js';
import { isPlainHttp } from '../core/http-plain.js';

/** Why this profile may not be used as it is (one line), or undefined when it may. */
export function plainHttpRefusal(p: PgoProfile): string | undefined {
  if (!isPlainHttp(p.apiUrl) || p.insecure) return undefined;
  let host = 'the apiserver';
  try {
    host = new URL(p.apiUrl).host; // never the whole URL: it may carry user:password@
  } catch {
    // an unparsable URL fails later with its own message
  }
  const how = p.source === 'env' ? 'set DISABLE_TLS=true (as for the pgo client)' : 'set insecure on the profile (--insecure, or "Insecure TLS" in the form)';
  // Not naming the profile: provider errors get "NAME: " in front of them (api/registry.ts).
  return `plain http:// would send the PGO login in clear (Basic auth) to ${host}: use https://, or ${how} to accept that`;
}
