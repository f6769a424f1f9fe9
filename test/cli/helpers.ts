// Running the real executable (bin/pgtui.js → the esbuild bundle) as a user would, with a private config.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../src/api/profile.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/pgtui.js');

/** `npm test` builds first (pretest); a bare `vitest run` may not have, so build when the bundle is missing. */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/pgtui.cjs')) || !existsSync(join(ROOT, 'dist/oneshot.cjs'))) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A HOME and environment with none of the user's provider variables, so only the test's profiles exist. */
export function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', NO_COLOR: '1' };
  // PGTUI_HTTP=undici runs the executable on the undici transport (src/api/core/transport.ts).
  if (process.env.PGTUI_HTTP) env.PGTUI_HTTP = process.env.PGTUI_HTTP;
  return { ...env, ...extra };
}

export function runCli(args: string[], opts: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; onStderr?: (soFar: string) => void }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      opts.onStderr?.(stderr);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** A config directory holding these profiles and settings, written the way pgtui writes it. */
export function configWith(profiles: Profile[], settings: Record<string, unknown> = {}, secrets: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgtui-cli-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, profiles, settings }), { mode: 0o600 });
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ version: 1, clusters: secrets }), { mode: 0o600 });
  return dir;
}

/**
 * A stand-in psql: records its argv, its environment (names, and /proc/self/environ), its password variables,
 * and the PGPASSFILE it was given (path, mode, content) into $FAKE_PSQL_LOG as JSON, then exits with
 * $FAKE_PSQL_EXIT (or, with FAKE_PSQL_SLEEP set, stays until killed).
 */
export function fakePsql(dir: string): string {
  const path = join(dir, 'psql');
  writeFileSync(
    path,
    `#!${process.execPath}
const fs = require('node:fs');
const f = process.env.PGPASSFILE;
const rec = { argv: process.argv.slice(2), cmdline: fs.readFileSync('/proc/self/cmdline', 'utf8').split('\\0'), pgpassword: process.env.PGPASSWORD ?? null, appname: process.env.PGAPPNAME ?? null, passfile: null, envKeys: Object.keys(process.env), environ: fs.readFileSync('/proc/self/environ', 'utf8') };
if (f) rec.passfile = { path: f, mode: (fs.statSync(f).mode & 0o777).toString(8), content: fs.readFileSync(f, 'utf8') };
fs.writeFileSync(process.env.FAKE_PSQL_LOG, JSON.stringify(rec));
// FAKE_PSQL_SLEEP=1: stay (as an interactive psql would) until killed.
if (process.env.FAKE_PSQL_SLEEP) setInterval(() => {}, 1000);
else process.exit(Number(process.env.FAKE_PSQL_EXIT ?? 0));
`,
  );
  chmodSync(path, 0o755);
  return path;
}
