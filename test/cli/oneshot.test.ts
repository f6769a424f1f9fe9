// The one-shot commands driven as a user would: the real executable, a private config, real HTTP to the
// fakes. Exit codes, plain output when piped, one-line errors that never carry a secret.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let fake: ClickHouseFake;
let home: string;
let env: NodeJS.ProcessEnv;
let good: Profile;

beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 3 });
  fake.addService({ name: 'orders', state: 'running', region: 'eu-west-2' });
  fake.addService({ name: 'billing', state: 'running' });
  fake.addService({ name: 'analytics', state: 'stopped' });
  home = mkdtempSync(join(tmpdir(), 'pgtui-home-'));
  good = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3000 };
  env = cleanEnv(home, { PGTUI_CONFIG_DIR: configWith([good]) });
});
afterAll(async () => {
  await fake?.stop();
});

describe('pgtui ls', () => {
  it('prints a plain table with no escape codes when piped', async () => {
    const r = await runCli(['ls'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0]).sort()).toEqual(['analytics', 'billing', 'orders']);
     
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--json gives normalised clusters a script can use', async () => {
    const r = await runCli(['ls', '--json'], { env });
    expect(r.code).toBe(0);
    const clusters = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(clusters).toHaveLength(3);
    const orders = clusters.find((c) => c.name === 'orders')!;
    expect(orders).toMatchObject({ profile: 'ch', provider: 'clickhouse', phase: 'ready', state: 'running' });
    expect(orders).not.toHaveProperty('raw');
    expect(clusters.find((c) => c.name === 'analytics')).toMatchObject({ phase: 'stopped' });
  });

  it('--filter narrows by name or state', async () => {
    const r = await runCli(['ls', '--json', '--filter', 'stop'], { env });
    expect((JSON.parse(r.stdout) as Array<{ name: string }>).map((c) => c.name)).toEqual(['analytics']);
  });

  it('lists the profiles that answer and exits 3 naming the one that did not, without its secret', async () => {
    const bad: Profile = { ...good, name: 'ch-revoked', keySecret: 'sEcReT-do-not-print' } as Profile;
    const r = await runCli(['ls'], { env: { ...env, PGTUI_CONFIG_DIR: configWith([good, bad]) } });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('orders');
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^pgtui: ch-revoked: .*(401|credential|key)/i);
    expect(r.stderr + r.stdout).not.toContain('sEcReT-do-not-print');
  });

  it('exits 1 with one line when every profile fails (nothing listening)', async () => {
    const dead: Profile = { ...good, name: 'gone', apiUrl: 'http://127.0.0.1:9' } as Profile;
    const r = await runCli(['ls'], { env: { ...env, PGTUI_CONFIG_DIR: configWith([dead]) } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/gone: .*(refused|connect)/i);
  });

  it('exits 2 on an unknown profile or option', async () => {
    expect((await runCli(['ls', '--profile', 'nope'], { env })).code).toBe(2);
    const r = await runCli(['--profile', 'nope', 'ls'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no profile named nope');
    expect((await runCli(['ls', '--frobnicate'], { env })).code).toBe(2);
  });
});

describe('pgtui get', () => {
  it('shows one cluster with its host', async () => {
    const r = await runCli(['get', 'orders'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^name\s+orders$/m);
    expect(r.stdout).toMatch(/^host\s+\S+/m);
    expect(r.stdout).toMatch(/^location\s+.*eu-west-2/m);
  });

  it('exits 4 when nothing matches', async () => {
    const r = await runCli(['get', 'nosuch'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nosuch');
  });

  it('exits 2 when a name is in two profiles, listing them', async () => {
    const twin: Profile = { ...good, name: 'ch-twin' } as Profile;
    const r = await runCli(['get', 'orders'], { env: { ...env, PGTUI_CONFIG_DIR: configWith([good, twin]) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ch-twin');
  });
});

describe('pgtui wait', () => {
  it('returns 0 once the cluster is ready, reporting each phase on stderr', async () => {
    const s = fake.addService({ name: 'fresh', state: 'creating' });
    // Ready only once pgtui has reported the first answer ("creating"): flipping earlier races its first poll.
    let seen!: () => void;
    const sawCreating = new Promise<void>((resolve) => (seen = resolve));
    const done = runCli(['wait', 'fresh', '--for', 'ready', '--interval', '200ms', '--timeout', '20s'], {
      env,
      onStderr: (text) => text.includes('fresh: creating') && seen(),
    });
    await Promise.race([sawCreating, done]);
    fake.service(s.id)!.state = 'running';
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fresh: creating');
    expect(r.stderr).toContain('fresh: ready');
  });

  it('exits 6 on timeout and 2 on a bad duration', async () => {
    fake.addService({ name: 'stuck', state: 'creating' });
    const r = await runCli(['wait', 'stuck', '--for', 'ready', '--interval', '200ms', '--timeout', '1s'], { env });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('still creating after 1s');
    expect((await runCli(['wait', 'stuck', '--for', 'ready', '--timeout', 'soon'], { env })).code).toBe(2);
  });
});

describe('pgtui profile', () => {
  it('adds a profile only after the credentials work, reading the secret from stdin, into 0600 files', async () => {
    const dir = configWith([]);
    const e = { ...env, PGTUI_CONFIG_DIR: dir };
    const wrong = await runCli(['profile', 'add', 'mine', '--provider', 'clickhouse', '--api-url', fake.url, '--key-id', fake.keyId, '--key-secret-stdin'], { env: e, input: 'wrong-secret\n' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).not.toContain('wrong-secret');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles).toEqual([]);

    const ok = await runCli(['profile', 'add', 'mine', '--provider', 'clickhouse', '--api-url', fake.url, '--key-id', fake.keyId, '--key-secret-stdin'], { env: e, input: `${fake.keySecret}\n` });
    expect(ok.code).toBe(0);
    const listed = await runCli(['profile', 'list', '--json'], { env: e });
    expect(JSON.parse(listed.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'mine', provider: 'clickhouse', source: 'file' })]));
    expect(listed.stdout).not.toContain(fake.keySecret);
    for (const f of ['config.json', 'secrets.json']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    expect((await runCli(['ls', '--json'], { env: e })).code).toBe(0);
  });
});

describe('IONOS v2 regions', () => {
  it('lists the regions that answer, names the one that did not, and exits 3', async () => {
    const { startIonosV2Fake } = await import('../../src/fake/ionos-v2/fake.js');
    const v2 = await startIonosV2Fake({ clock: new FakeClock(0), seed: 4 });
    try {
      v2.seed(18);
      v2.inject('de/fra', { status: 503, message: 'region under maintenance' });
      const profile: Profile = { kind: 'ionos-v2', name: 'v2', endpoints: v2.endpoints, username: v2.credentials.username, password: v2.credentials.password, timeoutMs: 3000 };
      const r = await runCli(['ls', '--json'], { env: { ...env, PGTUI_CONFIG_DIR: configWith([profile]) } });
      expect(r.code).toBe(3);
      const clusters = JSON.parse(r.stdout) as Array<{ location: string }>;
      expect(clusters).toHaveLength(16);
      expect(clusters.some((c) => c.location === 'de/fra')).toBe(false);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pgtui: v2: region de\/fra: 503 .*region under maintenance/)]);
      expect(r.stderr).not.toContain(v2.credentials.password);
    } finally {
      await v2.stop();
    }
  });
});

describe('big output into a pipe', () => {
  it('ls --json of thousands of clusters arrives whole (exit waits for stdout to drain)', async () => {
    const { startIonosV1Fake } = await import('../../src/fake/ionos-v1/fake.js');
    const v1 = await startIonosV1Fake({ clock: new FakeClock(0), seed: 6 });
    try {
      v1.seed(3000);
      const profile: Profile = { kind: 'ionos-v1', name: 'big', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password };
      const r = await runCli(['ls', '--json'], { env: { ...env, PGTUI_CONFIG_DIR: configWith([profile]) }, timeoutMs: 30_000 });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as unknown[]).length).toBe(3000);
    } finally {
      await v1.stop();
    }
  });
});
