// Server-given delays are bounded (src/api/core/budget-delay.ts): a Retry-After or X-RateLimit-Reset is waited at most
// MAX_SERVER_DELAY_MS; nonsense (huge, 1e308, negative, not a number, a date far away) is a plain 429 with
// pgtui's own backoff; no value makes Node warn (TimeoutOverflowWarning) or a header say "Infinity"; and `r`
// asks again before a provider's pause ends. Hostile loopback servers answer 429 with each value.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Budget, type Notice } from '../../src/api/core/budget.js';
import { MAX_SERVER_DELAY_MS, serverDelayMs } from '../../src/api/core/budget-delay.js';
import type { Profile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import { EXIT } from '../../src/commands/exit-codes.js';
import { createClusterStore } from '../../src/state/store.js';
import type { StoreSnapshot } from '../../src/state/types.js';
import { ensureBuilt } from '../cli/helpers.js';
import { hostileServer, runPgtui, sendJson } from './hostile-server.js';
import { Tally } from './rigs.js';
import { until } from '../poll.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/server-delays')));
beforeAll(() => ensureBuilt());

async function handled(what: string, fn: () => Promise<void> | void): Promise<void> {
  tally.try(what);
  await fn();
  tally.ok(what);
}

const warnings: string[] = [];
const onWarning = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
beforeAll(() => void process.on('warning', onWarning));
afterAll(() => void process.off('warning', onWarning));
afterEach(() => void (warnings.length = 0));

const NOW = Date.UTC(2026, 11, 7, 10, 0, 0);
const NONSENSE = ['999999', '9999999', '1e308', '-5', 'NaN', 'Infinity', 'soon', '0x10', '', 'Fri, 01 Jan 2100 00:00:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT'];

describe('what a header may ask', () => {
  it('sensible values are waited, capped; nonsense is a plain 429', () =>
    handled('header values', () => {
      expect(serverDelayMs({ 'retry-after': '30' }, NOW)).toBe(30_000);
      expect(serverDelayMs({ 'retry-after': '0' }, NOW)).toBe(0);
      expect(serverDelayMs({ 'retry-after': '3600' }, NOW)).toBe(MAX_SERVER_DELAY_MS);
      expect(serverDelayMs({ 'retry-after': new Date(NOW + 20_000).toUTCString() }, NOW)).toBe(20_000);
      expect(serverDelayMs({ 'retry-after': new Date(NOW - 20_000).toUTCString() }, NOW)).toBe(0);
      expect(serverDelayMs({ 'x-ratelimit-reset': '4' }, NOW)).toBe(5_000);
      // A Unix time (other APIs' meaning of X-RateLimit-Reset) 10 s ahead.
      expect(serverDelayMs({ 'x-ratelimit-reset': String(NOW / 1000 + 10) }, NOW)).toBe(10_000);
      for (const v of [...NONSENSE, '999999999999']) {
        if (!/^\d+$/.test(v) || Number(v) > 86_400) {
          expect(serverDelayMs({ 'retry-after': v }, NOW), `Retry-After: ${v}`).toBeUndefined();
          expect(serverDelayMs({ 'x-ratelimit-reset': v }, NOW), `X-RateLimit-Reset: ${v}`).toBeUndefined();
        }
      }
      expect(MAX_SERVER_DELAY_MS).toBeLessThanOrEqual(120_000);
    }));

  it('the budget never pauses past the cap, never warns, never says Infinity; userRetry ends the pause', () =>
    handled('budget pause', async () => {
      const b = new Budget('Hostile', { requests: 100, windowMs: 1_000 });
      const notices: Array<Notice | undefined> = [];
      b.onNotice((n) => notices.push(n));
      for (const ms of [Infinity, Number('1e311'), NaN, -1, 2 ** 40]) b.throttled(ms);
      const granted = b.acquire('user').then(() => Date.now());
      // The waiting user request is what makes the budget say so: wait for that notice.
      await until(() => Boolean(notices.at(-1)), 10_000);
      const last = notices.at(-1);
      expect(last?.text).toMatch(/^rate limited by Hostile, retrying in \d+ s$/);
      expect(Number(/(\d+) s$/.exec(last!.text)![1])).toBeLessThanOrEqual(MAX_SERVER_DELAY_MS / 1000);
      expect(last!.until - Date.now()).toBeLessThanOrEqual(MAX_SERVER_DELAY_MS);
      b.userRetry();
      // Granted before the pause would have ended (minutes away): userRetry ended it.
      expect(await granted).toBeLessThan(last!.until);
      await new Promise((r) => setImmediate(r));
      expect(warnings).toEqual([]);
    }));
});

