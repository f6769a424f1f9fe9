// The scripting commands as a user runs them: the real executable against the fakes, which record every request.
// Each refuses before its first write when it must (read-only, no --yes, a secret in --set, an API without the
// operation), sends exactly one write when it goes ahead, and exits with the documented code.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { startIonosV2Fake, type IonosV2Fake } from '../../src/fake/ionos-v2/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { cleanEnv, configWith, ensureBuilt, fakePsql, runCli } from './helpers.js';

let v1: IonosV1Fake;
let ch: ClickHouseFake;
let v2: IonosV2Fake;
let env: NodeJS.ProcessEnv;
let configDir: string;
let work: string;
let crmId: string;

beforeAll(async () => {
  ensureBuilt();
  // A real-time clock with short transitions, so --wait sees clusters become ready (or go) within the test.
  const clock = new FakeClock(1);
  // Limits off: dozens of separate one-shot processes in a few seconds are not normal use (each has its own budget);
  // the budget is tested in test/api/budget.test.ts and test/reliability/rate-limit.test.ts.
  const fast = { clock, transitionMs: 400, rateLimit: false as const };
  [v1, ch, v2] = await Promise.all([startIonosV1Fake(fast), startClickHouseFake(fast), startIonosV2Fake(fast)]);
  v2.addCluster('de/txl', {
    properties: {
      name: 'cms', version: '16', instances: { count: 1, ram: 8, cores: 4, storageSize: 100 },
      connection: { datacenterId: '5a029f4a-72e5-11ec-90d6-0242ac120003', lanId: '2', primaryInstanceAddress: '192.168.2.101/24' },
      maintenanceWindow: { time: '09:00:00', dayOfTheWeek: 'Sunday' }, backup: { location: 'eu-central-3', retentionDays: 21 },
    },
    credentials: { username: 'cms_user', password: 'Sup3r-Secret-Pw', database: 'cms' },
  });
  crmId = v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'crm', ram: 4096, cores: 2, instances: 1 } }).id;
  v1.addCluster({ state: 'AVAILABLE', properties: { displayName: 'doomed', ram: 2048, cores: 1, instances: 1 } });
  ch.addService({ name: 'orders', state: 'running', size: 'r8gd.large', createdAt: new Date(Date.now() - 86_400_000).toISOString(), firstBackupAt: Date.now() - 3_600_000 });
  ch.addService({ name: 'orders-archive', state: 'running' });
  work = mkdtempSync(join(tmpdir(), 'pgtui-ops-'));
  const profiles: Profile[] = [
    { kind: 'ionos-v1', name: 'v1', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password, contractNumber: v1.contractNumber, timeoutMs: 5000 },
    { kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret, timeoutMs: 5000 },
    { kind: 'ionos-v2', name: 'v2', endpoints: v2.endpoints, username: v2.credentials.username, password: v2.credentials.password, contractNumber: v2.contractNumber, timeoutMs: 5000 },
  ];
  configDir = configWith(profiles, { psqlPath: fakePsql(work) });
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configDir });
});
afterAll(async () => {
  await Promise.all([v1?.stop(), ch?.stop(), v2?.stop()]);
});
beforeEach(() => {
  v1.requests.length = 0;
  ch.requests.length = 0;
  v2.requests.length = 0;
});

const writes = (fake: { requests: Array<{ method: string; path: string; body: unknown }> }) => fake.requests.filter((r) => r.method !== 'GET');
const pgtui = (args: string[], input?: string) => runCli(args, { env, input, timeoutMs: 30_000 });
/** The v1 create form's required fields but the name and the password. */
const NETWORK = ['--set', 'datacenterId=5a029f4a-72e5-11ec-90d6-0242ac120003', '--set', 'lanId=2', '--set', 'cidr=192.168.1.100/24', '--set', 'username=app'];

