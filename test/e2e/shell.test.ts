// The shell in a real terminal (tmux), issue 15: a frame at once while the demo starts, `y` reaching tmux's
// clipboard, the footer and list markers at 80x24 and 50x20, and ctrl-c quitting from a form.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, BIN } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';

const TMUX = hasTmux();
const LIST = /[1-9]\d* clusters · [1-9] profiles/;
let term: Tmux | undefined;
afterEach(() => term?.kill());

function start(cols: number, rows: number): Tmux {
  ensureBuilt();
  const t = new Tmux();
  term = t;
  t.start(`${process.execPath} ${BIN} --demo`, { cols, rows, cwd: ROOT, env: { PGTUI_DEMO_TRANSITION_MS: '1500', HOME: process.env.HOME ?? '/tmp' } });
  return t;
}

describe.skipIf(!TMUX)('the shell in a real terminal', () => {
  it('80x24: says what is starting at once, then y copies into tmux (plain OSC 52), markers and footer fit', async () => {
    const t = start(80, 24);
    // The first frame names what is starting: it comes before the demo is up, not after (how soon: `npm run bench
    // -- demo`, the first frame of `pgtui --demo`).
    const first = await t.waitFor((s) => s.trim().length > 0 && !s.includes('[exit'), 20_000);
    expect(first).toMatch(/starting the demo/);

    t.setOption('set-clipboard', 'on');
    await t.waitFor(LIST, 30_000);
    let screen = await t.waitForGone('loading', 15_000);
    const lines = screen.split('\n');
    // The sorted column is marked; 21 clusters do not fit in 24 rows, so the header says which are shown.
    expect(lines.find((l) => l.includes('NAME'))).toMatch(/NAME▲/);
    expect(lines[0]).toMatch(/1–\d+ of 21/);
    expect(lines[22]).toMatch(/\? help {2}q quit\s*$/);

    t.send('y');
    screen = await t.waitFor('sent the connection string');
    expect(screen).toMatch(/to the terminal clipboard/);
    // tmux 3.3+ drops DCS passthrough by default; a plain OSC 52 lands in its buffer.
    const deadline = Date.now() + 5_000;
    while (!t.buffer().startsWith('postgresql://') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(t.buffer()).toMatch(/^postgresql:\/\/[^:@]+@127\.0\.0\.1:\d+\//);
    expect(t.buffer()).not.toMatch(/password/i);

    // The flash times out (k9s-style) instead of staying on the header for good.
    await t.waitForGone('sent the connection string', 15_000);

    // ctrl-c from the create form quits (nothing typed yet, so no question).
    t.send('c');
    await t.waitFor('Create cluster');
    t.send('C-c');
    await t.waitFor('[exit 0]', 30_000);
  }, 90_000);

  it('50x20: the footer keeps ? help and q quit; s never sorts by a hidden column', async () => {
    const t = start(50, 20);
    await t.waitFor(LIST, 30_000);
    let screen = await t.waitForGone('loading', 15_000);
    expect(screen.split('\n')[18]).toMatch(/\? help {2}q quit\s*$/);
    // At 50 columns only NAME and PHASE show: s goes NAME → PHASE → NAME.
    t.send('s');
    await t.waitFor('PHASE▲');
    t.send('s');
    screen = await t.waitFor('NAME▲');
    expect(screen).not.toMatch(/PROFILE|AGE/);
    t.send('q');
    await t.waitFor('[exit 0]', 30_000);
  }, 90_000);
});
