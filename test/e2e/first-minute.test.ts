// The serious defects a newcomer met in the demo, replayed in a real terminal (tmux) against the built program:
// a prefix never deletes another cluster; after a create the status line ends "<name> is ready", never "is gone";
// an edit finishing elsewhere never drops the new cluster from the list.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, BIN } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';
import { until } from '../poll.js';

const TMUX = hasTmux();
const LIST = /([1-9]\d*) clusters · [1-9] profiles/;
let term: Tmux | undefined;
afterEach(() => term?.kill());

function start(args: string, cols = 120, rows = 40): Tmux {
  ensureBuilt();
  const t = new Tmux();
  t.start(`${process.execPath} ${BIN} ${args}`, { cols, rows, cwd: ROOT, env: { PGTUI_DEMO_TRANSITION_MS: '1500', HOME: process.env.HOME ?? '/tmp' } });
  term = t;
  return t;
}

const total = (screen: string) => Number(LIST.exec(screen)?.[1]);

describe.skipIf(!TMUX)('the first minute, in a real terminal', () => {
  it('pgtui --demo delete crm-r --yes refuses (exit 4) and suggests crm-reporting', async () => {
    const t = start('--demo delete crm-r --yes');
    const screen = await t.waitFor(/\[exit \d+\]/, 60_000);
    expect(screen).toContain('pgtui: no cluster named crm-r; did you mean crm-reporting?');
    expect(screen).not.toContain('delete sent');
    expect(t.exitStatus()).toBe(4);
  }, 90_000);

  it('create → "<name> is ready" (never "is gone"); an edit finishing afterwards keeps the new cluster listed', async () => {
    const t = start('--demo');
    await t.waitFor(LIST, 30_000);
    await t.waitForGone(/loading \d/, 30_000);
    const before = total(await t.waitFor(LIST));

    t.send('c');
    await t.waitFor('Which profile should own the new cluster?');
    t.send('Enter'); // demo-ionos is first
    await t.waitFor('New IONOS DBaaS PostgreSQL (v1) cluster');
    t.send('Down');
    t.type('e2e-new');
    for (let i = 0; i < 9; i++) t.send('Down');
    t.type('5a029f4a-72e5-11ec-90d6-0242ac120003');
    t.send('Down');
    t.type('2');
    t.send('Down');
    t.type('192.168.1.100/24');
    for (let i = 0; i < 4; i++) t.send('Down');
    t.type('e2e_owner');
    t.send('Down');
    t.type('e2e-password-1');
    t.send('C-s');
    await t.waitFor(/Review/);
    t.send('Enter');
    // Sampled until ready: the status line never calls the new cluster gone.
    const seen: string[] = [];
    const screen = await t.waitFor((s) => {
      seen.push(s);
      return /e2e-new is ready/.test(s);
    }, 30_000);
    expect(seen.filter((s) => s.includes('is gone'))).toEqual([]);
    expect(total(screen)).toBe(before + 1);

    // Now an edit of another cluster: when it finishes, the new cluster is still there, and the total too.
    t.type('/crm-prod');
    t.send('Enter');
    await t.waitFor(/1\/\d+ clusters matching "crm-prod"/);
    t.send('Enter');
    await t.waitFor(/crm-prod\s+ready \(AVAILABLE\)/);
    t.send('e');
    await t.waitFor(/RAM per instance \(MB\)\s+8192 MB/);
    for (let i = 0; i < 4; i++) t.send('Down');
    await t.waitFor(/❯ RAM per instance/);
    t.send('C-u');
    t.type('16384');
    t.send('C-s');
    await t.waitFor(/Review changes/);
    t.send('Enter');
    await t.waitFor(/crm-prod\s+updating \(BUSY\)/);
    await t.waitFor(/crm-prod\s+ready \(AVAILABLE\)/, 30_000);
    // One Esc at a time: two sent together reach the terminal as one meta-Esc.
    t.send('Escape');
    await t.waitForGone('Connection');
    t.send('Escape');
    await t.waitForGone('matching "crm-prod"');
    // Watched over two whole lists after the edit (r, until the status line says the lists are back), and every
    // screen in between: never one cluster fewer, the new one always listed.
    const same = (s: string) => expect(total(s)).toBe(before + 1);
    for (let i = 0; i < 2; i++) {
      await t.waitFor((s) => (same(s), !s.includes('refreshed ')), 15_000); // the last r's flash gone
      t.send('r');
      await t.waitFor((s) => (same(s), /refreshed \d+ profiles/.test(s)), 30_000);
    }
    t.type('/e2e-new');
    t.send('Enter');
    await t.waitFor(/1\/\d+ clusters matching "e2e-new"/);
    t.send('Escape');
    // Esc and q sent together reach the terminal as one meta-q: q goes once the filter is cleared.
    await t.waitForGone('matching "e2e-new"');
    t.send('q');
    await until(() => t.exitStatus() !== undefined, 30_000);
    expect(t.exitStatus()).toBe(0);
  }, 150_000);
});
