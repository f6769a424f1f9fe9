// A profile's own `connect.sslmode: "require"` is kept (README: "a profile's own sslmode is kept"): an SSH tunnel
// to 127.0.0.1 whose server certificate names the real host cannot pass verify-full, so pgtui must not upgrade
// it with the provider's CA. Without the setting, ClickHouse is still upgraded to verify-full.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, fakePsql, runCli } from '../cli/helpers.js';
import { Tally } from './rigs.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/psql-sslmode')));

let fake: ClickHouseFake;
let work: string;
const dirs: string[] = [];
beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 8 });
  fake.addService({ name: 'orders', state: 'running' });
  work = mkdtempSync(join(tmpdir(), 'pgtui-sslmode-'));
});
afterAll(async () => {
  await fake?.stop();
  for (const d of [work, ...dirs]) rmSync(d, { recursive: true, force: true });
});

async function psqlArgs(connect: Profile['connect']): Promise<{ argv: string; stderr: string; caAsked: number }> {
  const log = join(work, `psql-${dirs.length}.json`);
  const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, connect };
  const dir = configWith([profile], { psqlPath: fakePsql(work) });
  dirs.push(dir);
  const before = fake.requests.filter((q) => q.path.endsWith('/caCertificates')).length;
  const r = await runCli(['psql', 'orders'], { env: cleanEnv(work, { PGTUI_CONFIG_DIR: dir, FAKE_PSQL_LOG: log }) });
  expect(r.code, r.stderr).toBe(0);
  const argv = (JSON.parse(readFileSync(log, 'utf8')) as { argv: string[] }).argv.join(' ');
  return { argv, stderr: r.stderr, caAsked: fake.requests.filter((q) => q.path.endsWith('/caCertificates')).length - before };
}

describe('ClickHouse psql and the profile\'s sslmode', () => {
  it('connect.sslmode "require" through a tunnel on 127.0.0.1: kept, no CA fetched, no note', async () => {
    tally.try('explicit require kept');
    const { argv, stderr, caAsked } = await psqlArgs({ host: '127.0.0.1', port: 15432, sslmode: 'require' });
    expect(argv).toContain("sslmode='require'");
    expect(argv).not.toContain('verify-full');
    expect(argv).not.toContain('sslrootcert');
    expect(argv).toContain("host='127.0.0.1'");
    expect(caAsked).toBe(0);
    expect(stderr).not.toContain('note:');
    tally.ok('explicit require kept');
  });

  it('without a connect.sslmode the provider default is still upgraded to verify-full', async () => {
    tally.try('default upgraded');
    const { argv } = await psqlArgs({ host: '127.0.0.1', port: 15432 });
    expect(argv).toContain("sslmode='verify-full'");
    expect(argv).toContain('sslrootcert=');
    tally.ok('default upgraded');
  });
});
