// Hostile provider servers (issue 11): each case starts its own loopback server that misbehaves in one way, and
// checks pgtui ends with a clear line instead of hanging or growing: a never-ending body (size cap), a body
// dripping one byte a second (overall deadline), paging that never ends (offset ignored, always a full page,
// `limit: 1`) for IONOS v1 and v2, items that do not decode, duplicate ids, 200,000 clusters, a redirect, and
// the TUI store marking a stuck profile stale with `r` starting a fresh attempt. Requests are counted to prove
// the bounds. The one-shot cases run the real executable (bin/pgtui.js) as a user would.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { DEFAULT_SETTINGS } from '../../src/state/types.js';
import { fakeProfilesApi } from '../screens/forms/doubles.js';
import type { Profile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore, type Cluster } from '../../src/api/core/types.js';
import { MAX_PAGES, TINY_PAGE_MAX_PAGES } from '../../src/api/core/paging.js';
import { PAGE_CONCURRENCY } from '../../src/api/ionos-v1/catalog.js';
import { createClusterStore } from '../../src/state/store.js';
import type { StoreSnapshot } from '../../src/state/types.js';
import { EXIT } from '../../src/commands/exit-codes.js';
import { BIN, cleanEnv, configWith, ensureBuilt, type Run } from '../cli/helpers.js';
import { writeTestPki } from '../../src/fake/certs.js';
import { Tally, testPki } from './rigs.js';

const tally = new Tally();
afterAll(() => {
  console.log(tally.line('reliability/hostile-http'));
});
beforeAll(() => ensureBuilt());

// ---------------------------------------------------------------------------------------------------------
// A hostile server of one's own, and the profiles that point at it
// ---------------------------------------------------------------------------------------------------------

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
}

interface Hostile {
  url: string;
  requests: Seen[];
  /** Resolves at the next request (or the n-th in all, when given). */
  nextRequest(n?: number): Promise<void>;
  close(): Promise<void>;
}

async function hostile(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, q: URLSearchParams) => void,
  tls?: { key: string; cert: string },
): Promise<Hostile> {
  const requests: Seen[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams });
    for (const w of waiters.splice(0)) {
      if (requests.length >= w.n) w.resolve();
      else waiters.push(w);
    }
    res.on('error', () => {});
    handler(req, res, url.searchParams);
  };
  const server = tls ? https.createServer(tls, onRequest) : http.createServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    nextRequest: (n = requests.length + 1) =>
      requests.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const json = (res: http.ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const v1Item = (id: string, name = id) => ({ id, type: 'cluster', metadata: { state: 'AVAILABLE' }, properties: { displayName: name } });
const v2Item = (id: string, name = id) => ({ id, type: 'cluster', metadata: { state: 'AVAILABLE' }, properties: { name } });
const chItem = (id: string, name = id) => ({ id, name, state: 'running' });

const ORG = 'org-1';

// A hostile server is not the provider: pgtui's request budget is lifted (said explicitly) so what is measured
// is the client's own bounds (paging caps, deadlines), not the provider's rate limit.
const NO_LIMIT = { requests: 100_000, windowSeconds: 1 };
function v1Profile(url: string, timeoutMs = 3_000): Profile {
  return { kind: 'ionos-v1', name: 'h-v1', apiUrl: url, username: 'user', password: 'hostile-secret-v1', timeoutMs, rateLimit: NO_LIMIT };
}
function v2Profile(url: string, timeoutMs = 3_000): Profile {
  return { kind: 'ionos-v2', name: 'h-v2', endpoints: { 'de/fra': url }, locations: ['de/fra'], username: 'user', password: 'hostile-secret-v2', timeoutMs, rateLimit: NO_LIMIT };
}
function chProfile(url: string, timeoutMs = 3_000): Profile {
  return { kind: 'clickhouse', name: 'h-ch', apiUrl: url, keyId: 'key', keySecret: 'hostile-secret-ch', organizationId: ORG, timeoutMs, rateLimit: NO_LIMIT };
}

interface CliRun extends Run {
  ms: number;
  /** Peak resident memory of the pgtui process (VmHWM), MB, as last sampled. */
  peakMb: number;
}

/** Runs pgtui with only `profiles` configured; samples its peak RSS while it runs (bounded by the kill timer). */
function pgtui(args: string[], profiles: Profile[], timeoutMs = 60_000): Promise<CliRun> {
  const dir = configWith(profiles);
  const home = dir;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--config-dir', dir, ...args], { env: cleanEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // gone already
      }
    };
    const sampler = setInterval(sample, 50);
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', sample);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, ms: Date.now() - started, peakMb: peakKb / 1024 });
    });
  });
}

