// Processes, signals and the demo's PostgreSQL, driven through the real built program: a reader that closes
// the pipe early, stderr over 64 KB, SIGTERM/SIGHUP while psql runs (one-shot and the TUI's `p`), Ctrl-Z and
// `fg`, and the demo's PostgreSQL stopped on every way out — including a crash or kill during start-up, a
// SIGKILL of pgtui (the watchdog) and a user's PG* variables.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startLocalPostgres, type LocalPostgres } from '../../src/fake/local-postgres.js';
import { POSTGRES_AND_PSQL } from '../e2e/demo-needs.js';
import { BIN, ROOT, cleanEnv, configWith, ensureBuilt, runCli } from '../cli/helpers.js';
import { hasTmux, Tmux } from '../e2e/tmux.js';
import { Tally, testPki } from './rigs.js';
import { descendants } from '../e2e/proc-tree.js';
import { until } from '../poll.js';

const TMUX = hasTmux();
const POSTGRES = POSTGRES_AND_PSQL;
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the Ctrl-Z and TUI signal tests did not run');
if (!POSTGRES) console.warn('SKIPPED: no PostgreSQL server binaries or no psql, so the psql and demo PostgreSQL tests did not run');

const tally = new Tally();
const LIST = /[1-9]\d* clusters · [1-9] profiles/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let term: Tmux | undefined;
afterEach(() => term?.kill());

/** A private TMPDIR: the demo's PostgreSQL data directory lands there, so a test counts only its own servers. */
const tmps: string[] = [];
function privateTmp(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'pgtui-proc-'));
  tmps.push(tmp); // removed in afterAll too, should a case fail before its own rmSync
  chmodSync(tmp, 0o755); // as root the demo runs PostgreSQL as another user, who must reach its data directory
  return tmp;
}

const psLines = () => execFileSync('ps', ['-eo', 'pid,ppid,args'], { encoding: 'utf8' }).split('\n');
/** The demo's PostgreSQL servers (postmasters and their children are all `postgres … -D <dir>/pgtui-pg-…`). */
const demoPostgres = (dir: string) => psLines().filter((l) => l.includes(`postgres -D ${dir}/pgtui-pg-`)).length;
const pgDirs = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('pgtui-pg-'));
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));


/** The node process running pgtui in a tmux pane (a child of the pane's shell, or of a shell below it). */
function pgtuiPid(t: Tmux): number {
  // By its executable, not its name: Node 24 names its main thread "MainThread" (what /proc/PID/stat shows).
  const isNode = (pid: number) => {
    try {
      return basename(readlinkSync(`/proc/${pid}/exe`)) === 'node';
    } catch {
      return false;
    }
  };
  const node = descendants(t.panePid()).find((p) => isNode(p.pid) && readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes(BIN));
  if (!node) throw new Error(`pgtui process not found:\n${t.capture()}`);
  return node.pid;
}

async function exitOf(t: Tmux): Promise<{ code: number; screen: string }> {
  await t.waitFor(/\[tty [^\]]*\]/, 20_000);
  return { code: t.exitStatus()!, screen: t.capture() };
}

interface Spawned {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function spawnPgtui(args: string[], env: NodeJS.ProcessEnv, opts: { nodeArgs?: string[]; closeStdout?: boolean; holdStderrMs?: number } = {}): Spawned {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  if (opts.closeStdout) child.stdout!.destroy();
  else child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  if (opts.holdStderrMs) {
    child.stderr!.pause();
    const resume = setTimeout(() => child.stderr!.resume(), opts.holdStderrMs);
    child.on('exit', () => (clearTimeout(resume), child.stderr!.resume()));
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

let fake: ClickHouseFake;
let work: string;
let env: NodeJS.ProcessEnv;
let pg: LocalPostgres | undefined;
const PASSWORD = 'proc-Pa55-word';

beforeAll(async () => {
  ensureBuilt();
  // The CA ClickHouse publishes signs its servers' certificates: here, the local PostgreSQL's (psql verifies it).
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 21, caPem: testPki().ca.cert });
  fake.seedServices(3000);
  const orders = fake.addService({ name: 'orders', state: 'running' });
  work = mkdtempSync(join(tmpdir(), 'pgtui-proc-work-'));
  let connect: Profile['connect'];
  if (POSTGRES) {
    // ClickHouse connections require channel binding, so TLS.
    pg = await startLocalPostgres({ tls: testPki().server });
    await pg.addLogin('orders_user', PASSWORD, 'orders_db');
    connect = { host: pg.host, port: pg.port, sslmode: 'require' };
  }
  const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, connect };
  const secrets = { [`ch/${orders.id}`]: JSON.stringify({ user: 'orders_user', password: PASSWORD, database: 'orders_db' }) };
  const dir = configWith([profile], {}, secrets);
  env = cleanEnv(work, { PGTUI_CONFIG_DIR: dir, TMPDIR: work });
}, 60_000);

