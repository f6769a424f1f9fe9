// An unchanged poll must cost the terminal nothing: the store does not emit, React does not render, Ink
// writes no bytes. Measured with the real store polling a real fake over HTTP.
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { createProvider } from '../../../src/api/registry.js';
import { memorySecretStore } from '../../../src/api/core/types.js';
import { startClickHouseFake, type ClickHouseFake } from '../../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../../src/fake/kit.js';
import { createClusterStore } from '../../../src/state/store.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import type { Profile } from '../../../src/api/profile.js';
import { fakeProfilesApi } from '../forms/doubles.js';

let fake: ClickHouseFake;
let profile: Profile;
beforeAll(async () => {
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 9 });
  fake.seedServices(40);
  // Limits off, said explicitly: the test forces a dozen lists in a row, more than ClickHouse's 10 per 10 s.
  profile = { kind: 'clickhouse', name: 'idle', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, rateLimit: { requests: 1000, windowSeconds: 1 } };
});
afterAll(async () => {
  await fake?.stop();
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('ten unchanged polls write nothing to the terminal; one change writes a frame', async () => {
  const store = createClusterStore({ profiles: [profile], providerFor: (p) => createProvider(p, { secrets: memorySecretStore() }), settings: { refreshSeconds: 2 } });
  const app = render(<App store={store} profiles={fakeProfilesApi([profile])} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
  try {
    store.start();
    await until(() => store.getSnapshot().clusters.length === 40 && store.getSnapshot().profiles[0]?.status === 'ok');
    await until(() => /40 clusters/.test(app.lastFrame() ?? ''));
    // The first lists complete the services' hostnames a few at a time (src/api/clickhouse/client.ts): settled once all are known.
    // store.refresh() (r) resolves when its list has answered; each one is a whole list.
    // (A service being deleted is never looked up: it has no future host.)
    const hostless = () => store.getSnapshot().clusters.filter((c) => c.host === undefined && c.phase !== 'deleting');
    for (let i = 0; i < 30 && hostless().length > 0; i++) await store.refresh();
    expect(hostless().map((c) => c.name)).toEqual([]);
    const polled = async () => {
      const seen = fake.requests.length;
      await store.refresh();
      expect(fake.requests.length).toBeGreaterThan(seen);
    };
    await polled();
    const frames = app.frames.length;
    const version = store.getSnapshot().version;
    const listsBefore = fake.requests.filter((r) => r.method === 'GET').length;
    for (let i = 0; i < 10; i++) await polled(); // the last one proves the tenth list done
    expect(fake.requests.filter((r) => r.method === 'GET').length - listsBefore).toBeGreaterThanOrEqual(10);
    expect(store.getSnapshot().version).toBe(version);
    expect(app.frames.length).toBe(frames);

    const first = [...store.getSnapshot().clusters].sort((a, b) => a.name.localeCompare(b.name))[0]!;
    fake.service(first.id)!.state = 'stopped';
    store.refresh();
    await until(() => app.frames.length > frames);
    expect(app.lastFrame()).toMatch(new RegExp(`${first.name}\\s+stopped`));
  } finally {
    app.unmount();
    await store.stop();
  }
});

it('with fleet health on: once every cluster is judged, ten unchanged polls still write nothing', async () => {
  const store = createClusterStore({ profiles: [profile], providerFor: (p) => createProvider(p, { secrets: memorySecretStore() }), settings: { refreshSeconds: 2 }, health: { everyMs: 3_600_000 } });
  const app = render(<App store={store} profiles={fakeProfilesApi([profile])} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
  try {
    store.start();
    await until(() => /40 clusters/.test(app.lastFrame() ?? '') && /HEALTH/.test(app.lastFrame() ?? ''));
    const hostless = () => store.getSnapshot().clusters.filter((c) => c.host === undefined && c.phase !== 'deleting');
    for (let i = 0; i < 30 && hostless().length > 0; i++) await store.refresh();
    // Every cluster's request-costing facts read once (the round paces itself within its share of the budget).
    const unread = () => [...(store.getSnapshot().health?.values() ?? [])].filter((h) => h.checks.some((c) => c.evidence.includes('not read yet'))).length;
    await until(() => store.getSnapshot().health?.size === 40 && unread() === 0, 30_000);
    await store.refresh();
    const frames = app.frames.length;
    const version = store.getSnapshot().version;
    for (let i = 0; i < 10; i++) await store.refresh();
    expect(store.getSnapshot().version).toBe(version);
    expect(app.frames.length).toBe(frames);
  } finally {
    app.unmount();
    await store.stop();
  }
}, 60_000);
