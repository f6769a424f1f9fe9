// Deleting (or restarting) a busy cluster: refused before the typed name is asked for, and a 409 from the
// provider said as what it means instead of "409 Conflict: CONFLICT: Conflict" (issue 15, item 6).
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { busyReason, conflictText } from '../../../src/api/core/busy.js';
import { httpError } from '../../../src/api/core/errors.js';
import type { Cluster } from '../../../src/api/core/types.js';
import type { Profile } from '../../../src/api/profile.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { cluster, fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { waitForFrame } from '../forms/keys.js';

const PROFILES: Profile[] = [{ kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' }];
const restarting = cluster({ id: 'u', name: 'uxch', profile: 'ch', provider: 'clickhouse', phase: 'updating', state: 'restarting' });
const running = cluster({ id: 'u', name: 'uxch', profile: 'ch', provider: 'clickhouse', phase: 'ready', state: 'running' });

function setup(clusters: Cluster[], remove: (c: Cluster) => Promise<void>) {
  const store = fakeStore({ profiles: PROFILES, remove });
  store.setClusters(clusters);
  const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={async () => 0} />);
  return { store, app };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('delete of a busy cluster', () => {
  it('says the cluster is restarting instead of asking for its name', async () => {
    const { app, store } = setup([restarting], async () => {});
    cleanup = app.unmount;
    await waitForFrame(app.lastFrame, 'uxch');
    app.stdin.write('\u0004');
    const frame = await waitForFrame(app.lastFrame, 'delete it when it is ready');
    expect(frame).toContain('uxch is restarting; delete it when it is ready');
    expect(frame).not.toContain('Delete uxch');
    // The list still takes keys: no prompt swallowed them.
    app.stdin.write('?');
    await waitForFrame(app.lastFrame, /help/i);
    expect(store.remove).not.toHaveBeenCalled();
  });

  it('maps a 409 to the phase the cluster moved to while the name was typed', async () => {
    const holder: { store?: ReturnType<typeof setup>['store'] } = {};
    const conflict = async () => {
      holder.store!.setClusters([restarting]);
      throw httpError(409, 'CONFLICT: Conflict', { profile: 'ch' });
    };
    const rig = setup([running], conflict);
    holder.store = rig.store;
    cleanup = rig.app.unmount;
    await waitForFrame(rig.app.lastFrame, 'uxch');
    rig.app.stdin.write('\u0004');
    await waitForFrame(rig.app.lastFrame, 'Delete uxch');
    rig.app.stdin.write('uxch\r');
    const frame = await waitForFrame(rig.app.lastFrame, 'when it is ready');
    expect(frame).toContain('uxch is restarting; delete it when it is ready');
    expect(frame).not.toContain('CONFLICT');
  });
});

describe('busyReason / conflictText', () => {
  it('refuses only in transitional phases, in the provider\'s word', () => {
    expect(busyReason(running, 'delete')).toBeUndefined();
    expect(busyReason(cluster({ phase: 'degraded' }), 'delete')).toBeUndefined();
    expect(busyReason(cluster({ name: 'geo', phase: 'creating', state: 'PROVISIONING' }), 'delete')).toBe('geo is provisioning; delete it when it is ready');
    expect(busyReason(cluster({ name: 'x', phase: 'updating', state: 'BUSY' }), 'delete')).toBe('x is updating; delete it when it is ready');
    expect(busyReason(cluster({ name: 'x', phase: 'deleting', state: 'DESTROYING' }), 'delete')).toBe('x is already being deleted');
  });

  it('keeps the provider\'s words when they say more than "Conflict"', () => {
    expect(conflictText(httpError(409, 'CONFLICT: Conflict'), running, 'delete')).toBe('uxch is busy with another operation; delete it when it is ready');
    expect(conflictText(httpError(409, 'Service has 1 read replica(s); delete them first'), running, 'delete')).toBe('uxch: Service has 1 read replica(s); delete them first');
    expect(conflictText(httpError(500, 'boom'), running, 'delete')).toBeUndefined();
  });
});
