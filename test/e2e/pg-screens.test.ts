// Inside Postgres in a real terminal, on the built demo (its seeded workload: A blocks B and D, B blocks C, a long
// query, a session idle in transaction): the lock tree shows A as the head of 3 blocked sessions, terminating A
// (confirmed, with the exact SQL shown) clears the tree within one refresh, and the activity screen shows the long
// query and the idle-in-transaction session with their ages.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBin } from '../../src/fake/local-postgres.js';
import { BIN, ensureBuilt, ROOT } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';

const READY = hasTmux() && Boolean(findPostgresBin());
if (!READY) console.warn('SKIPPED: tmux or the PostgreSQL server binaries are missing, so the Postgres screens did not run in a terminal');

/** The screens refresh every 2 s. */
const REFRESH_MS = 2_000;

let term: Tmux | undefined;
let tmp: string | undefined;
afterEach(() => {
  term?.kill();
  term = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe.skipIf(!READY)('Postgres screens on the demo (tmux)', () => {
  it('lock tree: A heads 3 blocked sessions; terminating A clears it with the refresh it asks for (the timer paused); activity shows the long and the idle-in-transaction sessions with ages', async () => {
    ensureBuilt();
    tmp = mkdtempSync(join(tmpdir(), 'pgtui-pg-'));
    chmodSync(tmp, 0o755); // as root the demo runs PostgreSQL as another user, who must reach its data directory
    const t = new Tmux();
    t.start(`${process.execPath} ${BIN} --demo`, { cols: 160, rows: 40, cwd: ROOT, env: { TMPDIR: tmp, HOME: process.env.HOME ?? '/tmp' } });
    term = t;
    await t.waitFor(/[1-9]\d* clusters · [1-9] profiles/, 30_000);
    await t.waitForGone('loading', 20_000);
    t.type('/hippo');
    t.send('Enter');
    await t.waitFor((s) => s.includes('matching "hippo"'));
    t.send('Enter');
    await t.waitFor('Connection');

    t.type('L');
    await t.waitFor('Lock tree · hippo');
    // The demo's PostgreSQL starts in the background after the first frame (initdb: seconds on a loaded machine);
    // the screen says "connecting…" until its first refresh answers. From then, the tree shows within two
    // refreshes (the workload is seeded as soon as the server is up), with room for a loaded machine.
    await t.waitFor(/every 2 s · updated/, 60_000);
    const tree = await t.waitFor('blocks 3 (2 directly)', 2 * REFRESH_MS + 6_000);
    const head = tree.split('\n').find((l) => l.includes('blocks 3 (2 directly)'))!;
    expect(head).toMatch(/demo-blocker-A/);
    expect(tree).toContain('1 head blocker · 3 waiting');
    expect(tree.split('\n').filter((l) => /└ \d+/.test(l))).toHaveLength(3);
    const pidA = /^\s*(\d+)\s+blocks 3/.exec(head)![1]!;

    // Paused (z): no timer refreshes the tree from here on, so the refresh that shows it cleared is the one the
    // terminate itself asks for.
    t.type('z');
    await t.waitFor('PAUSED (z resumes)');
    // Terminate A: the cursor is on the head (first line); the confirmation shows the exact SQL.
    t.type('g');
    t.type('X');
    const confirm = await t.waitFor('This runs:');
    expect(confirm).toContain(`SELECT pg_terminate_backend(${pidA});`);
    expect(confirm).toMatch(/End 1 session\?/);
    t.type('y');
    await t.waitFor('any key closes');
    t.type('x');
    // The screen refreshes at once after the signal (paused: there is no next timer tick to wait for).
    await t.waitFor('no session waits for another', 20_000);
    await t.waitFor(`${pidA}: ended`);

    t.send('Escape');
    await t.waitFor('Connection');
    t.type('A');
    const activity = await t.waitFor((s) => s.includes('Activity · hippo') && s.includes('demo-report') && s.includes('demo-idle-tx'), 20_000);
    const long = activity.split('\n').find((l) => l.includes('demo-report'))!;
    const idle = activity.split('\n').find((l) => l.includes('demo-idle-tx'))!;
    // XACT and QUERY ages in the columns after the client: "12s", "1m05s", "950ms".
    const AGE = /\d+(ms|s|m\d\ds|h\d\dm)/;
    expect(long).toMatch(new RegExp(`${AGE.source}\\s+${AGE.source}\\s+${AGE.source}`));
    expect(idle).toMatch(new RegExp(`${AGE.source}\\s+${AGE.source}\\s+${AGE.source}`));
    expect(activity.indexOf('running')).toBeLessThan(activity.indexOf('idle in transaction'));
    expect(activity.split('\n').findIndex((l) => l.includes('demo-report'))).toBeLessThan(activity.split('\n').findIndex((l) => l.includes('demo-idle-tx')));
    t.type('q');
  }, 180_000);
});
