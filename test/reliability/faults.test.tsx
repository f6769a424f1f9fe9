// Every provider fault, for every provider, through the three doors a user meets it by: the provider call,
// the live TUI (real store, real App, ink-testing-library) and the one-shot command. Each must give one
// line naming the profile and never a secret; the TUI keeps the last clusters (marked stale) and recovers
// when the fault clears; a 429 never turns into a request storm.
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore } from '../../src/api/core/types.js';
import { describeError, isApiError, type ErrorKind } from '../../src/api/core/errors.js';
import type { Fault } from '../../src/fake/kit.js';
import { App } from '../../src/ui/app.js';
import { createClusterStore } from '../../src/state/store.js';
import { DEFAULT_SETTINGS } from '../../src/state/types.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from '../cli/helpers.js';
import { fakeProfilesApi } from '../screens/forms/doubles.js';
import { clickhouseRig, ionosV1Rig, ionosV2Rig, pgoRig, Tally, type Rig } from './rigs.js';

const FAST = { retries: 2, baseDelayMs: 20, maxDelayMs: 2_000 };
const tally = new Tally();

interface Case {
  name: string;
  fault: Fault;
  kind: ErrorKind;
  /** What the one line must say besides the profile name. */
  says: RegExp;
}

const HTTP_FAULTS: Case[] = [
  { name: '401 revoked credentials', fault: { revoked: true }, kind: 'auth', says: /401/ },
  { name: '403 forbidden', fault: { status: 403, message: 'no permission for this resource' }, kind: 'forbidden', says: /403/ },
  { name: '404 not found', fault: { status: 404, message: 'no such resource' }, kind: 'not-found', says: /404/ },
  { name: '409 conflict', fault: { status: 409, message: 'resource is locked' }, kind: 'conflict', says: /409/ },
  { name: '422 with the field message', fault: { status: 422, message: 'instances must be at most 5' }, kind: 'validation', says: /422|instances must be at most 5/ },
  { name: '429 that never ends', fault: { rateLimitSeconds: 1 }, kind: 'rate-limit', says: /429/ },
  { name: '500', fault: { status: 500, message: 'internal error' }, kind: 'server', says: /500/ },
  { name: '502', fault: { status: 502, message: 'bad gateway' }, kind: 'server', says: /502/ },
  { name: '503', fault: { status: 503, message: 'maintenance' }, kind: 'server', says: /503/ },
  { name: 'a hung request', fault: { hang: true }, kind: 'timeout', says: /timed? ?out|no answer/i },
  { name: 'a malformed JSON body', fault: { malformed: true }, kind: 'malformed', says: /malformed|JSON|could not/i },
  { name: 'an HTML error page', fault: { htmlStatus: 502 }, kind: 'server', says: /502/ },
];

const RIGS: Array<[string, () => Promise<Rig>]> = [
  // Fault injection, not the providers' limits: one fake per provider serves every case of a block, so its own
  // limit is off here (the soak and test/reliability/rate-limit.test.ts run with limits on).
  ['ClickHouse', () => clickhouseRig(5, { limits: false })],
  ['PGO', () => pgoRig(5, { limits: false })],
  ['IONOS v1', () => ionosV1Rig(5, { limits: false })],
  ['IONOS v2', () => ionosV2Rig(5, { limits: false })],
];

