// `pgtui --demo` in a real terminal (tmux): what a newcomer does first. Lists every provider, filters, opens a
// cluster, drops into a real psql on the demo's local PostgreSQL and comes back, creates a cluster and watches
// it become ready, deletes it by typing its name, survives resizes, and leaves the terminal as it found it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_AND_PSQL } from './demo-needs.js';
import { ensureBuilt, ROOT, BIN } from '../cli/helpers.js';
import { hasTmux, Tmux } from './tmux.js';
import { descendants } from './proc-tree.js';

const TMUX = hasTmux();
const POSTGRES = POSTGRES_AND_PSQL;
if (!TMUX) console.warn('SKIPPED: tmux is not installed, so the real-terminal tests did not run');
if (!POSTGRES) console.warn('SKIPPED: no PostgreSQL server binaries or no psql, so the demo psql session was not tested');

const LIST = /[1-9]\d* clusters · [1-9] profiles/;
let term: Tmux | undefined;
afterEach(() => term?.kill());

function start(cols: number, rows: number): Tmux {
  ensureBuilt();
  const t = new Tmux();
  t.start(`${process.execPath} ${BIN} --demo`, { cols, rows, cwd: ROOT, env: { PGTUI_DEMO_TRANSITION_MS: '1500', HOME: process.env.HOME ?? '/tmp' } });
  term = t;
  return t;
}


