// A listing that never ends stops at its deadline (--timeout; 60 s by default): against a server that always
// answers a full page of new ids, at IONOS's documented 120 requests a minute, `ls` used to run ~20 minutes
// (2,500 pages) silent. Now it keeps what it listed, warns in one line, exits 3, and says how far it got on a
// terminal's stderr once it has taken more than 2 s (a pipe gets only the warning). A server that never answers
// a one-page list fails at the deadline.
import { Writable } from 'node:stream';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import type { Context } from '../../src/commands/context.js';
import { listAll } from '../../src/commands/fetch.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { EXIT } from '../../src/commands/exit-codes.js';
import { ensureBuilt } from '../cli/helpers.js';
import { hostileServer, runPgtui, sendJson } from './hostile-server.js';
import { Tally } from './rigs.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/listing-deadline')));
beforeAll(() => ensureBuilt());

const v1Item = (id: string) => ({ id, type: 'cluster', metadata: { state: 'AVAILABLE' }, properties: { displayName: id } });

describe('a listing with a deadline', () => {
  it('endless full pages under the real budget: --timeout 6s keeps what it listed, warns, exits 3, shows progress', async () => {
    tally.try('endless pages');
    const server = await hostileServer((_req, res, q) => {
      const offset = Number(q.get('offset') ?? 0);
      const limit = Number(q.get('limit') ?? 100);
      sendJson(res, { type: 'collection', items: Array.from({ length: limit }, (_, i) => v1Item(`c-${offset + i}`)), offset, limit, _links: { next: 'more' } });
    });
    try {
      // No rateLimit override: IONOS's default budget (120 per minute) paces the pages, as against the real API.
      const profile: Profile = { kind: 'ionos-v1', name: 'endless', apiUrl: server.url, username: 'u', password: 'endless-secret' };
      const r = await runPgtui(['ls', '--json', '--timeout', '6s'], [profile], { timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(EXIT.partial);
      const listed = JSON.parse(r.stdout) as Array<{ id: string }>;
      expect(listed.length).toBeGreaterThan(100);
      expect(new Set(listed.map((c) => c.id)).size).toBe(listed.length);
      const lines = r.stderr.trim().split('\n');
      const warnings = lines.filter((l) => l.startsWith('pgtui: warning: '));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`^pgtui: warning: endless: stopped at the listing's deadline \\(6 s\\) after \\d+ pages \\(${listed.length} clusters\\); more may exist`));
      // stderr is a pipe here: the warning alone, no progress.
      expect(lines).toEqual(warnings);
      expect(r.ms).toBeGreaterThanOrEqual(5_500);
      expect(r.ms).toBeLessThan(20_000);
      console.log(`listing-deadline: ${listed.length} clusters from ${server.requests.length} requests in ${r.ms} ms`);
      tally.ok('endless pages');
    } finally {
      await server.close();
    }
  }, 70_000);

  it('on a terminal the listing says how far it got after 2 s, in one line rewritten in place and erased at the end', async () => {
    tally.try('progress');
    const server = await hostileServer((_req, res, q) => {
      const offset = Number(q.get('offset') ?? 0);
      // A slow last page: the listing takes about 3 s in all.
      setTimeout(() => sendJson(res, { type: 'collection', items: Array.from({ length: offset >= 3_000 ? 5 : 100 }, (_, i) => v1Item(`p-${offset + i}`)), offset, limit: 100 }), offset === 3_000 ? 3_000 : 10);
    });
    let written = '';
    const tty = Object.assign(new Writable({ write: (chunk, _enc, done) => void ((written += String(chunk)), done()) }), { isTTY: true }) as unknown as NodeJS.WriteStream;
    try {
      const profile: Profile = { kind: 'ionos-v1', name: 'slow', apiUrl: server.url, username: 'slow-user', password: 'slow-secret', rateLimit: { requests: 10_000, windowSeconds: 1 } };
      const ctx = { profiles: [profile], providerFor: (p: Profile) => createProvider(p, { secrets: memorySecretStore() }) } as unknown as Context;
      const listing = await listAll(ctx, { timeoutMs: 30_000, progress: tty });
      expect(listing.clusters).toHaveLength(3_005);
      expect(written).toMatch(/\r\u001b\[Kpgtui: listing for \d+(\.\d)? s: [\d,]+ clusters so far; waiting for slow \(stops at 30 s, --timeout to change\)/);
      expect(written.endsWith('\r\u001b[K')).toBe(true);
      expect(written).not.toContain('\n');
      tally.ok('progress');
    } finally {
      await server.close();
    }
  }, 40_000);

  it('a one-page list that never answers fails at the deadline in one line; the other profile is listed', async () => {
    tally.try('no answer');
    const silent = await hostileServer(() => {});
    const fine = await hostileServer((_req, res) => sendJson(res, { result: [{ id: 'ok-1', name: 'ok-1', state: 'running' }] }));
    try {
      const profiles: Profile[] = [
        { kind: 'clickhouse', name: 'silent', apiUrl: silent.url, keyId: 'k', keySecret: 'silent-secret', organizationId: 'o', timeoutMs: 60_000 },
        { kind: 'clickhouse', name: 'fine', apiUrl: fine.url, keyId: 'k2', keySecret: 'fine-secret', organizationId: 'o' },
      ];
      const r = await runPgtui(['ls', '--timeout', '3s'], profiles, { timeoutMs: 40_000 });
      expect(r.code).toBe(EXIT.partial);
      expect(r.stdout).toMatch(/^ok-1\s/m);
      const errors = r.stderr.trim().split('\n').filter((l) => !l.startsWith('pgtui: listing for '));
      expect(errors).toEqual(["pgtui: silent: no complete answer within 3 s (the listing's deadline; --timeout gives it longer)"]);
      expect(r.ms).toBeLessThan(15_000);
      tally.ok('no answer');
    } finally {
      await silent.close();
      await fine.close();
    }
  }, 50_000);
});
