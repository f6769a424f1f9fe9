// `pgtui create --profile X` as a script's author reads it: every valid value of every choice, none cut; a
// ClickHouse source service by its id and its name; and after "choose … from the list" the list itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V1_LOCATIONS } from '../../src/api/ionos-v1/catalog.js';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let v1: IonosV1Fake;
let ch: ClickHouseFake;
let env: NodeJS.ProcessEnv;
let ordersId: string;

beforeAll(async () => {
  ensureBuilt();
  [v1, ch] = await Promise.all([startIonosV1Fake({ rateLimit: false }), startClickHouseFake({ rateLimit: false })]);
  ordersId = ch.addService({ name: 'orders prod', state: 'running' }).id;
  const profiles: Profile[] = [
    { kind: 'ionos-v1', name: 'v1', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password, contractNumber: v1.contractNumber, timeoutMs: 5000 },
    { kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret, timeoutMs: 5000 },
  ];
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configWith(profiles) });
});
afterAll(async () => {
  await Promise.all([v1?.stop(), ch?.stop()]);
});

const pgtui = (args: string[]) => runCli(args, { env, timeoutMs: 30_000 });

describe('create --profile: the valid choices', () => {
  it('lists every location, uncut', async () => {
    const r = await pgtui(['--profile', 'v1', 'create']);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.startsWith('location '))!;
    expect(row).not.toContain('…');
    for (const loc of V1_LOCATIONS) expect(row).toContain(loc);
  });

  it('names each ClickHouse source service beside its id', async () => {
    const r = await pgtui(['--profile', 'ch', 'create']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^source .*one of the values below/m);
    expect(r.stdout).toMatch(new RegExp(`^ +${ordersId} \\(orders prod \\(`, 'm'));
  });

  it('follows "choose a location from the list" with the list', async () => {
    const r = await pgtui(['--profile', 'v1', 'create', '--set', 'location=xx/nope', '--set', 'displayName=x', '--dry-run']);
    expect(r.code).toBe(2);
    const line = r.stderr.split('\n').find((l) => l.includes('location: choose a location from the list'))!;
    expect(line).toBeDefined();
    for (const loc of V1_LOCATIONS) expect(line).toContain(loc);
  });
});
