// PGO: what pgo leaves to the operator stays with the operator (SyncReplication only when chosen, the image tag empty
// unless chosen), a read-only pgouser asking for failover targets, and a profile without a client certificate.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/core/errors.js';
import { generateTestPki } from '../../src/fake/certs.js';
import { rig, type Rig } from './pgo-helpers.js';

const pki = generateTestPki(); // the default size: OpenSSL 3.5 (Node 24) refuses a 1024-bit key
let r: Rig;
afterEach(async () => {
  await r.close();
});

describe('PGO create leaves the operator its defaults', () => {
  it('no SyncReplication unless chosen: the operator default (here on) applies; the old "false" would have turned it off', async () => {
    r = await rig(pki, { syncReplicationDefault: true });
    const p = r.provider();
    await p.create({ name: 'hippo', replicas: '1' });
    expect(r.fake.requests.find((q) => q.path === '/clusters')!.body).not.toHaveProperty('SyncReplication');
    expect(r.fake.cluster('hippo')!.sync).toBe(true);
    await p.create({ name: 'rhino', replicas: '1', syncReplication: 'false' });
    expect(r.fake.requests.filter((q) => q.path === '/clusters').at(-1)!.body).toMatchObject({ SyncReplication: false });
    expect(r.fake.cluster('rhino')!.sync).toBe(false);
  });

  it('an empty image tag unless chosen: on 4.3.4 the server default centos7-12.5-4.3.4 applies, not one built from 4.3.0', async () => {
    r = await rig(pki, { serverVersion: '4.3.4' });
    const p = r.provider();
    const form = await p.createForm();
    const image = form.fields.find((f) => f.key === 'imageTag')!;
    expect(image.default).toBe('');
    // No tag list is known for 4.3.4: only the operator default is offered.
    expect(image.choices!.map((c) => c.value)).toEqual(['']);
    expect(form.validate({ name: 'x', replicas: '1', imageTag: 'centos7-12.2-4.3.4' }).imageTag).toBe('choose an image from the list');
    await p.create({ name: 'hippo', replicas: '1' });
    expect(r.fake.requests.find((q) => q.path === '/clusters')!.body).toMatchObject({ CCPImageTag: '' });
    expect(r.fake.cluster('hippo')!.imageTag).toBe('centos7-12.5-4.3.4');
    r.advance(60_000);
    expect((await p.get('hippo')).version).toBe('12.5');
  });

  it('a chosen tag of a known release is sent as chosen', async () => {
    r = await rig(pki, { serverVersion: '4.3.2' });
    const p = r.provider();
    expect((await p.createForm()).fields.find((f) => f.key === 'imageTag')!.choices!.map((c) => c.value)).toContain('centos7-11.8-4.3.2');
    await p.create({ name: 'hippo', replicas: '1', imageTag: 'centos7-11.8-4.3.2' });
    expect(r.fake.requests.find((q) => q.path === '/clusters')!.body).toMatchObject({ CCPImageTag: 'centos7-11.8-4.3.2' });
  });
});

describe('PGO permissions and certificates', () => {
  it('a read-only pgouser asking for failover targets: one clear line naming the permission', async () => {
    r = await rig(pki, { users: { viewer: 'pw' }, permissions: { viewer: ['Version', 'ShowCluster'] } });
    r.fake.addCluster({ name: 'hippo', condition: 'ready', replicas: 1 });
    const p = r.provider({ username: 'viewer', password: 'pw' });
    const err = await p.failoverTargets(await p.get('hippo')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((err as ApiError).message).toBe('pgouser viewer may not list failover targets: the apiserver asks for the CreateFailover permission even to read them (pgorole)');
  });

  it('a profile without a client certificate is told at verify (profile add/test), before any request', async () => {
    r = await rig(pki);
    const p = r.provider({ clientCert: undefined, clientKey: undefined });
    const before = r.fake.requests.length;
    const err = await p.verify().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'config', message: 'no client certificate: the PGO apiserver refuses every request but /health without one (give --cert and --key, the files pgo uses)' });
    expect(r.fake.requests.length).toBe(before);
    // What the old client met instead, at its first request: the apiserver's 403.
    const first = await p.list().catch((e: unknown) => e);
    expect((first as ApiError).status).toBe(403);
  });
});
