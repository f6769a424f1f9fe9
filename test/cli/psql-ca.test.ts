// The CA copies psql verifies ClickHouse servers with (src/psql-tls.ts): one unambiguous file per profile and
// cluster, and a cached CA that no longer verifies the server (the provider rotated it) fetched again — checked
// against a PostgreSQL-speaking TLS server of our own (SSLRequest, then the handshake).
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, ConnectionInfo, Provider } from '../../src/api/core/types.js';
import { generateTestPki, type TestPki } from '../../src/fake/certs.js';
import { caPath, caVerifiesServer, verifiedConnection } from '../../src/pg/tls.js';

let pki: TestPki;
let server: Server;
let port: number;
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pgtui-ca-'));
  chmodSync(d, 0o700);
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  pki = generateTestPki();
  // Answers PostgreSQL's SSLRequest with S, then TLS with a certificate for 127.0.0.1 signed by pki.ca.
  server = createServer((socket: Socket) => {
    socket.once('data', (request) => {
      if (request.readUInt32BE(4) !== 80877103) return void socket.destroy();
      socket.write('S');
      const tls = new TLSSocket(socket, { isServer: true, key: pki.server.key, cert: pki.server.cert });
      tls.on('error', () => undefined);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const cluster = (profile: string, id: string) => ({ profile, id, name: 'orders', provider: 'clickhouse', phase: 'ready', state: 'running', raw: {} }) as unknown as Cluster;
const conn = (): ConnectionInfo => ({ host: '127.0.0.1', port, database: 'postgres', user: 'u', sslmode: 'require' }) as ConnectionInfo;

function provider(pem: () => string): Provider & { asked: number } {
  const p = {
    asked: 0,
    async caCertificates() {
      p.asked++;
      return pem();
    },
  };
  return p as unknown as Provider & { asked: number };
}

describe('CA files', () => {
  it('profile ch + id x--y and profile ch--x + id y get different files', () => {
    const dir = temp();
    expect(caPath(dir, { profile: 'ch', id: 'x--y' })).not.toBe(caPath(dir, { profile: 'ch--x', id: 'y' }));
    expect(caPath(dir, { profile: 'a/b', id: 'c' })).not.toBe(caPath(dir, { profile: 'a_b', id: 'c' }));
    expect(dirname(caPath(dir, { profile: '../../x', id: '../y' }))).toBe(join(dir, 'ca'));
  });

  it('the probe tells a CA that verifies the server from one that does not', async () => {
    expect(await caVerifiesServer('127.0.0.1', port, pki.ca.cert)).toBe(true);
    expect(await caVerifiesServer('127.0.0.1', port, pki.otherCa.cert)).toBe(false);
  });

  it('a cached CA that verifies the server is used without asking the provider', async () => {
    const dir = temp();
    const path = caPath(dir, cluster('ch', 'svc-1'));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, pki.ca.cert, { mode: 0o600 });
    const p = provider(() => pki.ca.cert);
    const v = await verifiedConnection(p, cluster('ch', 'svc-1'), conn(), dir);
    expect(v.conn.sslmode).toBe('verify-full');
    expect(p.asked).toBe(0);
  });

  it('a rotated CA (the cached one no longer verifies the server) is fetched again and replaces the copy', async () => {
    const dir = temp();
    const path = caPath(dir, cluster('ch', 'svc-1'));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, pki.otherCa.cert, { mode: 0o600 }); // fresh by its mtime, but the old CA
    const p = provider(() => pki.ca.cert);
    const v = await verifiedConnection(p, cluster('ch', 'svc-1'), conn(), dir);
    expect(p.asked).toBe(1);
    expect(v.conn).toMatchObject({ sslmode: 'verify-full', sslrootcert: path });
    expect(readFileSync(path, 'utf8')).toBe(`${pki.ca.cert.trim()}\n`);
  });

  it('a cached CA that is a symlink or too open is not used; it is fetched again and written as a real 0600 file', async () => {
    const dir = temp();
    const path = caPath(dir, cluster('ch', 'svc-2'));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const planted = join(temp(), 'planted.pem');
    writeFileSync(planted, pki.ca.cert, { mode: 0o600 });
    symlinkSync(planted, path);
    const p = provider(() => pki.ca.cert);
    await verifiedConnection(p, cluster('ch', 'svc-2'), conn(), dir);
    expect(p.asked).toBe(1);
    writeFileSync(path, pki.ca.cert, { mode: 0o644 });
    chmodSync(path, 0o644);
    await verifiedConnection(p, cluster('ch', 'svc-2'), conn(), dir);
    expect(p.asked).toBe(2);
  });
});
