// The launcher (bin/pgtui.js): `--version` before anything loads, one-shot commands through dist/oneshot.cjs,
// everything else through dist/pgtui.cjs (bin/route.js), both with V8's code cache (bin/compile-cache.js), and
// both bundles answering the same.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClickHouseFake, type ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../src/fake/kit.js';
import { ROOT, cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

const route = createRequire(import.meta.url)('../../bin/route.js') as {
  VALUE_OPTIONS: string[];
  commandOf(args: string[]): string | undefined;
  isOneShot(args: string[], env: NodeJS.ProcessEnv): boolean;
};

let fake: ClickHouseFake;
let config: string;
beforeAll(async () => {
  ensureBuilt();
  fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 5 });
  fake.addService({ name: 'orders', state: 'running' });
  fake.addService({ name: 'billing', state: 'stopped' });
  config = configWith([{ kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret, timeoutMs: 3000 }]);
});
afterAll(async () => {
  await fake?.stop();
});

const envWith = (extra: NodeJS.ProcessEnv = {}) => {
  const home = mkdtempSync(join(tmpdir(), 'pgtui-launch-'));
  return { home, env: cleanEnv(home, { PGTUI_CONFIG_DIR: config, ...extra }) };
};

describe('routing', () => {
  it('knows every global option that takes a value (checked against --help)', async () => {
    const r = await runCli(['--help'], envWith());
    const options = r.stdout.slice(r.stdout.indexOf('Options:'), r.stdout.indexOf('Commands:'));
    const withValue = [...options.matchAll(/^\s+(?:-\w, )?(--[\w-]+) [<[]/gm)].map((m) => m[1]);
    expect(withValue.length).toBeGreaterThan(0);
    expect([...route.VALUE_OPTIONS].sort()).toEqual(withValue.sort());
  });

  it('sends commands to the one-shot bundle and the TUI, --demo and undici to the full one', () => {
    expect(route.commandOf(['ls', '--json'])).toBe('ls');
    expect(route.commandOf(['--profile', 'ls'])).toBeUndefined();
    expect(route.commandOf(['--config-dir', '/x', '--read-only', 'get', 'a'])).toBe('get');
    expect(route.commandOf(['--read-only'])).toBeUndefined();
    expect(route.commandOf(['--', 'ls'])).toBeUndefined();
    expect(route.isOneShot(['ls'], {})).toBe(true);
    expect(route.isOneShot(['profile', 'list'], {})).toBe(true);
    expect(route.isOneShot([], {})).toBe(false);
    expect(route.isOneShot(['--demo', 'ls'], {})).toBe(false);
    expect(route.isOneShot(['ls'], { PGTUI_HTTP: 'undici' })).toBe(false);
  });

  it('--version is the package version, from either spelling and with other options', async () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const args of [['--version'], ['-V'], ['--read-only', '--version']]) {
      const r = await runCli(args, envWith());
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
    }
  });

  it('both bundles (and both transports) answer ls --json and a usage error the same', async () => {
    const oneShot = envWith();
    const full = envWith({ PGTUI_HTTP: 'undici' });
    const a = await runCli(['ls', '--json'], oneShot);
    const b = await runCli(['ls', '--json'], full);
    expect(a.code).toBe(0);
    expect((JSON.parse(a.stdout) as Array<{ name: string }>).map((c) => c.name).sort()).toEqual(['billing', 'orders']);
    expect([b.code, b.stdout, b.stderr]).toEqual([a.code, a.stdout, a.stderr]);
    const c = await runCli(['ls', '--provider', 'nope'], oneShot);
    const d = await runCli(['ls', '--provider', 'nope'], full);
    expect(c.code).not.toBe(0);
    expect(c.stderr).toMatch(/^pgtui: --provider is one of .*, not nope\n$/);
    expect([d.code, d.stderr]).toEqual([c.code, c.stderr]);
  });
});

describe('compile cache', () => {
  const cacheFiles = (dir: string) => readdirSync(join(dir, 'pgtui')).filter((f) => f.endsWith('.v8cache'));

  it('is written once by the first run, private to the user, and used after', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'pgtui-xdg-'));
    const run = envWith({ XDG_CACHE_HOME: xdg });
    const first = await runCli(['ls', '--json'], run);
    expect(first.code).toBe(0);
    const [file] = cacheFiles(xdg);
    expect(file).toMatch(/^oneshot\.cjs-[0-9a-f]{8}\.v8cache$/); // one per install (test/cli/compile-cache.test.ts)
    const path = join(xdg, 'pgtui', file!);
    expect(statSync(join(xdg, 'pgtui')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = statSync(path).mtimeMs;
    const second = await runCli(['ls', '--json'], run);
    expect([second.code, second.stdout]).toEqual([0, first.stdout]);
    expect(cacheFiles(xdg)).toEqual([file]);
    expect(statSync(path).mtimeMs).toBe(written); // accepted, so not written again
  });

  it('a damaged cache is detected and replaced; one others may write is never read', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'pgtui-xdg-'));
    const run = envWith({ XDG_CACHE_HOME: xdg });
    const good = await runCli(['ls', '--json'], run);
    const path = join(xdg, 'pgtui', cacheFiles(xdg)[0]!);
    const valid = readFileSync(path);

    writeFileSync(path, Buffer.alloc(valid.length, 7), { mode: 0o600 });
    const damaged = await runCli(['ls', '--json'], run);
    expect([damaged.code, damaged.stdout, damaged.stderr]).toEqual([0, good.stdout, '']);
    expect(readFileSync(path).equals(Buffer.alloc(valid.length, 7))).toBe(false);

    chmodSync(path, 0o666);
    const loose = await runCli(['ls', '--json'], run);
    expect([loose.code, loose.stdout]).toEqual([0, good.stdout]);
    expect(statSync(path).mode & 0o777).toBe(0o600); // not trusted, so written anew
  });

  it('PGTUI_NO_COMPILE_CACHE=1 writes none', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'pgtui-xdg-'));
    const r = await runCli(['ls', '--json'], envWith({ XDG_CACHE_HOME: xdg, PGTUI_NO_COMPILE_CACHE: '1' }));
    expect(r.code).toBe(0);
    expect(readdirSync(xdg)).toEqual([]);
  });
});

describe('what a one-shot start loads (docs/startup.md "Where the time goes")', () => {
  it('ls against a plain-HTTP profile, and help, load neither node:crypto nor child_process; yaml only for -o yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgtui-probe-'));
    const probe = join(dir, 'probe.cjs');
    const log = join(dir, 'loaded.txt');
    const loaded = [
      "process.moduleLoadList.filter((m) => /^NativeModule (crypto|child_process)$/.test(m))",
      "Object.keys(require.cache).filter((f) => f.endsWith('yaml.cjs')).map(() => 'yaml.cjs')",
    ];
    writeFileSync(probe, `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(log)}, [...${loaded[0]}, ...${loaded[1]}].join(',') + ';'));`);
    for (const args of [['ls', '--json'], ['help'], ['ls', '-o', 'yaml']]) {
      const r = await runCli(args, envWith({ NODE_OPTIONS: `--require ${probe}` }));
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 0]);
    }
    expect(readFileSync(log, 'utf8')).toBe(';;yaml.cjs;');
  });
});
