// The HTTP client hands back the very same parsed object for a GET whose body did not change (a list page polled
// again), so callers skip decoding it; anything else is parsed afresh.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/api/http.js';

let server: Server;
let body = '{"items":[1,2,3]}';
let client: HttpClient;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  client = new HttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await client.close();
  await new Promise((r) => server.close(r));
});

describe('GET body reuse', () => {
  it('an unchanged body is the same object; a changed one is new; other URLs and methods are separate', async () => {
    const a = await client.json<{ items: number[] }>({ method: 'GET', path: '/page', query: { offset: 0 } });
    const b = await client.json<{ items: number[] }>({ method: 'GET', path: '/page', query: { offset: 0 } });
    expect(b).toBe(a);
    const other = await client.json({ method: 'GET', path: '/page', query: { offset: 100 } });
    expect(other).not.toBe(a);
    expect(other).toEqual(a);
    const put = await client.json({ method: 'PUT', path: '/page', query: { offset: 0 }, body: {} });
    expect(put).not.toBe(a);
    body = '{"items":[1,2,3,4]}';
    const c = await client.json<{ items: number[] }>({ method: 'GET', path: '/page', query: { offset: 0 } });
    expect(c).not.toBe(a);
    expect(c.items).toEqual([1, 2, 3, 4]);
  });
});
