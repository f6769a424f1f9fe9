// The demo's PostgreSQL on demand (src/demo/start.ts, docs/startup.md "The demo"): not started until asked, started
// once however often it is asked, and a start cut short by stop() leaves no server and no directory behind.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../../src/demo/start.js';
import { findPostgresBin } from '../../src/fake/local-postgres.js';
import { until } from '../poll.js';

const POSTGRES = Boolean(findPostgresBin());
let tmp: string;
let saved: string | undefined;
// The demo's PostgreSQL lands in TMPDIR: a private one, so the test sees only its own servers.
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pgtui-ondemand-'));
  chmodSync(tmp, 0o755); // as root the server runs as another user, who must reach its directory
  saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
});
afterAll(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  rmSync(tmp, { recursive: true, force: true });
});

const pgDirs = () => readdirSync(tmp).filter((n) => n.startsWith('pgtui-pg-'));
const servers = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(`postgres -D ${tmp}/pgtui-pg-`)).length;

describe.skipIf(!POSTGRES)("the demo's PostgreSQL on demand", () => {
  it('is not started until asked; asked twice, it starts once; the profiles name its port from the start', async () => {
    const demo = await startDemo({ postgres: 'on-demand', transitionMs: 1000 });
    try {
      expect(demo.postgresStarted).toBe(false);
      expect(demo.postgres).toBeUndefined();
      expect(pgDirs()).toEqual([]);
      const port = demo.profiles[0]!.connect?.port;
      expect(port).toBeGreaterThan(0);
      const [a, b] = await Promise.all([demo.postgresReady(), demo.postgresReady()]);
      expect(a).toBe(b);
      expect(a.port).toBe(port);
      expect(demo.postgres).toBe(a);
      expect(pgDirs()).toHaveLength(1);
      expect((await a.sql('select 1')).trim()).toBe('1');
    } finally {
      await demo.stop();
    }
    expect(await until(() => pgDirs().length === 0 && servers() === 0, 10_000)).toBe(true);
  }, 120_000);

  it('stop() during the start ends it: no server, no directory, and the waiting caller is not told of an error', async () => {
    const demo = await startDemo({ postgres: 'on-demand', transitionMs: 1000 });
    let settled = false;
    void demo.postgresReady().then(
      () => (settled = true),
      () => (settled = true),
    );
    expect(await until(() => pgDirs().length > 0, 30_000)).toBe(true);
    await demo.stop();
    expect(await until(() => pgDirs().length === 0 && servers() === 0, 15_000)).toBe(true);
    // stop() resolved after the cut-short start had settled, and the caller's promise follows that one through
    // microtasks only: one macrotask later it has settled, or it never will.
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false); // the process is on its way out: nothing to report
  }, 120_000);
});
