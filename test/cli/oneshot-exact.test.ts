// Commands that act on one cluster take its exact name or id, never a prefix: a mistyped or stale name in a
// script must not hit another cluster. A prefix is only suggested, and nothing is sent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let fake: ClickHouseFake;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 5 });
  fake.addService({ name: 'crm-reporting', state: 'running' });
  fake.addService({ name: 'billing', state: 'running' });
  const home = mkdtempSync(join(tmpdir(), 'pgtui-home-'));
  const ch: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3000 };
  env = cleanEnv(home, { PGTUI_CONFIG_DIR: configWith([ch]) });
});
afterAll(async () => {
  await fake?.stop();
});

const names = async () => {
  const r = await runCli(['ls', '--json'], { env });
  return (JSON.parse(r.stdout) as Array<{ name: string; phase: string }>).map((c) => `${c.name}:${c.phase}`).sort();
};

describe('exact NAME|ID only', () => {
  it('delete crm-r --yes refuses with a suggestion and deletes nothing', async () => {
    const r = await runCli(['delete', 'crm-r', '--yes'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('pgtui: no cluster named crm-r; did you mean crm-reporting? (names and ids must be exact)\n');
    expect(await names()).toEqual(['billing:ready', 'crm-reporting:ready']);
  });

  it('restart, get and psql take no prefix either; the exact name works', async () => {
    for (const args of [['restart', 'crm', '--yes'], ['get', 'bill'], ['psql', 'bill']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/^pgtui: no cluster named \w+; did you mean (crm-reporting|billing)\?/);
    }
    const exact = await runCli(['get', 'billing', '-o', 'json'], { env });
    expect(exact.code).toBe(0);
    expect((JSON.parse(exact.stdout) as { name: string }).name).toBe('billing');
    expect(await names()).toEqual(['billing:ready', 'crm-reporting:ready']);
  });
});