afterAll(async () => {
  await fake?.stop();
  await pg?.stop();
  rmSync(work, { recursive: true, force: true });
  for (const tmp of tmps) rmSync(tmp, { recursive: true, force: true });
  console.log(tally.line('reliability/processes'));
});

describe('a reader that goes away (`pgtui ls | head -1`) ends pgtui quietly with exit 0', () => {
  it.each([
    ['ls, the reader reading one chunk then leaving', ['ls'], false],
    ['ls --json, the reader reading one chunk then leaving', ['ls', '--json'], false],
    ['ls --wide, the reader reading one chunk then leaving', ['ls', '--wide'], false],
    ['ls --wide, the pipe closed before the first byte', ['ls', '--wide'], true],
    ['get --json --raw, the pipe closed before the first byte', ['get', 'orders', '--json', '--raw'], true],
  ] as const)('%s', async (_name, args, closeFirst) => {
    tally.try('EPIPE');
    const run = spawnPgtui([...args], env, { closeStdout: closeFirst });
    if (!closeFirst) {
      // 3,000 clusters are far more than a pipe holds: pgtui is still writing when the reader leaves.
      await new Promise<void>((resolve) => run.child.stdout!.once('data', () => resolve()));
      run.child.stdout!.destroy();
    }
    const r = await run.done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    tally.ok('EPIPE');
  }, 60_000);
});

describe('stderr is written whole before exit, even to a reader that is slow', () => {
  const big = 'E'.repeat(300_000);
  const name = 'x'.repeat(100_000);
  it.each([
    ['a command that succeeds', ['profile', 'list'], 0, ''],
    // The 100 KB name is cut in the message (every server or user string is bounded before it is shown).
    ['a command that fails with a 100 KB name', ['get', name], 4, `pgtui: no cluster named ${name.slice(0, 200)}`],
    ['an uncaught error', ['ls'], 1, 'pgtui: unexpected error: simulated bug'],
  ] as const)('300 KB on stderr, then %s', async (_name, args, code, tail) => {
    tally.try('stderr drained');
    // Stands in for any long text on stderr; the bug throws once pgtui's own handlers are in place.
    const pre = join(work, `stderr-${code}.mjs`);
    const crash = `const t = setInterval(() => { if (process.listenerCount('uncaughtException') > 0) { clearInterval(t); throw new Error('simulated bug'); } }, 1);\n`;
    writeFileSync(pre, `process.stderr.write(${JSON.stringify(`${big}\n`)});\n${code === 1 ? crash : ''}`);
    // The reader takes nothing for a while (more than the socket buffer is queued inside pgtui meanwhile): an
    // exit that does not wait for stderr loses the queue; one that does is still there when reading starts.
    const r = await spawnPgtui([...args], env, { nodeArgs: ['--import', pre], holdStderrMs: 3_000 }).done;
    expect(r.code).toBe(code);
    expect(r.stderr.length).toBeGreaterThan(big.length);
    expect(r.stderr.startsWith(`${big}\n`)).toBe(true);
    expect(r.stderr.slice(big.length + 1)).toContain(tail);
    expect(r.stderr.endsWith('\n')).toBe(true);
    tally.ok('stderr drained');
  }, 60_000);
});

