// Usage errors and refusals come before any request; no profile at all is said plainly; unknown profiles exit 2
// everywhere; `profile test` without a name tests every profile; commander's errors read "pgtui: ...".
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let hanging: Server;
let hits = 0;
let fake: ClickHouseFake;
let env: NodeJS.ProcessEnv;
let emptyEnv: NodeJS.ProcessEnv;
let twoEnv: NodeJS.ProcessEnv;
let v1Env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuilt();
  // A server that takes every request and never answers: any request would hold the command until its timeout.
  hanging = createServer(() => void hits++);
  await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  const home = mkdtempSync(join(tmpdir(), 'pgtui-home-'));
  const stuck: Profile = { kind: 'clickhouse', name: 'stuck', apiUrl: url, keyId: 'k', keySecret: 's', insecure: true, timeoutMs: 20_000 } as Profile;
  env = cleanEnv(home, { PGTUI_CONFIG_DIR: configWith([stuck]) });
  const stuckV1: Profile = { kind: 'ionos-v1', name: 'stuck-v1', apiUrl: url, token: 't', insecure: true, timeoutMs: 20_000 } as Profile;
  v1Env = cleanEnv(home, { PGTUI_CONFIG_DIR: configWith([stuckV1]) });
  emptyEnv = cleanEnv(home, { PGTUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pgtui-empty-')) });
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 7 });
  const good: Profile = { kind: 'clickhouse', name: 'good', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3000 };
  const revoked: Profile = { ...good, name: 'revoked', keySecret: 'wrong' } as Profile;
  twoEnv = cleanEnv(home, { PGTUI_CONFIG_DIR: configWith([good, revoked]) });
});
afterAll(async () => {
  hanging?.closeAllConnections();
  hanging?.close();
  await fake?.stop();
});

describe('arguments are checked before any request', () => {
  it('ls --cols NAME,FOO, get -o nope, and --read-only changes exit at once, the server never asked', async () => {
    const cols = await runCli(['ls', '--cols', 'NAME,FOO'], { env });
    expect(cols.code).toBe(2);
    expect(cols.stderr).toMatch(/^pgtui: --cols: no column FOO; one of NAME, /);
    const out = await runCli(['get', 'x', '-o', 'nope'], { env });
    expect(out.code).toBe(2);
    for (const args of [['delete', 'x', '--yes'], ['restart', 'x', '--yes'], ['reset-password', 'x', '--yes'], ['edit', 'x', '--set', 'a=b', '--yes'], ['create', '--profile', 'stuck', '--set', 'a=b', '--yes']]) {
      const r = await runCli(['--read-only', ...args], { env });
      expect(r.code, args.join(' ')).toBe(7);
      expect(r.stderr, args.join(' ')).toMatch(/^pgtui: --read-only: .* is disabled\n$/);
    }
    expect(hits).toBe(0);
  });

  it('restart, promote and reset-password where no profile has them at all: exit 7 before any request', async () => {
    for (const args of [['restart', 'x', '--yes'], ['promote', 'x', '--yes'], ['reset-password', 'x', '--yes']]) {
      const r = await runCli(args, { env: v1Env });
      expect(r.code, args.join(' ')).toBe(7);
      expect(r.stderr, args.join(' ')).toMatch(/^pgtui: .* is not available for IONOS .* clusters\n$/);
    }
    expect(hits).toBe(0);
  });
});

describe('no profile at all', () => {
  it('ls and get say no profile is configured and how to add one, exit 2', async () => {
    for (const args of [['ls'], ['get', 'billing'], ['ls', '--json'], ['profile', 'test']]) {
      const r = await runCli(args, { env: emptyEnv });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/^pgtui: no profile is configured\. Add one with: pgtui profile add NAME --provider KIND .*pgtui --demo\n$/);
    }
  });
});

describe('profiles', () => {
  it('an unknown profile exits 2 everywhere, remove included', async () => {
    for (const args of [['profile', 'remove', 'nosuch'], ['profile', 'test', 'nosuch'], ['ls', '--profile', 'nosuch']]) {
      const r = await runCli(args, { env: twoEnv });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^pgtui: no profile named nosuch/);
    }
  });

  it('profile test without a name tests every profile: one line each, exit 3 when some fail', async () => {
    const r = await runCli(['profile', 'test'], { env: twoEnv });
    expect(r.stdout).toMatch(/^good: ok, /m);
    expect(r.stderr).toMatch(/^pgtui: revoked: /m);
    expect(r.stderr).not.toContain('wrong');
    expect(r.code).toBe(3);
    const one = await runCli(['profile', 'test', 'good'], { env: twoEnv });
    expect(one.code).toBe(0);
  });

  it('commander speaks as pgtui, and profile add --help lists --read-only once', async () => {
    const r = await runCli(['ls', '--nope'], { env: twoEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pgtui: unknown option '--nope'/);
    const help = await runCli(['profile', 'add', '--help'], { env: twoEnv });
    expect(help.stdout.match(/--read-only/g)).toHaveLength(1);
    expect(help.stdout).toContain('Global Options:');
  });
});