describe('pgtui create', () => {
  it('without --set lists the create form: keys, defaults, required and secret fields', async () => {
    const r = await pgtui(['--profile', 'v1', 'create']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^KEY\s+DEFAULT\s+NOTES/);
    expect(r.stdout).toMatch(/^password\s+required\s+secret: from stdin with --password-stdin/m);
    expect(writes(v1)).toEqual([]);
  });

  it('refuses a secret in --set, a missing --profile, an unknown key and --read-only, before any write', async () => {
    const secret = await pgtui(['--profile', 'v1', 'create', '--set', 'displayName=x', '--set', 'password=Sup3r-Secret-1', '--yes']);
    expect(secret.code).toBe(2);
    expect(secret.stderr).toBe('pgtui: password is a secret: give it on stdin with --password-stdin, never in --set\n');
    expect(secret.stderr).not.toContain('Sup3r-Secret-1');
    const noProfile = await pgtui(['create', '--set', 'displayName=x']);
    expect(noProfile.code).toBe(2);
    expect(noProfile.stderr).toMatch(/^pgtui: create needs --profile \(one of v1, ch, v2\)\n$/);
    const unknown = await pgtui(['--profile', 'v1', 'create', '--set', 'colour=blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^pgtui: colour is not a field of this create form; one of: /);
    const ro = await pgtui(['--read-only', '--profile', 'v1', 'create', '--set', 'displayName=x', '--yes']);
    expect(ro.code).toBe(7);
    expect(ro.stderr).toBe('pgtui: --read-only: create is disabled\n');
    expect(writes(v1)).toEqual([]);
  });

  it('checks values like the form and says how to give a missing secret', async () => {
    const r = await pgtui(['--profile', 'v1', 'create', ...NETWORK, '--set', 'displayName=new-db', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/password: .*\(give it on stdin with --password-stdin\)/);
    expect(writes(v1)).toEqual([]);
  });

  it('--dry-run shows the review with the secret masked and sends nothing; without --yes a pipe is refused', async () => {
    const dry = await pgtui(['--profile', 'v1', 'create', ...NETWORK, '--set', 'displayName=new-db', '--password-stdin', '--dry-run'], 'Very-Secret-Pw-123\n');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/\(v1\):\n/);
    expect(dry.stdout).toMatch(/new-db/);
    expect(dry.stdout).toMatch(/Password\s+••••••••/);
    expect(dry.stdout + dry.stderr).not.toContain('Very-Secret-Pw-123');
    const noYes = await pgtui(['--profile', 'v1', 'create', ...NETWORK, '--set', 'displayName=new-db', '--password-stdin'], 'Very-Secret-Pw-123\n');
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toMatch(/not created: add --yes/);
    expect(writes(v1)).toEqual([]);
  });

  it('--yes --wait sends one POST with the password from stdin, waits until ready (progress on stderr) and prints the cluster as JSON', async () => {
    const r = await pgtui(['--profile', 'v1', 'create', ...NETWORK, '--set', 'displayName=made-here', '--password-stdin', '--yes', '--wait', '--interval', '0.2s', '--timeout', '20s', '--json'], 'Very-Secret-Pw-123\n');
    expect(r.code, r.stderr).toBe(0);
    const posts = writes(v1);
    expect(posts.map((p) => `${p.method} ${p.path}`)).toEqual(['POST /clusters']);
    const props = (posts[0]!.body as { properties: { displayName: string; credentials: { password: string } } }).properties;
    expect(props.displayName).toBe('made-here');
    expect(props.credentials.password).toBe('Very-Secret-Pw-123');
    expect(r.stderr).toMatch(/made-here: create sent, now creating/);
    expect(r.stderr).toMatch(/made-here: ready \(AVAILABLE\)/);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'made-here', profile: 'v1', phase: 'ready' });
    expect(r.stdout + r.stderr).not.toContain('Very-Secret-Pw-123');
  });
});

