import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { generateTestPki, type TestPki } from '../../src/fake/certs.js';
import { rig, type Rig } from './pgo-helpers.js';

let pki: TestPki;
let r: Rig;

beforeAll(() => {
  pki = generateTestPki();
});
beforeEach(async () => {
  r = await rig(pki, { users: { admin: 'examplepassword', viewer: 'viewpass' }, permissions: { viewer: ['Version', 'ShowCluster'] } });
  r.fake.addCluster({ name: 'hippo' });
});
afterEach(async () => {
  await r.close();
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

const shows = () => r.fake.requests.filter((q) => q.path === '/showclusters').length;

describe('transient failures', () => {
  it('retries a rate-limited read', async () => {
    r.fake.inject({ rateLimitSeconds: 0, match: /showclusters/, times: 2 });
    expect((await r.provider().list()).clusters).toHaveLength(1);
    expect(shows()).toBe(3);
  });

  it('retries a 503 on a read (showclusters is marked idempotent)', async () => {
    r.fake.inject({ status: 503, message: 'upstream connect error', match: /showclusters/, times: 1 });
    expect((await r.provider().list()).clusters).toHaveLength(1);
    expect(shows()).toBe(2);
  });

  it('does not repeat a create after a 503', async () => {
    r.fake.inject({ status: 503, match: /POST \/clusters$/, times: 1 });
    const err = await rejection(r.provider().create({ name: 'orca' }));
    expect(err.kind).toBe('server');
    expect(r.fake.requests.filter((q) => q.path === '/clusters')).toHaveLength(1);
  });

  it('surfaces a 500 as a server error with its text', async () => {
    r.fake.inject({ status: 500, message: 'etcdserver: request timed out', match: /showclusters/ });
    const err = await rejection(r.provider().list());
    expect(err.kind).toBe('server');
    expect(err.status).toBe(500);
    expect(err.providerMessage).toBe('etcdserver: request timed out');
  });

  it('times out a hung request', async () => {
    r.fake.inject({ hang: true, match: /showclusters/ });
    const err = await rejection(r.provider({ timeoutMs: 250 }).list());
    expect(err.kind).toBe('timeout');
  });

  it('reports a truncated body as malformed', async () => {
    r.fake.inject({ malformed: true, match: /showclusters/ });
    expect((await rejection(r.provider().list())).kind).toBe('malformed');
  });

  it('reports an HTML page from a proxy', async () => {
    r.fake.inject({ htmlStatus: 502, match: /showclusters/ });
    const err = await rejection(r.provider().list());
    expect(err.kind).toBe('server');
    expect(err.providerMessage).toMatch(/HTML error page/);
  });
});

describe('authentication and authorisation', () => {
  it('revoked credentials → auth with the apiserver text', async () => {
    const p = r.provider();
    await p.list();
    r.fake.inject({ revoked: true });
    const err = await rejection(p.list());
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.providerMessage).toBe('Not authenticated in apiserver');
  });

  it('a wrong password → auth', async () => {
    const err = await rejection(r.provider({ password: 'nope' }).verify());
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('401 Unauthorized: Not authenticated in apiserver');
  });

  it('a role without the permission → forbidden', async () => {
    const p = r.provider({ username: 'viewer', password: 'viewpass' });
    expect((await p.list()).clusters).toHaveLength(1);
    const err = await rejection(p.remove('hippo'));
    expect(err.kind).toBe('forbidden');
    expect(err.providerMessage).toBe('Not authorized for this apiserver action');
  });

  it('an application error inside HTTP 200 → provider with Msg', async () => {
    const err = await rejection(r.provider({ namespace: 'foo' }).verify());
    expect(err.kind).toBe('provider');
    expect(err.status).toBe(200);
    expect(err.providerMessage).toBe('namespace [foo] is not part of the Operator installation');
  });

  it('a server upgraded under the client → version-mismatch, then recovers', async () => {
    const p = r.provider();
    await p.list();
    r.fake.serverVersion = '4.3.2';
    const err = await rejection(p.list());
    expect(err.kind).toBe('version-mismatch');
    expect(err.providerMessage).toBe('pgo client and server version mismatch');
    expect((await p.list()).clusters).toHaveLength(1); // asked /version again
    expect(r.fake.requests.filter((q) => q.path === '/version')).toHaveLength(2);
  });
});

describe('TLS', () => {
  it('no client certificate → forbidden with the server text', async () => {
    const err = await rejection(r.provider({ clientCert: undefined, clientKey: undefined }).list());
    expect(err.kind).toBe('forbidden');
    expect(err.status).toBe(403);
    expect(err.providerMessage).toBe('Forbidden: Client Certificate Required');
  });

  it('a server certificate from an untrusted CA → tls', async () => {
    const err = await rejection(r.provider({ caCert: r.paths.otherCaCert }).list());
    expect(err.kind).toBe('tls');
  });

  it('a client certificate from another CA is refused at the connection', async () => {
    const err = await rejection(r.provider({ clientCert: r.paths.strangerClientCert, clientKey: r.paths.strangerClientKey }).list());
    // Node, like Go's VerifyClientCertIfGiven, drops the connection; undici sees it closed.
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/closed unexpectedly/);
    expect(r.fake.requests.length).toBeGreaterThan(0);
  });

  it('TLS_NO_VERIFY on the server accepts that certificate', async () => {
    await r.close();
    r = await rig(pki, { tlsNoVerify: true });
    r.fake.addCluster({ name: 'hippo' });
    expect((await r.provider({ clientCert: r.paths.strangerClientCert, clientKey: r.paths.strangerClientKey }).list()).clusters).toHaveLength(1);
  });

  it('an insecure profile works without a CA', async () => {
    const p = r.provider({ caCert: undefined, insecure: true });
    expect((await p.list()).clusters).toHaveLength(1);
    // ...and a CA path that does not exist is not even read when insecure.
    expect((await r.provider({ caCert: '/nonexistent/ca.crt', insecure: true }).list()).clusters).toHaveLength(1);
  });

  it('without a CA and not insecure, the self-signed chain is refused', async () => {
    expect((await rejection(r.provider({ caCert: undefined }).list())).kind).toBe('tls');
  });

  it('a missing certificate file → config error naming the path', async () => {
    const err = await rejection(r.provider({ clientKey: '/nonexistent/pgo/client.key' }).list());
    expect(err.kind).toBe('config');
    expect(err.message).toBe('client key file /nonexistent/pgo/client.key does not exist');
  });
});
