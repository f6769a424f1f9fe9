// Helpers for bench/run.mjs: timing child processes, medians, the fake server, a private config, tmux.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin/pgtui.js');
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Wall time of a command, ms (spawnSync, output discarded). */
export function timeRun(cmd, args, env = process.env, input) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout.toString() };
}

export function timeMedian(runs, fn) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = fn();
    times.push(last.ms);
  }
  return { ms: median(times), last };
}

export async function bundleFake() {
  const outfile = join(ROOT, 'bench/.cache/fake-server.mjs');
  await build({ entryPoints: [join(ROOT, 'bench/fake-server.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' } });
  return outfile;
}

export async function startFake(script, count, latencyMs = 0) {
  const child = spawn(process.execPath, [script, String(count), String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  let buffer = '';
  child.stdout.on('data', (d) => {
    buffer += d.toString();
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, i)));
      buffer = buffer.slice(i + 1);
    }
  });
  while (lines.length === 0) await sleep(20);
  const info = lines.shift();
  return {
    ...info,
    async requests() {
      child.kill('SIGUSR2');
      while (lines.length === 0) await sleep(10);
      return lines.shift().requests;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * V8's code cache for every pgtui the bench starts (bin/compile-cache.js; docs/startup.md), in one place so that
 * each measured run finds the cache a first run wrote, as a user's second and later runs do.
 */
export const CODE_CACHE = mkdtempSync(join(tmpdir(), 'pgtui-bench-cache-'));

/** A private config dir with one IONOS v1 profile pointing at the fake. */
export function configFor(fake, settings = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pgtui-bench-'));
  const profile = { kind: 'ionos-v1', name: 'bench', apiUrl: fake.url, username: fake.username, password: fake.password };
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, profiles: [profile], settings }), { mode: 0o600 });
  return { dir, env: { PATH: process.env.PATH, HOME: dir, PGTUI_CONFIG_DIR: dir, LANG: 'C.UTF-8', XDG_CACHE_HOME: CODE_CACHE } };
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export class Tmux {
  constructor() {
    this.socket = `pgtui-bench-${process.pid}`;
  }
  run(...args) {
    // tmux's own complaints ("server exited unexpectedly" once pgtui has quit) go into the thrown error, not the report.
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
  start(command, cols, rows, env) {
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.run('-f', '/dev/null', 'new-session', '-d', '-s', 'b', '-x', String(cols), '-y', String(rows), ...envArgs, command);
  }
  capture() {
    return this.run('capture-pane', '-p', '-t', 'b');
  }
  kill() {
    try {
      execFileSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    } catch {
      // no server left to kill
    }
  }
}

export function procStat(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  return { rssMb: rssKb / 1024, cpuMs: (ticks * 1000) / 100 };
}
