// The App over the store double, at a chosen terminal size, for the daily-use tests of this folder.
import { useEffect } from 'react';
import { vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster } from '../../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { cluster, fakeProfilesApi, fakeStore, type StoreOptions } from '../forms/doubles.js';
import { frameLines, renderSized } from '../sized.js';

export const PROFILES: Profile[] = [
  { kind: 'ionos-v2', name: 'prod', username: 'u', password: 'p' },
  { kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' },
];

export const CLUSTERS: Cluster[] = [
  cluster({ id: 'a', name: 'alpha', profile: 'prod' }),
  cluster({ id: 'b', name: 'bravo', profile: 'prod' }),
  cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', state: 'running' }),
];

export function startApp(opts: StoreOptions & { clusters?: Cluster[]; size?: { columns: number; rows: number }; readOnly?: boolean } = {}) {
  const store = fakeStore({
    profiles: PROFILES,
    connection: (c) => ({ host: `${c.name}.example`, port: 5432, database: 'postgres', user: 'admin', password: 'hunter2-secret', sslmode: 'require' }),
    ...opts,
  });
  store.setClusters(opts.clusters ?? CLUSTERS);
  let gone = false;
  const sized = renderSized(
    <>
      <App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={Boolean(opts.readOnly)} launchPsql={vi.fn(async () => 0)} />
      <Probe onGone={() => void (gone = true)} />
    </>,
    opts.size ?? { columns: 100, rows: 30 },
  );
  // Colours dropped: the frame as the user reads it.
  const app = { ...sized, lastFrame: () => { const f = sized.lastFrame(); return f === undefined ? undefined : frameLines(f).join('\n'); } };
  return { store, app, exited: () => gone };
}

/** Unmounted with the App's tree (what useApp().exit does). */
function Probe({ onGone }: { onGone: () => void }) {
  useEffect(() => onGone, [onGone]);
  return null;
}

export const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';
