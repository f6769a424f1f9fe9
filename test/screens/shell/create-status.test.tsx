// After a create, the status line follows the new cluster to "ready", on every provider: the store puts the
// cluster a moment after the create answers (as the real store does), which must not read as "gone".
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster, FormSpec, ProviderKind } from '../../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { cluster, fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';

const PROFILES: Profile[] = [{ kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' }];
const createSpec: FormSpec = { title: 'New cluster', fields: [{ key: 'name', label: 'Name', kind: 'text' }], validate: () => ({}) };
const existing = cluster({ id: 'a', name: 'alpha', profile: 'ch', provider: 'clickhouse' });

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('create → ready on the status line', () => {
  for (const provider of ['clickhouse', 'ionos-v1', 'ionos-v2', 'pgo'] as ProviderKind[]) {
    it(`${provider}: "ux-v1 is ready", never "is gone" while the row reads creating`, async () => {
      const store = fakeStore({ profiles: PROFILES, createForm: async () => createSpec });
      store.setClusters([existing]);
      const created: Cluster = cluster({ id: 'n', name: 'ux-v1', profile: 'ch', provider, phase: 'creating', state: 'BUSY' });
      // Like the real store: the create answers first; the list has the cluster on a later emit.
      store.create.mockImplementation(async () => {
        setTimeout(() => store.setClusters([existing, created]), 50);
        return created;
      });
      const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />);
      cleanup = app.unmount;
      await until(app.lastFrame, /❯ alpha/);
      await press(app.stdin, 'c');
      await until(app.lastFrame, 'New cluster');
      await press(app.stdin, 'ux-v1', KEY.ctrlS);
      for (let i = 0; i < 3 && !app.lastFrame()!.includes('creating ux-v1…'); i++) {
        await press(app.stdin, KEY.enter);
        await until(app.lastFrame, 'creating ux-v1…', 1_000).catch(() => undefined);
      }
      await until(app.lastFrame, /ux-v1\s+creating/);
      expect(app.lastFrame()).toContain('creating ux-v1…');
      expect(app.frames.join('\n')).not.toContain('is gone');
      store.setClusters([existing, { ...created, phase: 'ready', state: 'AVAILABLE' }]);
      expect(await until(app.lastFrame, 'ux-v1 is ready')).not.toContain('is gone');
    });
  }
});
