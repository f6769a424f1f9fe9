// V8's code cache under attack and after accidents (bin/compile-cache.js): damaged files (flipped bytes, a zeroed
// tail as a crash mid-write leaves), planted symlinks, a directory or file another user owns, an upgrade that
// keeps the bundle's size and mtime, and two installs side by side. Every run must still work, and nothing
// outside the cache file may be written.
import { chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, ensureBuilt, runCli } from './helpers.js';
import { spawn } from 'node:child_process';

const ROOT_USER = process.getuid?.() === 0;
if (!ROOT_USER) console.warn('SKIPPED: not root, so the cases with files of another user did not run');

const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A second copy of the program (bin, dist, package.json) in its own directory, as another install would be. */
function install(): string {
  const dir = temp('pgtui-install-');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  return dir;
}

function run(prefix: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(prefix, 'bin/pgtui.js'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

let xdg: string;
let env: NodeJS.ProcessEnv;
const cacheDir = () => join(xdg, 'pgtui');
const caches = () => readdirSync(cacheDir()).filter((f) => f.endsWith('.v8cache'));
const onlyCache = () => {
  const files = caches();
  expect(files).toHaveLength(1);
  return join(cacheDir(), files[0]!);
};
let help: string;

beforeAll(async () => {
  ensureBuilt();
});

function fresh(): void {
  xdg = temp('pgtui-xdg-');
  env = cleanEnv(temp('pgtui-home-'), { XDG_CACHE_HOME: xdg, PGTUI_CONFIG_DIR: temp('pgtui-cfg-') });
}

describe('the code cache', () => {
  it('is one sealed file per install, keyed by content, and used on the next run', async () => {
    fresh();
    const first = await runCli(['help'], { env });
    expect(first.code).toBe(0);
    help = first.stdout;
    const file = onlyCache();
    expect(file).toMatch(/oneshot\.cjs-[0-9a-f]{8}\.v8cache$/);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('pgtui-sealed-2\n');
    const written = statSync(file).mtimeMs;
    const again = await runCli(['help'], { env });
    expect([again.code, again.stdout]).toEqual([0, help]);
    expect(statSync(file).mtimeMs).toBe(written); // accepted, so not written again
  });

  it('damaged (64 bytes flipped, or zeroed after 4 KB) is detected, ignored and replaced; the command works', async () => {
    fresh();
    await runCli(['help'], { env });
    const file = onlyCache();
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    const at = Math.floor(flipped.length / 2);
    for (let i = at; i < at + 64; i++) flipped[i] = flipped[i]! ^ 0xff;
    const zeroed = Buffer.from(good);
    zeroed.fill(0, 4096);
    for (const damage of [flipped, zeroed]) {
      writeFileSync(file, damage, { mode: 0o600 });
      const r = await runCli(['help'], { env });
      expect([r.code, r.stdout, r.stderr]).toEqual([0, help, '']);
      expect(readFileSync(file).equals(damage)).toBe(false);
      const healed = await runCli(['help'], { env });
      expect([healed.code, healed.stdout]).toEqual([0, help]);
    }
  });

  it('a symlink planted as the cache file is neither followed on write nor read as the cache', async () => {
    fresh();
    await runCli(['help'], { env });
    const file = onlyCache();
    const victim = join(temp('pgtui-victim-'), '.bashrc');
    writeFileSync(victim, 'alias ll="ls -l"\n', { mode: 0o600 });
    rmSync(file);
    symlinkSync(victim, file);
    const r = await runCli(['help'], { env });
    expect([r.code, r.stdout]).toEqual([0, help]);
    expect(readFileSync(victim, 'utf8')).toBe('alias ll="ls -l"\n');
    expect(lstatSync(file).isSymbolicLink()).toBe(false); // replaced by a real cache file
    // And a symlink to a good cache is refused too (it could point anywhere next time).
    const elsewhere = join(temp('pgtui-elsewhere-'), 'cache');
    cpSync(file, elsewhere);
    rmSync(file);
    symlinkSync(elsewhere, file);
    await runCli(['help'], { env });
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
  });

  it('a cache file that is too open is not read, and is replaced', async () => {
    fresh();
    await runCli(['help'], { env });
    const file = onlyCache();
    const st = statSync(file);
    writeFileSync(file, readFileSync(file), { mode: 0o644 });
    utimesSync(file, st.atime, st.mtime);
    const r = await runCli(['help'], { env });
    expect([r.code, r.stdout]).toEqual([0, help]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.runIf(ROOT_USER)("another user's cache file is replaced; a directory another user owns is not used at all", async () => {
    fresh();
    await runCli(['help'], { env });
    const file = onlyCache();
    chownSync(file, 65534, 65534);
    await runCli(['help'], { env });
    expect(statSync(file).uid).toBe(0);

    fresh();
    mkdirSync(cacheDir(), { mode: 0o777 });
    chownSync(cacheDir(), 65534, 65534);
    const victim = join(temp('pgtui-victim-'), '.bashrc');
    writeFileSync(victim, 'keep\n', { mode: 0o600 });
    // What the attacker plants: every name the cache could take points at the victim's file.
    for (const name of ['oneshot.cjs.v8cache', 'x.tmp-1']) symlinkSync(victim, join(cacheDir(), name));
    const r = await runCli(['help'], { env });
    expect([r.code, r.stdout]).toEqual([0, help]);
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    expect(caches()).toEqual(['oneshot.cjs.v8cache']); // nothing written there
  });

  it('an upgrade that keeps size and mtime runs the new code, not the cached old one', async () => {
    fresh();
    const prefix = install();
    const bundle = join(prefix, 'dist/oneshot.cjs');
    const first = await run(prefix, ['help'], env);
    expect(first.stdout).toContain('in one terminal UI');
    const before = statSync(bundle);
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('in one terminal UI');
    writeFileSync(bundle, text.replace('in one terminal UI', 'in one terminal UX'));
    utimesSync(bundle, before.atime, before.mtime);
    expect(statSync(bundle).size).toBe(before.size);
    const after = await run(prefix, ['help'], env);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('in one terminal UX');
  });

  it('runs a bundle that the build wrapped for it (as written) and one that is plain CommonJS with a hashbang', async () => {
    fresh();
    const prefix = install();
    const bundle = join(prefix, 'dist/oneshot.cjs');
    const text = readFileSync(bundle, 'utf8');
    const wrapper = '(function (exports, require, module, __filename, __dirname) {';
    expect(text.startsWith(wrapper)).toBe(true);
    writeFileSync(bundle, `#!/usr/bin/env node\n${text.slice(wrapper.length, text.lastIndexOf('})'))}`);
    for (let i = 0; i < 2; i++) {
      const r = await run(prefix, ['help'], env); // without, then with the code cache
      expect([r.code, r.stdout.includes('in one terminal UI'), r.stderr]).toEqual([0, true, '']);
    }
  });

  it('two installs keep a cache each instead of evicting each other', async () => {
    fresh();
    const a = install();
    const b = install();
    await run(a, ['help'], env);
    await run(b, ['help'], env);
    const both = caches().sort();
    expect(both).toHaveLength(2);
    const stamps = both.map((f) => statSync(join(cacheDir(), f)).mtimeMs);
    await run(a, ['help'], env);
    await run(b, ['help'], env);
    expect(caches().sort()).toEqual(both);
    expect(both.map((f) => statSync(join(cacheDir(), f)).mtimeMs)).toEqual(stamps);
  });

  it('relative XDG_CACHE_HOME and HOME are ignored, as the XDG spec says', async () => {
    const cwd = temp('pgtui-cwd-');
    const r = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/pgtui.js'), 'help'], { cwd, env: { ...cleanEnv('rel-home'), XDG_CACHE_HOME: 'rel-cache', PGTUI_CONFIG_DIR: temp('pgtui-cfg-') }, stdio: 'ignore' });
      child.on('close', resolve);
    });
    expect(r).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
