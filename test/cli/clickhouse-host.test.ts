// `ls --wide` shows the HOST of running ClickHouse services, the same as `get --json` (issue 15, item 18): the
// list items carry no hostname (spec), so the client completes them, within the API's 10-per-10-s rate limit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let fake: ClickHouseFake;
const clock = new FakeClock(0);
/** Each run below starts a fresh rate-limit window, as a user running commands a while apart. */
const nextWindow = () => clock.advance(11_000);
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuilt();
  // The default rate limit stays on: 10 requests per 10 s, as the real API.
  fake = await startClickHouseFake({ clock, seed: 5 });
  fake.addService({ name: 'orders prod', state: 'running', region: 'eu-west-2' });
  fake.addService({ name: 'billing', state: 'running' });
  fake.addService({ name: 'events', state: 'restarting' });
  const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3000 };
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configWith([profile]), COLUMNS: '400' });
});
afterAll(async () => {
  await fake?.stop();
});

describe('ClickHouse HOST in the list', () => {
  it('ls --wide and ls --json show the host that get --json shows', async () => {
    const wide = await runCli(['ls', '--wide'], { env });
    expect(wide.code).toBe(0);
    expect(wide.stderr).toBe('');
    nextWindow();
    const json = await runCli(['ls', '--json'], { env });
    const listed = JSON.parse(json.stdout) as Array<{ id: string; name: string; host?: string }>;
    for (const name of ['orders prod', 'billing']) {
      const item = listed.find((c) => c.name === name)!;
      nextWindow();
      const got = await runCli(['get', item.id, '--json'], { env });
      expect(got.code, got.stderr).toBe(0);
      const host = (JSON.parse(got.stdout) as { host?: string }).host;
      expect(host).toMatch(/\.pg\.clickhouse\.cloud$/);
      expect(item.host).toBe(host);
      const line = wide.stdout.split('\n').find((l) => l.startsWith(name))!;
      expect(line).toContain(host);
    }
  });
});
