// The terminal after every way out of the TUI: q, ctrl-c, SIGTERM, SIGHUP — exit code, cooked mode back on
// (icanon, echo), the alternate screen left, the demo's PostgreSQL stopped; tiny resizes; no TTY at all.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, ensureBuilt, runCli, cleanEnv } from '../cli/helpers.js';
import { hasTmux, Tmux } from '../e2e/tmux.js';
import { Tally } from './rigs.js';
import { until } from '../poll.js';

const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the terminal-restore tests did not run');
const tally = new Tally();
let term: Tmux | undefined;
afterEach(() => term?.kill());

const LIST = /[1-9]\d* clusters · [1-9] profiles/;

/** The demo's PostgreSQL servers whose data directory is under `dir` (each test gives pgtui its own TMPDIR). */
function demoPostgresCount(dir: string): number {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(`postgres -D ${dir}/pgtui-pg-`)).length;
  } catch {
    return 0;
  }
}

/** The exit code and the screen once the wrapper of Tmux.start has printed the terminal's mode after pgtui. */
async function exitOf(t: Tmux): Promise<{ code: number; screen: string }> {
  const screen = await t.waitFor(/\[exit \d+\][\s\S]*\[tty [^\]]*\]/, 20_000);
  return { code: t.exitStatus()!, screen };
}

/** Polls (bounded) until the demo's PostgreSQL under `dir` is gone; returns how many are left. */
async function demoPostgresGone(dir: string, timeoutMs = 15_000): Promise<number> {
  await until(() => demoPostgresCount(dir) === 0, timeoutMs);
  return demoPostgresCount(dir);
}

/** Polls (bounded) until the demo's PostgreSQL under `dir` runs: the demo starts it after its first frames. */
async function demoPostgresUp(dir: string, timeoutMs = 30_000): Promise<number> {
  await until(() => demoPostgresCount(dir) > 0, timeoutMs);
  return demoPostgresCount(dir);
}

function nodePid(t: Tmux): number {
  const out = execFileSync('ps', ['-eo', 'pid,ppid,args'], { encoding: 'utf8' });
  const shell = t.panePid();
  const line = out.split('\n').find((l) => l.includes(BIN) && l.trim().split(/\s+/)[1] === String(shell));
  if (!line) throw new Error('pgtui process not found');
  return Number(line.trim().split(/\s+/)[0]);
}

describe.skipIf(!TMUX)('every way out leaves the terminal as it was', () => {
  const ways: Array<[string, (t: Tmux) => void, number]> = [
    ['q', (t) => t.send('q'), 0],
    ['ctrl-c', (t) => t.send('C-c'), 0],
    [':q', (t) => (t.type(':q'), t.send('Enter')), 0],
    ['SIGTERM', (t) => process.kill(nodePid(t), 'SIGTERM'), 143],
    ['SIGHUP', (t) => process.kill(nodePid(t), 'SIGHUP'), 129],
  ];
  /** A private TMPDIR for one demo (its PostgreSQL data directory lands there, so the test counts only its own). */
  function demoTmp(): string {
    const tmp = mkdtempSync(join(tmpdir(), 'pgtui-term-'));
    chmodSync(tmp, 0o755); // as root the demo runs PostgreSQL as another user, who must reach its data directory
    return tmp;
  }

  /** pgtui exited with `expected`, gave the terminal back in cooked mode off the alternate screen, stopped its PostgreSQL. */
  async function expectLeftCleanly(t: Tmux, tmp: string, expected: number): Promise<string> {
    const { code, screen } = await exitOf(t);
    expect(code, screen).toBe(expected);
    expect(screen).toMatch(/\[tty icanon echo \]/);
    expect(screen).not.toMatch(LIST);
    expect(await demoPostgresGone(tmp)).toBe(0);
    rmSync(tmp, { recursive: true, force: true });
    return screen;
  }

  it.each(ways)('%s', async (_name, quit, expected) => {
    tally.try('ways out');
    ensureBuilt();
    const tmp = demoTmp();
    const t = new Tmux();
    term = t;
    t.start(`${process.execPath} ${BIN} --demo`, { cols: 80, rows: 24, cwd: ROOT, env: { TMPDIR: tmp } });
    await t.waitFor(LIST, 30_000);
    expect(await demoPostgresUp(tmp)).toBeGreaterThan(0); // while it starts, a helper process may match too
    quit(t);
    await expectLeftCleanly(t, tmp, expected);
    tally.ok('ways out');
  }, 50_000);

  it('an uncaught error: one line, exit 1, the terminal restored and the demo PostgreSQL stopped', async () => {
    tally.try('ways out');
    ensureBuilt();
    const tmp = demoTmp();
    // A bug stand-in: once the list is up (the test says so with SIGUSR2), something throws where nothing catches
    // it. A timer instead fired during start-up on a loaded machine. Start-up crashes: processes.test.ts.
    const crash = join(tmp, 'crash.mjs');
    writeFileSync(crash, `process.on('SIGUSR2', () => setImmediate(() => { throw new Error('simulated bug'); }));\n`);
    const t = new Tmux();
    term = t;
    t.start(`${process.execPath} --import ${crash} ${BIN} --demo`, { cols: 80, rows: 24, cwd: ROOT, env: { TMPDIR: tmp } });
    await t.waitFor(LIST, 30_000);
    process.kill(nodePid(t), 'SIGUSR2');
    const screen = await expectLeftCleanly(t, tmp, 1);
    expect(screen).toContain('pgtui: unexpected error: simulated bug');
    tally.ok('ways out');
  }, 50_000);

  it('resizing to 40x12 and back never crashes and keeps the footer', async () => {
    tally.try('resizes');
    ensureBuilt();
    const t = new Tmux();
    term = t;
    t.start(`${process.execPath} ${BIN} --demo`, { cols: 100, rows: 30, cwd: ROOT });
    await t.waitFor(LIST, 30_000);
    for (const [c, r] of [[40, 12], [100, 30], [41, 13], [200, 50], [40, 12], [80, 24]] as const) {
      t.resize(c, r);
      // Redrawn for the new size: the footer sits on the second-to-last row, fitted to the width (it always
      // ends with ? help and q quit).
      await t.waitFor((s) => /\? help {2}q quit\s*$/.test(s.split('\n')[r - 2] ?? '') || t.exitStatus() !== undefined);
      expect(t.exitStatus()).toBeUndefined();
    }
    const screen = await t.waitFor(/enter open/);
    expect(screen.split('\n')[22]).toMatch(/enter open/);
    t.send('q');
    expect((await exitOf(t)).code).toBe(0);
    tally.ok('resizes');
  }, 50_000);
});

it('without a terminal, the TUI refuses in one line (exit 2) and never touches raw mode', async () => {
  tally.try('no TTY');
  ensureBuilt();
  const r = await runCli([], { env: cleanEnv('/tmp') });
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual(['pgtui: the interactive UI needs a terminal; use pgtui ls, get, wait or psql (pgtui --help)']);
  expect(r.stderr).not.toMatch(/raw mode/i);
  tally.ok('no TTY');
});

afterAll(() => console.log(tally.line('reliability/terminal')));
