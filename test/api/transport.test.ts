// Both transports (src/api/core/transport.ts: Node's http/https, the default, and undici) run http.ts's one
// pipeline: the same answers, the same typed errors, the same bounds. Every case runs once per transport
// against a loopback server of its own.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, transportKind, type HttpClientOptions } from '../../src/api/core/http.js';
import { ApiError } from '../../src/api/core/errors.js';
import type { TransportKind } from '../../src/api/core/transport.js';
import { generateTestPki, type TestPki } from '../../src/fake/certs.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let pki: TestPki;
beforeAll(() => {
  pki = generateTestPki();
});

const servers: Array<http.Server> = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});
afterAll(() => undefined);

async function serve(handler: Handler, tls = false): Promise<{ url: string; seen: http.IncomingMessage[] }> {
  const seen: http.IncomingMessage[] = [];
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push(req);
    res.on('error', () => {});
    handler(req, res);
  };
  const server = tls ? https.createServer({ key: pki.server.key, cert: pki.server.cert }, onRequest) : http.createServer(onRequest);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const NO_RETRY = { retries: 0, baseDelayMs: 1, maxDelayMs: 1 };

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

it('uses Node http/https unless PGTUI_HTTP=undici', () => {
  expect(transportKind({})).toBe('node');
  expect(transportKind({ PGTUI_HTTP: 'undici' })).toBe('undici');
  expect(transportKind({ PGTUI_HTTP: 'something' })).toBe('node');
});

describe.each<TransportKind>(['node', 'undici'])('%s transport', (transport) => {
  const client = (url: string, opts: Partial<HttpClientOptions> = {}) => {
    const c = new HttpClient({ baseUrl: url, transport, retry: NO_RETRY, ...opts });
    clients.push(c);
    return c;
  };

  it('sends method, auth, query and a JSON body, and decodes the JSON answer', async () => {
    let body = '';
    const { url, seen } = await serve((req, res) => {
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-extra': 'yes' });
        res.end(JSON.stringify({ ok: true, got: JSON.parse(body) }));
      });
    });
    const res = await client(url, { auth: { type: 'basic', username: 'u', password: 'p' } }).request<{ ok: boolean; got: unknown }>({
      method: 'POST',
      path: '/things',
      query: { limit: 5, skip: undefined },
      body: { name: 'a' },
    });
    expect(res.status).toBe(201);
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.data).toEqual({ ok: true, got: { name: 'a' } });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('/things?limit=5');
    expect(seen[0].headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('keeps the connection for the next request', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const c = client(url);
    await c.json({ method: 'GET', path: '/a' });
    await new Promise((resolve) => setImmediate(resolve)); // undici frees the connection a turn after the body
    await c.json({ method: 'GET', path: '/b' });
    expect(seen).toHaveLength(2);
    expect(seen[1].socket).toBe(seen[0].socket);
  });

  it('a status error carries the provider message and Retry-After', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end(JSON.stringify({ message: 'slow down' }));
    });
    const err = await failure(client(url, { errorMessage: (_s, b) => (b as { message?: string }).message }).json({ method: 'GET', path: '/' }));
    expect(err.kind).toBe('rate-limit');
    expect(err.message).toContain('slow down');
    expect(err.retryAfterMs).toBe(7000);
  });

  it('refuses a redirect without following it', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/steal?token=x' });
      res.end();
    });
    const err = await failure(client(url).json({ method: 'GET', path: '/' }));
    expect(err.message).toContain('a redirect to https://elsewhere.example/steal; not followed');
    expect(seen).toHaveLength(1);
  });

  it('drops an answer over the size cap, declared or streamed', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        res.end('x'.repeat(5000));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write('x'.repeat(1024)), 1);
      res.on('close', () => clearInterval(timer));
    });
    const c = client(url, { maxBytes: 4096 });
    expect((await failure(c.json({ method: 'GET', path: '/declared' }))).message).toContain('exceeded 4 KB');
    expect((await failure(c.json({ method: 'GET', path: '/stream' }))).message).toContain('exceeded 4 KB');
  });

  it('times out waiting for headers, and between body chunks', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
      }
      // otherwise: never answers
    });
    const c = client(url, { timeoutMs: 200, deadlineMs: 5_000 });
    const headers = await failure(c.json({ method: 'GET', path: '/headers' }));
    expect([headers.kind, headers.message]).toEqual(['timeout', expect.stringContaining('no answer from 127.0.0.1')]);
    const body = await failure(c.json({ method: 'GET', path: '/body' }));
    expect([body.kind, body.message]).toEqual(['timeout', expect.stringContaining('no answer from 127.0.0.1')]);
  });

  it('ends a body that keeps dripping at the overall deadline', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    const err = await failure(client(url, { timeoutMs: 1_000, deadlineMs: 300 }).json({ method: 'GET', path: '/' }));
    expect(err.message).toContain('did not finish answering within 0.3 s');
  });

  it('a cancel stops the request', async () => {
    const { url, seen } = await serve(() => undefined);
    const ctl = new AbortController();
    const pending = client(url).json({ method: 'GET', path: '/', signal: ctl.signal });
    for (let i = 0; i < 200 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    ctl.abort();
    expect((await failure(pending)).message).toBe('request cancelled');
  });

  it('a connection closed mid-body is a network error, and is retried for a GET', async () => {
    const { url, seen } = await serve((_req, res) => {
      if (seen.length === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('[1,');
        setImmediate(() => res.socket?.destroy());
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[1,2]');
    });
    const once = await failure(client(url).json({ method: 'GET', path: '/' }));
    expect([once.kind, once.message]).toEqual(['network', expect.stringContaining('closed unexpectedly')]);
    seen.length = 0;
    expect(await client(url, { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 10 } }).json({ method: 'GET', path: '/' })).toEqual([1, 2]);
    expect(seen).toHaveLength(2);
  });

  it('connection refused is a network error', async () => {
    const { url } = await serve(() => undefined);
    servers[0].close();
    servers[0].closeAllConnections();
    servers.splice(0);
    const err = await failure(client(url).json({ method: 'GET', path: '/' }));
    expect([err.kind, err.message]).toEqual(['network', expect.stringContaining('connection refused by 127.0.0.1')]);
  });

  it('TLS: verifies the server against the profile CA, names a failure, and skips the check only when insecure', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tls":true}');
    }, true);
    expect(await client(url, { tls: { ca: pki.ca.cert } }).json({ method: 'GET', path: '/' })).toEqual({ tls: true });
    const err = await failure(client(url).json({ method: 'GET', path: '/' }));
    expect([err.kind, err.message]).toEqual(['tls', expect.stringContaining('the server certificate is not signed by the configured CA')]);
    const other = await failure(client(url, { tls: { ca: pki.otherCa.cert } }).json({ method: 'GET', path: '/' }));
    expect(other.kind).toBe('tls');
    expect(await client(url, { tls: { insecure: true } }).json({ method: 'GET', path: '/' })).toEqual({ tls: true });
  });
});