const ch = (url: string): Profile => ({ kind: 'clickhouse', name: 'h-ch', apiUrl: url, keyId: 'key', keySecret: 'hostile-secret-ch', organizationId: 'org-1', timeoutMs: 3_000, rateLimit: { requests: 1000, windowSeconds: 1 } });

describe('pgtui ls against a server answering 429 with nonsense', () => {
  for (const header of ['retry-after', 'x-ratelimit-reset']) {
    for (const value of ['1e308', '9999999', '-5', 'NaN']) {
      it(`${header}: ${value} twice, then the list: pgtui backs off on its own and lists, no warning`, () =>
        handled(`ls ${header}`, async () => {
          const server = await hostileServer((_req, res) => {
            if (server.requests.length <= 2) return sendJson(res, { status: 429, error: 'slow down' }, 429, { [header]: value });
            sendJson(res, { status: 200, result: [{ id: 'one', name: 'one', state: 'running' }] });
          });
          try {
            const r = await runPgtui(['ls'], [ch(server.url)], { timeoutMs: 30_000 });
            expect(r.stderr).toBe('');
            expect(r.code).toBe(EXIT.ok);
            expect(r.stdout).toMatch(/^one\s/m);
            // Two refused lists and the one that answered (then the lookups completing hostnames).
            expect(server.requests.slice(0, 3).map((q) => q.path), JSON.stringify(server.requests.map((q) => q.path))).toEqual(Array(3).fill('/v1/organizations/org-1/postgres'));
            // The default backoff (0.3 s, 0.6 s), not the header's ask: waiting that (up to MAX_SERVER_DELAY_MS) would
            // have run into runPgtui's 30 s kill, and the exit code above would not be ok.
          } finally {
            await server.close();
          }
        }), 40_000);
    }
  }
});

describe('the TUI store against a server that always says Retry-After: 999999', () => {
  it('the next try is within the cap, the notice is finite, and r sends a request at once', () =>
    handled('store + r', async () => {
      const server = await hostileServer((_req, res) => sendJson(res, { status: 429, error: 'slow down' }, 429, { 'retry-after': '999999' }));
      // Polls 100 s apart (within the cap): the next scheduled try is far off, so a request soon after r is r's.
      const store = createClusterStore({ profiles: [ch(server.url)], providerFor: (p) => createProvider(p, { secrets: memorySecretStore() }), settings: { refreshSeconds: 100 } });
      const snaps: StoreSnapshot[] = [];
      store.subscribe(() => snaps.push(store.getSnapshot()));
      try {
        store.start();
        // The list gives up after its throttled retries: the header says when the next try is.
        if (!(await until(() => store.getSnapshot().profiles[0]?.nextRetryAt !== undefined, 20_000))) throw new Error('no retry was scheduled');
        const snap = store.getSnapshot();
        expect(snap.profiles[0]!.nextRetryAt! - Date.now()).toBeLessThanOrEqual(MAX_SERVER_DELAY_MS);
        for (const s of snaps) expect(JSON.stringify(s)).not.toMatch(/Infinity|NaN/);
        const before = server.requests.length;
        void store.refresh('h-ch');
        await server.nextRequest(before + 1);
        // The request came before the scheduled try (100 s away): r sent it.
        expect(server.requests[before]!.at).toBeLessThan(snap.profiles[0]!.nextRetryAt!);
        expect(warnings).toEqual([]);
      } finally {
        await store.stop();
        await server.close();
      }
    }), 30_000);
});