describe.skipIf(!POSTGRES)('SIGTERM and SIGHUP while `pgtui psql` runs a query', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: psql is ended, its PGPASSFILE removed, exit %i', async (signal, expected) => {
    tally.try('psql signals');
    // A killed psql leaves its query running on the server until the backend notices: clear the last case's.
    await pg!.sql(`select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = 'orders_user'`);
    const run = spawnPgtui(['psql', 'orders', '--', '-X', '-c', 'select pg_sleep(60)'], env);
    let psql: { pid: number } | undefined;
    await until(() => Boolean((psql = descendants(run.child.pid!).find((p) => p.comm === 'psql'))), 20_000);
    expect(psql, 'psql started').toBeDefined();
    const environ = readFileSync(`/proc/${psql!.pid}/environ`, 'utf8').split('\0');
    const passfile = environ.find((e) => e.startsWith('PGPASSFILE='))!.slice('PGPASSFILE='.length);
    // The password file was unlinked before psql started: psql holds it open as fd 3 (src/psql-env.ts).
    expect(passfile).toBe('/dev/fd/3');
    expect(readlinkSync(`/proc/${psql!.pid}/fd/3`)).toMatch(/pgpass \(deleted\)$/);
    // The query is running on the server: psql is connected, not still starting.
    let active = '';
    for (let i = 0; i < 100 && active !== '1'; i++) {
      active = (await pg!.sql(`select count(*) from pg_stat_activity where usename = 'orders_user' and query like '%pg_sleep%'`)).trim();
      if (active !== '1') await sleep(100);
    }
    if (active !== '1') throw new Error(`psql is not running the query: ${run.child.exitCode === null ? 'still running' : JSON.stringify(await run.done)}`);
    run.child.kill(signal);
    const r = await run.done;
    expect(r.code).toBe(expected);
    expect(alive(psql!.pid)).toBe(false);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`pgtui-psql-${run.child.pid}-`))).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    tally.ok('psql signals');
  }, 60_000);
});

