// Editing ClickHouse services (issue 7): the form, the plan, and a PATCH that never loses tags.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { rig, type Rig } from './clickhouse-helpers.js';

let r: Rig;
beforeEach(async () => {
  r = await rig();
});
afterEach(async () => {
  await r.close();
});

const TAGS = [{ key: 'env', value: 'prod' }, { key: 'team', value: 'db' }];

describe('ClickHouse edit', () => {
  it('tags survive a size change: the PATCH re-sends them', async () => {
    const s = r.fake.addService({ name: 'orders', size: 'r8gd.large', tags: TAGS });
    const cluster = await r.provider.get(s.id);
    const plan = await r.provider.planUpdate(cluster, { name: 'orders', size: 'r8gd.xlarge', haType: 'none', tags: 'env=prod,team=db' });
    expect(plan).toEqual({
      method: 'PATCH',
      path: `/v1/organizations/${r.fake.orgId}/postgres/${s.id}`,
      diff: [{ key: 'size', label: 'VM size', from: 'r8gd.large', to: 'r8gd.xlarge' }],
      body: { size: 'r8gd.xlarge', tags: TAGS },
    });
    const updated = await r.provider.update(cluster, { size: 'r8gd.xlarge' });
    expect(r.fake.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { size: 'r8gd.xlarge', tags: TAGS } });
    expect(r.fake.service(s.id)!.tags).toEqual(TAGS);
    expect(updated).toMatchObject({ size: 'r8gd.xlarge', storage: '237 GiB', phase: 'updating' });
    r.advance(6_000);
    expect((await r.provider.get(s.id)).phase).toBe('ready');
  });

  it('the fake reproduces the real quirk: a PATCH without tags clears them', async () => {
    const s = r.fake.addService({ name: 'quirk', tags: TAGS });
    const res = await fetch(`${r.fake.url}/v1/organizations/${r.fake.orgId}/postgres/${s.id}`, {
      method: 'PATCH',
      headers: { authorization: `Basic ${Buffer.from(`${r.fake.keyId}:${r.fake.keySecret}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ haType: 'none' }),
    });
    expect(res.status).toBe(200);
    expect(r.fake.service(s.id)!.tags).toEqual([]);
  });

  it('changing tags and HA (the name is fixed after creation)', async () => {
    const s = r.fake.addService({ name: 'web', tags: TAGS });
    const cluster = await r.provider.get(s.id);
    const updated = await r.provider.update(cluster, { name: 'web', haType: 'sync', tags: 'env=staging' });
    expect(r.fake.requests.at(-1)?.body).toEqual({ haType: 'sync', tags: [{ key: 'env', value: 'staging' }] });
    expect(updated).toMatchObject({ name: 'web', instances: 3 });
    expect(r.fake.service(s.id)!.tags).toEqual([{ key: 'env', value: 'staging' }]);
  });

  it('no change sends nothing', async () => {
    const s = r.fake.addService({ name: 'same', tags: TAGS });
    const cluster = await r.provider.get(s.id);
    const before = r.fake.requests.length;
    const form = await r.provider.editForm(cluster);
    const defaults = Object.fromEntries(form.fields.map((f) => [f.key, f.default ?? '']));
    expect(defaults).toMatchObject({ name: 'same', size: 'r8gd.large', haType: 'none', tags: 'env=prod,team=db' });
    expect(form.validate(defaults)).toEqual({});
    expect((await r.provider.planUpdate(cluster, defaults)).diff).toEqual([]);
    expect(await r.provider.update(cluster, defaults)).toBe(cluster);
    expect(r.fake.requests.length).toBe(before);
  });

  it('read replicas: nothing editable, nothing sent', async () => {
    const primary = r.fake.addService({ name: 'main', tags: TAGS });
    const replica = r.fake.addService({ name: 'main ro', isPrimary: false, parentId: primary.id, tags: [{ key: 'role', value: 'ro' }] });
    const cluster = await r.provider.get(replica.id);
    const form = await r.provider.editForm(cluster);
    expect(form.fields.filter((f) => !f.immutable).map((f) => f.key)).toEqual([]);
    expect(form.validate({ name: 'main ro', size: 'r8gd.xlarge' })).toEqual({ size: 'a read replica cannot change this' });
    const before = r.fake.requests.length;
    expect(await r.provider.update(cluster, { name: 'main ro' })).toBe(cluster);
    expect(r.fake.requests.length).toBe(before);
    expect(r.fake.service(replica.id)!.tags).toEqual([{ key: 'role', value: 'ro' }]);
  });

  it('the fake refuses size changes on a replica and the message survives', async () => {
    const primary = r.fake.addService({ name: 'main' });
    const replica = r.fake.addService({ name: 'main ro', isPrimary: false, parentId: primary.id });
    // Pretend the client did not know it is a replica (stale raw).
    const cluster = { ...(await r.provider.get(replica.id)) };
    cluster.raw = { ...(cluster.raw as object), isPrimary: true };
    const err = await r.provider.update(cluster, { size: 'r8gd.xlarge' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).providerMessage).toBe('BAD_REQUEST: read replica services cannot be updated');
  });

  it('an edit on a busy service is a conflict', async () => {
    const s = r.fake.addService({ name: 'busy', state: 'restarting' });
    const err = await r.provider.update(await r.provider.get(s.id), { haType: 'async' }).catch((e: unknown) => e);
    expect((err as ApiError).kind).toBe('conflict');
  });
});
