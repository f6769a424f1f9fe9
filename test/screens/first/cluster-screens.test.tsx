// The screens that were CLI-only: the raw object (secrets masked, JSON and YAML), backups and restore (typed
// name, from a backup or to a time), and PGO's health (df, test, failover targets).
import { afterEach, describe, expect, it } from 'vitest';
import type { Capability } from '../../../src/api/core/capabilities.js';
import { cluster } from '../forms/doubles.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';
import { footer, startApp } from './app-setup.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const can = (...caps: Capability[]) => (_c: unknown, cap: string) => (caps as string[]).includes(cap);

describe('raw view', () => {
  it("shows the provider's own object with secrets masked, and YAML on o", async () => {
    const raw = { id: 'a', properties: { displayName: 'alpha', credentials: { username: 'admin', password: 'pw-s3cr3t' }, uri: 'postgres://admin:uri-s3cr3t@h/db' } };
    const { app } = startApp({ clusters: [cluster({ id: 'a', name: 'alpha', raw })], size: { columns: 100, rows: 30 } });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, '\r');
    await until(app.lastFrame, /alpha\s+ready/);
    await press(app.stdin, 'v');
    const json = await until(app.lastFrame, '"displayName": "alpha"');
    expect(json).toContain('Raw · alpha');
    expect(json).toContain('"username": "admin"');
    expect(json).not.toContain('s3cr3t');
    expect(footer(json)).toContain('o json/yaml');
    await press(app.stdin, 'o');
    const yaml = await until(app.lastFrame, 'displayName: alpha');
    expect(yaml).toContain('YAML');
    expect(yaml).not.toContain('s3cr3t');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, /alpha\s+ready \(AVAILABLE\)/);
  });
});

describe('backups and restore', () => {
  const backup = { id: 'bk-1', clusterId: 'a', createdAt: '2026-12-06T08:00:00Z', earliestRecoveryTargetTime: '2026-12-06T08:00:00Z', sizeMB: 42, raw: {} };

  it('lists the backups and restores from the selected one once the name is typed', async () => {
    const { app, store } = startApp({ supports: can('backups', 'restore'), backups: async () => [backup], restore: async (c) => ({ ...c, phase: 'updating' }) });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'b');
    const list = await until(app.lastFrame, 'bk-1');
    expect(list).toContain('Backups · alpha');
    expect(list).toContain('42 MB');
    expect(footer(list)).toContain('R restore');
    await press(app.stdin, 'R');
    await until(app.lastFrame, 'Restore alpha from backup bk-1?');
    await press(app.stdin, 'x', KEY.enter);
    expect(await until(app.lastFrame, 'That is not the name')).toContain('nothing was restored');
    await press(app.stdin, KEY.backspace, ...'alpha', KEY.enter);
    expect(await until(app.lastFrame, 'restore from backup bk-1 sent')).toContain('alpha: restore from backup bk-1 sent; it is updating');
    expect(store.restore).toHaveBeenCalledWith(expect.objectContaining({ name: 'alpha' }), { backupId: 'bk-1' });
  });

  it('restores to a point in time where there is no backup list (ClickHouse), refusing a time that is not RFC 3339', async () => {
    const { app, store } = startApp({ supports: can('restore'), restore: async (c) => ({ ...c, id: 'new', name: `${c.name} restored`, phase: 'creating' }) });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'j', 'j', 'b');
    const screen = await until(app.lastFrame, 'Backups · charlie');
    expect(screen).toContain('backups is not available here');
    await press(app.stdin, 'T');
    await until(app.lastFrame, 'to a point in time');
    await press(app.stdin, ...'yesterday', KEY.enter);
    expect(await until(app.lastFrame, 'is not an RFC 3339 time')).toContain('yesterday is not an RFC 3339 time');
    await press(app.stdin, KEY.ctrlU, ...'2026-12-06T09:30:00+01:00', KEY.enter);
    await until(app.lastFrame, 'Restore charlie to 2026-12-06T08:30:00Z?');
    await press(app.stdin, ...'charlie', KEY.enter);
    expect(await until(app.lastFrame, 'into the new cluster')).toContain('charlie: restore to 2026-12-06T08:30:00Z sent, into the new cluster charlie restored');
    expect(store.restore.mock.calls[0]![1]).toEqual({ targetTime: '2026-12-06T08:30:00Z' });
  });

  it('read-only: the list shows, restore is neither offered nor run', async () => {
    const { app, store } = startApp({ readOnly: true, supports: can('backups', 'restore'), backups: async () => [backup] });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'b');
    const list = await until(app.lastFrame, 'bk-1');
    expect(footer(list)).not.toContain('restore');
    await press(app.stdin, 'R');
    await press(app.stdin, 'T');
    expect(app.lastFrame()).not.toContain('Restore alpha');
    expect(store.restore).not.toHaveBeenCalled();
  });
});

describe('health (PGO df, test, failover)', () => {
  it('shows disk use, reachability and failover targets; another provider says why in one line', async () => {
    const pgo = cluster({ id: 'p', name: 'hippo', profile: 'prod', provider: 'pgo' });
    const { app, store } = startApp({
      clusters: [pgo, cluster({ id: 'a', name: 'alpha' })],
      size: { columns: 120, rows: 30 },
      supports: (c, cap) => c.provider === 'pgo' && ['diskUsage', 'reachability', 'failover'].includes(cap),
      unsupportedReason: (_c, cap) => `${cap} is not available for IONOS v2 clusters`,
      diskUsage: async () => [{ instance: 'hippo', pod: 'hippo-0', kind: 'data', volume: 'hippo-pgdata', usedBytes: 950 * 1024 ** 2, capacityBytes: 1024 ** 3 }],
      reachability: async () => [
        { what: 'instance', role: 'primary', name: 'hippo-0', available: true },
        { what: 'endpoint', role: 'replica', name: 'hippo-replica:5432', available: false },
      ],
      failoverTargets: async () => [{ name: 'hippo-abcd', status: 'running', lagMB: 0, timeline: 2 }],
    });
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'j', '\r');
    expect(footer(await until(app.lastFrame, /hippo\s+ready/))).toContain('H health');
    await press(app.stdin, 'H');
    const frame = await until(app.lastFrame, 'hippo-abcd');
    expect(frame).toMatch(/hippo-pgdata\s+data\s+950 MiB of 1\.0 GiB\s+93%/);
    expect(frame).toMatch(/UP\s+instance\s+primary\s+hippo-0/);
    expect(frame).toMatch(/DOWN\s+endpoint\s+replica\s+hippo-replica:5432/);
    expect(frame).toMatch(/hippo-abcd\s+running\s+lag 0 MB\s+timeline 2/);
    await press(app.stdin, 'r');
    await until(app.lastFrame, () => store.diskUsage.mock.calls.length === 2);
    await press(app.stdin, KEY.esc, KEY.esc, 'g', 'H');
    const other = await until(app.lastFrame, 'Health · alpha');
    expect(other).toContain('diskUsage is not available for IONOS v2 clusters');
    expect(store.diskUsage).toHaveBeenCalledTimes(2);
  });
});
