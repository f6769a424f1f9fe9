// pgtui edit as a user runs it: the real executable against the fakes, which record every request. An edit
// sends exactly the change, refuses bad values before any request, and never applies without a yes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { startIonosV2Fake, type IonosV2Fake } from '../../src/fake/ionos-v2/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let v1: IonosV1Fake;
let v2: IonosV2Fake;
let ch: ClickHouseFake;
let env: NodeJS.ProcessEnv;
let crmId: string;

beforeAll(async () => {
  ensureBuilt();
  const clock = new FakeClock(0);
  [v1, v2, ch] = await Promise.all([startIonosV1Fake({ clock }), startIonosV2Fake({ clock }), startClickHouseFake({ clock, rateLimit: false })]);
  crmId = v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'crm', ram: 4096, cores: 2, instances: 1, maintenanceWindow: { time: '04:00:00', dayOfTheWeek: 'Sunday' } } }).id;
  v2.addCluster('de/txl', {
    properties: {
      name: 'cms', description: 'Production', version: '16', instances: { count: 1, ram: 8, cores: 4, storageSize: 100 },
      connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.2.101/24' },
      maintenanceWindow: { time: '09:00:00', dayOfTheWeek: 'Sunday' }, replicationMode: 'ASYNCHRONOUS', connectionPooler: 'TRANSACTION',
      logsEnabled: true, metricsEnabled: true, backup: { location: 'eu-central-3', retentionDays: 21 },
    },
    credentials: { username: 'cms_user', password: 'Sup3r-Secret-Pw', database: 'cms' },
  });
  ch.addService({ name: 'orders', state: 'running', size: 'r8gd.large', tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'db' }] });
  const profiles: Profile[] = [
    { kind: 'ionos-v1', name: 'v1', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password, contractNumber: v1.contractNumber, timeoutMs: 3000 },
    { kind: 'ionos-v2', name: 'v2', endpoints: v2.endpoints, username: v2.credentials.username, password: v2.credentials.password, contractNumber: v2.contractNumber, timeoutMs: 3000 },
    { kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret, timeoutMs: 3000 },
  ];
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configWith(profiles) });
});
afterAll(async () => {
  await Promise.all([v1?.stop(), v2?.stop(), ch?.stop()]);
});
beforeEach(() => {
  v1.requests.length = 0;
  v2.requests.length = 0;
  ch.requests.length = 0;
});

const writes = (fake: { requests: Array<{ method: string }> }) => fake.requests.filter((r) => r.method !== 'GET');
const edit = (...args: string[]) => runCli(['edit', ...args], { env });

