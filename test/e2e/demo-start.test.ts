// `pgtui --demo` comes up: the fakes and the TUI first, the local PostgreSQL behind them (docs/startup.md, "The
// demo"). Every provider's rows come on screen (how fast: `npm run bench -- demo`, target 10 s); `p` right after
// launch waits for the PostgreSQL and opens psql; `--demo ls` never starts a PostgreSQL at all.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_AND_PSQL } from './demo-needs.js';
import { BIN, ROOT, cleanEnv, ensureBuilt } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';
import { until } from '../poll.js';

const TMUX = hasTmux();
const POSTGRES = POSTGRES_AND_PSQL;
const PROFILES = ['demo-ionos ', 'demo-ionos-v2', 'demo-clickhouse', 'demo-pgo'];
const LIST = /[1-9]\d* clusters · 4 profiles/;
let term: Tmux | undefined;
afterEach(() => term?.kill());
const tmps: string[] = [];
afterAll(() => tmps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A private TMPDIR: the demo's PostgreSQL directory lands there, so a test sees only its own. */
function privateTmp(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'pgtui-start-'));
  chmodSync(tmp, 0o755); // as root the demo runs PostgreSQL as another user, who must reach its data directory
  tmps.push(tmp);
  return tmp;
}

const pgDirs = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith('pgtui-pg-'));
/** Every provider has rows in the list: its profile's name is in a row, not only in the header. */
const allRows = (screen: string) => LIST.test(screen) && !/loading \d/.test(screen) && PROFILES.every((p) => screen.split('\n').slice(2).some((l) => l.includes(p)));

describe.skipIf(!TMUX)('the demo starts', () => {
  it("every provider's rows come on screen after `pgtui --demo`", async () => {
    ensureBuilt();
    const tmp = privateTmp();
    const t = new Tmux();
    term = t;
    t.start(`${process.execPath} ${BIN} --demo`, { cols: 120, rows: 40, cwd: ROOT, env: { TMPDIR: tmp, HOME: tmp } });
    const screen = await t.waitFor(allRows, 40_000); // a hang guard; the speed is the bench's
    for (const p of PROFILES) expect(screen).toContain(p);
  }, 60_000);

  it.skipIf(!POSTGRES)('`p` at once waits for the demo PostgreSQL, then psql opens; q stops it', async () => {
    ensureBuilt();
    const tmp = privateTmp();
    const t = new Tmux();
    term = t;
    t.start(`${process.execPath} ${BIN} --demo`, { cols: 120, rows: 40, cwd: ROOT, env: { TMPDIR: tmp, HOME: tmp } });
    await t.waitFor(allRows, 30_000);
    t.type('/hippo');
    t.send('Enter');
    await t.waitFor((s) => /clusters matching "hippo"/.test(s) && /enter open/.test(s));
    t.send('p');
    await t.waitFor('hippo=>', 60_000);
    t.type("select 40 + 2 as answer\\;");
    t.send('Enter');
    await t.waitFor(/answer\s*\n-+\s*\n\s*42/, 10_000);
    t.type('\\q');
    t.send('Enter');
    await t.waitFor('back from psql on hippo', 10_000);
    t.send('q');
    await t.waitFor(/\[exit 0\]/, 20_000);
    await until(() => pgDirs(tmp).length === 0, 10_000);
    expect(pgDirs(tmp)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!TMUX || !POSTGRES)('a one-shot that needs the PostgreSQL', () => {
  it('`pgtui --demo psql` at a terminal says the PostgreSQL is starting, waits for it, and psql runs', async () => {
    ensureBuilt();
    const tmp = privateTmp();
    const t = new Tmux();
    term = t;
    t.start(`${process.execPath} ${BIN} --demo psql hippo -- -X -At -c 'select 40 + 2'`, { cols: 120, rows: 30, cwd: ROOT, env: { TMPDIR: tmp, HOME: tmp } });
    const screen = await t.waitFor(/\[exit \d+\]/, 90_000);
    expect(screen).toContain("pgtui: the demo's PostgreSQL is starting…\n42\n");
    expect(t.exitStatus()).toBe(0);
    await until(() => pgDirs(tmp).length === 0, 10_000);
    expect(pgDirs(tmp)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!POSTGRES)('one-shots that need no PostgreSQL', () => {
  it.each([['ls'], ['get', 'hippo']])('`pgtui --demo %s` never starts the demo PostgreSQL', async (...args) => {
    ensureBuilt();
    const tmp = privateTmp();
    const child = spawn(process.execPath, [BIN, '--demo', ...args], { env: { ...cleanEnv(tmp), TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    let sawPg = false;
    const poll = setInterval(() => (sawPg ||= pgDirs(tmp).length > 0), 20);
    const code = await new Promise<number | null>((res) => child.on('close', res));
    clearInterval(poll);
    expect(code).toBe(0);
    expect(out).toMatch(/hippo/);
    expect(sawPg).toBe(false);
  }, 60_000);
});
