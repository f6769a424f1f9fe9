// Tab pressed for real: bash, zsh and fish run interactively in tmux with pgtui's completion script loaded, and
// the command line must become what a person expects — a cluster name with spaces inserted quoted, a name that
// starts with - never offered, and a tampered cache (names holding $(…) and backticks) running nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, Tmux } from '../e2e/tmux.js';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const SHELLS = (['bash', 'zsh', 'fish'] as const).filter((s) => {
  if (!has(s)) console.warn(`SKIPPED: ${s} is not installed, so its completion was not driven for real`);
  return has(s);
});
const TMUX = hasTmux();
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so no shell completion was driven for real');

let dir: string;
let work: string;
const scripts: Record<string, string> = {};
let term: Tmux | undefined;
afterEach(() => term?.kill());
afterAll(() => {
  for (const d of [dir, work]) if (d) rmSync(d, { recursive: true, force: true });
});

beforeAll(async () => {
  ensureBuilt();
  dir = configWith([]);
  work = mkdtempSync(join(tmpdir(), 'pgtui-shells-'));
  for (const shell of SHELLS) {
    const r = await runCli(['completion', shell], { env: cleanEnv(work, { PGTUI_CONFIG_DIR: dir }) });
    expect(r.code, r.stderr).toBe(0);
    scripts[shell] = join(work, `pgtui.${shell}`);
    writeFileSync(scripts[shell]!, r.stdout);
  }
});

function writeCache(clusters: string[]): void {
  const lines = [`expires ${Math.floor(Date.now() / 1000) + 600}`, 'profile\tprod', ...clusters.map((c) => `cluster\tprod\t${c}`)];
  writeFileSync(join(dir, 'completion-cache'), `${lines.join('\n')}\n`, { mode: 0o600 });
}

/** An interactive shell with the completion loaded, at a `READY>` prompt. */
async function shell(name: (typeof SHELLS)[number]): Promise<Tmux> {
  const t = new Tmux();
  term = t;
  const env = { PGTUI_CONFIG_DIR: dir, HOME: work, PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' };
  if (name === 'bash') t.start(`bash --norc --noprofile`, { env, cols: 120 });
  if (name === 'zsh') t.start(`zsh -f`, { env, cols: 120 });
  if (name === 'fish') t.start(`fish --no-config`, { env: { ...env, fish_greeting: '' }, cols: 120 });
  const prompt = name === 'fish' ? "function fish_prompt; echo 'READY> '; end" : name === 'zsh' ? "PS1='READY> '" : "PS1='READY> '";
  t.type(`${prompt}; source ${scripts[name]}; clear`);
  t.send('Enter');
  await t.waitFor(/^READY>\s*$/m);
  return t;
}

const line = (screen: string) => screen.split('\n').filter((l) => l.startsWith('READY>')).pop() ?? '';

describe.runIf(TMUX).each(SHELLS)('%s, Tab pressed for real', (name) => {
  it('completes a name with spaces, quoted, and leaves out one starting with -', async () => {
    writeCache(['Analytics Warehouse', '-rf', 'orders']);
    const t = await shell(name);
    t.type('pgtui get Ana');
    t.send('Tab');
    const screen = await t.waitFor((s) => /READY> pgtui get (Analytics\\ Warehouse|'Analytics Warehouse')\s*$/.test(line(s)), 10_000);
    expect(line(screen)).toMatch(/Analytics(\\ | )Warehouse/);
    t.send('C-u');
    t.type('pgtui get ');
    t.send('Tab');
    t.send('Tab');
    // The list of what Tab offers: both plain names, never -rf.
    const offered = await t.waitFor((s) => s.includes('orders') && s.includes('Warehouse'), 10_000);
    expect(offered).not.toContain('-rf');
  });

  it('a tampered cache with $(…) and backticks runs nothing', async () => {
    const marker = join(work, `pwned-${name}`);
    writeCache([`$(touch ${marker})`, `\`touch ${marker}\``, 'zz']);
    const t = await shell(name);
    t.type('pgtui get ');
    t.send('Tab');
    t.send('Tab');
    t.type('zz');
    await t.waitFor((s) => line(s).includes('zz'), 10_000);
    if (name !== 'zsh') {
      // (zsh completes a word starting with $ as a parameter name itself, without asking pgtui's function.)
      t.send('C-u');
      t.type('pgtui get $');
      t.send('Tab');
      t.type('Q');
      await t.waitFor((s) => line(s).includes('Q'), 10_000);
    }
    expect(existsSync(marker)).toBe(false);
  });
});
