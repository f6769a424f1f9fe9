// A provider that echoes a secret does not get it shown (src/text/redact.ts, applied where errors are named,
// src/api/registry.ts): a server of our own quotes the submitted password or the profile's API secret back in
// its error, and neither reaches stderr, the error's message, its provider message or its field errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/api/core/errors.js';
import type { Profile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore, type Cluster } from '../../src/api/core/types.js';
import { EXIT } from '../../src/commands/exit-codes.js';
import { redactSecrets } from '../../src/text/redact.js';
import { ensureBuilt } from '../cli/helpers.js';
import { hostileServer, runPgtui, sendJson, type HostileServer } from './hostile-server.js';
import { Tally } from './rigs.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/redact')));

const KEY_SECRET = 'ch-Api-Secret-9931';
const TYPED = 'Typed-Secret-42';
let server: HostileServer;
let body = '';

beforeAll(async () => {
  ensureBuilt();
  // Every error quotes what it was sent: the Authorization header decoded, and the request body.
  server = await hostileServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      body = text;
      const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      if (req.method === 'GET') return sendJson(res, { status: 401, error: `credentials ${auth} are not valid (secret ${encodeURIComponent(KEY_SECRET)})` }, 401);
      sendJson(res, { status: 422, error: `rejected ${text} from ${auth}` }, 422);
    });
  });
});
afterAll(() => server.close());

const profile = (): Profile => ({ kind: 'clickhouse', name: 'echo', apiUrl: server.url, keyId: 'key-id', keySecret: KEY_SECRET, organizationId: 'org' });

describe('secrets echoed by a provider', () => {
  it('ls: the profile\'s API secret quoted in a 401 is shown as ***', async () => {
    tally.try('ls');
    const r = await runPgtui(['ls'], [profile()]);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('credentials key-id:*** are not valid (secret ***)');
    expect(r.stderr).not.toContain(KEY_SECRET);
    expect(r.stderr).not.toContain('9931');
    tally.ok('ls');
  });

  it('a password typed into a change (a settings form) and quoted back in a 422 is shown as ***', async () => {
    tally.try('typed password');
    const provider = createProvider(profile(), { secrets: memorySecretStore() });
    const cluster: Cluster = { profile: 'echo', provider: 'clickhouse', id: 'svc-1', name: 'svc', phase: 'ready', state: 'running', raw: {} };
    const err = await provider.updateSettings!(cluster, { 'pgbouncer.auth_password': TYPED }).then(() => undefined, (e: unknown) => e);
    expect(body).toContain(TYPED); // it was sent, and echoed
    const shown = describeError(err);
    expect(shown).toMatch(/^echo: /);
    expect(shown).toContain('***');
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err))).not.toContain(TYPED);
    expect(shown).not.toContain(TYPED);
    expect(shown).not.toContain(KEY_SECRET);
    tally.ok('typed password');
  });

  it('redactSecrets masks known secrets in their URL-encoded and JSON-escaped forms too', () => {
    tally.try('forms');
    expect(redactSecrets(`a ${KEY_SECRET} b ${encodeURIComponent(KEY_SECRET)} c`)).toBe('a *** b *** c');
    expect(redactSecrets('no secret here')).toBe('no secret here');
    tally.ok('forms');
  });
});
