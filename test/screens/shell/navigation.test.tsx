// The App's navigation and confirmation table end to end through ink-testing-library: restart and password
// reset go through the capability check and the typed confirmation; edit returns to its cluster's detail; the
// profiles screen opens from :profiles and esc comes back; a cluster that disappears closes its detail.
// After a screen switch keys go through press(): the new screen subscribes its keys after its first frame.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import type { Profile } from '../../../src/api/profile.js';
import type { Cluster, FormSpec } from '../../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { cluster, fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { press, waitForFrame as until } from '../forms/keys.js';

const PROFILES: Profile[] = [
  { kind: 'ionos-v2', name: 'prod', username: 'u', password: 'p' },
  { kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' },
];
const CLUSTERS: Cluster[] = [
  cluster({ id: 'a', name: 'alpha', profile: 'prod' }),
  cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', state: 'running' }),
];
const editSpec: FormSpec = { title: 'Edit alpha', fields: [{ key: 'instances', label: 'Instances', kind: 'int', default: '1' }], validate: () => ({}) };

function setup() {
  const store = fakeStore({ profiles: PROFILES, editForm: async () => editSpec });
  store.setClusters(CLUSTERS);
  const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />);
  return { store, app };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('confirmations from the table', () => {
  it('restart: refused with the reason where the provider has none, confirmed by name where it has', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    store.restart.mockResolvedValue(undefined);
    await until(app.lastFrame, /❯ alpha/);
    app.stdin.write('\r');
    await until(app.lastFrame, /alpha\s+ready/);
    app.stdin.write('R');
    await until(app.lastFrame, 'restart is not available here');
    expect(app.lastFrame()).not.toContain('Restart alpha?');
    app.stdin.write('\u001b');
    await until(app.lastFrame, /❯ alpha/);
    app.stdin.write('j');
    await until(app.lastFrame, /❯ charlie/);
    app.stdin.write('\r');
    await until(app.lastFrame, /charlie\s+ready/);
    app.stdin.write('R');
    await until(app.lastFrame, 'Restart charlie? Connections will drop.');
    app.stdin.write('charlie\r');
    await until(app.lastFrame, 'restarting charlie…');
    expect(store.restart).toHaveBeenCalledTimes(1);
    expect(store.restart.mock.calls[0]![0].name).toBe('charlie');
  });

  it('reset password: shows the new password once in a box that fits, y copies it, closing drops it; an error in one line', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    store.resetPassword.mockResolvedValueOnce('n3w-secret').mockRejectedValueOnce(new Error('ch: 503 Service Unavailable'));
    await until(app.lastFrame, /❯ alpha/);
    app.stdin.write('j');
    await until(app.lastFrame, /❯ charlie/);
    app.stdin.write('\r');
    await until(app.lastFrame, /charlie\s+ready/);
    app.stdin.write('P');
    await until(app.lastFrame, 'Reset the password of charlie?');
    app.stdin.write('charlie\r');
    const box = await until(app.lastFrame, 'n3w-secret');
    expect(box).toContain('New password for charlie');
    // Every line of the box fits 80 columns; the header never carries the password.
    for (const line of box.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(box.split('\n')[0]).not.toContain('n3w-secret');
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      app.stdin.write('y');
      await until(app.lastFrame, 'sent the password to the terminal clipboard');
    } finally {
      write.mockRestore();
    }
    expect(written.join('')).toContain(`\u001b]52;c;${Buffer.from('n3w-secret').toString('base64')}\u0007`);
    app.stdin.write('\r');
    const closed = await until(app.lastFrame, (f) => !f.includes('New password for charlie'));
    expect(closed).not.toContain('n3w-secret');
    app.stdin.write('P');
    await until(app.lastFrame, 'Reset the password of charlie?');
    app.stdin.write('charlie\r');
    await until(app.lastFrame, 'ch: 503 Service Unavailable');
    expect(store.resetPassword).toHaveBeenCalledTimes(2);
  });
});

describe('screens', () => {
  it('edit on a ClickHouse read replica opens no form: the status line says why', async () => {
    const replica = cluster({ id: 'r', name: 'orders ro', profile: 'ch', provider: 'clickhouse', state: 'running', raw: { isPrimary: false } });
    const reason = 'orders ro is a read replica: ClickHouse Cloud refuses changes to a live read replica (promote it first)';
    const store = fakeStore({ profiles: PROFILES, editForm: async () => editSpec, unsupportedReason: (c, cap) => (cap === 'edit' ? reason : `${cap} is not available here`) });
    store.setClusters([replica]);
    const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />);
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ orders ro/);
    await press(app.stdin, '\r');
    await until(app.lastFrame, /orders ro\s+ready/);
    await press(app.stdin, 'e');
    await until(app.lastFrame, 'refuses changes to a live read replica');
    expect(store.editForm).not.toHaveBeenCalled();
    expect(app.lastFrame()).not.toContain('Instances');
  });

  it('edit opens on the detail cluster and esc returns to its detail screen', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, '\r');
    await until(app.lastFrame, /alpha\s+ready/);
    await press(app.stdin, 'e');
    await until(app.lastFrame, 'Instances');
    expect(store.editForm.mock.calls[0]![0].name).toBe('alpha');
    await press(app.stdin, '\u001b');
    const back = await until(app.lastFrame, /alpha\s+ready/);
    expect(back).not.toContain('Instances');
    await press(app.stdin, '\u001b');
    await until(app.lastFrame, /❯ alpha/);
  });

  it(':profiles opens the profiles screen and esc comes back to the list', async () => {
    const { app } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, ':');
    await until(app.lastFrame, /^:/m);
    await press(app.stdin, 'profiles\r');
    await until(app.lastFrame, 'a add');
    await press(app.stdin, '\u001b');
    await until(app.lastFrame, /❯ alpha/);
  });

  it('a cluster that disappears closes its detail screen and says so', async () => {
    const { app, store } = setup();
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, '\r');
    await until(app.lastFrame, /alpha\s+ready/);
    store.setClusters(CLUSTERS.slice(1));
    const frame = await until(app.lastFrame, 'the cluster is gone');
    expect(frame).toContain('charlie');
  });
});
