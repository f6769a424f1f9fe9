// The built program against a ClickHouse server whose service has a 200 KB name with one `é` and 80 log lines
// of 100 KB: the list, the detail and the logs screen draw, `q` quits within a second, SIGTERM on the logs
// screen gives the terminal back (cooked mode, off the alternate screen). Before the screen cut this froze the
// process for minutes and only SIGKILL ended it, leaving the terminal raw.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { BIN, ROOT, configWith, ensureBuilt } from '../cli/helpers.js';
import { hasTmux, Tmux } from '../e2e/tmux.js';
import { Tally } from './rigs.js';

const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the long-text tmux tests did not run');
const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/long-text-tmux')));

const LONG_NAME = `${'n'.repeat(100_000)}é${'m'.repeat(100_000)}`;
let fake: ClickHouseFake;
let dir: string;
let term: Tmux | undefined;

beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(1), rateLimit: false, seed: 3 });
  const s = fake.addService({ name: LONG_NAME });
  const now = Date.now();
  fake.extraLogs.set(s.id, Array.from({ length: 80 }, (_, i) => ({ at: now - 60_000 + i, severity: 'LOG', body: `line ${i} ${'x'.repeat(50_000)}é${'y'.repeat(50_000)}` })));
  const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, organizationId: fake.orgId };
  dir = configWith([profile]);
});
afterAll(async () => {
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => term?.kill());

async function toLogs(t: Tmux): Promise<void> {
  await t.waitFor(/❯ n{10}/, 30_000);
  t.send('Enter');
  await t.waitFor('Connection', 10_000);
  t.send('l');
  await t.waitFor(/line 79 x{10}/, 10_000);
}

function nodePid(t: Tmux): number {
  return Number(execFileSync('pgrep', ['-P', String(t.panePid()), '-f', BIN], { encoding: 'utf8' }).trim().split('\n')[0]);
}

describe.skipIf(!TMUX)('the built program with a 200 KB name and 100 KB log lines', () => {
  for (const way of ['q', 'SIGTERM'] as const) {
    it(`list, detail and logs draw; ${way} leaves at once with the terminal restored`, async () => {
      tally.try(`tmux ${way}`);
      const t = new Tmux();
      term = t;
      t.start(`${process.execPath} ${BIN} --config-dir ${dir}`, { cols: 100, rows: 30, cwd: ROOT, env: { HOME: dir } });
      const t0 = Date.now();
      await toLogs(t);
      console.log(`long-text-tmux: list → detail → logs drawn in ${Date.now() - t0} ms (including start-up and the fetch)`);
      const asked = Date.now();
      if (way === 'q') t.send('q');
      else process.kill(nodePid(t), 'SIGTERM');
      const screen = await t.waitFor(/\[exit \d+\][\s\S]*\[tty [^\]]*\]/, 10_000);
      const ms = Date.now() - asked;
      console.log(`long-text-tmux: ${way} → shell prompt in ${ms} ms`);
      expect(t.exitStatus()).toBe(way === 'q' ? 0 : 143);
      expect(screen).toMatch(/\[tty icanon echo \]/);
      expect(screen).not.toContain('line 79');
      // The poll interval of waitFor (100 ms) and tmux's own capture are included.
      expect(ms).toBeLessThan(1_500);
      tally.ok(`tmux ${way}`);
    }, 60_000);
  }
});
