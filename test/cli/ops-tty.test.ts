// The questions the scripting commands ask on a terminal: `delete` wants the cluster's name typed, the others a
// y. Run under `script` (util-linux) so pgtui's stdin is a pseudo-terminal; the answer is typed only once the
// question is on screen.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { BIN, cleanEnv, configWith, ensureBuilt } from './helpers.js';

const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
let ch: ClickHouseFake;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ensureBuilt();
  ch = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false });
  ch.addService({ name: 'victim', state: 'running' });
  const profiles: Profile[] = [{ kind: 'clickhouse', name: 'ch', apiUrl: ch.url, keyId: ch.keyId, keySecret: ch.keySecret, timeoutMs: 5000 }];
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configWith(profiles) });
});
afterAll(async () => {
  await ch?.stop();
});
beforeEach(() => {
  ch.requests.length = 0;
});

/** Runs pgtui on a pseudo-terminal; types `answer` and Enter when `prompt` shows. */
function onTerminal(args: string[], prompt: RegExp, answer: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let typed = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!typed && prompt.test(out)) {
        typed = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const writes = () => ch.requests.filter((r) => r.method !== 'GET');

describe.skipIf(!hasScript)('questions on a terminal', () => {
  it('delete: a wrong name sends nothing; the right name sends one DELETE', async () => {
    const wrong = await onTerminal(['delete', 'victim'], /Type its name to confirm: /, 'victi');
    expect(wrong.code).toBe(0);
    expect(wrong.out).toContain('not deleted: the name did not match');
    expect(writes()).toEqual([]);
    const right = await onTerminal(['delete', 'victim'], /Type its name to confirm: /, 'victim');
    expect(right.code, right.out).toBe(0);
    expect(right.out).toContain('victim: delete sent');
    expect(writes().map((w) => w.method)).toEqual(['DELETE']);
  });

  it('restart: no (the default) sends nothing', async () => {
    ch.addService({ name: 'steady', state: 'running' });
    const no = await onTerminal(['restart', 'steady'], /\[y\/N\] /, '');
    expect(no.code).toBe(0);
    expect(no.out).toContain('not restarted');
    expect(writes()).toEqual([]);
    const yes = await onTerminal(['restart', 'steady'], /\[y\/N\] /, 'y');
    expect(yes.code, yes.out).toBe(0);
    expect(writes().map((w) => w.method)).toEqual(['PATCH']);
  });
});
