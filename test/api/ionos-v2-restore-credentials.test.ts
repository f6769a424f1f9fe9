// IONOS v2: restoring from the active backup without --to (its latestRecoveryTargetTime is null: "restorable up to
// now"), and a server that wants the credentials with every PUT (ionosctl and Terraform always send them).
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import type { FakeV2Cluster } from '../../src/fake/ionos-v2/fake.js';
import { rig, type Rig } from './ionos-v2-helpers.js';

let r: Rig;
afterEach(async () => {
  await r.close();
});

const PROPS = {
  name: 'cms', version: '16', instances: { count: 1, ram: 8, cores: 4, storageSize: 100 },
  connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.2.101/24' },
  backup: { location: 'eu-central-3', retentionDays: 21 },
};
const puts = () => r.fake.requests.filter((q) => q.method === 'PUT');

describe('IONOS v2 restore without --to', () => {
  it('from the active backup (latestRecoveryTargetTime null): restores to the latest point, sending no recoveryTargetDatetime', async () => {
    r = await rig({ rateLimit: false });
    const c: FakeV2Cluster = r.fake.addCluster('de/txl', { properties: PROPS, credentials: { username: 'cms_user', password: 'S3cret!pass', database: 'cms' } });
    const cluster = await r.provider.get(c.id);
    const [backup] = await r.provider.backups(c.id);
    expect(backup!.active).toBe(true);
    expect(backup!.latestRecoveryTargetTime).toBeUndefined();
    const restored = await r.provider.restore(cluster, { backupId: backup!.id });
    expect(restored.phase).toBe('updating');
    const body = puts().at(-1)!.body as { properties: Record<string, unknown> };
    expect(body.properties.restoreFromBackup).toEqual({});
    // With --to, that time.
    r.advance(6_000);
    await r.provider.restore(cluster, { backupId: backup!.id, targetTime: '2026-11-20T10:00:00Z' });
    expect((puts().at(-1)!.body as { properties: Record<string, unknown> }).properties.restoreFromBackup).toEqual({ recoveryTargetDatetime: '2026-11-20T10:00:00Z' });
  });
});

describe('IONOS v2 PUT and credentials', () => {
  it('a server that wants the credentials: one line saying so, the password field named; with the password the PUT carries them', async () => {
    r = await rig({ rateLimit: false, credentialsOnPut: true });
    const c = r.fake.addCluster('de/txl', { properties: PROPS, credentials: { username: 'cms_user', password: 'S3cret!pass', database: 'cms' } });
    const cluster = await r.provider.get(c.id);
    const form = await r.provider.editForm(cluster);
    expect(form.fields.find((f) => f.key === 'password')).toMatchObject({ kind: 'secret' });
    expect(form.fields.find((f) => f.key === 'password')!.required).toBeFalsy();
    const err = await r.provider.update(cluster, { ram: '16' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/^(ionos-v2: )?IONOS wants the database password of cms_user with this change: give it in the Password field \(pgtui edit --password-stdin\); it is sent once and never stored$/);
    expect((err as ApiError).fieldErrors).toEqual({ password: 'IONOS asks for the password with this change' });
    // The old request, without credentials, is what this server refuses.
    expect((puts().at(-1)!.body as { properties: Record<string, unknown> }).properties).not.toHaveProperty('credentials');
    await r.provider.update(cluster, { ram: '16', password: 'N3w!Passw0rd' });
    const sent = (puts().at(-1)!.body as { properties: { credentials?: unknown } }).properties.credentials;
    expect(sent).toEqual({ username: 'cms_user', database: 'cms', password: 'N3w!Passw0rd' });
    // Never stored: the secret store holds nothing for the cluster.
    expect(JSON.stringify(r.secrets)).not.toContain('N3w!Passw0rd');
  });

  it('the default server (credentials optional, as the SDK marks them): no credentials sent, none needed', async () => {
    r = await rig({ rateLimit: false });
    const c = r.fake.addCluster('de/txl', { properties: PROPS });
    await r.provider.update(await r.provider.get(c.id), { ram: '16' });
    expect((puts().at(-1)!.body as { properties: Record<string, unknown> }).properties).not.toHaveProperty('credentials');
  });
});