function expectOneCleanLine(text: string, rig: Rig): void {
  expect(text.split('\n').filter((l) => l.trim())).toHaveLength(1);
  expect(text).toContain(rig.profile.name);
  expect(text).not.toMatch(/<html|<body|<h1/i);
  for (const s of rig.secrets) expect(text).not.toContain(s);
  expect(text.length).toBeLessThan(400);
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(RIGS)('%s faults', (_label, makeRig) => {
  let rig: Rig;
  beforeAll(async () => {
    ensureBuilt();
    rig = await makeRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it.each(HTTP_FAULTS)('provider call: $name', async (c) => {
    tally.try('provider faults');
    rig.clear();
    rig.inject(c.fault);
    const provider = createProvider(rig.profile, { secrets: memorySecretStore(), retry: FAST });
    const before = rig.requests();
    const err = await provider.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    rig.clear();
    expect(isApiError(err)).toBe(true);
    expect((err as { kind: string }).kind).toBe(c.kind);
    const line = describeError(err);
    expectOneCleanLine(line, rig);
    expect(line).toMatch(c.says);
    // Retries are bounded: never more than the policy's attempts for one list (per page).
    expect(rig.requests() - before).toBeLessThanOrEqual((FAST.retries + 1 + 2) * rig.requestsPerList);
    tally.ok('provider faults');
  });

  it('provider call: one 429 is waited out (Retry-After) and the list succeeds without a storm', async () => {
    tally.try('provider faults');
    rig.clear();
    rig.inject({ rateLimitSeconds: 1, times: 1 });
    const provider = createProvider(rig.profile, { secrets: memorySecretStore(), retry: FAST });
    const before = rig.requests();
    const started = Date.now();
    const clusters = (await provider.list()).clusters;
    expect(clusters.length).toBe(rig.clusterCount);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(rig.requests() - before).toBeLessThanOrEqual(3 * rig.requestsPerList);
    tally.ok('provider faults');
  });

  it.each(HTTP_FAULTS.filter((c) => c.kind !== 'timeout'))('TUI: $name shows one line, keeps the clusters as stale, recovers', async (c) => {
    tally.try('TUI faults');
    rig.clear();
    const store = createClusterStore({
      profiles: [rig.profile],
      providerFor: (p: Profile) => createProvider(p, { secrets: memorySecretStore(), retry: { ...FAST, retries: 0 } }),
      settings: { refreshSeconds: 2 },
    });
    const app = render(<App store={store} profiles={fakeProfilesApi([rig.profile])} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
    try {
      store.start();
      await until(() => store.getSnapshot().clusters.length === rig.clusterCount);
      rig.inject(c.fault);
      store.refresh();
      // A 429 shows only after two throttled lists, and a budget-limited profile lists every ~15 s.
      await until(() => store.getSnapshot().profiles[0]?.status === 'error', 45_000);
      const health = store.getSnapshot().profiles[0]!;
      expectOneCleanLine(health.error!, rig);
      expect(health.error).toMatch(c.says);
      expect(store.getSnapshot().clusters).toHaveLength(rig.clusterCount);
      expect(store.getSnapshot().staleProfiles).toContain(rig.profile.name);
      await until(() => (app.lastFrame() ?? '').includes(`✗ ${rig.profile.name}:`));
      const frame = app.lastFrame()!;
      expect(frame).toMatch(/stale/);
      expect(frame).not.toMatch(/❯ \S+\s+ready/);
      rig.clear();
      store.refresh();
      await until(() => store.getSnapshot().profiles[0]?.status === 'ok', 70_000);
      await until(() => !(app.lastFrame() ?? '').includes('✗'));
      expect(store.getSnapshot().staleProfiles ?? []).toHaveLength(0);
      tally.ok('TUI faults');
    } finally {
      app.unmount();
      await store.stop();
      rig.clear();
    }
  }, 120_000);

  it.each(HTTP_FAULTS.filter((c) => ['auth', 'server', 'malformed', 'timeout'].includes(c.kind)))('one-shot ls: $name → exit 1, one line on stderr', async (c) => {
    tally.try('one-shot faults');
    rig.clear();
    rig.inject(c.fault);
    const home = configWith([rig.profile]);
    const r = await runCli(['ls'], { env: cleanEnv(home, { PGTUI_CONFIG_DIR: home }), timeoutMs: 30_000 });
    rig.clear();
    expect(r.code).toBe(1);
    expectOneCleanLine(r.stderr, rig);
    expect(r.stderr).toMatch(c.says);
    expect(r.stdout).toBe('');
    tally.ok('one-shot faults');
  });
});

describe('faults that are not HTTP statuses', () => {
  it('connection refused names the profile, in the provider call and in ls (exit 1)', async () => {
    tally.try('provider faults');
    const profile: Profile = { kind: 'clickhouse', name: 'rel-refused', apiUrl: 'http://127.0.0.1:9', keyId: 'k', keySecret: 'refused-secret', timeoutMs: 1500 };
    const err = await createProvider(profile, { secrets: memorySecretStore(), retry: FAST }).list().catch((e: unknown) => e);
    expect(isApiError(err, 'network')).toBe(true);
    expect(describeError(err)).toMatch(/^rel-refused: .*(refused|connect)/i);
    const home = configWith([profile]);
    const r = await runCli(['ls'], { env: cleanEnv(home, { PGTUI_CONFIG_DIR: home }) });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('refused-secret');
    tally.ok('provider faults');
  });
});

describe('PGO faults of its own', () => {
  let rig: Awaited<ReturnType<typeof pgoRig>>;
  beforeAll(async () => {
    rig = await pgoRig(2);
  });
  afterAll(async () => {
    await rig?.stop();
  });
  const listWith = (over: Partial<Profile>) =>
    createProvider({ ...rig.profile, ...over } as Profile, { secrets: memorySecretStore(), retry: FAST }).list().catch((e: unknown) => e);
  const cases: Array<[string, () => Partial<Profile>, ErrorKind[], RegExp]> = [
    ['a namespace the operator does not manage (Code:"error" in an HTTP 200)', () => ({ namespace: 'not-managed' }), ['provider'], /not-managed|namespace/i],
    ['a server certificate from another CA', () => ({ caCert: rig.paths.otherCaCert }), ['tls'], /not signed by the configured CA/],
    ['no client certificate', () => ({ clientCert: undefined, clientKey: undefined }), ['forbidden'], /403.*Client Certificate Required/],
    ['a client certificate from a stranger CA', () => ({ clientCert: rig.paths.strangerClientCert, clientKey: rig.paths.strangerClientKey }), ['network', 'tls'], /client certificate/],
  ];
  it.each(cases)('%s', async (_name, over, kinds, says) => {
    tally.try('provider faults');
    const err = await listWith(over());
    expect(isApiError(err)).toBe(true);
    expect(kinds).toContain((err as { kind: ErrorKind }).kind);
    expectOneCleanLine(describeError(err), rig);
    expect(describeError(err)).toMatch(says);
    tally.ok('provider faults');
  });

  it('a server upgraded under pgtui (ClientVersion mismatch) is named, then recovers on the next call', async () => {
    tally.try('provider faults');
    const { startPgoFake } = await import('../../src/fake/pgo/fake.js');
    const { FakeClock } = await import('../../src/fake/kit.js');
    const { testPki } = await import('./rigs.js');
    const fake = await startPgoFake({ clock: new FakeClock(0), pki: testPki() });
    try {
      const provider = createProvider({ ...rig.profile, apiUrl: fake.url, namespace: fake.namespace, username: fake.username, password: fake.password } as Profile, { secrets: memorySecretStore(), retry: FAST });
      await provider.list();
      fake.serverVersion = '4.3.9';
      const err = await provider.list().catch((e: unknown) => e);
      expect(isApiError(err, 'version-mismatch')).toBe(true);
      expect(describeError(err)).toMatch(/^rel-pgo: .*version mismatch/);
      await provider.list();
      tally.ok('provider faults');
    } finally {
      await fake.stop();
    }
  });
});

afterAll(() => {
  console.log(tally.line('reliability/faults'));
});
