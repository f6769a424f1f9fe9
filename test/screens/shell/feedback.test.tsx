// Issue 15 through ink-testing-library: flashes that clear, refresh and create with a spinner that ends with
// what happened, AGE that ticks, a second `/` that starts anew, the first run, ctrl-c and q everywhere.
import { render } from 'ink-testing-library';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster, FormSpec } from '../../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { msUntilAgeChanges, nextAgeTick } from '../../../src/present/age-tick.js';
import { FLASH_MS } from '../../../src/ui/hooks/status.js';
import { cluster, fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';

const PROFILES: Profile[] = [
  { kind: 'ionos-v2', name: 'prod', username: 'u', password: 'p' },
  { kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' },
];
const DAY = 86_400_000;
const old = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const CLUSTERS: Cluster[] = [
  cluster({ id: 'a', name: 'alpha', profile: 'prod', createdAt: old(3) }),
  cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', state: 'running', createdAt: old(40) }),
];
const createSpec: FormSpec = { title: 'New cluster', fields: [{ key: 'name', label: 'Name', kind: 'text' }], validate: () => ({}) };

/** Resolves when the App's tree is unmounted (what useApp().exit does). */
function Probe({ onGone }: { onGone: () => void }) {
  useEffect(() => onGone, [onGone]);
  return null;
}

function setup(opts: { profiles?: Profile[]; clusters?: Cluster[] } = {}) {
  const profiles = opts.profiles ?? PROFILES;
  const store = fakeStore({ profiles, createForm: async () => createSpec });
  store.setClusters(opts.clusters ?? CLUSTERS);
  let gone = false;
  const app = render(
    <>
      <App store={store} profiles={fakeProfilesApi(profiles)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />
      <Probe onGone={() => void (gone = true)} />
    </>,
  );
  return { store, app, exited: () => gone };
}

async function untilTrue(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('status messages', () => {
  it('unknown command :foo is a flash that clears by itself', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, ':', 'foo', KEY.enter);
    await until(app.lastFrame, 'unknown command :foo');
    const shown = Date.now();
    await until(app.lastFrame, (f) => !f.includes('unknown command'), FLASH_MS.error + 5_000);
    expect(Date.now() - shown).toBeGreaterThanOrEqual(FLASH_MS.error - 500);
  }, 20_000);

  it('r shows a spinner until the lists are back, then how many profiles were refreshed', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    let answer = () => {};
    store.refresh.mockImplementation(() => new Promise<void>((resolve) => (answer = resolve)));
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'r');
    const busy = await until(app.lastFrame, 'refreshing…');
    expect(busy).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] refreshing…/);
    answer();
    expect(await until(app.lastFrame, 'refreshed 2 profiles')).not.toContain('refreshing…');
  });

  it('a create shows a spinner until the list has the cluster ready: "ux-v1 is ready"', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    const created = cluster({ id: 'n', name: 'ux-v1', profile: 'prod', phase: 'creating', state: 'BUSY', createdAt: new Date().toISOString() });
    store.create.mockImplementation(async () => {
      store.setClusters([...CLUSTERS, created]);
      return created;
    });
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'c');
    await until(app.lastFrame, 'Which profile');
    await press(app.stdin, KEY.enter);
    await until(app.lastFrame, 'New cluster');
    await press(app.stdin, 'ux-v1', KEY.ctrlS);
    await until(app.lastFrame, /Review|Create/);
    // The review step, if any, is confirmed with enter.
    for (let i = 0; i < 3 && !app.lastFrame()!.includes('creating ux-v1…'); i++) {
      await press(app.stdin, KEY.enter);
      await until(app.lastFrame, 'creating ux-v1…', 1_000).catch(() => undefined);
    }
    await until(app.lastFrame, 'creating ux-v1…');
    store.setClusters([...CLUSTERS, { ...created, phase: 'ready', state: 'AVAILABLE' }]);
    expect(await until(app.lastFrame, 'ux-v1 is ready')).not.toContain('creating ux-v1…');
  });
});

