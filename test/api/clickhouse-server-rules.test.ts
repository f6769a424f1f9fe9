// What the real ClickHouse Cloud refuses beyond its spec (ClickHouse's Terraform provider documents it; docs/fakes.md):
// no rename, no PATCH on a live read replica, no tag without a value; plus the restore name's 50-character limit
// and a 404 under a service that exists meaning "no such endpoint". Each fake rule is shown to refuse the old request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supports, unsupportedReason } from '../../src/api/core/capabilities.js';
import { restoredName } from '../../src/api/clickhouse/client.js';
import { ApiError } from '../../src/api/core/errors.js';
import { rig, type Rig } from './clickhouse-helpers.js';

let r: Rig;
beforeEach(async () => {
  r = await rig();
});
afterEach(async () => {
  await r.close();
});

function raw(method: string, path: string, body?: unknown) {
  return fetch(`${r.fake.url}/v1/organizations/${r.fake.orgId}/postgres${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${r.fake.keyId}:${r.fake.keySecret}`).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, error: ((await res.json()) as { error?: string }).error }));
}

describe('ClickHouse server rules', () => {
  it('rename: the edit form shows the name as fixed, --set name is refused locally, the fake refuses the old PATCH', async () => {
    const s = r.fake.addService({ name: 'orders', state: 'running' });
    const cluster = await r.provider.get(s.id);
    const form = await r.provider.editForm(cluster);
    expect(form.fields.find((f) => f.key === 'name')).toMatchObject({ immutable: true });
    expect(form.validate({ name: 'orders two' }).name).toMatch(/does not rename/);
    expect((await r.provider.planUpdate(cluster, { name: 'orders two', size: cluster.size! })).diff).toEqual([]);
    expect(await raw('PATCH', `/${s.id}`, { name: 'orders two', tags: [] })).toEqual({ status: 400, error: 'BAD_REQUEST: name cannot be changed after the service is created' });
    // The same name again is no rename.
    expect((await raw('PATCH', `/${s.id}`, { name: 'orders', tags: [] })).status).toBe(200);
  });

  it('read replica: edit is not offered (one line why); a PATCH that reaches the server comes back as its one-line reason', async () => {
    const primary = r.fake.addService({ name: 'main', state: 'running' });
    const replicaSvc = r.fake.addService({ name: 'main replica', state: 'running', isPrimary: false, parentId: primary.id });
    const replica = await r.provider.get(replicaSvc.id);
    expect(supports(r.provider, replica, 'edit')).toBe(false);
    expect(unsupportedReason(r.provider, replica, 'edit', 'ClickHouse')).toBe('main replica is a read replica: ClickHouse Cloud refuses changes to a live read replica (promote it first)');
    expect(supports(r.provider, await r.provider.get(primary.id), 'edit')).toBe(true);
    // The old client's replica form sent a rename; the fake refuses any PATCH on a replica.
    expect(await raw('PATCH', `/${replicaSvc.id}`, { name: 'renamed' })).toEqual({ status: 400, error: 'BAD_REQUEST: read replica services cannot be updated' });
    const err = await r.provider.update({ ...replica, raw: { ...(replica.raw as object), isPrimary: true } }, { size: 'r8gd.xlarge' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/^(ch: )?400 Bad Request: BAD_REQUEST: read replica services cannot be updated$/);
    expect((err as ApiError).message).not.toMatch(/\n/);
  });

  it('tags need a value: the form refuses "legacy" before sending, and the fake refuses the old body', async () => {
    const s = r.fake.addService({ name: 'web', state: 'running' });
    const cluster = await r.provider.get(s.id);
    const form = await r.provider.editForm(cluster);
    expect(form.validate({ tags: 'env=prod,legacy' }).tags).toBe('tag "legacy" needs a value (key=value): ClickHouse Cloud refuses a tag without one');
    const before = r.fake.requests.length;
    await expect(r.provider.update(cluster, { tags: 'legacy' })).rejects.toMatchObject({ kind: 'validation' });
    expect(r.fake.requests.length).toBe(before);
    expect(await raw('PATCH', `/${s.id}`, { tags: [{ key: 'legacy' }] })).toEqual({ status: 400, error: 'BAD_REQUEST: tag "legacy" needs a value' });
    expect(await raw('POST', '', { name: 'x', provider: 'aws', region: 'eu-west-2', size: 'r8gd.large', tags: [{ key: 'legacy', value: '' }] })).toEqual({ status: 400, error: 'BAD_REQUEST: tag "legacy" needs a value' });
  });

  it('restore: the default "<name> restored" fits the 50-character limit; the fake refuses 51', async () => {
    const long = `orders ${'x'.repeat(43)}`;
    expect(long.length).toBe(50);
    expect(restoredName(long)).toBe(`orders ${'x'.repeat(34)} restored`);
    expect(restoredName(long).length).toBe(50);
    expect(restoredName('orders-eu (prod)')).toBe('orders eu prod restored');
    expect(restoredName('日本')).toBe('restored');
    const s = r.fake.addService({ name: long, state: 'running' });
    const cluster = await r.provider.get(s.id);
    const target = new Date(r.clock.now() - 3_600_000).toISOString();
    const restored = await r.provider.restore(cluster, { targetTime: target });
    expect(restored.name).toBe(restoredName(long));
    // What the old client sent: 59 characters.
    expect(await raw('POST', `/${s.id}/restoredService`, { name: `${long} restored`, restoreTarget: target })).toEqual({ status: 400, error: 'BAD_REQUEST: name must be between 1 and 50 characters' });
  });

  it('a 404 on a sub-resource of a service that exists is "no such endpoint" (unsupported), not "no service"', async () => {
    const s = r.fake.addService({ name: 'old api', state: 'running' });
    const cluster = await r.provider.get(s.id);
    const stop = r.fake.inject({ status: 404, message: 'Not Found', match: /GET .*\/logs$/ });
    try {
      const err = await r.provider.logs(cluster, { from: new Date(r.clock.now() - 3_600_000), to: new Date(r.clock.now()), limit: 10 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'unsupported', status: 404, message: expect.stringMatching(/^(ch: )?this ClickHouse Cloud API has no \/logs endpoint \(404 for a service that exists\)$/) });
    } finally {
      stop();
    }
    // A service that is really gone stays not-found.
    r.fake.services.delete(s.id);
    await expect(r.provider.getConfig(s.id)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
