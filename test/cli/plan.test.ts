// Plans as a user meets them (docs/plans.md), the real executable against the fakes, which count every write:
// read-only profiles send no write for any mutating command; protected ones want the exact name (--confirm NAME
// with --yes; a mismatch exits 7 with nothing sent); --dry-run prints the plan (-o json as JSON); an applied
// change lands in `pgtui journal` with its outcome, and the journal holds none of the seeded secrets.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { MUTATING_METHODS } from '../../src/plan/operations.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let v1: IonosV1Fake;
let ch: ClickHouseFake;
let home: string;
const SECRET_PW = 'Seeded-Pa55word-4-journal';

const writes = () => [...v1.requests, ...ch.requests].filter((r) => r.method !== 'GET');

function env(protection: 'normal' | 'protected' | 'read-only', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const profiles: Profile[] = [
    { kind: 'ionos-v1', name: 'v1', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password, contractNumber: v1.contractNumber, timeoutMs: 5000, protection },
    { kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret, timeoutMs: 5000, protection },
  ];
  return cleanEnv(home, { PGTUI_CONFIG_DIR: configWith(profiles, {}, { 'ch/x': JSON.stringify({ password: SECRET_PW }) }), XDG_STATE_HOME: join(home, 'state'), ...extra });
}
const pgtui = (args: string[], e: NodeJS.ProcessEnv, input?: string) => runCli(args, { env: e, input, timeoutMs: 30_000 });

beforeAll(async () => {
  ensureBuilt();
  const fast = { clock: new FakeClock(1), transitionMs: 300, rateLimit: false as const };
  [v1, ch] = await Promise.all([startIonosV1Fake(fast), startClickHouseFake(fast)]);
  v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'crm', ram: 4096, cores: 2, instances: 1 } });
  const orders = ch.addService({ name: 'orders', state: 'running', haType: 'async', firstBackupAt: Date.now() - 3_600_000 });
  ch.addService({ name: 'orders-replica', state: 'running', isPrimary: false, parentId: orders.id });
  home = mkdtempSync(join(tmpdir(), 'pgtui-plan-home-'));
});
afterAll(async () => {
  await Promise.all([v1?.stop(), ch?.stop()]);
});
beforeEach(() => {
  v1.requests.length = 0;
  ch.requests.length = 0;
});

/** Every mutating operation and the one-shot that reaches it; switchover has none (the TUI's `S` only). */
const COMMANDS: Record<string, string[] | null> = {
  create: ['--profile', 'ch', 'create', '--set', 'name=new one', '--set', 'provider=aws', '--set', 'region=us-west-2', '--set', 'size=r8gd.large', '--yes'],
  update: ['edit', 'crm', '--set', 'cores=4', '--yes'],
  updateSettings: ['config', 'orders', '--set', 'work_mem=64MB', '--yes'],
  remove: ['delete', 'crm', '--yes'],
  restart: ['restart', 'orders', '--yes'],
  promote: ['promote', 'orders-replica', '--yes'],
  resetPassword: ['reset-password', 'orders', '--yes'],
  restore: ['restore', 'orders', '--to', new Date(Date.now() - 60_000).toISOString(), '--yes'],
  switchover: null,
};

describe('read-only', () => {
  it('every mutating command sends 0 writes to the fakes and exits 7', async () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...MUTATING_METHODS].sort());
    const e = env('read-only');
    for (const [op, args] of Object.entries(COMMANDS)) {
      if (!args) continue;
      const r = await pgtui(args, e);
      expect(r.code, `${op}: ${r.stderr}`).toBe(7);
      expect(r.stderr, op).toMatch(/read-only/);
    }
    expect(writes()).toEqual([]);
  });
});

