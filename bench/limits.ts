// `npm run bench -- limits`: the polling store within each provider's limits, measured on a virtual clock (so a
// minute of idle costs a moment): the real providers and store, the real fakes' request handlers (limits on)
// behind an undici MockAgent. Prints requests per minute idle at 100 and 5,000 clusters per provider, the 429s
// of a scripted session (create, watch, edit, psql lookup) against ClickHouse's 10 per 10 s, and the time from a
// state change on the server to the row showing it. Prints figures only; no pass/fail timing in unit tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent } from 'undici';

// The virtual clock: setTimeout/clearTimeout/Date.now are replaced before anything runs a timer.
const realImmediate = setImmediate;
let now = Date.UTC(2026, 0, 1);
let seq = 1;
interface Timer { id: number; at: number; fn: (...a: unknown[]) => void; args: unknown[] }
const timers = new Map<number, Timer>();
const handle = (id: number) => ({ id, unref: () => handle(id), ref: () => handle(id), hasRef: () => false, refresh: () => handle(id), [Symbol.toPrimitive]: () => id });
(globalThis as { setTimeout: unknown }).setTimeout = (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
  const id = seq++;
  timers.set(id, { id, at: now + Math.max(0, Number(ms) || 0), fn, args });
  return handle(id);
};
(globalThis as { clearTimeout: unknown }).clearTimeout = (h: unknown) => {
  if (h !== undefined && h !== null) timers.delete(typeof h === 'object' ? (h as { id: number }).id : Number(h));
};
Date.now = () => now;
const drain = async () => {
  for (let i = 0; i < 8; i++) await new Promise((r) => realImmediate(r));
};
async function advance(ms: number): Promise<void> {
  const end = now + ms;
  for (;;) {
    await drain();
    let next: Timer | undefined;
    for (const t of timers.values()) if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
    if (!next) break;
    timers.delete(next.id);
    now = Math.max(now, next.at);
    next.fn(...next.args);
  }
  now = end;
  await drain();
}

const { createProvider } = await import('../src/api/registry.js');
const { memorySecretStore } = await import('../src/api/core/types.js');
const { createClusterStore } = await import('../src/state/store.js');
const { clusterKey } = await import('../src/state/types.js');
const { resetBudgets, allBudgets } = await import('../src/api/core/budget.js');
const { FakeClock } = await import('../src/fake/kit.js');
const { startClickHouseFake } = await import('../src/fake/clickhouse/fake.js');
const { startIonosV1Fake } = await import('../src/fake/ionos-v1/fake.js');
const { startIonosV2Fake } = await import('../src/fake/ionos-v2/fake.js');
const { startPgoFake } = await import('../src/fake/pgo/fake.js');
const { writeTestPki } = await import('../src/fake/certs.js');
type Profile = import('../src/api/profile.js').Profile;
type FakeRequest = import('../src/fake/kit.js').FakeRequest;
type FakeResponse = import('../src/fake/kit.js').FakeResponse;

interface Handler { settle(): void; handle(req: FakeRequest): FakeResponse }
interface Log { requests: number; throttled: number }

/** Routes an origin to a fake's request handler (what its HTTP server would call), counting requests and 429s. */
function route(agent: MockAgent, origin: string, fake: unknown, log: Log): void {
  const h = fake as Handler;
  agent
    .get(origin)
    .intercept({ path: () => true, method: () => true })
    .reply((opts) => {
      const url = new URL(opts.path, origin);
      const text = typeof opts.body === 'string' ? opts.body : '';
      const headers = Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      h.settle();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const out = h.handle({ method: opts.method, path: url.pathname, query: url.searchParams, headers, text, json, badJson: false, clientCertCN: 'admin', clientCertAuthorized: true });
      log.requests++;
      if (out.status === 429) log.throttled++;
      return { statusCode: out.status, data: out.raw ?? (out.body === undefined ? '' : JSON.stringify(out.body)), responseOptions: { headers: { 'content-type': out.contentType ?? 'application/json', ...out.headers } } };
    })
    .persist();
}