/** Lines of the table body (the header line dropped). */
const rows = (stdout: string) => stdout.split('\n').filter((l) => l.trim() !== '').slice(1);

async function handled(what: string, fn: () => Promise<void>): Promise<void> {
  tally.try(what);
  await fn();
  tally.ok(what);
}

// ---------------------------------------------------------------------------------------------------------
// Size cap and deadline
// ---------------------------------------------------------------------------------------------------------

describe('bounded responses', () => {
  it('a never-ending body: ls ends with the size cap named, memory stays bounded, the server is cut off', () =>
    handled('size cap', async () => {
      let written = 0;
      const server = await hostile((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items":[');
        const chunk = `${JSON.stringify(v1Item('x'.repeat(36)))},`.repeat(200);
        // Writes as fast as the client reads; stops once the client hangs up (bounded by that, and by the cap).
        const pump = () => {
          while (!res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        pump();
      });
      try {
        const r = await pgtui(['ls'], [v1Profile(server.url)]);
        expect(r.code).toBe(EXIT.error);
        expect(r.stderr).toMatch(/^pgtui: h-v1: the response from 127\.0\.0\.1:\d+ exceeded 8 MB\n$/);
        // Not retried: the answer would be as big again.
        expect(server.requests).toHaveLength(1);
        // The client stopped reading at 8 MB: what the server managed to write is 8 MB plus socket buffers.
        expect(written).toBeLessThan(40 * 1024 * 1024);
        expect(r.peakMb).toBeGreaterThan(0);
        expect(r.peakMb).toBeLessThan(250);
        console.log(`size cap: ls ended in ${r.ms} ms, peak RSS ${r.peakMb.toFixed(0)} MB, server wrote ${(written / 1048576).toFixed(1)} MB`);
      } finally {
        await server.close();
      }
    }));

  it('a body dripping one byte a second: ls ends at the overall deadline, not never', () =>
    handled('deadline', async () => {
      const timers = new Set<NodeJS.Timeout>();
      const server = await hostile((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 1_000);
        timers.add(t);
      });
      try {
        // Idle timeout 2 s (each byte comes within it), so only the deadline (4 × 2 s) can end it.
        const r = await pgtui(['ls'], [chProfile(server.url, 2_000)]);
        expect(r.code).toBe(EXIT.error);
        expect(r.stderr).toMatch(/^pgtui: h-ch: 127\.0\.0\.1:\d+ did not finish answering within 8 s\n$/);
        expect(server.requests).toHaveLength(1);
        expect(r.ms).toBeGreaterThanOrEqual(7_500);
        expect(r.ms).toBeLessThan(20_000);
        console.log(`deadline: ls ended after ${r.ms} ms`);
      } finally {
        for (const t of timers) clearInterval(t);
        await server.close();
      }
    }));

  it('a redirect says where it pointed (origin and path, no query) and why it was not followed', () =>
    handled('redirect', async () => {
      const server = await hostile((_req, res) => {
        res.writeHead(301, { location: 'https://evil.example/steal/here?token=abc123#frag' });
        res.end();
      });
      try {
        const r = await pgtui(['ls'], [chProfile(server.url)]);
        expect(r.code).toBe(EXIT.error);
        const line = r.stderr.trim();
        expect(line.split('\n')).toHaveLength(1);
        expect(line).toContain('HTTP 301, a redirect to https://evil.example/steal/here; not followed');
        expect(line).toContain('never sends credentials');
        expect(line).not.toContain('abc123');
        expect(server.requests).toHaveLength(1);
      } finally {
        await server.close();
      }
    }));
});

// ---------------------------------------------------------------------------------------------------------
// Paging that always ends
// ---------------------------------------------------------------------------------------------------------

type Pager = (offset: number, limit: number) => { items: unknown[]; limit: number };

const PAGERS: Array<{ label: string; pager: (item: (id: string) => unknown) => Pager; bound: (concurrency: number) => number; warning: RegExp; listed: number }> = [
  {
    label: 'offset ignored',
    // What IONOS v1 1.0.5 documents: offset/limit "not implemented yet, always return number of items".
    pager: (item) => (_o, limit) => ({ items: Array.from({ length: limit }, (_, i) => item(`same-${i}`)), limit }),
    bound: (c) => 1 + c,
    warning: /the server sent the same clusters again for offset 100 \(it seems to ignore offset\); listed the 100 clusters it sent/,
    listed: 100,
  },
  {
    label: 'always a full page',
    pager: (item) => (offset, limit) => ({ items: Array.from({ length: limit }, (_, i) => item(`c-${offset + i}`)), limit }),
    bound: (c) => MAX_PAGES + c,
    warning: new RegExp(`stopped at ${MAX_PAGES} pages \\(${MAX_PAGES * 100} clusters\\), pgtui's limit for one list`),
    listed: MAX_PAGES * 100,
  },
  {
    label: 'limit: 1',
    pager: (item) => (offset) => ({ items: [item(`c-${offset}`)], limit: 1 }),
    bound: (c) => TINY_PAGE_MAX_PAGES + c,
    warning: new RegExp(`the server sends only 1 cluster per page; stopped after ${TINY_PAGE_MAX_PAGES} pages`),
    listed: TINY_PAGE_MAX_PAGES,
  },
];

describe('paging that always ends', () => {
  for (const kind of ['ionos-v1', 'ionos-v2'] as const) {
    for (const p of PAGERS) {
      it(`${kind}: ${p.label} — ls returns what it has, warns, exits 3, requests bounded`, () =>
        handled(`paging ${kind} ${p.label}`, async () => {
          const pager = p.pager(kind === 'ionos-v1' ? v1Item : v2Item);
          const server = await hostile((_req, res, q) => {
            const { items, limit } = pager(Number(q.get('offset') ?? 0), Number(q.get('limit') ?? 100));
            json(res, { type: 'collection', items, offset: Number(q.get('offset') ?? 0), limit, _links: { next: 'more' } });
          });
          try {
            const profile = kind === 'ionos-v1' ? v1Profile(server.url) : v2Profile(server.url);
            const r = await pgtui(['ls'], [profile], 120_000);
            expect(r.stderr).not.toContain('Maximum call stack');
            expect(r.code).toBe(EXIT.partial);
            // Progress lines (a listing over 2 s says how far it got) aside, one warning.
            const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('pgtui: listing for '));
            expect(lines).toHaveLength(1);
            expect(lines[0]).toMatch(/^pgtui: warning: h-v[12]: /);
            expect(lines[0]).toMatch(p.warning);
            expect(rows(r.stdout)).toHaveLength(p.listed);
            const concurrency = kind === 'ionos-v1' ? PAGE_CONCURRENCY : 1;
            expect(server.requests.length).toBeLessThanOrEqual(p.bound(concurrency));
            console.log(`paging ${kind} ${p.label}: ${server.requests.length} requests, ${rows(r.stdout).length} listed, ${r.ms} ms`);
          } finally {
            await server.close();
          }
        }), 180_000);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------
// Items that do not decode, duplicate ids, scale
// ---------------------------------------------------------------------------------------------------------

describe('per-item tolerance', () => {
  it('IONOS v1: items without id, without properties, or with wrong types are skipped and reported; exit 3', () =>
    handled('bad items v1', async () => {
      const server = await hostile((_req, res) =>
        json(res, {
          items: [v1Item('good-1'), { type: 'cluster', properties: { displayName: 'no id' } }, { id: 'no-props' }, { id: 'typed', properties: { displayName: 42 } }, v1Item('good-2')],
          offset: 0,
          limit: 100,
        }),
      );
      try {
        const r = await pgtui(['ls'], [v1Profile(server.url)]);
        expect(r.code).toBe(EXIT.partial);
        expect(r.stderr).toBe('pgtui: warning: 3 clusters from h-v1 could not be read: items.1.id missing (and 2 more)\n');
        expect(rows(r.stdout).map((l) => l.split(/\s+/)[0])).toEqual(['good-1', 'good-2']);
      } finally {
        await server.close();
      }
    }));

  it('IONOS v2 and ClickHouse: one bad item, the rest listed, the same one-line report', () =>
    handled('bad items v2/ch', async () => {
      const v2 = await hostile((_req, res) => json(res, { items: [v2Item('a'), { properties: { name: 'x' } }], offset: 0, limit: 100 }));
      const ch = await hostile((_req, res) => json(res, { status: 200, result: [chItem('b'), { name: 'no id' }, chItem('c')] }));
      try {
        const r = await pgtui(['ls', '--json'], [v2Profile(v2.url), chProfile(ch.url)]);
        expect(r.code).toBe(EXIT.partial);
        expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
          'pgtui: warning: 1 cluster from h-ch could not be read: result.1.id missing',
          'pgtui: warning: 1 cluster from h-v2 could not be read: de/fra items.1.id missing',
        ]);
        expect((JSON.parse(r.stdout) as Cluster[]).map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
      } finally {
        await v2.close();
        await ch.close();
      }
    }));
});

describe('per-item tolerance (PGO over TLS)', () => {
  it('PGO: a Results item without a cluster, without a name, or not an object is skipped and reported; exit 3', () =>
    handled('bad items pgo', async () => {
      const pki = testPki();
      const dir = mkdtempSync(join(tmpdir(), 'pgtui-hostile-pki-'));
      const paths = writeTestPki(dir, pki);
      const detail = (name: string) => ({ cluster: { metadata: { name, namespace: 'pgo' }, spec: { ccpimagetag: 'centos7-12.2-4.3.0' }, status: { state: 'pgcluster Initialized' } }, Pods: [], Services: [] });
      const server = await hostile((req, res) => {
        if (req.url === '/version') return json(res, { Code: 'ok', Msg: '', Version: '4.3.0' });
        req.resume();
        req.on('end', () =>
          json(res, { Code: 'ok', Msg: '', Results: [detail('good-1'), { Pods: [] }, { cluster: { metadata: {}, spec: {} } }, 'text', detail('good-2')] }),
        );
      }, { key: pki.server.key, cert: pki.server.cert });
      try {
        const profile: Profile = {
          kind: 'pgo', name: 'h-pgo', apiUrl: server.url, namespace: 'pgo', username: 'admin', password: 'hostile-secret-pgo',
          caCert: paths.caCert, clientCert: paths.clientCert, clientKey: paths.clientKey, timeoutMs: 3_000,
        };
        const r = await pgtui(['ls'], [profile]);
        expect(r.code).toBe(EXIT.partial);
        expect(r.stderr).toBe('pgtui: warning: 3 clusters from h-pgo could not be read: Results.1.cluster missing (and 2 more)\n');
        expect(rows(r.stdout).map((l) => l.split(/\s+/)[0])).toEqual(['good-1', 'good-2']);
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }));
});

describe('duplicate ids', () => {
  const dupServer = () =>
    hostile((_req, res) => json(res, { result: [chItem('dup', 'first'), chItem('solo'), chItem('dup', 'second'), chItem('dup', 'third')] }));

  it('ls and the TUI store show each id once with the same warning; get on the id says it is ambiguous and lists them', () =>
    handled('duplicate ids', async () => {
      const server = await dupServer();
      try {
        const r = await pgtui(['ls'], [chProfile(server.url)]);
        expect(r.code).toBe(EXIT.partial);
        expect(rows(r.stdout).map((l) => l.split(/\s+/)[0]).sort()).toEqual(['first', 'solo']);
        const warning = 'h-ch lists 3 clusters with the id dup; each id is shown once (pgtui get ID lists them all)';
        expect(r.stderr).toBe(`pgtui: warning: ${warning}\n`);

        const g = await pgtui(['get', 'dup'], [chProfile(server.url)]);
        expect(g.code).toBe(EXIT.usage);
        expect(g.stderr).toContain('h-ch lists 3 clusters with the id dup; pgtui cannot tell them apart');
        // The candidates in aligned columns (names padded to the longest, 'second').
        for (const name of ['first', 'second', 'third']) expect(g.stderr).toMatch(new RegExp(`^  ${name.padEnd(6)}  h-ch  dup  running$`, 'm'));
        const byName = await pgtui(['get', 'second'], [chProfile(server.url)]);
        expect(byName.code).toBe(EXIT.usage);

        // The TUI: the same one row per id, and the profile is shown as partial with the same warning.
        const store = createClusterStore({ profiles: [chProfile(server.url)], providerFor: (p) => createProvider(p, { secrets: memorySecretStore() }) });
        const app = render(<App store={store} profiles={fakeProfilesApi([chProfile(server.url)])} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
        try {
          const snap = await untilSnapshot(store, (s) => s.profiles[0]?.status === 'ok');
          expect(snap.clusters.map((c) => c.name).sort()).toEqual(['first', 'solo']);
          expect(snap.profiles[0]!.warning).toBe(warning);
          await untilFrame(app, (f) => f.includes('⚠ partial: h-ch lists 3 clusters with the id dup') && f.includes('solo'));
          const frame = app.lastFrame() ?? '';
          expect(frame).toMatch(/\bfirst\b/);
          expect(frame).not.toMatch(/\b(second|third)\b/);
        } finally {
          app.unmount();
          await store.stop();
        }
      } finally {
        await server.close();
      }
    }));
});

/** Waits (bounded) for Ink's last frame to satisfy `ok`. */
async function untilFrame(app: { lastFrame(): string | undefined }, ok: (frame: string) => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok(app.lastFrame() ?? '')) {
    if (Date.now() > end) throw new Error(`frame never matched; last:\n${app.lastFrame() ?? ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('scale', () => {
  it('200,000 clusters list through pgtui ls without "Maximum call stack size exceeded"', () =>
    handled('200,000 clusters', async () => {
      const N = 200_000;
      const body = JSON.stringify({ result: Array.from({ length: N }, (_, i) => chItem(`id-${i}`, `db-${String(i).padStart(6, '0')}`)) });
      const server = await hostile((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
      try {
        const r = await pgtui(['ls'], [chProfile(server.url, 10_000)], 120_000);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(EXIT.ok);
        const lines = rows(r.stdout);
        expect(lines).toHaveLength(N);
        expect(lines[0]).toMatch(/^db-000000\s/);
        expect(lines[N - 1]).toMatch(/^db-199999\s/);
        console.log(`scale: ${N} clusters (${(body.length / 1048576).toFixed(1)} MB) listed in ${r.ms} ms, peak RSS ${r.peakMb.toFixed(0)} MB`);
      } finally {
        await server.close();
      }
    }), 150_000);
});

// ---------------------------------------------------------------------------------------------------------
// The TUI store: a poll past its deadline marks rows stale; r starts a fresh attempt
// ---------------------------------------------------------------------------------------------------------

type Store = ReturnType<typeof createClusterStore>;

/** Waits for a snapshot matching `ok` (bounded: rejects after `ms`). */
function untilSnapshot(store: Store, ok: (s: StoreSnapshot) => boolean, ms = 20_000): Promise<StoreSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = store.getSnapshot();
      if (!ok(s)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('the expected snapshot never came'));
    }, ms);
    const unsubscribe = store.subscribe(() => void check());
    store.start();
    check();
  });
}

describe('store: stale marking and r', () => {
  it('a profile whose poll goes past the deadline is marked stale; r drops the stuck poll and sends a fresh one', () =>
    handled('stale + r', async () => {
      let mode: 'ok' | 'drip' = 'ok';
      const hung: http.ServerResponse[] = [];
      const stuckClosed: Array<Promise<void>> = [];
      const server = await hostile((req, res) => {
        if (mode === 'ok') return json(res, { result: [chItem('one'), chItem('two')] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"result":[');
        // Only the list counts: per-row look-ups after a list (hostnames) may hang here too.
        if (!/\/postgres(\?|$)/.test(req.url ?? '')) return;
        stuckClosed.push(new Promise((resolve) => res.on('close', () => resolve())));
        hung.push(res);
      });
      const profile = chProfile(server.url, 20_000);
      const store = createClusterStore({
        profiles: [profile],
        providerFor: (p) => createProvider(p, { secrets: memorySecretStore() }),
        settings: { refreshSeconds: 2 },
        pollDeadlineMs: () => 1_000,
      });
      try {
        await untilSnapshot(store, (s) => s.clusters.length === 2 && s.profiles[0]?.status === 'ok');
        expect(store.getSnapshot().staleProfiles).toEqual([]);
        mode = 'drip';
        // The next scheduled poll hangs mid-body; one deadline later the rows are stale, not current.
        const stale = await untilSnapshot(store, (s) => (s.staleProfiles ?? []).includes('h-ch'));
        expect(stale.clusters.map((c) => c.id)).toEqual(['one', 'two']);
        expect(stale.profiles[0]!.error).toBe('no answer for 1 s; the clusters shown are from the last list (r tries again now)');
        expect(hung).toHaveLength(1);
        const before = server.requests.length;

        // r: a fresh attempt at once, the stuck one cancelled.
        mode = 'ok';
        store.refresh('h-ch');
        await server.nextRequest(before + 1);
        const fresh = await untilSnapshot(store, (s) => s.profiles[0]?.status === 'ok');
        expect(fresh.staleProfiles).toEqual([]);
        expect(fresh.clusters.map((c) => c.id)).toEqual(['one', 'two']);
        // The stuck request was cancelled (its connection closed by pgtui, long before its 20 s idle timeout).
        await stuckClosed[0];
        expect(hung).toHaveLength(1);
      } finally {
        await store.stop();
        await server.close();
      }
    }));
});