describe.skipIf(!TMUX)('the demo in a real terminal', () => {
  it('80x24: list, filter, detail, psql and back, create → ready, typed delete, quit restores the terminal', async () => {
    const t = start(80, 24);
    await t.waitFor(LIST, 30_000);
    await t.waitForGone('loading', 15_000);
    let screen = t.capture();
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^pgtui \[demo\]/);
    expect(screen).toMatch(/21 clusters · 4 profiles/);
    for (const profile of ['demo-ionos ', 'demo-ionos-v2', 'demo-clickhouse', 'demo-pgo']) expect(screen).toContain(profile);
    expect(lines[22]).toMatch(/enter open/);

    // A burst of keys: "/hippo" must filter, not run h…p(sql).
    t.type('/hippo');
    t.send('Enter');
    // The filter line closes (the key hints are back) once the Enter has been taken.
    screen = await t.waitFor((s) => /1\/\d+ clusters matching "hippo"/.test(s) && /enter open/.test(s));
    expect(screen).toMatch(/❯ hippo\s+ready/);

    t.send('Enter');
    screen = await t.waitFor('Connection');
    expect(screen).toMatch(/hippo\s+ready/);
    // The demo's PostgreSQL starts in the background after the first frames; its logins are known once it is up.
    await t.waitFor(/password\s+•+/, 30_000);
    t.send('Escape');
    await t.waitFor(/❯ hippo/);

    if (POSTGRES) {
      t.send('p');
      await t.waitFor('hippo=>', 20_000);
      const psql = descendants(t.panePid()).find((p) => p.comm === 'psql');
      expect(psql).toBeDefined();
      const argv = readFileSync(`/proc/${psql!.pid}/cmdline`, 'utf8').split('\0');
      const env = readFileSync(`/proc/${psql!.pid}/environ`, 'utf8').split('\0');
      expect(argv.join(' ')).toContain("host='127.0.0.1'");
      expect(argv.join(' ')).not.toMatch(/password/i);
      expect(env.some((e) => e.startsWith('PGPASSWORD='))).toBe(false);
      expect(env.some((e) => e.startsWith('PGPASSFILE='))).toBe(true);
      // tmux reads a trailing ";" as its own command separator: escape it.
      t.type('select 40 + 2 as answer\\;');
      t.send('Enter');
      await t.waitFor(/answer\s*\n-+\s*\n\s*42/);
      // Ctrl-C inside psql cancels the running query; pgtui, waiting underneath, does not die of it.
      t.type('select pg_sleep(30)\\;');
      t.send('Enter');
      // Ctrl-C before the query reached the server cancels nothing (readline just clears the line): press it until
      // the server says it canceled, typing the query again whenever psql is back at an empty prompt.
      const canceled = (s: string) => s.includes('canceling statement due to user request');
      const atPrompt = (s: string) => /[=#-][>#]\s*$/.test(s.trimEnd() + ' ');
      for (let i = 0; i < 40 && !canceled(t.capture()); i++) {
        t.send('C-c');
        await t.waitFor(canceled, 250).catch(() => undefined);
        if (!canceled(t.capture()) && atPrompt(t.capture())) {
          t.type('select pg_sleep(30)\\;');
          t.send('Enter');
          await t.waitFor((s) => !atPrompt(s), 2_000).catch(() => undefined);
        }
      }
      await t.waitFor(canceled, 10_000);
      expect(t.exitStatus()).toBeUndefined();
      const passfile = env.find((e) => e.startsWith('PGPASSFILE='))!.slice('PGPASSFILE='.length);
      // Unlinked before psql started; psql reads it through its fd 3 (src/psql-env.ts).
      expect(passfile).toBe('/dev/fd/3');
      t.type('\\q');
      t.send('Enter');
      screen = await t.waitFor('back from psql on hippo');
      expect(screen).toMatch(/❯ hippo\s+ready/);
      expect(screen).not.toContain('hippo=>');
    }

    t.send('Escape');
    await t.waitForGone('matching "hippo"');

    // Create an IONOS v1 cluster through the form and watch it become ready.
    t.send('c');
    await t.waitFor('Which profile should own the new cluster?');
    t.send('Enter'); // demo-ionos is first
    await t.waitFor('New IONOS DBaaS PostgreSQL (v1) cluster');
    t.send('Down');
    t.type('e2e-db');
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
    screen = await t.waitFor(/Review/);
    expect(screen).not.toContain('e2e-password-1');
    t.send('Enter');
    await t.waitFor(/e2e-db\s+creating/);
    await t.waitFor(/e2e-db\s+ready/, 20_000);

    // Delete it: ctrl-d, a wrong name is refused, the right one deletes.
    t.type('/e2e');
    t.send('Enter');
    await t.waitFor(/❯ e2e-db/);
    t.send('C-d');
    await t.waitFor('Type e2e-db to confirm');
    t.type('e2e');
    t.send('Enter');
    await t.waitFor('That is not the name; nothing was deleted.');
    t.type('-db');
    t.send('Enter');
    await t.waitFor(/e2e-db is being deleted|e2e-db\s+deleting/);
    await t.waitFor(/0\/\d+ clusters matching "e2e"/, 20_000);

    t.send('Escape');
    t.send('q');
    for (let i = 0; i < 300 && t.exitStatus() === undefined; i++) await new Promise((r) => setTimeout(r, 100)); // stopping the demo PostgreSQL takes seconds on a loaded machine
    expect(t.exitStatus()).toBe(0);
    screen = t.capture();
    expect(screen).not.toMatch(LIST);
    expect(screen).not.toContain('enter open');
  }, 120_000);

  it('scales an IONOS cluster from the detail screen: edit, review the diff, confirm, updating → ready', async () => {
    const t = start(100, 30);
    await t.waitFor(LIST, 30_000);
    t.type('/crm-prod');
    t.send('Enter');
    await t.waitFor(/1\/\d+ clusters matching "crm-prod"/);
    t.send('Enter');
    await t.waitFor(/crm-prod\s+ready \(AVAILABLE\)/);
    t.send('e');
    let screen = await t.waitFor(/RAM per instance \(MB\)\s+8192 MB/);
    expect(screen).toMatch(/❯ Name\s+crm-prod/);
    for (let i = 0; i < 4; i++) t.send('Down');
    await t.waitFor(/❯ RAM per instance/);
    t.send('C-u');
    t.type('16384');
    await t.waitFor(/❯ RAM per instance \(MB\)\s+16384/);
    t.send('C-s');
    screen = await t.waitFor(/Review changes — PATCH \/clusters\//);
    expect(screen).toMatch(/RAM per instance \(MB\)\s+8192 → 16384/);
    expect(screen).toMatch(/"ram": 16384/);
    expect(screen).not.toMatch(/replaces the whole object/);
    t.send('Enter');
    await t.waitFor(/crm-prod\s+updating \(BUSY\)/);
    screen = await t.waitFor(/crm-prod\s+ready \(AVAILABLE\)/, 20_000);
    expect(screen).toMatch(/size\s+4 cores, 16 GB RAM/);
    expect(screen).toMatch(/ready \(AVAILABLE\) → updating \(BUSY\)/);
    expect(screen).toMatch(/updating \(BUSY\) → ready \(AVAILABLE\)/);
    t.send('Escape');
    await t.waitFor(/NAME▲?\s+PHASE/);
    t.send('q');
    for (let i = 0; i < 300 && t.exitStatus() === undefined; i++) await new Promise((r) => setTimeout(r, 100)); // stopping the demo PostgreSQL takes seconds on a loaded machine
    expect(t.exitStatus()).toBe(0);
  }, 60_000);

  it('200x50 shows more columns; shrinking to 60x20 keeps the essentials; ctrl-c quits cleanly', async () => {
    const t = start(200, 50);
    await t.waitFor(LIST, 30_000);
    await t.waitForGone('loading', 15_000);
    let screen = t.capture();
    expect(screen).toMatch(/NAME▲?\s+PHASE\s+HEALTH\s+PROFILE\s+VER\s+AGE\s+LOCATION\s+SIZE\s+INST\s+STORAGE\s+HOST/);
    t.resize(60, 20);
    screen = await t.waitFor((s: string) => !/LOCATION/.test(s) && /NAME▲?\s+PHASE/.test(s));
    expect(screen.split('\n')[18]).toMatch(/enter open/);
    t.send('C-c');
    for (let i = 0; i < 300 && t.exitStatus() === undefined; i++) await new Promise((r) => setTimeout(r, 100)); // stopping the demo PostgreSQL takes seconds on a loaded machine
    expect(t.exitStatus()).toBe(0);
    expect(t.capture()).not.toMatch(LIST);
  }, 60_000);
});