interface Setup { profile: Profile; log: Log; agent: MockAgent; stop: () => Promise<void>; settleAt?: (id: string) => number | undefined }

async function setup(kind: Profile['kind'], count: number): Promise<Setup> {
  const log: Log = { requests: 0, throttled: 0 };
  const agent = new MockAgent();
  agent.disableNetConnect();
  const clock = new FakeClock(1);
  // The MockAgent origins are plain http to names that are not loopback: the profiles say insecure (api/http-plain.ts).
  if (kind === 'clickhouse') {
    const fake = await startClickHouseFake({ clock, transitionMs: 30_000, seed: 3 });
    fake.seedServices(count);
    route(agent, 'http://ch.bench', fake, log);
    return { log, agent, stop: () => fake.stop(), profile: { kind, name: 'ch', apiUrl: 'http://ch.bench', keyId: fake.keyId, keySecret: fake.keySecret, insecure: true } };
  }
  if (kind === 'ionos-v1') {
    const fake = await startIonosV1Fake({ clock, transitionMs: 30_000 });
    fake.seed(count);
    route(agent, 'http://v1.bench', fake, log);
    const { username, password } = fake.credentials;
    return { log, agent, stop: () => fake.stop(), profile: { kind, name: 'v1', apiUrl: 'http://v1.bench', username, password, contractNumber: fake.contractNumber, insecure: true } };
  }
  if (kind === 'ionos-v2') {
    const fake = await startIonosV2Fake({ clock, transitionMs: 30_000 });
    fake.seed(count);
    const endpoints: Record<string, string> = {};
    for (const [loc, server] of Object.entries(fake.servers)) {
      endpoints[loc] = `http://${loc.replace('/', '-')}.v2.bench`;
      route(agent, endpoints[loc], server, log);
    }
    const { username, password } = fake.credentials;
    return { log, agent, stop: () => fake.stop(), profile: { kind, name: 'v2', endpoints, username, password, contractNumber: fake.contractNumber, insecure: true } };
  }
  const fake = await startPgoFake({ clock, transitionMs: 30_000 });
  fake.seedClusters(count);
  route(agent, 'https://pgo.bench:8443', fake, log);
  const paths = writeTestPki(mkdtempSync(join(tmpdir(), 'pgtui-bench-pki-')), fake.pki);
  return {
    log, agent, stop: () => fake.stop(),
    profile: { kind, name: 'pgo', apiUrl: 'https://pgo.bench:8443', namespace: fake.namespace, username: fake.username, password: fake.password, caCert: paths.caCert, clientCert: paths.clientCert, clientKey: paths.clientKey },
  };
}

function storeFor(s: Setup, health = false) {
  return createClusterStore({ profiles: [s.profile], providerFor: (p) => createProvider(p, { secrets: memorySecretStore(), dispatcher: s.agent }), ...(health ? { health: {} } : {}) });
}

const figures: string[] = [];
const say = (line: string) => {
  figures.push(line);
  console.log(line);
};

// Idle cost: load, settle for three minutes, then count five minutes.
for (const kind of (process.env.KINDS?.split(",") ?? ["clickhouse", "ionos-v1", "ionos-v2", "pgo"]) as Profile["kind"][]) {
  for (const count of process.env.QUICK ? [100] : [100, 5000]) {
    resetBudgets();
    const s = await setup(kind, count);
    const store = storeFor(s);
    store.start();
    await advance(180_000);
    const loaded = store.getSnapshot().clusters.length;
    const before = { ...s.log };
    await advance(300_000);
    const perMin = (s.log.requests - before.requests) / 5;
    const h = store.getSnapshot().profiles[0]!;
    say(`idle ${kind} ${count} clusters: ${perMin.toFixed(1)} requests/min, ${s.log.throttled} throttled, list every ${((h.refreshEveryMs ?? 0) / 1000).toFixed(0)} s${h.budgetLimited ? ' (budget-limited)' : ''}, ${loaded} loaded${h.error ? `, error: ${h.error}` : ''}`);
    await store.stop();
    await s.stop();
    await s.agent.close();
  }
}

