// What IONOS v1 and v2 share: Basic or Bearer auth from a profile, and the psql connection of a cluster
// (the profile's `connect` override, the login pgtui stored at create, sslmode require or verify-full with a CA).
import type { Auth, HttpClientOptions } from '../core/http.js';
import type { ProviderDeps } from '../core/profile-common.js';
import { budgetOf } from '../core/budget-profile.js';
import { errorMessage } from './wire.js';
import { digest, type RatePolicy } from '../core/budget-profile.js';
import type { IonosV1Profile } from '../ionos-v1/profile.js';
import type { IonosV2Profile } from '../ionos-v2/profile.js';
import { readClusterSecret, type Cluster, type ConnectionInfo, type SecretStore } from '../core/types.js';

export const IONOS_PORT = 5432;

/** Chosen, not documented: 120 requests a minute per user or token, shared by v1 and v2 (docs/polling-store.md). */
export const IONOS_RATE: RatePolicy<IonosV1Profile | IonosV2Profile> = {
  limits: { requests: 120, windowMs: 60_000 },
  throttledBy: 'IONOS',
  credential: (p) => `ionos:${p.username ? `user:${p.username}` : `token:${digest(p.token ?? '')}`}`,
};

export function ionosAuth(prof: IonosV1Profile | IonosV2Profile): Auth {
  if (prof.token) return { type: 'bearer', token: prof.token };
  if (prof.username) return { type: 'basic', username: prof.username, password: prof.password ?? '' };
  return { type: 'none' };
}

/** The HTTP client of either IONOS API, one endpoint (`baseUrl`): the shared budget, auth, contract header and errors. */
export function ionosHttp(prof: IonosV1Profile | IonosV2Profile, deps: ProviderDeps, baseUrl: string): HttpClientOptions {
  return {
    budget: budgetOf(prof, IONOS_RATE),
    baseUrl,
    auth: ionosAuth(prof),
    headers: prof.contractNumber ? { 'X-Contract-Number': String(prof.contractNumber) } : undefined,
    timeoutMs: prof.timeoutMs,
    retry: deps.retry,
    dispatcher: deps.dispatcher,
    plainHttp: { insecure: prof.insecure, login: IONOS_LOGIN },
    errorMessage,
  };
}

export function ionosConnection(prof: IonosV1Profile | IonosV2Profile, secrets: SecretStore, cluster: Cluster): ConnectionInfo {
  const secret = readClusterSecret(secrets, cluster);
  const over = prof.connect ?? {};
  const host = over.host ?? cluster.host;
  const info: ConnectionInfo = {
    host,
    port: over.port ?? cluster.port ?? IONOS_PORT,
    database: secret?.database ?? cluster.database ?? 'postgres',
    user: secret?.user ?? cluster.user,
    sslmode: over.sslmode ?? (over.sslrootcert ? 'verify-full' : 'require'),
    password: secret?.password,
  };
  if (over.sslrootcert) info.sslrootcert = over.sslrootcert;
  if (!host) info.unreachableReason = 'the cluster has no DNS name yet (it gets one once provisioned)';
  return info;
}

/** What an IONOS request carries (http-plain.ts names it when refusing plain http). */
export const IONOS_LOGIN = 'the IONOS login (Basic auth or token)';
