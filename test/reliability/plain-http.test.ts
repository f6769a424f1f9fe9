// Plain http:// is refused for every provider (src/api/core/http-plain.ts) unless the host is this machine or the
// profile says `insecure`: a server of our own, reached over a non-loopback address of this machine, records
// every Authorization header, and a typo'd http:// must reach it with none. With `insecure` the requests go and
// `profile list` marks the profile INSECURE.
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, plainHttpRefusal } from '../../src/api/core/http-plain.js';
import type { Profile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import { EXIT } from '../../src/commands/exit-codes.js';
import { ensureBuilt } from '../cli/helpers.js';
import { hostileServer, runPgtui, sendJson, type HostileServer } from './hostile-server.js';
import { Tally } from './rigs.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/plain-http')));
beforeAll(() => ensureBuilt());

/** An IPv4 address of this machine that is not loopback (the "remote" host), if there is one. */
const REMOTE = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
if (!REMOTE) console.warn('SKIPPED: no non-loopback IPv4 address, so the plain-http server cases did not run');

describe('the rule', () => {
  it('loopback is 127.0.0.0/8, ::1 and localhost as written; anything else is refused unless insecure', () => {
    tally.try('rule');
    for (const h of ['127.0.0.1', '127.8.9.10', '[::1]', '::1', 'localhost', 'LOCALHOST', 'localhost.']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', '127.0.0.1.evil.example', '[::ffff:127.0.0.1]', 'localhost.evil.example', '128.0.0.1', 'example.com']) expect(isLoopbackHost(h), h).toBe(false);
    expect(plainHttpRefusal('http://127.0.0.1:8080/x')).toBeUndefined();
    expect(plainHttpRefusal('https://db.example.com')).toBeUndefined();
    expect(plainHttpRefusal('http://user:pw@db.example.com:8080/v1', { login: 'the IONOS login' })).toBe(
      'plain http:// would send the IONOS login in clear to db.example.com:8080: use https://, or set "insecure": true on the profile in config.json to accept that',
    );
    expect(plainHttpRefusal('http://db.example.com', { insecure: true })).toBeUndefined();
    expect(plainHttpRefusal('http://127.0.0.1', { loopback: false })).toMatch(/^plain http:\/\//);
    tally.ok('rule');
  });
});

const profiles = (url: string, insecure?: boolean): Profile[] => [
  { kind: 'ionos-v1', name: 'p-v1', apiUrl: url, username: 'u', password: 'clear-v1', insecure },
  { kind: 'ionos-v2', name: 'p-v2', endpoints: { 'de/fra': url }, locations: ['de/fra'], username: 'u', password: 'clear-v2', insecure },
  { kind: 'clickhouse', name: 'p-ch', apiUrl: url, keyId: 'k', keySecret: 'clear-ch', organizationId: 'org', insecure },
];

describe.skipIf(!REMOTE)('a typo\'d http:// to another host', () => {
  let server: HostileServer;
  let url: string;
  beforeAll(async () => {
    server = await hostileServer((_req, res) => sendJson(res, { items: [], result: [] }), '0.0.0.0');
    url = `http://${REMOTE}:${server.port}`;
  });
  afterAll(() => server.close());

  it('ls: each provider refuses in one line, exit 1, and nothing reaches the server', async () => {
    tally.try('refused (CLI)');
    const r = await runPgtui(['ls'], profiles(url));
    expect(r.code).toBe(EXIT.error);
    const lines = r.stderr.trim().split('\n').sort();
    expect(lines).toHaveLength(3);
    for (const [name, login] of [['p-ch', 'the ClickHouse API key'], ['p-v1', 'the IONOS login'], ['p-v2', 'the IONOS login']]) {
      expect(lines.find((l) => l.includes(`${name}: `)), r.stderr).toContain(`plain http:// would send ${login}`);
    }
    expect(server.requests).toEqual([]);
    tally.ok('refused (CLI)');
  });

  it('the providers themselves refuse before any request (verify, list, get)', async () => {
    tally.try('refused (provider)');
    for (const p of profiles(url)) {
      const provider = createProvider(p, { secrets: memorySecretStore() });
      await expect(provider.list()).rejects.toThrow(/plain http:\/\/ would send/);
      await expect(provider.verify()).rejects.toThrow(/plain http:\/\/ would send/);
      await expect(provider.get('x')).rejects.toThrow(/plain http:\/\/ would send/);
    }
    expect(server.requests).toEqual([]);
    tally.ok('refused (provider)');
  });

  it('with insecure: the requests go (credentials in clear, as asked) and profile list marks each INSECURE', async () => {
    tally.try('insecure allowed');
    const r = await runPgtui(['ls'], profiles(url, true));
    expect(r.stderr).not.toMatch(/plain http/);
    expect(server.requests.some((q) => q.headers.authorization)).toBe(true);
    const list = await runPgtui(['profile', 'list'], profiles(url, true));
    for (const name of ['p-v1', 'p-v2', 'p-ch']) expect(list.stdout).toMatch(new RegExp(`${name}\\s.*INSECURE \\(plain http\\)`));
    tally.ok('insecure allowed');
  });
});