describe('pgtui edit', () => {
  it('without --set lists the fields with their current values, marking the fixed ones', async () => {
    const r = await edit('crm');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KEY\s+CURRENT\s+NOTES/);
    expect(r.stdout).toMatch(/^ram\s+4096 MB/m);
    expect(r.stdout).toMatch(/^maintenanceDay\s+Sunday\s+Monday\|/m);
    expect(writes(v1)).toEqual([]);
  });

  it('IONOS v1: PATCHes exactly the changed fields after --yes, and shows the diff first', async () => {
    const before = structuredClone(v1.cluster(crmId)!.properties);
    const r = await edit('crm', '--set', 'ram=8192', '--set', 'maintenanceDay=Monday', '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`request: PATCH \\S*/clusters/${crmId}`));
    expect(r.stdout).toMatch(/RAM per instance \(MB\)\s+4096 → 8192/);
    expect(r.stdout).toMatch(/Maintenance day\s+Sunday → Monday/);
    expect(r.stderr).toMatch(/^crm: change sent, now updating \(BUSY\)/);
    const sent = writes(v1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'PATCH', body: { properties: { ram: 8192, maintenanceWindow: { time: '04:00:00', dayOfTheWeek: 'Monday' } } } });
    expect(Object.keys((sent[0] as unknown as { body: { properties: object } }).body.properties).sort()).toEqual(['maintenanceWindow', 'ram']);
    const after = v1.cluster(crmId)!.properties;
    expect(after).toEqual({ ...before, ram: 8192, maintenanceWindow: { time: '04:00:00', dayOfTheWeek: 'Monday' } });
  });

  it('refuses an invalid value, an unknown key and a malformed --set before any request, exit 2', async () => {
    const bad = await edit('crm', '--set', 'ram=1000', '--yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pgtui: ram: /)]);
    const unknown = await edit('crm', '--set', 'colour=blue', '--yes');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^pgtui: colour is not a field you can edit here; one of: .*ram/);
    const malformed = await edit('crm', '--set', 'ram', '--yes');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--set wants key=value/);
    expect(writes(v1)).toEqual([]);
  });

  it('never applies without a yes: no terminal and no --yes exits 2; --dry-run only shows the change', async () => {
    const r = await edit('crm', '--set', 'cores=4');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Cores.*→ 4/);
    expect(r.stderr).toMatch(/not applied: add --yes/);
    const dry = await edit('crm', '--set', 'cores=4', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/→ 4/);
    expect(writes(v1)).toEqual([]);
  });

  it('IONOS v2: --show-body prints the whole object that will be PUT, and the PUT keeps every untouched field', async () => {
    const dry = await edit('cms', '--set', 'instances=2', '--dry-run', '--show-body');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('body (secrets masked):');
    expect(dry.stdout).toContain('REPLACES THE WHOLE OBJECT');
    expect(dry.stdout).toContain('"retentionDays": 21');
    expect(dry.stdout).not.toContain('Sup3r-Secret-Pw');
    const r = await edit('cms', '--set', 'instances=2', '--yes');
    expect(r.code).toBe(0);
    const [put] = writes(v2) as unknown as Array<{ method: string; body: { properties: Record<string, unknown> } }>;
    expect(put!.method).toBe('PUT');
    expect(put!.body.properties).toMatchObject({ instances: { count: 2, ram: 8, cores: 4, storageSize: 100 }, backup: { location: 'eu-central-3', retentionDays: 21 }, connectionPooler: 'TRANSACTION', logsEnabled: true, maintenanceWindow: { time: '09:00:00', dayOfTheWeek: 'Sunday' } });
  });

  it('ClickHouse: a size change re-sends the tags, so they survive', async () => {
    const r = await edit('orders', '--set', 'size=r8gd.xlarge', '--yes');
    expect(r.code).toBe(0);
    const [patch] = writes(ch);
    expect(patch).toMatchObject({ method: 'PATCH', body: { size: 'r8gd.xlarge', tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'db' }] } });
  });

  it('an API rejection is one line naming the profile, exit 1; --read-only refuses before sending', async () => {
    const undo = v1.inject({ status: 422, message: 'ram exceeds the contract quota', match: /^PATCH / });
    try {
      const r = await edit('crm', '--set', 'cores=8', '--yes');
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pgtui: v1: .*ram exceeds the contract quota/)]);
    } finally {
      undo();
    }
    v1.requests.length = 0;
    const ro = await runCli(['--read-only', 'edit', 'crm', '--set', 'cores=8', '--yes'], { env });
    expect(ro.code).toBe(7);
    expect(ro.stderr).toMatch(/read-only/);
    expect(writes(v1)).toEqual([]);
  });
});

describe('pgtui edit request cost', () => {
  it('--yes costs the fewest requests: the list, one read of the cluster, its versions, the plan\'s read, the PATCH (7 before)', async () => {
    const id = v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'ledger', ram: 4096, cores: 2, instances: 1 } }).id;
    v1.requests.length = 0;
    const r = await edit('ledger', '--set', 'cores=4', '--yes');
    expect(r.code).toBe(0);
    const calls = v1.requests.map((q) => `${q.method} ${q.path}`);
    // The plan's preview runs the update until its PATCH (captured, not sent: docs/plans.md), which reads the cluster once more.
    expect(calls.filter((c) => c === `GET /clusters/${id}`)).toHaveLength(2);
    expect(calls.filter((c) => c.startsWith('PATCH '))).toHaveLength(1);
    expect(calls).toHaveLength(5);
  });
});