// Idle with fleet health on (src/state/store-health.ts): the same 100 clusters, the reads health makes (backups,
// disk, instances; no Postgres here) on top of the lists, within the background share of the budget.
for (const kind of (process.env.KINDS?.split(",") ?? ["clickhouse", "ionos-v1", "ionos-v2", "pgo"]) as Profile["kind"][]) {
  resetBudgets();
  const s = await setup(kind, 100);
  const store = storeFor(s, true);
  store.start();
  await advance(180_000);
  const before = { ...s.log };
  await advance(600_000);
  const perMin = (s.log.requests - before.requests) / 10;
  const budget = [...allBudgets().values()][0]!;
  const health = store.getSnapshot().health;
  const judged = health ? [...health.values()].filter((h) => h.checks.some((c) => c.id === 'backup-age' && !/not read yet/.test(c.evidence))).length : 0;
  say(`idle ${kind} 100 clusters, health on: ${perMin.toFixed(1)} requests/min (background share ${budget.perMinute('background').toFixed(1)}/min), ${s.log.throttled - before.throttled} throttled, ${judged} of ${store.getSnapshot().clusters.length} with backups read`);
  await store.stop();
  await s.stop();
  await s.agent.close();
}

// The scripted session on ClickHouse (10 requests per 10 s): 100 services, create three, watch one in the
// detail screen, edit one, psql's lookup of another; count 429s and time each create's ready to the row.
{
  resetBudgets();
  const s = await setup('clickhouse', 100);
  const store = storeFor(s);
  const notices = new Set<string>();
  let errors = 0;
  store.subscribe(() => {
    const snap = store.getSnapshot();
    if (snap.notice) notices.add(snap.notice);
    if (snap.profiles.some((p) => p.status === 'error')) errors++;
  });
  store.start();
  await advance(15_000);
  const first = store.getSnapshot().clusters[0]!;
  const unwatch = store.watch!(clusterKey(first));
  const created: Array<{ id: string; at: number }> = [];
  for (const name of ['bench a', 'bench b', 'bench c']) {
    const c = await store.create('ch', { name, provider: 'aws', region: 'us-east-1', size: 'r8gd.large' });
    created.push({ id: c.id, at: Date.now() });
    await advance(1_000);
  }
  const target = store.getSnapshot().clusters[1]!;
  const edited = await store.update(target, { name: `${target.name} renamed` }).then(() => 'ok', (err: Error) => err.message);
  const lookup = await store.provider('ch')!.get(store.getSnapshot().clusters[2]!.id).then(() => 'ok', (err: Error) => err.message);
  const shown = new Map<string, number>();
  for (let t = 0; t < 90_000; t += 250) {
    await advance(250);
    for (const c of created) if (!shown.has(c.id) && store.getSnapshot().clusters.find((x) => x.id === c.id)?.phase === 'ready') shown.set(c.id, Date.now());
  }
  unwatch();
  // The fake turns a service running 30 s after its create.
  const lags = created.map((c) => (shown.has(c.id) ? `${((shown.get(c.id)! - c.at - 30_000) / 1000).toFixed(1)} s` : 'never'));
  say(`session clickhouse (3 creates, detail open, edit ${edited}, psql lookup ${lookup}, 105 s): ${s.log.requests} requests, ${s.log.throttled} 429s (target 0), ${errors} error snapshots, notices: ${[...notices].join('; ') || 'none'}`);
  say(`state change → row: ${lags.join(', ')} (target ≤ 10 s)`);
  await store.stop();
  await s.stop();
  await s.agent.close();
}
process.stdout.write(`${JSON.stringify({ figures })}\n`);
process.exit(0);
