// PGO: disk use (/df), reachability (/testclusters) and failover targets (GET /failover/{name}) against the
// fake, with the 4.3 wire shapes, the apiserver's Code:"error" answers and its permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supports, unsupportedReason } from '../../src/api/core/capabilities.js';
import { generateTestPki } from '../../src/fake/certs.js';
import { rig, type Rig } from './pgo-helpers.js';

let r: Rig;

beforeAll(async () => {
  r = await rig(generateTestPki());
  r.fake.addCluster({ name: 'hippo', condition: 'ready', replicas: 2, pvcSize: '5Gi' });
  r.fake.addCluster({ name: 'rhino', condition: 'degraded', replicas: 1 });
  r.fake.addCluster({ name: 'gnu', condition: 'shutdown' });
});
afterAll(async () => {
  await r.close();
});

describe('PGO disk use, reachability and failover targets', () => {
  it('df: one data volume per instance and the pgBackRest repo, used within capacity', async () => {
    const p = r.provider();
    const rows = await p.diskUsage(await p.get('hippo'));
    expect(rows.filter((x) => x.kind === 'data')).toHaveLength(3);
    expect(rows.filter((x) => x.kind === 'backups')).toHaveLength(1);
    for (const x of rows) {
      expect(x.usedBytes).toBeGreaterThan(0);
      expect(x.usedBytes).toBeLessThan(x.capacityBytes);
    }
    expect(rows.find((x) => x.kind === 'data')!.capacityBytes).toBe(5 * 1024 ** 3);
    const asked = r.fake.requests.filter((q) => q.path === '/df').at(-1)!;
    expect(asked.body).toMatchObject({ Namespace: r.fake.namespace, Selector: 'name=hippo', ClientVersion: '4.3.0' });
    expect(await p.diskUsage(await p.get('gnu'))).toEqual([]);
  });

  it('test: instances and endpoints, down where the pods are not ready', async () => {
    const p = r.provider();
    const ok = await p.reachability(await p.get('hippo'));
    expect(ok.every((c) => c.available)).toBe(true);
    expect(ok.filter((c) => c.what === 'instance').map((c) => c.role).sort()).toEqual(['primary', 'replica', 'replica']);
    expect(ok.filter((c) => c.what === 'endpoint').map((c) => c.role)).toEqual(['primary', 'replica', 'backups']);
    const degraded = await p.reachability(await p.get('rhino'));
    expect(degraded.some((c) => !c.available)).toBe(true);
    const shut = await p.reachability(await p.get('gnu'));
    expect(shut.every((c) => !c.available)).toBe(true);
  });

  it('failover targets are the replicas', async () => {
    const p = r.provider();
    const targets = await p.failoverTargets(await p.get('hippo'));
    expect(targets).toHaveLength(2);
    expect(targets.every((t) => t.status === 'running' && typeof t.lagMB === 'number' && t.timeline === 1)).toBe(true);
    const asked = r.fake.requests.filter((q) => q.path.startsWith('/failover/')).at(-1)!;
    expect(asked.query).toEqual({ version: '4.3.0', namespace: r.fake.namespace });
  });

  it("an apiserver refusal is the apiserver's message; a role without the permission is forbidden", async () => {
    const p = r.provider({ namespace: 'elsewhere' });
    const hippo = await r.provider().get('hippo');
    await expect(p.diskUsage(hippo)).rejects.toThrow(/df: /);
    const limited = await rig(generateTestPki(), { users: { viewer: 'pw' }, permissions: { viewer: ['Version', 'ShowCluster'] } });
    try {
      limited.fake.addCluster({ name: 'hippo', condition: 'ready' });
      const lp = limited.provider({ username: 'viewer', password: 'pw' });
      await expect(lp.diskUsage(await lp.get('hippo'))).rejects.toThrow(/403|Not authorized/);
    } finally {
      await limited.close();
    }
  });

  it('capabilities: PGO has df, test and failover, not logs', async () => {
    const p = r.provider();
    const c = await p.get('hippo');
    for (const cap of ['diskUsage', 'reachability', 'failover'] as const) expect(supports(p, c, cap)).toBe(true);
    expect(supports(p, c, 'logs')).toBe(false);
    expect(unsupportedReason(p, c, 'logs', 'Crunchy PGO')).toBe('logs is not available for Crunchy PGO clusters');
  });
});

describe('PGO pgBackRest backups', () => {
  it('lists the seeded full backup (and incrementals) newest first, asking as pgo does', async () => {
    const p = r.provider();
    expect(supports(p, await p.get('hippo'), 'backups')).toBe(true);
    const before = await p.backups('hippo');
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.at(-1)!.id).toMatch(/^\d{8}-\d{6}F$/);
    expect(before.map((b) => b.id)).toEqual([...before.map((b) => b.id)].sort().reverse());
    r.advance(60_000);
    const asked = r.fake.requests.filter((q) => q.path === '/backrest/hippo').at(-1)!;
    expect(asked.query).toEqual({ version: '4.3.0', selector: '', namespace: r.fake.namespace });
  });

  it('POST /backrestbackup adds an incremental on top of the last full', async () => {
    const p = r.provider();
    const transport = (p as unknown as { transport: { post: (path: string, build: (v: string) => unknown) => Promise<{ Code: string; Results: string[] }> } }).transport;
    const out = await transport.post('/backrestbackup', (v) => ({ ClientVersion: v, Namespace: r.fake.namespace, Args: ['hippo'], Selector: '', BackupOpts: '', BackrestStorageType: '' }));
    expect(out).toMatchObject({ Code: 'ok', Results: ['created Pgtask backrest-backup-hippo'] });
    const after = await p.backups('hippo');
    expect(after[0]!.id).toMatch(/^\d{8}-\d{6}F_\d{8}-\d{6}I$/);
  });
});
