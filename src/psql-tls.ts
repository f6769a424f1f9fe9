// Verified TLS for psql: where the provider publishes the CA that signs its servers' certificates (ClickHouse
// Cloud's /caCertificates), fetch it once, keep it 0600 in the config directory, and connect with
// sslmode=verify-full. When it cannot be had, psql still connects with sslmode=require (encrypted, the server
// not verified), and the caller shows the one-line note this returns.
import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster, ConnectionInfo, Provider } from './api/types.js';
import { describeError } from './api/errors.js';
import { oneLine } from './text/safe.js';

/** A cached CA older than this is fetched again (a failed refresh keeps using the cached one). */
export const CA_MAX_AGE_MS = 7 * 86_400_000;
const FETCH_TIMEOUT_MS = 10_000;
/** A CA bundle bigger than this is not a CA bundle. */
const CA_MAX_BYTES = 256 * 1024;

export interface VerifiedConnection {
  conn: ConnectionInfo;
  /** One line to show when psql falls back to sslmode=require. */
  note?: string;
}

const fileName = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);

export function caPath(configDir: string, cluster: Pick<Cluster, 'profile' | 'id'>): string {
  return join(configDir, 'ca', `${fileName(cluster.profile)}--${fileName(cluster.id)}.pem`);
}

/** The PEM certificates in `text`, each parsed; throws when there is none or one does not parse. */
export function checkPem(text: string): string {
  if (text.length > CA_MAX_BYTES) throw new Error('the CA bundle is too big');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error('the answer holds no PEM certificate');
  for (const b of blocks) new X509Certificate(b);
  return `${blocks.join('\n')}\n`;
}

function cached(path: string, now: number): { pem: string; fresh: boolean } | undefined {
  try {
    const st = statSync(path);
    return { pem: checkPem(readFileSync(path, 'utf8')), fresh: now - st.mtimeMs < CA_MAX_AGE_MS };
  } catch {
    return undefined;
  }
}

function store(path: string, pem: string): void {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, pem, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** `conn` upgraded to verify-full with the provider's CA, or `conn` as it was with a note saying why not. */
export async function verifiedConnection(provider: Provider, cluster: Cluster, conn: ConnectionInfo, configDir: string, now = Date.now()): Promise<VerifiedConnection> {
  // Only an encrypted-but-unverified connection is upgraded: a profile's own sslmode/sslrootcert stays as set.
  // An explicit `connect.sslmode: "require"` (an SSH tunnel to 127.0.0.1, whose certificate names the real host)
  // is the user's choice too.
  if (conn.sslmode !== 'require' || conn.sslmodeFromProfile || conn.sslrootcert || typeof provider.caCertificates !== 'function') return { conn };
  const path = caPath(configDir, cluster);
  const have = cached(path, now);
  if (have?.fresh) return { conn: { ...conn, sslmode: 'verify-full', sslrootcert: path } };
  try {
    const pem = checkPem(await provider.caCertificates(cluster.id, AbortSignal.timeout(FETCH_TIMEOUT_MS)));
    store(path, pem);
    return { conn: { ...conn, sslmode: 'verify-full', sslrootcert: path } };
  } catch (err) {
    if (have) return { conn: { ...conn, sslmode: 'verify-full', sslrootcert: path } };
    const why = oneLine(describeError(err), 200);
    return { conn, note: `pgtui: note: no CA certificate for ${oneLine(cluster.name, 80)} (${why}); psql connects with sslmode=require: encrypted, but the server is not verified` };
  }
}
