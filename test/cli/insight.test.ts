// pgtui logs / metrics / slow / config, run as the built executable against the fakes: text and --json, --follow
// (bounded: the test waits for the lines it expects, then stops it), provider text made safe, and exit codes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake, type FakePgService } from '../../src/fake/clickhouse/fake.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { BIN, cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let ch: ClickHouseFake;
let v1: IonosV1Fake;
let orders: FakePgService;
let env: NodeJS.ProcessEnv;
let roEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuilt();
  ch = await startClickHouseFake({ clock: new FakeClock(), rateLimit: false, seed: 9 });
  v1 = await startIonosV1Fake({ clock: new FakeClock(), seed: 9 });
  orders = ch.addService({ name: 'orders', state: 'running', haType: 'async' });
  v1.addCluster({ properties: { displayName: 'crm', instances: 2 } });
  const work = mkdtempSync(join(tmpdir(), 'pgtui-insight-'));
  const profiles: Profile[] = [
    { kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret },
    { kind: 'ionos-v1', name: 'v1', apiUrl: v1.url, username: v1.credentials.username, password: v1.credentials.password },
  ];
  env = cleanEnv(work, { PGTUI_CONFIG_DIR: configWith(profiles) });
  roEnv = cleanEnv(work, { PGTUI_CONFIG_DIR: configWith([{ ...profiles[0]!, readOnly: true } as Profile]) });
});
afterAll(async () => {
  await ch?.stop();
  await v1?.stop();
});

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {2}(LOG|WARNING|ERROR|FATAL) +\S/;