describe('protected', () => {
  it('delete, restore and settings refuse --yes alone and a wrong --confirm (exit 7, nothing sent)', async () => {
    const e = env('protected');
    for (const args of [COMMANDS.remove!, COMMANDS.restore!, COMMANDS.updateSettings!, COMMANDS.restart!]) {
      const alone = await pgtui(args, e);
      expect(alone.code, alone.stderr).toBe(7);
      expect(alone.stderr).toMatch(/is protected: --yes needs --confirm/);
      const wrong = await pgtui([...args, '--confirm', 'order'], e);
      expect(wrong.code, wrong.stderr).toBe(7);
      expect(wrong.stderr).toMatch(/does not match the cluster's name .*nothing sent/);
    }
    const piped = await pgtui(['delete', 'crm'], e, 'crm\n');
    expect(piped.code).toBe(7);
    expect(writes()).toEqual([]);
  });

  it('the exact name with --confirm applies it', async () => {
    const r = await pgtui([...COMMANDS.updateSettings!, '--confirm', 'orders'], env('protected'));
    expect(r.code, r.stderr).toBe(0);
    expect(writes().map((w) => w.method)).toEqual(['PATCH']);
  });
});

describe('--dry-run', () => {
  it('edit prints before → after, the redacted request, the curl line and the impact; sends nothing', async () => {
    const r = await pgtui(['edit', 'crm', '--set', 'instances=1', '--set', 'cores=4', '--dry-run'], env('normal'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^plan [0-9a-f]{16}: edit crm \(v1\)/);
    expect(r.stdout).toMatch(/Cores.*2 → 4/);
    expect(r.stdout).toMatch(/request: PATCH http:\/\/127\.0\.0\.1:\d+\/\S*clusters\//);
    expect(r.stdout).toMatch(/same with curl: curl -X PATCH '.*' -u "\$USERNAME:\$PASSWORD"/);
    expect(r.stdout).toMatch(/same with the provider's tool: ionosctl dbaas postgres cluster update --cluster-id [0-9a-f-]+ --cores 4\n/);
    expect(r.stdout).toMatch(/impact: none known/);
    expect(r.stdout).not.toContain(v1.credentials.password);
    expect(writes()).toEqual([]);
  });

  it('config -o json gives the same plan as JSON: changes, request, curl and the restart-required label', async () => {
    const ok = await pgtui(['config', 'orders', '--set', 'max_connections=300', '--dry-run', '-o', 'json'], env('normal'));
    expect(ok.code, ok.stderr).toBe(0);
    const plan = JSON.parse(ok.stdout) as { operation: string; changes: Array<{ key: string; to: string }>; request: { method: string; url: string; body: unknown }; equivalent: { curl: string }; impacts: Array<{ kind: string }>; hash: string };
    expect(plan.operation).toBe('updateSettings');
    expect(plan.changes).toEqual([expect.objectContaining({ key: 'max_connections', to: '300' })]);
    expect(plan.request).toMatchObject({ method: 'PATCH', body: { pgConfig: { max_connections: 300 } } });
    expect(plan.equivalent.curl).toMatch(/^curl -X PATCH/);
    expect(plan.impacts.map((i) => i.kind)).toEqual(['restart-required']);
    expect(plan.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(writes()).toEqual([]);
  });

  it('restart, promote, reset-password, delete and restore print their plan with its impact', async () => {
    const e = env('normal');
    const expected: Array<[string[], RegExp]> = [
      [['restart', 'orders'], /DOWNTIME: connections drop/],
      [['promote', 'orders-replica'], /IRREVERSIBLE: the replica stops following/],
      [['reset-password', 'orders'], /IRREVERSIBLE: the old password stops working/],
      [['delete', 'crm'], /IRREVERSIBLE: deletes the cluster/],
      [['restore', 'orders', '--to', new Date(Date.now() - 60_000).toISOString()], /request: POST \S*restoredService/],
    ];
    for (const [args, impact] of expected) {
      const r = await pgtui([...args, '--dry-run'], e);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args[0]).toMatch(impact);
    }
    expect(writes()).toEqual([]);
  });
});

describe('the journal', () => {
  it('after restart --yes, pgtui journal -o json has the entry with its outcome; the file is 0600 and holds no secret', async () => {
    const e = env('normal');
    const r = await pgtui(['restart', 'orders', '--yes'], e);
    expect(r.code, r.stderr).toBe(0);
    const reset = await pgtui(['reset-password', 'orders', '--yes'], e);
    expect(reset.code, reset.stderr).toBe(0);
    const newPassword = reset.stdout.trim();
    const j = await pgtui(['journal', '-o', 'json', '--cluster', 'orders', '--since', '1h'], e);
    expect(j.code, j.stderr).toBe(0);
    const entries = JSON.parse(j.stdout) as Array<{ operation: string; outcome: string; profile: string; hash: string; cluster: { name: string } }>;
    // Earlier tests applied a settings change to orders too: the last two are this test's.
    expect(entries.slice(-2).map((x) => [x.operation, x.outcome, x.profile, x.cluster.name])).toEqual([
      ['restart', 'ok', 'ch', 'orders'],
      ['resetPassword', 'ok', 'ch', 'orders'],
    ]);
    const dir = join(home, 'state', 'pgtui');
    const file = join(dir, 'journal.jsonl');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const text = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const secret of [SECRET_PW, newPassword, ch.keySecret, v1.credentials.password]) expect(text).not.toContain(secret);
    const table = await pgtui(['journal'], e);
    expect(table.stdout).toMatch(/restart orders \(ch\)/);
  });
});