describe('pgtui delete', () => {
  it('refuses without --yes on a pipe, and under --read-only, sending nothing', async () => {
    const r = await pgtui(['delete', 'doomed']);
    expect(r.code).toBe(2);
    // The plan is shown on stderr first (docs/plans.md), then the refusal.
    expect(r.stderr).toMatch(/^plan [0-9a-f]{16}: delete doomed \(v1\)\n/);
    expect(r.stderr).toMatch(/IRREVERSIBLE: deletes the cluster and its data\n/);
    expect(r.stderr.endsWith('pgtui: not deleted: add --yes to run without a prompt, or --dry-run to only show the plan\n')).toBe(true);
    const ro = await pgtui(['--read-only', 'delete', 'doomed', '--yes']);
    expect(ro.code).toBe(7);
    expect(writes(v1)).toEqual([]);
  });

  it('--yes --wait sends one DELETE and returns when the cluster is gone', async () => {
    const r = await pgtui(['delete', 'doomed', '--yes', '--wait', '--interval', '0.2s', '--timeout', '20s']);
    expect(r.code, r.stderr).toBe(0);
    expect(writes(v1).map((w) => w.method)).toEqual(['DELETE']);
    expect(r.stderr).toMatch(/doomed: delete sent\n[\s\S]*doomed: deleted\n$/);
    const gone = await pgtui(['get', 'doomed']);
    expect(gone.code).toBe(4);
  });
});

