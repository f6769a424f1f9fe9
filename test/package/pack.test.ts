// The package as a user gets it: `npm pack` on a tree with no dist/ builds it (prepack), the tarball installs
// with `npm install -g` into an empty prefix, and the installed pgtui runs with nothing from this repository
// (no devDependencies, no patch-package). The pack runs in a copy of the sources so the dist/ the other test
// files run is never rebuilt under them.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { ROOT } from '../cli/helpers.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'pgtui-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** npm with no user config and no network: the tarball needs nothing from a registry. */
function npmEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

describe('the npm package', () => {
  it('packs from sources without dist (prepack builds), installs into an empty prefix and runs --version and --demo ls', async () => {
    const src = join(work, 'src');
    mkdirSync(src);
    for (const entry of ['package.json', 'package-lock.json', 'bin', 'scripts', 'src', 'stubs', 'patches', 'tsconfig.json']) {
      cpSync(join(ROOT, entry), join(src, entry), { recursive: true });
    }
    // The installed dependencies (already patched by `npm ci`); the copy has no dist/ of its own.
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
    expect(existsSync(join(src, 'dist'))).toBe(false);
    const home = join(work, 'home');
    mkdirSync(home);
    const env = npmEnv(home);

    await run('npm', ['pack', '--pack-destination', work], { cwd: src, env, timeout: 120_000 });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBe(`pgtui-${pkg.version}.tgz`);
    const listed = (await run('tar', ['-tzf', join(work, tarball!)])).stdout.split('\n').filter(Boolean);
    expect(listed).toContain('package/bin/pgtui.js');
    expect(listed).toContain('package/dist/pgtui.cjs'); // the TUI bundle
    expect(listed).toContain('package/dist/oneshot.cjs'); // one-shot commands (docs/startup.md)
    expect(listed.filter((f) => f.startsWith('package/src/') || f.startsWith('package/node_modules/'))).toEqual([]);
    // The packed manifest has no `prepare` (it patches this repository's node_modules; installing the tarball
    // would warn about install scripts), and the one in the sources is given back whole after the pack.
    const packed = JSON.parse((await run('tar', ['-xzOf', join(work, tarball!), 'package/package.json'])).stdout) as typeof pkg;
    expect(packed.scripts).not.toHaveProperty('prepare');
    expect(packed.scripts).toHaveProperty('test');
    expect(readFileSync(join(src, 'package.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(existsSync(join(src, '.package.json.unpacked'))).toBe(false);

    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    const install = await run('npm', ['install', '-g', '--prefix', prefix, join(work, tarball!)], { cwd: work, env, timeout: 120_000 });
    expect(install.stderr).not.toMatch(/script|prepare/i);
    const installed = join(prefix, 'lib/node_modules/pgtui');
    // Everything is bundled: nothing installed beside it, so nothing of this repository's node_modules is used.
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const bin = join(prefix, 'bin/pgtui');

    const runEnv = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', NO_COLOR: '1' };
    const version = await run(bin, ['--version'], { cwd: work, env: runEnv, timeout: 30_000 });
    expect(version.stdout.trim()).toBe(pkg.version);
    const demo = await run(bin, ['--demo', 'ls', '-o', 'json'], { cwd: work, env: runEnv, timeout: 90_000 });
    const clusters = JSON.parse(demo.stdout) as Array<{ profile: string; name: string }>;
    expect(clusters.length).toBeGreaterThan(3);
    expect(new Set(clusters.map((c) => c.profile))).toEqual(new Set(['demo-ionos', 'demo-ionos-v2', 'demo-clickhouse', 'demo-pgo']));
  }, 300_000);
});