describe('pgtui logs', () => {
  it('prints timestamped lines, oldest first; --json is one object per line', async () => {
    const r = await runCli(['logs', 'orders', '--since', '30m', '--limit', '50'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(lines.every((l) => LINE.test(l))).toBe(true);
    expect(lines.map((l) => l.slice(0, 24))).toEqual([...lines.map((l) => l.slice(0, 24))].sort());
    expect(r.stderr).toMatch(/showing the newest 50 lines/);
    const j = await runCli(['logs', 'orders', '--since', '30m', '--limit', '5', '--severity', 'error', '--json'], { env });
    expect(j.code).toBe(0);
    const objs = j.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { at: string; severity: string; message: string });
    expect(objs.length).toBeGreaterThan(0);
    expect(objs.every((o) => o.severity === 'ERROR' && typeof o.message === 'string' && !Number.isNaN(Date.parse(o.at)))).toBe(true);
  });

  it('IONOS v1: one stream per instance, the instance named on each line', async () => {
    const r = await runCli(['logs', 'crm', '--since', '10m', '--limit', '20'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((l) => / {2}(postgres-\S+-\d) {2}/.exec(l)?.[1])).size).toBe(2);
  });

  it('shows a hostile log message safe: no escape sequence reaches the terminal, in text or JSON', async () => {
    const evil = 'login failed \u001b]0;owned\u0007\u001b[2J\u001b[31mred\u009b1m\u202eevil\nFAKE 2099-01-01 LOG: forged';
    ch.extraLogs.set(orders.id, [{ at: Date.now() - 1000, severity: 'ERROR', body: evil }]);
    try {
      const r = await runCli(['logs', 'orders', '--since', '5m', '--grep', 'login failed'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
      // Control characters become spaces or �, the line break too: the forged second line stays on the first.
      expect(r.stdout).toMatch(/ERROR +login failed .*\]0;owned.*evil FAKE 2099-01-01 LOG: forged\n$/);
      const j = await runCli(['logs', 'orders', '--since', '5m', '--grep', 'login failed', '--json'], { env });
      expect(j.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
      expect((JSON.parse(j.stdout) as { message: string }).message).toBe(evil);
    } finally {
      ch.extraLogs.delete(orders.id);
    }
  });

  it('--follow prints new lines as they arrive, each once, until stopped', async () => {
    const child = spawn(process.execPath, [BIN, 'logs', 'orders', '--since', '1m', '--grep', 'follow-marker', '--follow', '--interval', '2s'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const until = (pred: () => boolean, ms: number) =>
      new Promise<void>((resolve, reject) => {
        const t0 = Date.now();
        const tick = setInterval(() => {
          if (pred()) resolve(void clearInterval(tick));
          else if (Date.now() - t0 > ms) {
            clearInterval(tick);
            reject(new Error(`timed out; got:\n${out}`));
          }
        }, 50);
      });
    try {
      const extra: Array<{ at: number; severity: string; body: string }> = [];
      ch.extraLogs.set(orders.id, extra);
      const polls = () => ch.requests.filter((q) => q.path.endsWith('/logs')).length;
      const start = polls();
      await until(() => polls() >= start + 1, 20_000); // the first window is read
      for (let i = 1; i <= 3; i++) {
        extra.push({ at: Date.now(), severity: 'WARNING', body: `follow-marker ${i}` });
        await until(() => out.includes(`follow-marker ${i}`), 20_000);
      }
      const before = polls();
      await until(() => polls() >= before + 2, 20_000); // two more polls re-read the overlap: nothing printed twice
      const lines = out.trimEnd().split('\n');
      expect(lines.map((l) => /follow-marker \d/.exec(l)?.[0])).toEqual(['follow-marker 1', 'follow-marker 2', 'follow-marker 3']);
      expect(lines.every((l) => LINE.test(l))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      ch.extraLogs.delete(orders.id);
    }
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(143);
  }, 90_000);

  it('refuses bad arguments with exit 2 and a provider without logs with exit 7', async () => {
    for (const args of [['--since', 'soon'], ['--limit', '0'], ['--severity', 'LOUD'], ['--follow', '--to', '1h'], ['--follow', '--interval', '1s'], ['--since', '1h', '--from', '2h']]) {
      const r = await runCli(['logs', 'orders', ...args], { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    // IONOS v1's API has no metrics: pgtui asks the cluster's Postgres instead (docs/postgres.md), which this
    // fake's cluster does not have behind it; the failure is one line naming the cluster.
    const m = await runCli(['metrics', 'crm'], { env });
    expect(m.code).toBe(1);
    expect(m.stderr.trim().split('\n').at(-1)).toMatch(/^pgtui: crm: /);
    expect((await runCli(['logs', 'nobody'], { env })).code).toBe(4);
  });
});

describe('pgtui metrics and slow', () => {
  it('metrics: latest value per metric, no sparkline when piped; --json has the points', async () => {
    const r = await runCli(['metrics', 'orders'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CPU usage \(user\) +\d+(\.\d+)?%$/m);
    expect(r.stdout).toMatch(/^Storage used +\d+\.\d GiB$/m);
    expect(r.stdout).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    const j = await runCli(['metrics', 'orders', '--since', '6h', '--json'], { env });
    const series = JSON.parse(j.stdout) as Array<{ key: string; unit: string; points: Array<{ at: string; value: number }> }>;
    expect(series.find((s) => s.key === 'connection_count')!.points.length).toBeGreaterThan(100);
  });

  it.runIf(existsSync('/usr/bin/script'))('metrics on a terminal: a header and a sparkline per series', async () => {
    // script(1) gives pgtui a pseudo-terminal for stdout.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', `${process.execPath} ${BIN} metrics orders --since 6h`, '/dev/null'], { env: { ...env, COLUMNS: '120' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    const lines = out.replace(/\r/g, '').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^METRIC +LATEST +\d\d:\d\d…\d\d:\d\d UTC$/);
    expect(lines.slice(1).length).toBeGreaterThan(5);
    for (const l of lines.slice(1)) expect(l).toMatch(/ [▁▂▃▄▅▆▇█]{40}$/);
  });

  it('slow: a table worst first; --json the patterns', async () => {
    const r = await runCli(['slow', 'orders'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s*TOTAL\s+CALLS\s+AVG\s+P95\s+ERRORS\s+USER\s+ID\s+QUERY$/);
    expect(lines).toHaveLength(9);
    const id = /^\s*\S+ \S+\s+\d+\s+\S+ \S+\s+\S+ \S+\s+\d+\s+\S+\s+(-?\d+)\s/.exec(lines[1]!)?.[1];
    expect(id).toBeDefined();
    const one = await runCli(['slow', 'orders', '--id', id!], { env });
    expect(one.code).toBe(0);
    // The spec requires the pattern's database, user and operation: --id looks them up in the window's list.
    const sent = ch.requests.filter((q) => q.path.endsWith(`/slowQueryPatterns/${id!}`)).at(-1)!;
    expect(Object.keys(sent.query).sort()).toEqual(['db_name', 'db_operation', 'db_user']);
    expect(one.stdout.split('\n')[1]).toMatch(/^calls \d+ {2}total /);
    expect(one.stdout).toMatch(/^RECENT +DURATION +ROWS +USER +APP$/m);
    // Every value starts in its header's column.
    const out = one.stdout.split('\n').filter(Boolean);
    const recent = out.slice(out.findIndex((l) => l.startsWith('RECENT')));
    const [user, app] = [recent[0]!.indexOf('USER'), recent[0]!.indexOf('APP')];
    expect(recent.length).toBeGreaterThan(1);
    for (const row of recent.slice(1)) {
      expect(row[user - 1]).toBe(' ');
      expect(row[user]).not.toBe(' ');
      expect(row[app - 1]).toBe(' ');
      expect(row[app]).not.toBe(' ');
    }
    const nope = await runCli(['slow', 'orders', '--id', 'nope'], { env });
    expect(nope.code).toBe(4);
    expect(nope.stderr).toBe('pgtui: no slow query pattern nope in this window (a longer --since may find it)\n');
    const j = JSON.parse((await runCli(['slow', 'orders', '--since', '7d', '--json'], { env })).stdout) as Array<{ totalMs: number; query: string }>;
    expect(j.map((q) => q.totalMs)).toEqual([...j.map((q) => q.totalMs)].sort((a, b) => b - a));
  });
});

describe('an older ClickHouse Cloud API', () => {
  it('a 404 on /logs of a service that exists: one line "no such endpoint", exit 7 (not 4, "no cluster")', async () => {
    const stop = ch.inject({ status: 404, message: 'Not Found', match: /GET .*\/logs$/ });
    try {
      const r = await runCli(['logs', 'orders', '--since', '5m'], { env });
      expect(r.code).toBe(7);
      expect(r.stderr).toMatch(/^pgtui: (ch: )?this ClickHouse Cloud API has no \/logs endpoint \(404 for a service that exists\)\n$/);
    } finally {
      stop();
    }
  });
});

describe('pgtui config', () => {
  it('lists the typed keys and what is set', async () => {
    const r = await runCli(['config', 'orders'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^default_transaction_isolation +\(default\) +read committed\|repeatable read\|serializable$/m);
    expect(r.stdout).toMatch(/^max_connections +\(default\) +integer, ≥ 1, restart$/m);
    expect(r.stdout).toMatch(/^min_wal_size +\(default\) +integer, in MB or with a unit, ≥ 32MB$/m);
  });

  it('--set checks types, shows the diff, applies only with --yes (not piped without it), honours read-only', async () => {
    const bad = await runCli(['config', 'orders', '--set', 'default_transaction_isolation=chaos', '--set', 'shared_buffers=1GB'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be one of: read committed/);
    expect(bad.stderr).toMatch(/shared_buffers is not a setting this API takes/);
    const dry = await runCli(['config', 'orders', '--set', 'work_mem=64MB', '--dry-run'], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/work_mem +\(default\) → 64MB/);
    const piped = await runCli(['config', 'orders', '--set', 'work_mem=64MB'], { env });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/not applied: add --yes/);
    expect(orders.pgConfig).toEqual({});
    const ro = await runCli(['config', 'orders', '--set', 'work_mem=64MB', '--yes'], { env: roEnv });
    expect(ro.code).toBe(7);
    expect(ro.stderr).toMatch(/read-only/);
    const yes = await runCli(['config', 'orders', '--set', 'work_mem=64MB', '--set', 'max_connections=200', '--set', 'pgbouncer.default_pool_size=30', '--yes'], { env });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toMatch(/max_connections +\(default\) → 200\n[\s\S]*RESTART REQUIRED: max_connections: PostgreSQL reads this only at start/);
    expect(yes.stderr).toMatch(/settings sent; The changes in the following parameters require a database restart/);
    expect(orders.pgConfig).toEqual({ work_mem: '64MB', max_connections: 200 });
    expect(orders.pgBouncerConfig).toEqual({ default_pool_size: '30' });
    const again = await runCli(['config', 'orders', '--set', 'work_mem=64MB', '--yes'], { env });
    expect(again.stderr).toMatch(/nothing to change/);
    // Both maps always go, the unchanged one empty (the spec requires both).
    const lone = await runCli(['config', 'orders', '--set', 'work_mem=128MB', '--yes'], { env });
    expect(lone.code).toBe(0);
    expect(ch.requests.filter((q) => q.path.endsWith('/config')).at(-1)!.body).toEqual({ pgConfig: { work_mem: '128MB' }, pgBouncerConfig: {} });
  });
});

describe('pgtui config --set with units', () => {
  it('refuses a value under the minimum once its unit is converted, in one line, before anything is sent', async () => {
    for (const [set, message] of [
      ['work_mem=1kB', 'work_mem must be at least 64kB'],
      ['min_wal_size=1MB', 'min_wal_size must be at least 32MB'],
      ['max_connections=5GB', 'max_connections takes no unit (a plain whole number), not "GB"'],
    ] as const) {
      const r = await runCli(['config', 'orders', '--set', set, '--dry-run'], { env });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([`pgtui: ${message}`]);
    }
    const ok = await runCli(['config', 'orders', '--set', 'min_wal_size=80MB', '--dry-run'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/min_wal_size +\(default\) → 80MB/);
  });
});

describe('a hostile logs server', () => {
  let server: Server;
  let requests = 0;
  let hostileEnv: NodeJS.ProcessEnv;
  const ORG = '11111111-1111-4111-8111-111111111111';
  const ID = '22222222-2222-4222-8222-222222222222';

  beforeAll(async () => {
    // Answers every logs request with 2000 new lines (a flood that never ends), each with escape sequences.
    let serial = 0;
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      const send = (result: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result, status: 200, requestId: 'x' }));
      if (url.pathname === '/v1/organizations') return send([{ id: ORG, name: 'evil' }]);
      if (url.pathname === `/v1/organizations/${ORG}/postgres`) return send([{ id: ID, name: 'flood', state: 'running' }]);
      if (url.pathname === `/v1/organizations/${ORG}/postgres/${ID}`) return send({ id: ID, name: 'flood', state: 'running', hostname: 'h' });
      if (url.pathname.endsWith('/logs')) {
        requests++;
        const limit = Number(url.searchParams.get('limit'));
        const now = Date.now();
        return send(Array.from({ length: limit }, (_, i) => ({ timestamp: new Date(now - i).toISOString(), severity: 'LOG', body: `flood ${serial++} \u001b[2J${'x'.repeat(500)}` })));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hostileEnv = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-hostile-')), {
      PGTUI_CONFIG_DIR: configWith([{ kind: 'clickhouse', name: 'evil', apiUrl: url, keyId: 'k', keySecret: 's' }]),
    });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('--follow stays at its poll interval and within its memory, printing the flood safe', async () => {
    const child = spawn(process.execPath, [BIN, 'logs', 'flood', '--follow', '--interval', '2s', '--limit', '100'], { env: hostileEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let escape = false;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      lines += text.split('\n').length - 1;
      if (text.includes('\u001b')) escape = true;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const t0 = Date.now();
    try {
      await new Promise<void>((resolve, reject) => {
        const tick = setInterval(() => {
          if (lines >= 100 + 3 * 1999) resolve(void clearInterval(tick));
          else if (Date.now() - t0 > 60_000) {
            clearInterval(tick);
            reject(new Error(`only ${lines} lines`));
          }
        }, 50);
      });
      const elapsed = Date.now() - t0;
      const rss = Number(/VmRSS:\s+(\d+)/.exec(await import('node:fs').then((fs) => fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')))?.[1]) / 1024;
      expect(escape).toBe(false);
      // One request for the window, then one per 2 s poll (never a burst).
      expect(requests).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 2000));
      expect(rss).toBeLessThan(300);
      expect(stderr).toMatch(/more than 1999 lines in 2s/);
    } finally {
      child.kill('SIGTERM');
    }
    await new Promise((r) => child.on('close', r));
  }, 90_000);
});

describe('pgtui df / test / failover (PGO)', () => {
  let pgo: import('../../src/fake/pgo/fake.js').PgoFake;
  let pgoEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const { generateTestPki, writeTestPki } = await import('../../src/fake/certs.js');
    const { startPgoFake } = await import('../../src/fake/pgo/fake.js');
    const pki = generateTestPki();
    pgo = await startPgoFake({ clock: new FakeClock(0), pki });
    pgo.addCluster({ name: 'hippo', condition: 'ready', replicas: 1 });
    pgo.addCluster({ name: 'rhino', condition: 'degraded', replicas: 2 });
    const work = mkdtempSync(join(tmpdir(), 'pgtui-pgo-cli-'));
    const paths = writeTestPki(join(work, 'tls'), pki);
    pgoEnv = cleanEnv(work, {
      PGTUI_CONFIG_DIR: configWith([
        { kind: 'pgo', name: 'kube', apiUrl: pgo.url, namespace: pgo.namespace, caCert: paths.caCert, clientCert: paths.clientCert, clientKey: paths.clientKey, username: pgo.username, password: pgo.password },
      ]),
    });
  });
  afterAll(async () => {
    await pgo?.stop();
  });

  it('df lists the volumes; test exits 0 when all answer and 5 when some do not; failover lists replicas', async () => {
    const d = await runCli(['df', 'hippo'], { env: pgoEnv });
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^VOLUME +KIND +USED +SIZE +USE% +POD$/m);
    expect(d.stdout).toMatch(/^hippo-pgbr-repo +backups /m);
    const up = await runCli(['test', 'hippo', '--json'], { env: pgoEnv });
    expect(up.code).toBe(0);
    expect((JSON.parse(up.stdout) as Array<{ available: boolean }>).every((c) => c.available)).toBe(true);
    const down = await runCli(['test', 'rhino'], { env: pgoEnv });
    expect(down.code).toBe(5);
    expect(down.stdout).toMatch(/DOWN/);
    expect(down.stderr).toMatch(/rhino: \d+ of \d+ not reachable/);
    const f = await runCli(['failover', 'rhino'], { env: pgoEnv });
    expect(f.code).toBe(0);
    expect(f.stdout.trimEnd().split('\n')).toHaveLength(3);
    const logs = await runCli(['logs', 'hippo'], { env: pgoEnv });
    expect(logs.code).toBe(7);
    expect(logs.stderr.trim()).toBe('pgtui: logs is not available for Crunchy PGO clusters');
  });
});