describe.skipIf(!TMUX || !POSTGRES)('the TUI and the demo PostgreSQL', () => {
  function startDemo(tmp: string, cmd = `${process.execPath} ${BIN} --demo`, extraEnv: Record<string, string> = {}): Tmux {
    const t = new Tmux();
    term = t;
    t.start(cmd, { cols: 100, rows: 30, cwd: ROOT, env: { TMPDIR: tmp, PGTUI_DEMO_TRANSITION_MS: '1500', ...extraEnv } });
    return t;
  }

  async function openPsqlOnHippo(t: Tmux): Promise<{ psql: number; passfile: string }> {
    await t.waitFor(LIST, 30_000);
    await t.waitForGone('loading', 15_000);
    t.type('/hippo');
    t.send('Enter');
    await t.waitFor((s) => /clusters matching "hippo"/.test(s) && /enter open/.test(s));
    t.send('p');
    await t.waitFor('hippo=>', 20_000);
    const psql = descendants(t.panePid()).find((p) => p.comm === 'psql')!;
    const environ = readFileSync(`/proc/${psql.pid}/environ`, 'utf8').split('\0');
    return { psql: psql.pid, passfile: environ.find((e) => e.startsWith('PGPASSFILE='))!.slice('PGPASSFILE='.length) };
  }

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during the TUI psql hand-off: psql gone, PGPASSFILE gone, terminal restored, demo stopped, exit %i', async (signal, expected) => {
    tally.try('TUI psql signals');
    const tmp = privateTmp();
    const t = startDemo(tmp);
    const { psql, passfile } = await openPsqlOnHippo(t);
    expect(passfile).toBe('/dev/fd/3');
    expect(readlinkSync(`/proc/${psql}/fd/3`)).toMatch(/pgpass \(deleted\)$/);
    process.kill(pgtuiPid(t), signal);
    const { code, screen } = await exitOf(t);
    expect(code, screen).toBe(expected);
    expect(screen).toMatch(/\[tty icanon echo \]/);
    expect(screen).not.toMatch(LIST);
    expect(alive(psql)).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.startsWith('pgtui-psql-'))).toEqual([]);
    expect(await until(() => demoPostgres(tmp) === 0, 10_000)).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('TUI psql signals');
  }, 90_000);

  it('Ctrl-Z gives the shell its prompt in cooked mode; `fg` redraws the list and keys work again', async () => {
    tally.try('Ctrl-Z');
    const tmp = privateTmp();
    // An interactive shell with job control, as a user has; pgtui runs as one of its jobs.
    const t = startDemo(tmp, 'bash --norc --noprofile -i');
    await t.waitFor(/[#$]\s*$/m);
    t.type("PS1='SHELL$ '");
    t.send('Enter');
    await t.waitFor(/^SHELL\$\s*$/m);
    t.send('C-l');
    t.type(`${process.execPath} ${BIN} --demo`);
    t.send('Enter');
    await t.waitFor(LIST, 30_000);
    await t.waitForGone('loading', 15_000);
    const pid = pgtuiPid(t);
    t.send('C-z');
    let screen = await t.waitFor(/Stopped[^\n]*\n(?:.*\n)*?SHELL\$\s*$/m, 10_000);
    expect(screen).not.toMatch(LIST); // off the alternate screen
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) T /); // really stopped
    // The shell has a cooked terminal: what is typed is echoed and a line runs.
    t.type('stty -a | tr " ;" "\\n\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo');
    t.send('Enter');
    await t.waitFor(/^icanon echo\s*$/m);
    t.type('fg');
    t.send('Enter');
    screen = await t.waitFor(LIST, 10_000);
    // The whole frame, not only the lines Ink thinks changed: header, rows of every profile, footer.
    expect(screen).toMatch(/enter open/);
    for (const profile of ['demo-ionos ', 'demo-ionos-v2', 'demo-clickhouse', 'demo-pgo']) expect(screen).toContain(profile);
    expect(screen).not.toContain('SHELL$');
    // Keys reach the TUI again (raw mode back): a filter narrows the list. The prompt first, then the name: on a
    // loaded machine the first key typed with '/' into the redraw after `fg` has been lost.
    t.type('/');
    await t.waitForGone('enter open', 10_000);
    t.type('hippo');
    t.send('Enter');
    await t.waitFor(/1\/\d+ clusters matching "hippo"/);
    // `kill -TSTP` from outside takes the same path.
    process.kill(pid, 'SIGTSTP');
    await t.waitFor(/Stopped[^\n]*\n(?:.*\n)*?SHELL\$\s*$/m, 10_000);
    t.type('fg');
    t.send('Enter');
    await t.waitFor(/1\/\d+ clusters matching "hippo"/, 10_000);
    // Esc and q sent together read as meta-q: q once the filter is cleared.
    t.send('Escape');
    await t.waitForGone('matching "hippo"', 10_000);
    t.send('q');
    await t.waitFor(/SHELL\$\s*$/m, 20_000);
    expect(await until(() => !alive(pid), 10_000)).toBe(true);
    expect(await until(() => demoPostgres(tmp) === 0, 10_000)).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('Ctrl-Z');
  }, 90_000);

  it('Ctrl-Z inside psql (the TUI hand-off) stops the job; `fg` gives psql its screen back untouched', async () => {
    tally.try('Ctrl-Z');
    const tmp = privateTmp();
    const t = startDemo(tmp, 'bash --norc --noprofile -i');
    await t.waitFor(/[#$]\s*$/m);
    t.type("PS1='SHELL$ '");
    t.send('Enter');
    await t.waitFor(/^SHELL\$\s*$/m);
    t.type(`${process.execPath} ${BIN} --demo`);
    t.send('Enter');
    const { psql } = await openPsqlOnHippo(t);
    const pid = pgtuiPid(t);
    t.send('C-z');
    await t.waitFor(/Stopped[^\n]*\n(?:.*\n)*?SHELL\$\s*$/m, 10_000);
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) T /);
    expect(readFileSync(`/proc/${psql}/stat`, 'utf8')).toMatch(/\) T /);
    t.type('fg');
    t.send('Enter');
    // bash names the job it continues; from then on keys go to psql.
    // (A long node path, as the Node 24 run's, wraps that line: read it joined.)
    await t.waitFor((sc) => /SHELL\$ fg\n/.test(sc) && sc.slice(sc.lastIndexOf('SHELL$ fg')).replace(/\n/g, '').includes('pgtui.js --demo'), 10_000);
    // psql's screen, not pgtui's list drawn over it; and psql answers.
    t.type('select 40 + 2 as answer\\;');
    t.send('Enter');
    const screen = await t.waitFor(/answer\s*\n-+\s*\n\s*42/, 10_000);
    expect(screen).not.toMatch(LIST);
    t.type('\\q');
    t.send('Enter');
    await t.waitFor('back from psql on hippo', 20_000);
    t.send('q');
    // A hang guard: the demo's clean-up (its PostgreSQL stopped) has taken over 20 s on a loaded 2-core machine.
    await t.waitFor(/SHELL\$\s*$/m, 45_000);
    expect(await until(() => !alive(pid), 10_000)).toBe(true);
    expect(await until(() => demoPostgres(tmp) === 0, 10_000)).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('Ctrl-Z');
  }, 90_000);

  it('SIGKILL of pgtui: the watchdog stops the demo PostgreSQL and removes its directory', async () => {
    tally.try('demo ways out');
    const tmp = privateTmp();
    const t = startDemo(tmp);
    await t.waitFor(LIST, 30_000);
    // The demo's PostgreSQL starts behind the list (docs/startup.md, "The demo"): SIGKILL once it runs.
    expect(await until(() => demoPostgres(tmp) > 0, 30_000)).toBe(true);
    process.kill(pgtuiPid(t), 'SIGKILL');
    expect(await until(() => demoPostgres(tmp) === 0 && pgDirs(tmp).length === 0, 15_000)).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('demo ways out');
  }, 60_000);
});

