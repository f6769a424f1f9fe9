// IONOS v2's two wire shapes of a cluster's backup settings: the older top-level `properties.backupLocation` (seed 002,
// the SDK ionosctl vendors) and the current `backup {location, retentionDays}`. The fake serves either, chosen per
// cluster, and refuses a PUT in the other shape; `pgtui edit --set ram=…` must send back exactly what the GET had.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startIonosV2Fake, type IonosV2Fake } from '../../src/fake/ionos-v2/fake.js';
import { seedDemoClusters, type DemoFakes } from '../../src/fake/demo-seed.js';
import { FakeClock } from '../../src/fake/kit.js';
import { raw } from '../api/ionos-v2-helpers.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from '../cli/helpers.js';

let v2: IonosV2Fake;
let env: NodeJS.ProcessEnv;
const ids: Record<string, string> = {};
const PROPS = {
  version: '16', instances: { count: 1, ram: 8, cores: 4, storageSize: 100 },
  connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.2.101/24' },
  maintenanceWindow: { time: '09:00:00', dayOfTheWeek: 'Sunday' }, backup: { location: 'eu-central-3', retentionDays: 21 },
};

beforeAll(async () => {
  ensureBuilt();
  v2 = await startIonosV2Fake({ clock: new FakeClock(1), transitionMs: 300, rateLimit: false });
  ids.nested = v2.addCluster('de/txl', { properties: { ...PROPS, name: 'nested-shape' } }).id;
  ids.flat = v2.addCluster('de/txl', { properties: { ...PROPS, name: 'flat-shape' }, backupShape: 'flat' }).id;
  const profiles: Profile[] = [{ kind: 'ionos-v2', name: 'v2', endpoints: v2.endpoints, username: v2.credentials.username, password: v2.credentials.password, contractNumber: v2.contractNumber, timeoutMs: 10_000 }];
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-v2-shapes-')), { PGTUI_CONFIG_DIR: configWith(profiles) });
});
afterAll(async () => {
  await v2?.stop();
});

const idOf = (name: string) => ids[name.replace('-shape', '')]!;
const backupPart = (p: Record<string, unknown>) => JSON.stringify({ backup: p.backup, backupLocation: p.backupLocation });

