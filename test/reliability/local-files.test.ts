// The local machine as an attacker or an accident sees it: where the config directory is (relative XDG and HOME
// ignored), who may swap it (its parents, checked like ssh's StrictModes), and files too big to be pgtui's.
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configDir, openConfig } from '../../src/state/config.js';
import { cleanEnv, ensureBuilt, runCli } from '../cli/helpers.js';

const ROOT_USER = process.getuid?.() === 0;
const made: string[] = [];
const temp = (prefix = 'pgtui-local-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of made) {
    try {
      chmodSync(d, 0o700);
    } catch {
      // gone
    }
    rmSync(d, { recursive: true, force: true });
  }
});
beforeAll(() => ensureBuilt());

const profileJson = (name: string) => JSON.stringify({ version: 1, profiles: [{ kind: 'clickhouse', name, apiUrl: 'https://api.example', keyId: 'k', keySecret: 's' }], settings: {} });

describe('relative XDG_CONFIG_HOME and HOME are ignored (XDG spec)', () => {
  it('configDir falls back to an absolute HOME, and from a relative HOME to the account home', () => {
    expect(configDir({ XDG_CONFIG_HOME: 'rel/cfg', HOME: '/home/u' })).toBe('/home/u/.config/pgtui');
    expect(configDir({ XDG_CONFIG_HOME: '/abs/cfg', HOME: '/home/u' })).toBe('/abs/cfg/pgtui');
    expect(configDir({ HOME: 'relhome' })).toBe(join(userInfo().homedir, '.config/pgtui'));
  });

  it('pgtui profile list reads the HOME config, not one planted in a relative XDG_CONFIG_HOME under the working directory', async () => {
    const home = temp();
    mkdirSync(join(home, '.config/pgtui'), { recursive: true, mode: 0o700 });
    writeFileSync(join(home, '.config/pgtui/config.json'), profileJson('from-home'), { mode: 0o600 });
    const cwd = temp();
    mkdirSync(join(cwd, 'planted/pgtui'), { recursive: true, mode: 0o700 });
    writeFileSync(join(cwd, 'planted/pgtui/config.json'), profileJson('planted'), { mode: 0o600 });
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../cli/helpers.js');
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'profile', 'list'], { cwd, env: cleanEnv(home, { XDG_CONFIG_HOME: 'planted' }), stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('close', () => resolve(text));
    });
    expect(out).toContain('from-home');
    expect(out).not.toContain('planted');
  });
});

describe("the config directory's parents (ssh StrictModes)", () => {
  function configUnder(parentMode: number): { parent: string; dir: string } {
    const parent = join(temp(), 'shared');
    mkdirSync(parent);
    chmodSync(parent, parentMode);
    const dir = join(parent, 'pgtui');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'config.json'), profileJson('p'), { mode: 0o600 });
    return { parent, dir };
  }

  it('a group- or world-writable parent is refused in one line with the fix; the command exits 1', async () => {
    for (const mode of [0o775, 0o777]) {
      const { parent, dir } = configUnder(mode);
      expect(() => openConfig({ dir, env: {} })).toThrow(`${parent}, above the config directory, is writable by group or others (mode 0${mode.toString(8)}); they could replace pgtui's config: chmod go-w ${parent}`);
      const r = await runCli(['profile', 'list'], { env: cleanEnv(temp(), { PGTUI_CONFIG_DIR: dir }) });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('chmod go-w');
    }
  });

  it('a sticky world-writable parent (like /tmp) and a private one are accepted', () => {
    expect(openConfig({ dir: configUnder(0o1777).dir, env: {} }).list().map((p) => p.name)).toEqual(['p']);
    expect(openConfig({ dir: configUnder(0o755).dir, env: {} }).list().map((p) => p.name)).toEqual(['p']);
    // A config directory that does not exist yet is checked through the parents that do.
    const { parent } = configUnder(0o775);
    expect(() => openConfig({ dir: join(parent, 'not', 'yet'), env: {} })).toThrow(/above the config directory, is writable by group or others/);
  });

  it.runIf(ROOT_USER)('a parent owned by another user is refused', () => {
    const { parent, dir } = configUnder(0o755);
    chownSync(parent, 65534, 65534);
    expect(() => openConfig({ dir, env: {} })).toThrow(`${parent}, above the config directory, is owned by uid 65534, not by you (uid 0) or root; its owner could replace pgtui's config: use --config-dir elsewhere`);
  });
});

describe('size caps on config.json and secrets.json', () => {
  it('a config.json over 1 MB is refused in one line, exit 1, without reading it whole', async () => {
    const dir = temp();
    chmodSync(dir, 0o700);
    writeFileSync(join(dir, 'config.json'), `{"version":1,"profiles":[],"settings":{},"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`, { mode: 0o600 });
    expect(() => openConfig({ dir, env: {} })).toThrow(`${join(dir, 'config.json')} is 3 MB, more than the 1 MB pgtui reads; it is not a file pgtui wrote: move it away`);
    const r = await runCli(['ls'], { env: cleanEnv(temp(), { PGTUI_CONFIG_DIR: dir }) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/config\.json is 3 MB, more than the 1 MB pgtui reads/);
  });

  it('a secrets.json over 1 MB is reported as the secrets problem, used as empty, and not overwritten', () => {
    const dir = temp();
    chmodSync(dir, 0o700);
    writeFileSync(join(dir, 'config.json'), profileJson('p'), { mode: 0o600 });
    writeFileSync(join(dir, 'secrets.json'), `{"version":1,"clusters":{},"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`, { mode: 0o600 });
    const config = openConfig({ dir, env: {} });
    expect(config.secretsProblem()).toMatch(/secrets\.json is 2 MB, more than the 1 MB pgtui reads/);
    expect(config.secrets.get('p/x')).toBeUndefined();
    expect(() => config.secrets.set('p/x', 'v')).toThrow(/more than the 1 MB/);
  });

  it('config.json as a symlink is refused, not followed', () => {
    const dir = temp();
    chmodSync(dir, 0o700);
    const elsewhere = join(temp(), 'config.json');
    writeFileSync(elsewhere, profileJson('p'), { mode: 0o600 });
    symlinkSync(elsewhere, join(dir, 'config.json'));
    expect(() => openConfig({ dir, env: {} })).toThrow(/config\.json is (a symbolic link|not a regular file)/);
  });
});
