// Verified TLS for psql: where the provider publishes the CA that signs its servers' certificates (ClickHouse
// Cloud's /caCertificates), fetch it once, keep it 0600 in the config directory (through the trusted-file
// reader/writer), and connect with sslmode=verify-full. A cached CA is checked against the server first (a TLS
// handshake after PostgreSQL's SSLRequest): when it no longer verifies the server (the provider rotated its CA)
// it is fetched again. When no CA can be had, psql still connects with sslmode=require (encrypted, the server
// not verified), and the caller shows the one-line note this returns.
import { X509Certificate } from 'node:crypto';
import { statSync } from 'node:fs';
import { connect, isIP } from 'node:net';
import { join } from 'node:path';
import { checkServerIdentity as tlsCheckName, connect as tlsConnect, type TLSSocket } from 'node:tls';
import { nameHash, readTrusted, writeTrusted } from '../files/trusted-file.js';
import type { Cluster, ConnectionInfo, Provider } from '../api/core/types.js';
import { describeError } from '../api/core/errors.js';
import { oneLine } from '../text/safe.js';

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

/** How long the check of a cached CA against the server may take; after that the cached CA is used as it is. */
const PROBE_TIMEOUT_MS = 5_000;

const readable = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40);

/** One file per (profile, cluster id): the readable part is for people, the hash of both makes it unambiguous. */
export function caPath(configDir: string, cluster: Pick<Cluster, 'profile' | 'id'>): string {
  return join(configDir, 'ca', `${readable(cluster.profile)}-${nameHash(cluster.profile, cluster.id)}.pem`);
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
    const bytes = readTrusted(path, { maxBytes: CA_MAX_BYTES });
    if (!bytes) return undefined;
    return { pem: checkPem(bytes.toString('utf8')), fresh: now - statSync(path).mtimeMs < CA_MAX_AGE_MS };
  } catch {
    return undefined; // damaged, foreign or linked: fetched again and replaced
  }
}

function store(path: string, pem: string): void {
  writeTrusted(path, pem);
}

/**
 * Whether `pem` verifies the PostgreSQL server at host:port (its chain and its name, as verify-full does): true,
 * false, or undefined when that cannot be told (unreachable, no TLS, too slow).
 */
export function caVerifiesServer(host: string, port: number, pem: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let tls: TLSSocket | undefined;
    const socket = connect({ host, port });
    const done = (result: boolean | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      // Ended on a later turn: tearing a TLS socket (or the socket under it) down inside its own callbacks
      // crashes this Node.
      setImmediate(() => (tls ?? socket).destroy());
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on('error', () => done(undefined));
    // PostgreSQL's SSLRequest: length 8, code 80877103; the server answers one byte, S (TLS follows) or N.
    socket.once('connect', () => socket.write(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])));
    socket.once('data', (answer) => {
      if (answer.length !== 1 || answer[0] !== 0x53) return done(undefined);
      tls = tlsConnect({ socket, ca: pem, servername: isIP(host) ? undefined : host, rejectUnauthorized: false });
      tls.on('error', () => done(undefined));
      tls.once('secureConnect', () => {
        const cert = tls!.getPeerCertificate();
        done(tls!.authorized && cert !== undefined && !tlsCheckName(host, cert));
      });
    });
  });
}

/** `conn` upgraded to verify-full with the provider's CA, or `conn` as it was with a note saying why not. */
export async function verifiedConnection(provider: Provider, cluster: Cluster, conn: ConnectionInfo, configDir: string, now = Date.now()): Promise<VerifiedConnection> {
  // Only an encrypted-but-unverified connection is upgraded: a profile's own sslmode/sslrootcert stays as set.
  // An explicit `connect.sslmode: "require"` (an SSH tunnel to 127.0.0.1, whose certificate names the real host)
  // is the user's choice too.
  if (conn.sslmode !== 'require' || conn.sslmodeFromProfile || conn.sslrootcert || typeof provider.caCertificates !== 'function') return { conn };
  const path = caPath(configDir, cluster);
  let have = cached(path, now);
  // A rotated CA: the cached one no longer verifies the server, so it is fetched again (not used for days).
  if (have && conn.host && (await caVerifiesServer(conn.host, conn.port ?? 5432, have.pem)) === false) have = { ...have, fresh: false };
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
