// pgtui ls --watch / get NAME --watch (kubectl -w): the table, then one line per change as it happens, until Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/api/profile.js';
import { startClickHouseFake, type ClickHouseFake, type FakePgService } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { BIN, cleanEnv, configWith, ensureBuilt } from './helpers.js';

let fake: ClickHouseFake;
let env: NodeJS.ProcessEnv;
let orders: FakePgService;
let billing: FakePgService;

beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 11 });
  orders = fake.addService({ name: 'orders', state: 'running' });
  billing = fake.addService({ name: 'billing', state: 'running' });
  const home = mkdtempSync(join(tmpdir(), 'pgtui-home-'));
  const ch: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3000 };
  env = cleanEnv(home, { PGTUI_CONFIG_DIR: configWith([ch], { refreshSeconds: 2 }) });
});
afterAll(async () => {
  await fake?.stop();
});

/** Runs pgtui until `done` says so, then sends Ctrl-C (SIGINT); resolves with its output and exit code. */
function watchRun(args: string[], steps: Array<{ until: RegExp; then?: () => void }>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let step = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`step ${step} never came:\n${stdout}\n${stderr}`));
    }, 40_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      while (step < steps.length && steps[step]!.until.test(stdout)) {
        steps[step]!.then?.();
        step++;
        if (step === steps.length) child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('--watch', () => {
  it('ls --watch prints the table, then a row when a cluster changes and when one goes; Ctrl-C ends it (130)', async () => {
    const r = await watchRun(['ls', '--watch'], [
      { until: /^NAME\s+PROFILE\s+PHASE[^\n]*\n(?:.*\n){2}/m, then: () => void (orders.state = 'stopped') },
      { until: /\norders\s+ch\s+stopped/, then: () => void fake.services.delete(billing.id) },
      { until: /\nbilling\s+ch\s+deleted/ },
    ]);
    expect(r.code, r.stdout).toBe(130);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+PROFILE\s+PHASE/);
    expect(lines.slice(1, 3).map((l) => l.split(/\s+/)[0]).sort()).toEqual(['billing', 'orders']);
    // Only what changed, one line each, no header again.
    expect(lines.slice(3).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['orders ch stopped', 'billing ch deleted']);
  }, 60_000);

  it('get NAME --watch -o json prints the cluster, then a JSON line each time it changes', async () => {
    orders.state = 'running';
    const r = await watchRun(['get', 'orders', '--watch', '-o', 'json'], [
      { until: /"state":"running"/, then: () => void (orders.state = 'stopped') },
      { until: /"state":"stopped"/ },
    ]);
    expect(r.code).toBe(130);
    const objects = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { name: string; state: string });
    expect(objects.map((o) => `${o.name} ${o.state}`)).toEqual(['orders running', 'orders stopped']);
  }, 60_000);
});