describe('AGE', () => {
  it('ticks at the granularity it shows, and old clusters schedule nothing soon', async () => {
    const now = Date.now();
    expect(msUntilAgeChanges(new Date(now - 10_400).toISOString(), now)).toBe(600);
    expect(msUntilAgeChanges(new Date(now - 5 * 60_000 - 1_000).toISOString(), now)).toBe(59_000);
    // Days: the next change is hours away, so an idle screen of old clusters writes nothing.
    expect(nextAgeTick(CLUSTERS.map((c) => c.createdAt), now)).toBeGreaterThan(60 * 60_000);

    const fresh = cluster({ id: 'f', name: 'fresh', profile: 'prod', createdAt: new Date(Date.now() - 3_000).toISOString() });
    const { app } = setup({ clusters: [...CLUSTERS, fresh] });
    cleanup = app.unmount;
    const first = await until(app.lastFrame, /fresh.*\s\ds\s/);
    const age = Number(/fresh.*\s(\d+)s\s/.exec(first)![1]);
    // With nothing else happening, the row's age moves on by itself.
    await until(app.lastFrame, (f) => {
      const m = /fresh.*\s(\d+)s\s/.exec(f);
      return Boolean(m && Number(m[1]) >= age + 2);
    }, 5_000);
  });
});

describe('filter', () => {
  it('a second / starts a new filter with the old text selected: typing replaces it, → keeps it', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, '/', 'alp', KEY.enter);
    await until(app.lastFrame, 'matching "alp"');
    await press(app.stdin, '/');
    expect(await until(app.lastFrame, 'type to replace')).toContain('/alp');
    await press(app.stdin, 'ch');
    let frame = await until(app.lastFrame, 'matching "ch"');
    expect(frame).not.toContain('alpch');
    await press(app.stdin, KEY.enter, '/');
    await until(app.lastFrame, 'type to replace');
    await press(app.stdin, KEY.right, 'a');
    frame = await until(app.lastFrame, 'matching "cha"');
    expect(frame).toMatch(/charlie/);
  });
});

describe('first run', () => {
  it('with no profiles, the list says where profiles come from and c says the right thing', async () => {
    const { app } = setup({ profiles: [], clusters: [] });
    cleanup = app.unmount;
    const frame = await until(app.lastFrame, 'No profiles yet');
    for (const text of ['IONOS_TOKEN', 'CLICKHOUSE_CLOUD_API_KEY', 'PGO_APISERVER_URL', ':profiles', 'pgtui --demo']) expect(frame).toContain(text);
    // From each provider module's envHint: IONOS v1 and v2 share one line.
    expect(frame).toMatch(/IONOS_PASSWORD\s+IONOS v1 and IONOS v2/);
    // The guidance fits 80 columns (the test terminal is 100 wide; the footer uses that).
    const guide = frame.split('\n').slice(frame.split('\n').findIndex((l) => l.includes('No profiles yet')), -1);
    for (const line of guide) expect(line.trimEnd().length, line).toBeLessThanOrEqual(80);
    await press(app.stdin, 'c');
    const after = await until(app.lastFrame, 'no profiles yet: add one with :profiles');
    expect(after).not.toContain('read-only');
  });
});

describe('quitting', () => {
  it('ctrl-c on a form with typed input asks first; a second ctrl-c quits', async () => {
    const { app, exited } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'c');
    await until(app.lastFrame, 'Which profile');
    await press(app.stdin, KEY.enter);
    await until(app.lastFrame, 'New cluster');
    await press(app.stdin, 'half');
    await until(app.lastFrame, /Name\s+half/);
    await press(app.stdin, '\u0003');
    await until(app.lastFrame, 'ctrl-c again quits');
    expect(exited()).toBe(false);
    await press(app.stdin, '\u0003');
    await untilTrue(exited);
  });

  it('ctrl-c quits from the profiles screen at once, and q quits from its list and from the detail screen', async () => {
    for (const [keys, screen] of [[[':', 'profiles', KEY.enter], 'Profiles'], [[KEY.enter], 'Connection']] as const) {
      for (const quit of ['\u0003', 'q']) {
        const { app, exited } = setup();
        try {
          await until(app.lastFrame, /❯ alpha/);
          await press(app.stdin, ...keys);
          await until(app.lastFrame, screen);
          await press(app.stdin, quit);
          await untilTrue(exited);
        } finally {
          app.unmount();
        }
      }
    }
  });
});
