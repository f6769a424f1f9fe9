// Fleet health in the built demo, in a real terminal (tmux): the HEALTH column for every provider, F showing
// exactly the clusters that are not green, and — with one provider's fake made to hang after the app's first
// list (PGTUI_DEMO_HANG, src/demo/start.ts) — the other providers' rows and verdicts painting before the hung
// provider's reads time out (they do not wait for it), and then the hung provider's clusters turning UNKNOWN.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, BIN } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';

const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the fleet health terminal tests did not run');

const VERDICT = /\s(GREEN|YELLOW|RED|UNKNOWN|…)\s+(demo-[\w-]+)\s/;
let term: Tmux | undefined;
afterEach(() => term?.kill());

function start(env: Record<string, string> = {}): Tmux {
  ensureBuilt();
  const t = new Tmux();
  t.start(`${process.execPath} ${BIN} --demo`, { cols: 140, rows: 40, cwd: ROOT, env: { PGTUI_DEMO_TRANSITION_MS: '1500', HOME: process.env.HOME ?? '/tmp', ...env } });
  term = t;
  return t;
}

/** Each cluster row on screen: name → [verdict, profile]. */
function rows(screen: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const line of screen.split('\n').slice(2)) {
    const m = VERDICT.exec(line);
    if (!m) continue;
    const name = line.slice(2, line.indexOf(m[0])).replace(/\s{2,}.*$/, '').trim();
    out.set(name, [m[1]!, m[2]!]);
  }
  return out;
}

describe.skipIf(!TMUX)('fleet health in a real terminal', () => {
  it('F shows exactly the clusters that are not green, and again every cluster', async () => {
    const t = start();
    await t.waitFor(/21 clusters · 4 profiles/, 60_000);
    await t.waitFor((s) => rows(s).size === 21 && ![...rows(s).values()].some(([v]) => v === '…'), 15_000);
    // Verdicts move as the background reads come in: compare F's rows with a list taken just before and after.
    for (let attempt = 0; ; attempt++) {
      const before = rows(t.capture());
      t.send('F');
      const faults = rows(await t.waitFor(/with faults \(not green\)/));
      t.send('F');
      const after = rows(await t.waitFor((s) => !s.includes('with faults') && rows(s).size === 21));
      const notGreen = (m: Map<string, [string, string]>) => [...m].filter(([, [v]]) => v !== 'GREEN').map(([n]) => n).sort();
      if (JSON.stringify(notGreen(before)) !== JSON.stringify(notGreen(after)) && attempt < 5) continue;
      expect([...faults.keys()].sort()).toEqual(notGreen(before));
      expect(faults.size).toBeGreaterThan(0);
      expect(faults.size).toBeLessThan(21);
      // Every provider shows verdicts, and each of green, yellow and red appears.
      const all = [...after.values()];
      for (const p of ['demo-ionos', 'demo-ionos-v2', 'demo-clickhouse', 'demo-pgo']) expect(all.some(([v, prof]) => prof === p && v !== '…')).toBe(true);
      for (const v of ['GREEN', 'YELLOW', 'RED']) expect(all.some(([x]) => x === v)).toBe(true);
      break;
    }
  }, 120_000);

  it('with one provider hung: the others paint rows and verdicts before the hung one times out, which then says UNKNOWN', async () => {
    const t = start({ PGTUI_DEMO_HANG: 'demo-pgo' });
    // The first frame of the app (after the demo's own start-up).
    await t.waitFor(/clusters · 4 profiles/, 60_000);
    const others = (s: string) => [...rows(s).values()].filter(([, p]) => p !== 'demo-pgo');
    const painted = await t.waitFor((s) => others(s).length === 16 && others(s).every(([v]) => v !== '…'), 30_000);
    expect(others(painted).every(([v]) => ['GREEN', 'YELLOW', 'RED'].includes(v))).toBe(true);
    // Painted while the hung provider was still loading or waiting for its reads (its clusters turn UNKNOWN only
    // when those time out, 10 s on): the others never waited for it.
    expect([...rows(painted).values()].some(([v, p]) => p === 'demo-pgo' && v === 'UNKNOWN'), painted).toBe(false);
    // The hung provider's clusters (its first list answered) turn unknown; the others keep their verdicts.
    const hung = await t.waitFor((s) => {
      const pgo = [...rows(s).values()].filter(([, p]) => p === 'demo-pgo');
      return pgo.length > 0 && pgo.every(([v]) => v === 'UNKNOWN');
    }, 45_000);
    expect(others(hung).every(([v]) => v !== 'UNKNOWN')).toBe(true);
    // The detail screen says since when there was no answer.
    const name = [...rows(hung)].find(([, [, p]]) => p === 'demo-pgo')![0];
    t.send('/');
    t.type(name);
    t.send('Enter');
    t.send('Enter');
    expect(await t.waitFor(/UNKNOWN {2}no answer from the provider since \d\d:\d\d:\d\d/, 15_000)).toContain('Health');
  }, 120_000);
});
