// What every provider's profile has, and what every provider is constructed with.
import type { SecretStore, SslMode } from './types.js';
import type { RetryPolicy } from './http.js';

export interface ProfileCommon {
  /** Unique name the user picked ("prod-eu"); shown in the list and used in `--profile`. */
  name: string;
  /** Hides create/update/delete for this profile. */
  readOnly?: boolean;
  /** read-only, protected (changes need the cluster's name typed) or normal; src/api/protection.ts. */
  protection?: import('./protection.js').Protection;
  /** Where it came from: the config file, environment variables, or the demo. Env profiles are not saved. */
  source?: 'file' | 'env' | 'demo';
  /** Overrides where psql connects (an SSH tunnel, a kubectl port-forward, the demo's local PostgreSQL). */
  connect?: { host?: string; port?: number; sslmode?: SslMode; sslrootcert?: string };
  /** Accepts what is not safe: plain http:// to a host other than this machine (api/http-plain.ts; PGO: also no certificate checks). Marked in red. */
  insecure?: boolean;
  /** Request timeout in ms (default 15000). */
  timeoutMs?: number;
  /** Overrides the provider's request budget (docs/polling-store.md): this many requests per window. */
  rateLimit?: { requests: number; windowSeconds: number };
}

/** Shared dependencies handed to every provider constructor. */
export interface ProviderDeps {
  secrets: SecretStore;
  retry?: RetryPolicy;
  /** Test hook: undici dispatcher for every request. */
  dispatcher?: import('undici').Dispatcher;
}