describe('IONOS v2 backup shapes', () => {
  it('the fake serves each cluster in its own shape', async () => {
    const nested = (await raw(v2, 'de/txl', 'GET', `/clusters/${idOf('nested-shape')}`)).body.properties;
    const flat = (await raw(v2, 'de/txl', 'GET', `/clusters/${idOf('flat-shape')}`)).body.properties;
    expect(nested.backup).toEqual({ location: 'eu-central-3', retentionDays: 21 });
    expect(nested).not.toHaveProperty('backupLocation');
    expect(flat.backupLocation).toBe('eu-central-3');
    expect(flat).not.toHaveProperty('backup');
  });

  it.each(['nested-shape', 'flat-shape'])('%s survives edit --set ram=16 with its backup settings byte-for-byte', async (name) => {
    const id = idOf(name);
    const before = (await raw(v2, 'de/txl', 'GET', `/clusters/${id}`)).body.properties as Record<string, unknown>;
    const start = v2.requests.length;
    const r = await runCli(['edit', name, '--set', 'ram=16', '--yes'], { env, timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/RAM per instance \(GB\) +8 → 16/);
    // No change line for retention (the plan's request body shows the whole object, retention unchanged).
    expect(r.stdout).not.toMatch(/retention[^\n]*→/i);
    const put = v2.requests.slice(start).find((q) => q.method === 'PUT')!;
    const sent = (put.body as { properties: Record<string, unknown> }).properties;
    expect(backupPart(sent)).toBe(backupPart(before));
    expect(sent.instances).toEqual({ ...(before.instances as object), ram: 16 });
    const after = (await raw(v2, 'de/txl', 'GET', `/clusters/${id}`)).body.properties as Record<string, unknown>;
    expect(backupPart(after)).toBe(backupPart(before));
  });

  it('the fake refuses what the old client sent for a flat cluster: backup {retentionDays: 0} without backupLocation', async () => {
    const id = idOf('flat-shape');
    // Transitions apply on the next request: poll through the API.
    await expect.poll(async () => (await raw(v2, 'de/txl', 'GET', `/clusters/${id}`)).body.metadata.state, { timeout: 10_000 }).toBe('AVAILABLE');
    const current = (await raw(v2, 'de/txl', 'GET', `/clusters/${id}`)).body.properties as Record<string, unknown>;
    const { backupLocation, credentials: _credentials, ...rest } = current;
    const old = await raw(v2, 'de/txl', 'PUT', `/clusters/${id}`, { id, properties: { ...rest, backup: { location: backupLocation, retentionDays: 0 } } });
    expect(old.status).toBe(422);
    expect(JSON.stringify(old.body)).toMatch(/properties\.backupLocation: required/);
    expect(JSON.stringify(old.body)).toMatch(/properties\.backup: not a property of this cluster/);
  });

  it('seeded worlds and the demo hold clusters of both shapes', async () => {
    const world = await startIonosV2Fake({ clock: new FakeClock(1), rateLimit: false });
    try {
      const seeded = world.seed(10);
      expect(new Set(seeded.map((c) => c.backupShape))).toEqual(new Set(['nested', 'flat']));
      const before = new Set(seeded.map((c) => c.id));
      // Only the v2 part of the demo matters here; the other fakes are stand-ins that accept anything.
      const other = new Proxy({}, { get: () => () => ({ id: 'x' }) });
      seedDemoClusters({ clickhouse: other, pgo: other, ionosV1: other, ionosV2: world, scale: 0 } as unknown as DemoFakes);
      const shapes = await Promise.all(
        Object.keys(world.endpoints).map(async (loc) => ((await raw(world, loc, 'GET', '/clusters')).body.items as Array<{ id: string; properties: Record<string, unknown> }>) ?? []),
      );
      const demoItems = shapes.flat().filter((c) => !before.has(c.id));
      expect(demoItems.some((c) => 'backupLocation' in c.properties && !('backup' in c.properties))).toBe(true);
      expect(demoItems.some((c) => 'backup' in c.properties && !('backupLocation' in c.properties))).toBe(true);
    } finally {
      await world.stop();
    }
  });
});

describe('IONOS v2 edit against a server that wants the credentials with every PUT', () => {
  it('says so in one line (exit 1, nothing changed); --password-stdin sends them once; never in --set', async () => {
    const strict = await startIonosV2Fake({ clock: new FakeClock(1), transitionMs: 300, rateLimit: false, credentialsOnPut: true });
    try {
      const id = strict.addCluster('de/txl', { properties: { ...PROPS, name: 'strict' }, credentials: { username: 'cms_user', password: 'S3cret!pass', database: 'cms' } }).id;
      const profiles: Profile[] = [{ kind: 'ionos-v2', name: 'v2', endpoints: strict.endpoints, username: strict.credentials.username, password: strict.credentials.password, contractNumber: strict.contractNumber, timeoutMs: 10_000 }];
      const senv = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-v2-cred-')), { PGTUI_CONFIG_DIR: configWith(profiles) });
      const first = await runCli(['edit', 'strict', '--set', 'ram=16', '--yes'], { env: senv, timeoutMs: 30_000 });
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(/^pgtui: (v2: )?IONOS wants the database password of cms_user with this change: give it in the Password field \(pgtui edit --password-stdin\); it is sent once and never stored\n$/);
      const inSet = await runCli(['edit', 'strict', '--set', 'password=x'], { env: senv });
      expect(inSet.code).toBe(2);
      expect(inSet.stderr).toMatch(/password is a secret: give it on stdin with --password-stdin/);
      const start = strict.requests.length;
      const ok = await runCli(['edit', 'strict', '--set', 'ram=16', '--password-stdin', '--yes'], { env: senv, input: 'N3w!Passw0rd\n', timeoutMs: 30_000 });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout + ok.stderr).not.toContain('N3w!Passw0rd');
      const put = strict.requests.slice(start).find((q) => q.method === 'PUT')!;
      expect((put.body as { properties: { credentials: unknown } }).properties.credentials).toEqual({ username: 'cms_user', database: 'cms', password: 'N3w!Passw0rd' });
      expect(strict.world.clusters.get(id)!.properties.instances.ram).toBe(16);
    } finally {
      await strict.stop();
    }
  });
});
