// What a provider needs to be constructed: one profile's settings and secrets.
import type { ProviderKind, SecretStore, SslMode } from './types.js';
import type { RetryPolicy } from './http.js';

interface ProfileCommon {
  /** Unique name the user picked ("prod-eu"); shown in the list and used in `--profile`. */
  name: string;
  /** Hides create/update/delete for this profile. */
  readOnly?: boolean;
  /** Where it came from: the config file, environment variables, or the demo. Env profiles are not saved. */
  source?: 'file' | 'env' | 'demo';
  /** Overrides where psql connects (an SSH tunnel, a kubectl port-forward, the demo's local PostgreSQL). */
  connect?: { host?: string; port?: number; sslmode?: SslMode; sslrootcert?: string };
  /** Request timeout in ms (default 15000). */
  timeoutMs?: number;
  /** Overrides the provider's request budget (docs/polling-store.md): this many requests per window. */
  rateLimit?: { requests: number; windowSeconds: number };
}

export interface IonosV1Profile extends ProfileCommon {
  kind: 'ionos-v1';
  /** Default https://api.ionos.com/databases/postgresql (IONOS_API_URL). */
  apiUrl?: string;
  username?: string;
  password?: string;
  token?: string;
  contractNumber?: string;
}

export interface IonosV2Profile extends ProfileCommon {
  kind: 'ionos-v2';
  /** Regional URL template with %s for the location ("de-txl"); default https://postgresql.%s.ionos.com. */
  apiUrl?: string;
  /** Per-location base URLs, overriding the template (location "de/txl" → URL). */
  endpoints?: Record<string, string>;
  /** Only these locations (default: all nine). */
  locations?: string[];
  username?: string;
  password?: string;
  token?: string;
  contractNumber?: string;
}

export interface ClickHouseProfile extends ProfileCommon {
  kind: 'clickhouse';
  /** Default https://api.clickhouse.cloud (CLICKHOUSE_API_URL). */
  apiUrl?: string;
  keyId: string;
  keySecret: string;
  /** Discovered from GET /v1/organizations when absent. */
  organizationId?: string;
}

export interface PgoProfile extends ProfileCommon {
  kind: 'pgo';
  /** e.g. https://127.0.0.1:8443 (PGO_APISERVER_URL). */
  apiUrl: string;
  namespace: string;
  /** Paths to PEM files (PGO_CA_CERT, PGO_CLIENT_CERT, PGO_CLIENT_KEY). */
  caCert?: string;
  clientCert?: string;
  clientKey?: string;
  username: string;
  password: string;
  /** Skip server certificate verification. Explicit, and marked in red in the UI. */
  insecure?: boolean;
}

export type Profile = IonosV1Profile | IonosV2Profile | ClickHouseProfile | PgoProfile;

/** Shared dependencies handed to every provider constructor. */
export interface ProviderDeps {
  secrets: SecretStore;
  retry?: RetryPolicy;
  /** Test hook: undici dispatcher for every request. */
  dispatcher?: import('undici').Dispatcher;
}

export const KIND_OF: Record<ProviderKind, Profile['kind']> = {
  'ionos-v1': 'ionos-v1',
  'ionos-v2': 'ionos-v2',
  clickhouse: 'clickhouse',
  pgo: 'pgo',
};