describe('restart, promote, reset-password: where the API has them', () => {
  it('restart on a provider without it is one line, exit 7, no write; on one with it, one write', async () => {
    const no = await pgtui(['restart', 'crm', '--yes']);
    expect(no.code).toBe(7);
    expect(no.stderr).toMatch(/^pgtui: crm: restart is not available for [^\n]+ clusters\n$/);
    expect(writes(v1)).toEqual([]);
    const yes = await pgtui(['restart', 'orders', '--yes', '-o', 'json']);
    expect(yes.code, yes.stderr).toBe(0);
    expect(writes(ch).map((w) => `${w.method} ${w.path.replace(/.*\/postgres\//, '')}`)).toEqual([expect.stringMatching(/^PATCH [^/]+\/state$/)]);
    expect(writes(ch)[0]!.body).toEqual({ command: 'restart' });
    expect(JSON.parse(yes.stdout)).toMatchObject({ name: 'orders' });
  });

  it('promote of a primary is refused by the provider rule, exit 7, no write', async () => {
    const r = await pgtui(['promote', 'orders-archive', '--yes']);
    expect(r.code).toBe(7);
    expect(r.stderr).toBe('pgtui: orders-archive is not a read replica: only a read replica can be promoted\n');
    expect(writes(ch)).toEqual([]);
  });

  it('reset-password prints only the new password on stdout, once', async () => {
    const r = await pgtui(['reset-password', 'orders-archive', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(lines[0]).toMatch(/^\S{8,}$/);
    expect(r.stderr).not.toContain(lines[0]!);
    expect(writes(ch).map((w) => w.method + ' ' + w.path.split('/').at(-1))).toEqual(['PATCH password']);
    // Kept for psql: the stored login carries it.
    expect(readFileSync(join(configDir, 'secrets.json'), 'utf8')).toContain(lines[0]!);
  });
});

describe('pgtui backups and restore', () => {
  it('backups: a table, --cols/--no-headers, -o json and -o yaml; a refusal where the API lists none', async () => {
    const table = await pgtui(['backups', 'crm']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+CREATED\s+EARLIEST\s+LATEST\s+VERSION\s+SIZE\n/);
    const json = JSON.parse((await pgtui(['backups', 'crm', '-o', 'json'])).stdout) as Array<{ id: string; clusterId: string }>;
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((b) => b.clusterId === crmId)).toBe(true);
    const ids = await pgtui(['backups', 'crm', '--cols', 'id', '--no-headers']);
    expect(ids.stdout.trim().split('\n')).toEqual(json.map((b) => b.id));
    const yaml = parseYaml((await pgtui(['backups', 'crm', '-o', 'yaml'])).stdout) as unknown;
    expect(yaml).toEqual(json);
    const no = await pgtui(['backups', 'orders']);
    expect(no.code).toBe(7);
    expect(no.stderr).toMatch(/^pgtui: orders: backups is not available for .* clusters\n$/);
  });

  it('restore --backup sends one POST .../restore with exactly that backup; --read-only and a bad --to send nothing', async () => {
    const backup = (JSON.parse((await pgtui(['backups', 'crm', '--json'])).stdout) as Array<{ id: string }>)[0]!.id;
    v1.requests.length = 0;
    const bad = await pgtui(['restore', 'crm', '--backup', backup, '--to', 'yesterday', '--yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^pgtui: --to wants an RFC 3339 time/);
    const ro = await pgtui(['--read-only', 'restore', 'crm', '--backup', backup, '--yes']);
    expect(ro.code).toBe(7);
    expect(writes(v1)).toEqual([]);
    const r = await pgtui(['restore', 'crm', '--backup', backup, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(writes(v1).map((w) => [w.method, w.path, w.body])).toEqual([['POST', `/clusters/${crmId}/restore`, { backupId: backup }]]);
    // Without --to the plan says which point: the latest the backup allows.
    expect(r.stderr).toMatch(new RegExp(`crm: restore from backup ${backup} to the latest point it allows \\(its latest recovery time; now, while it is the active backup\\) sent`));
  });

  it('restore in place where the API restores through a full PUT: one PUT carrying restoreFromBackup and no credentials', async () => {
    const crmBackup = (JSON.parse((await pgtui(['backups', 'crm', '--json'])).stdout) as Array<{ id: string }>)[0]!.id;
    const foreign = await pgtui(['restore', 'cms', '--backup', crmBackup, '--yes']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/is not a backup of cms: this API restores a cluster in place from its own backups/);
    expect(writes(v2)).toEqual([]);
    const to = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const r = await pgtui(['restore', 'cms', '--to', to, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const w = writes(v2);
    expect(w.map((x) => x.method)).toEqual(['PUT']);
    const props = (w[0]!.body as { properties: Record<string, unknown> }).properties;
    expect(props.restoreFromBackup).toEqual({ recoveryTargetDatetime: to });
    expect(props.name).toBe('cms');
    expect(props.credentials).toBeUndefined();
    expect(r.stderr).toMatch(new RegExp(`cms: restore to ${to} sent`));
  });

  it('restore into a new service (an API that restores to a time): one POST restoredService; a backup id is refused', async () => {
    const to = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const noId = await pgtui(['restore', 'orders', '--backup', 'abc', '--yes']);
    expect(noId.code).toBe(1);
    expect(noId.stderr).toMatch(/restores to a point in time, not from a backup id: use --to TIME/);
    expect(writes(ch)).toEqual([]);
    const r = await pgtui(['restore', 'orders', '--to', to, '--name', 'orders back', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const w = writes(ch);
    expect(w).toHaveLength(1);
    expect(w[0]!.path).toMatch(/\/restoredService$/);
    expect(w[0]!.body).toEqual({ name: 'orders back', restoreTarget: to });
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'orders back' });
    expect(r.stderr).toMatch(/^orders back: restore of orders to \S+ sent, into this new cluster, now /m);
  });
});

describe('output flags, help and mistakes', () => {
  it('ls: -o yaml equals -o json; --cols/--no-headers; a bad format or column is a usage error', async () => {
    // Other tests' clusters are still changing phase: compare what does not change.
    const ids = (list: unknown) => (list as Array<{ profile: string; id: string; name: string }>).map((c) => `${c.profile}/${c.id}/${c.name}`);
    const json = ids(JSON.parse((await pgtui(['ls', '-o', 'json'])).stdout));
    expect(json.length).toBeGreaterThan(2);
    expect(ids(parseYaml((await pgtui(['ls', '-o', 'yaml'])).stdout))).toEqual(json);
    expect(ids(JSON.parse((await pgtui(['ls', '--json'])).stdout))).toEqual(json);
    const cols = await pgtui(['ls', '--cols', 'name,phase', '--no-headers']);
    expect(cols.stdout).toMatch(/^crm\s+ready$/m);
    expect(cols.stdout).not.toMatch(/NAME/);
    const bad = await pgtui(['ls', '-o', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('pgtui: -o is one of table, wide, json, yaml, not xml\n');
    const badCol = await pgtui(['ls', '--cols', 'NAME,COLOUR']);
    expect(badCol.code).toBe(2);
    expect(badCol.stderr).toMatch(/^pgtui: --cols: no column COLOUR; one of NAME, PROFILE/);
    const both = await pgtui(['ls', '--json', '-o', 'yaml']);
    expect(both.code).toBe(2);
  });

  it('ls writes the completion cache (0600) with profiles and cluster names', async () => {
    await pgtui(['ls']);
    const path = join(configDir, 'completion-cache');
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^expires \d+\n/);
    expect(text).toContain('profile\tv1\n');
    expect(text).toContain('cluster\tch\torders\n');
    expect(text).toContain('cluster\tv1\tcrm\n');
  });

  it('get: --cols as one row, -o yaml', async () => {
    const row = await pgtui(['get', 'crm', '--cols', 'NAME,PROFILE']);
    expect(row.stdout).toMatch(/^NAME\s+PROFILE\ncrm\s+v1\n$/);
    expect(parseYaml((await pgtui(['get', 'crm', '-o', 'yaml'])).stdout)).toMatchObject({ name: 'crm', id: crmId });
  });

  it('an unknown command names the closest one (exit 2); subcommand help shows its own usage and the global options', async () => {
    const typo = await pgtui(['crate']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("pgtui: unknown command 'crate'; did you mean 'create'?\n");
    const far = await pgtui(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^pgtui: unknown command 'frobnicate'; commands: ls, get, /);
    const viaHelp = await pgtui(['help', 'backups']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: pgtui backups \[options\] <name\|id>/);
    expect((await pgtui(['help', 'nope'])).stderr).toMatch(/^pgtui: unknown command 'nope'/);
    const help = await pgtui(['create', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pgtui create \[options\]/);
    for (const cmd of ['ls', 'get', 'delete', 'backups', 'restore']) {
      const h = await pgtui([cmd, '--help']);
      const globals = h.stdout.slice(h.stdout.indexOf('Global Options:'));
      expect(h.stdout, cmd).toContain('Global Options:');
      for (const flag of ['--profile <name>', '--read-only', '--demo', '--config-dir <dir>']) expect(globals, `${cmd} ${flag}`).toContain(flag);
    }
  });

  it('a prefix is never taken, only suggested; the suggestions are aligned in columns', async () => {
    const r = await pgtui(['get', 'orders-']);
    expect(r.code).toBe(4); // a prefix of one name only: orders-archive
    expect(r.stderr).toMatch(/^pgtui: no cluster named orders-; did you mean orders-archive\?/);
    expect(r.stdout).toBe('');
    const amb = await pgtui(['get', 'ord']);
    expect(amb.code).toBe(4);
    expect(amb.stderr).toMatch(/did you mean one of these\?/);
    const rows = amb.stderr.split('\n').slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Every column starts at the same offset on every row (the names differ in length).
    const starts = rows.map((row) => [...row.matchAll(/ {2}(?=[^ ])/g)].map((m) => m.index));
    for (const s of starts) expect(s).toEqual(starts[0]);
  });

  it('psql with -c prints no banner (nothing to return to)', async () => {
    const log = join(work, 'psql.json');
    const r = await runCli(['psql', 'orders', '--', '-c', 'select 1'], { env: { ...env, FAKE_PSQL_LOG: log } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/psql →|\\q to return/);
    const plain = await runCli(['psql', 'orders'], { env: { ...env, FAKE_PSQL_LOG: log } });
    expect(plain.stderr).toMatch(/^psql → orders/m);
    expect(plain.stderr).not.toMatch(/\\q to return/);
  });
});
