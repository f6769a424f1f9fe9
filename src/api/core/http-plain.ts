// The one rule for plain http:// (docs/profiles.md "Plain http"): every provider authenticates each request
// (Basic or Bearer), so over http:// the login crosses the network in clear. pgtui sends nothing over plain http
// unless the host is this machine (127.0.0.0/8, ::1, localhost: a fake, the demo, an SSH tunnel) or the profile
// says `insecure`, which the UI then marks in red. The HTTP client applies it before every request, so a typo'd
// http:// never sends the password first; the modules use it to refuse saving and to mark profiles.
import { isIPv4 } from 'node:net';

export function isPlainHttp(url: string | undefined): boolean {
  return /^http:\/\//i.test(url?.trim() ?? '');
}

/** 127.0.0.0/8, ::1 or localhost, as written in the URL (a name that resolves to loopback is not trusted). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return isIPv4(h) && h.startsWith('127.');
}

export interface PlainHttpPolicy {
  /** The profile accepts sending its login in clear. */
  insecure?: boolean;
  /** Loopback counts as safe (default). PGO's DISABLE_TLS mode asks for the flag even there. */
  loopback?: boolean;
  /** "the PGO login (Basic auth)" */
  login?: string;
  /** How to accept it: 'set insecure on the profile' */
  how?: string;
}

const DEFAULT_HOW = 'set "insecure": true on the profile in config.json';

/** Why `url` may not be used under `policy` (one line, naming the host only), or undefined when it may. */
export function plainHttpRefusal(url: string | undefined, policy: PlainHttpPolicy = {}): string | undefined {
  if (!isPlainHttp(url) || policy.insecure) return undefined;
  let host = 'the server';
  try {
    const u = new URL(url!.trim());
    if (policy.loopback !== false && isLoopbackHost(u.hostname)) return undefined;
    host = u.host; // never the whole URL: it may carry user:password@
  } catch {
    // an unparsable URL fails later with its own message
  }
  return `plain http:// would send ${policy.login ?? 'the login'} in clear to ${host}: use https://, or ${policy.how ?? DEFAULT_HOW} to accept that`;
}

/** The module members (provider-module.ts) that follow from the rule, for a provider whose profile has these URLs. */
export function plainHttpMembers<P extends { insecure?: boolean }>(urls: (p: P) => ReadonlyArray<string | undefined>, policy: Omit<PlainHttpPolicy, 'insecure'> = {}) {
  const refusal = (p: P) => urls(p).map((u) => plainHttpRefusal(u, { ...policy, insecure: p.insecure })).find(Boolean);
  return {
    /** Marked INSECURE in red: the profile accepts plain http to a host that is not this machine. */
    insecure: (p: P) => Boolean(p.insecure) && urls(p).some((u) => plainHttpRefusal(u, policy) !== undefined),
    /** The login would travel in clear (plain http to a host other than this machine). */
    plainHttp: (p: P) => urls(p).some((u) => plainHttpRefusal(u, policy) !== undefined),
    refusal,
  };
}