describe.skipIf(!POSTGRES)('the demo PostgreSQL is stopped when start-up is cut short', () => {
  // A one-shot that needs the demo's PostgreSQL (`ls` and `get` never start it): psql on a demo cluster.
  const NEEDS_POSTGRES = ['--demo', 'psql', 'hippo', '--', '-X', '-c', 'select pg_sleep(60)'];
  /** A file that exists at that point of start-up: the data directory during initdb, postmaster.pid once the server runs. */
  const points = {
    'initdb running': (tmp: string) => pgDirs(tmp).some((d) => existsSync(join(tmp, d, 'data'))),
    'server up': (tmp: string) => pgDirs(tmp).some((d) => existsSync(join(tmp, d, 'data', 'postmaster.pid'))),
  };
  const cases: Array<[string, keyof typeof points, NodeJS.Signals, number | null]> = [
    ['SIGTERM', 'initdb running', 'SIGTERM', 143],
    ['SIGTERM', 'server up', 'SIGTERM', 143],
    ['SIGHUP', 'server up', 'SIGHUP', 129],
    ['SIGINT', 'server up', 'SIGINT', 130],
    ['SIGKILL', 'initdb running', 'SIGKILL', null],
    ['SIGKILL', 'server up', 'SIGKILL', null],
  ];
  it.each(cases)('%s with %s', async (_name, point, signal, expected) => {
    tally.try('demo ways out');
    const tmp = privateTmp();
    const run = spawnPgtui(NEEDS_POSTGRES, { ...cleanEnv(tmp), TMPDIR: tmp });
    expect(await until(() => points[point](tmp), 30_000)).toBe(true);
    run.child.kill(signal);
    const r = await run.done;
    expect(r.code).toBe(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // SIGKILL leaves it to the watchdog, which gives a server still coming up 3 s to show itself.
    expect(await until(() => demoPostgres(tmp) === 0 && pgDirs(tmp).length === 0, 15_000), psLines().join('\n')).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('demo ways out');
  }, 60_000);

  it.each(Object.keys(points) as Array<keyof typeof points>)('an uncaught error with %s: one line, exit 1, nothing left', async (point) => {
    tally.try('demo ways out');
    const tmp = privateTmp();
    const marker = point === 'initdb running' ? `existsSync(join(tmpdir(), d, 'data'))` : `existsSync(join(tmpdir(), d, 'data', 'postmaster.pid'))`;
    const pre = join(tmp, 'crash.mjs');
    writeFileSync(
      pre,
      `import { existsSync, readdirSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
const t = setInterval(() => { if (readdirSync(tmpdir()).some((d) => d.startsWith('pgtui-pg-') && ${marker})) { clearInterval(t); throw new Error('simulated start-up bug'); } }, 5);\n`,
    );
    const r = await spawnPgtui(NEEDS_POSTGRES, { ...cleanEnv(tmp), TMPDIR: tmp }, { nodeArgs: ['--import', pre] }).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('pgtui: unexpected error: simulated start-up bug\n');
    expect(await until(() => demoPostgres(tmp) === 0 && pgDirs(tmp).length === 0, 15_000), psLines().join('\n')).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('demo ways out');
  }, 60_000);

  it("the user's PG* variables do not reach the demo's own initdb, pg_ctl and psql", async () => {
    tally.try('demo ways out');
    const tmp = privateTmp();
    const pgEnv = { PGPASSWORD: 'x', PGUSER: 'nobody', PGHOST: '/nonexistent', PGPORT: '1', PGDATABASE: 'nope', PGSSLMODE: 'verify-full', PGSERVICE: 'nope', PGPASSFILE: '/nonexistent' };
    // `activity` needs the demo's PostgreSQL up, its logins made (psql) and its workload seeded.
    const r = await runCli(['--demo', 'activity', 'shop-prod', '-o', 'json'], { env: { ...cleanEnv(tmp), TMPDIR: tmp, ...pgEnv }, timeoutMs: 80_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"app": "demo-report"');
    expect(await until(() => demoPostgres(tmp) === 0 && pgDirs(tmp).length === 0, 10_000)).toBe(true);
    rmSync(tmp, { recursive: true, force: true });
    tally.ok('demo ways out');
  }, 90_000);
});
