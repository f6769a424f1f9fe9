// Profiles that come from each ecosystem's own environment variables, so a user who already has them set
// sees their clusters with no login at all (docs/profiles.md).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../api/profile.js';
import { isPlainHttp } from '../api/pgo/plain-http.js';

function readPgoUser(env: NodeJS.ProcessEnv, home: string, read: (p: string) => string): { username: string; password: string } | undefined {
  const candidates = [env.PGOUSER, join(home, '.pgouser'), '/etc/pgo/pgouser'].filter((p): p is string => Boolean(p));
  for (const path of candidates) {
    let text: string;
    try {
      text = read(path);
    } catch {
      continue;
    }
    const line = text.split('\n').find((l) => l.trim() !== '');
    const i = line?.indexOf(':') ?? -1;
    if (line && i > 0) return { username: line.slice(0, i).trim(), password: line.slice(i + 1).trim() };
  }
  return undefined;
}

export function profilesFromEnv(env: NodeJS.ProcessEnv, home = homedir(), read: (p: string) => string = (p) => readFileSync(p, 'utf8')): Profile[] {
  const out: Profile[] = [];
  const ionosAuth = env.IONOS_TOKEN ? { token: env.IONOS_TOKEN } : env.IONOS_USERNAME && env.IONOS_PASSWORD ? { username: env.IONOS_USERNAME, password: env.IONOS_PASSWORD } : undefined;
  if (ionosAuth) {
    const common = { source: 'env' as const, contractNumber: env.IONOS_CONTRACT_NUMBER || undefined, ...ionosAuth };
    // IONOS_API_URL overrides the v1 host (the SDK convention); v2 is regional and keeps its template.
    out.push({ name: 'env-ionos', kind: 'ionos-v1', apiUrl: env.IONOS_API_URL ? `${env.IONOS_API_URL.replace(/\/+$/, '')}${/\/databases\/postgresql$/.test(env.IONOS_API_URL.replace(/\/+$/, '')) ? '' : '/databases/postgresql'}` : undefined, ...common });
    out.push({ name: 'env-ionos-v2', kind: 'ionos-v2', ...common });
  }
  if (env.CLICKHOUSE_CLOUD_API_KEY && env.CLICKHOUSE_CLOUD_API_SECRET) {
    out.push({
      name: 'env-clickhouse', kind: 'clickhouse', source: 'env',
      keyId: env.CLICKHOUSE_CLOUD_API_KEY, keySecret: env.CLICKHOUSE_CLOUD_API_SECRET,
      organizationId: env.CLICKHOUSE_ORG_ID || undefined, apiUrl: env.CLICKHOUSE_API_URL || undefined,
    });
  }
  if (env.PGO_APISERVER_URL) {
    const creds = env.PGOUSERNAME && env.PGOUSERPASS ? { username: env.PGOUSERNAME, password: env.PGOUSERPASS } : readPgoUser(env, home, read);
    if (creds) {
      out.push({
        name: 'env-pgo', kind: 'pgo', source: 'env', apiUrl: env.PGO_APISERVER_URL, namespace: env.PGO_NAMESPACE || 'pgo',
        caCert: env.PGO_CA_CERT || undefined, clientCert: env.PGO_CLIENT_CERT || undefined, clientKey: env.PGO_CLIENT_KEY || undefined,
        // The pgo client's own switch for an apiserver running without TLS; only meaningful with an http:// URL.
        insecure: isPlainHttp(env.PGO_APISERVER_URL) && /^(1|true|yes)$/i.test(env.DISABLE_TLS ?? '') ? true : undefined,
        ...creds,
      });
    }
  }
  return out;
}
