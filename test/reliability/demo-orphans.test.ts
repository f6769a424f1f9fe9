// The demo PostgreSQL must not outlive pgtui. The watchdog (src/fake/local-postgres.ts) stops the server named in
// postmaster.pid when pgtui dies; a server still starting without its pid file (a slow start on a loaded
// machine) was left running with parent PID 1. Here a stand-in postmaster that never writes a pid file runs
// with the data directory on its command line, and the watchdog must kill it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWatchdog } from '../../src/fake/local-postgres.js';

const LINUX = process.platform === 'linux';
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.runIf(LINUX && spawnSync('sh', ['-c', 'command -v bash']).status === 0)('the demo watchdog', () => {
  it('kills a postmaster that has not written postmaster.pid yet, found by its data directory, and removes the directory', async () => {
    const base = mkdtempSync(join(tmpdir(), 'pgtui-pg-'));
    made.push(base);
    const data = join(base, 'data');
    mkdirSync(data);
    // What pg_ctl leaves behind when it is killed mid-start: `postgres -D <data>`, in its own session.
    const server = spawn('bash', ['-c', `exec -a "postgres -D ${data}" sleep 600`], { detached: true, stdio: 'ignore' });
    server.unref();
    for (let i = 0; i < 100 && !readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').startsWith('postgres -D'); i++) await new Promise((r) => setTimeout(r, 20));
    const dog = startWatchdog(base, data);
    try {
      dog.stdin!.end(); // pgtui is gone
      for (let i = 0; i < 200 && (alive(server.pid!) || existsSync(base)); i++) await new Promise((r) => setTimeout(r, 50));
      expect(alive(server.pid!)).toBe(false);
      expect(existsSync(base)).toBe(false);
    } finally {
      if (alive(server.pid!)) process.kill(server.pid!, 'SIGKILL');
    }
  }, 20_000);
});
