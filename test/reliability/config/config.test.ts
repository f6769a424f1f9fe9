import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_VERSION, openConfig } from '../../../src/state/config.js';
import type { Profile } from '../../../src/api/profile.js';
import { big, small } from './saver.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pgtui-cfg-'));
  dirs.push(d);
  return d;
};
const mode = (p: string) => statSync(p).mode & 0o777;
const fileProfiles = (dir: string) => (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { profiles: Profile[] }).profiles;
const backups = (dir: string, base = 'config.json') => readdirSync(dir).filter((f) => f.startsWith(`${base}.bak-`));
const pgo: Profile = { name: 'prod', kind: 'pgo', apiUrl: 'https://127.0.0.1:8443', namespace: 'pgo', username: 'admin', password: 'hunter2-secret' };

let saver: string;
beforeAll(async () => {
  saver = join(tmp(), 'saver.mjs');
  await build({ entryPoints: [join(import.meta.dirname, 'saver.ts')], outfile: saver, format: 'esm', platform: 'node', bundle: true, logLevel: 'silent' });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (...args: string[]) => spawn(process.execPath, [saver, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
const exited = (child: ChildProcess) => new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
/** Resolves once the saver has printed `lines` lines ("ready", then one "saved" per completed save). */
const printed = (child: ChildProcess, lines: number) => new Promise<void>((res, rej) => {
  let seen = 0;
  child.stdout!.on('data', (d: Buffer) => {
    for (const b of d) if (b === 0x0a && ++seen === lines) res();
  });
  child.once('exit', (code, signal) => rej(new Error(`saver exited after ${seen} of ${lines} lines (${code ?? signal})`)));
});

describe('file modes', () => {
  it('keeps the dir 0700 and every file 0600, even when they were looser before', async () => {
    const dir = tmp();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'config.json'), '{"version":1,"profiles":[]}', { mode: 0o644 });
    const cfg = openConfig({ dir, env: {} });
    await cfg.save(pgo);
    cfg.secrets.set('prod/c1', 'cluster-pw');
    expect(mode(dir)).toBe(0o700);
    for (const f of readdirSync(dir)) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'secrets.json']);
  });

  it('stores profile credentials in config.json (no split) and cluster secrets only in secrets.json', async () => {
    const dir = tmp();
    const cfg = openConfig({ dir, env: {} });
    await cfg.save(pgo);
    cfg.secrets.set('prod/c1', 'cluster-pw');
    const config = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(config).toContain('hunter2-secret');
    expect(config).not.toContain('cluster-pw');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain('cluster-pw');
    expect(openConfig({ dir, env: {} }).secrets.get('prod/c1')).toBe('cluster-pw');
  });
});

describe('atomic writes under SIGKILL', () => {
  it('leaves the old or the new file, never a partial one (30 kills)', async () => {
    const dir = tmp();
    await openConfig({ dir, env: {} }).save(small);
    const seen = new Set<string>();
    for (let round = 0; round < 30; round++) {
      const child = run(dir, 'loop');
      const done = exited(child);
      // Killed once it has saved 1, 2 or 3 times after "ready": it is then in the middle of its next save (it saves
      // back to back), and the last completed one was small, big or small. No guessed time: on a loaded machine a
      // timed kill could land before any save in the loop, and "small" would never be seen.
      await printed(child, 2 + (round % 3));
      child.kill('SIGKILL');
      await done;
      const profiles = fileProfiles(dir);
      expect(profiles).toHaveLength(1);
      expect([small, big]).toContainEqual(profiles[0]);
      seen.add((profiles[0] as { token: string }).token);
      // A lock or temp file the killed process left behind never stops the next round (its holder is dead).
    }
    expect(seen).toEqual(new Set(['small', 'big']));
    await openConfig({ dir, env: {} }).save(small);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
  }, 120_000); // a hang guard: 30 node processes start one after another, slow on a loaded machine

  it('a lock left by a dead process is broken at once; a live holder\'s lock is waited for', async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ['-e', '0']);
    await exited(dead);
    writeFileSync(join(dir, 'config.json.lock'), String(dead.pid));
    await openConfig({ dir, env: {} }).save(pgo);
    expect(fileProfiles(dir).map((p) => p.name)).toEqual(['prod']);
    writeFileSync(join(dir, 'config.json.lock'), String(process.pid));
    await expect(openConfig({ dir, env: {} }).save({ ...pgo, name: 'second' })).rejects.toThrow(/locked by another pgtui/);
    unlinkSync(join(dir, 'config.json.lock'));
  }, 15_000);
});

describe('two processes saving at once', () => {
  it('keeps all 40 profiles', async () => {
    const dir = tmp();
    const children = [run(dir, 'many', 'a', '20'), run(dir, 'many', 'b', '20')];
    const errs = children.map((c) => {
      let s = '';
      c.stderr!.on('data', (d) => (s += d));
      return () => s;
    });
    expect(await Promise.all(children.map(exited)), errs.map((e) => e()).join('\n')).toEqual([0, 0]);
    const names = openConfig({ dir, env: {} }).list().map((p) => p.name).sort();
    expect(names).toHaveLength(40);
    expect(names).toEqual([...Array.from({ length: 20 }, (_, i) => `a-${i}`), ...Array.from({ length: 20 }, (_, i) => `b-${i}`)].sort());
  });
});

describe('broken config files', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '', /config\.json: the file is empty/],
    ['corrupt JSON', '{"version":1,"profiles":[{"name":', /config\.json: not valid JSON/],
    ['newer version', JSON.stringify({ version: CONFIG_VERSION + 1, profiles: [{ name: 'x', kind: 'future' }] }), /newer pgtui/],
  ];
  for (const [label, bytes, reason] of cases) {
    it(`${label}: one-line message, backup with the original bytes, save refuses`, async () => {
      const dir = tmp();
      const path = join(dir, 'config.json');
      writeFileSync(path, bytes, { mode: 0o600 });
      const cfg = openConfig({ dir, env: {} });
      expect(cfg.problems).toHaveLength(1);
      expect(cfg.problems[0]).toMatch(reason);
      expect(cfg.problems[0]).not.toContain('\n');
      expect(cfg.list()).toEqual([]);
      const [backup] = backups(dir);
      expect(cfg.problems[0]).toContain(join(dir, backup!));
      expect(readFileSync(join(dir, backup!), 'utf8')).toBe(bytes);
      expect(mode(join(dir, backup!))).toBe(0o600);
      await expect(cfg.save(pgo)).rejects.toThrow(/unreadable.*fix or remove it before saving/);
      expect(() => cfg.saveSettings({ refreshSeconds: 9 })).toThrow(/unreadable/);
      expect(readFileSync(path, 'utf8')).toBe(bytes);
    });
  }

  // A pgtui started before a newer pgtui rewrote config.json must not replace the newer file.
  it('refuses to save over a newer-version file written after it was opened', async () => {
    const dir = tmp();
    const cfg = openConfig({ dir, env: {} });
    await cfg.save(pgo);
    const newer = JSON.stringify({ version: CONFIG_VERSION + 1, profiles: [] });
    writeFileSync(join(dir, 'config.json'), newer);
    await cfg.save({ ...pgo, name: 'other' }).catch(() => undefined);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(newer);
  });

  it('does not silently overwrite a corrupt secrets file: the old bytes are kept and the problem reported', () => {
    const dir = tmp();
    const corrupt = '{"clusters":{"a/1":"pw"';
    writeFileSync(join(dir, 'secrets.json'), corrupt, { mode: 0o600 });
    const cfg = openConfig({ dir, env: {} });
    cfg.secrets.set('b/2', 'pw2');
    const [backup] = backups(dir, 'secrets.json');
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(corrupt);
    expect(cfg.problems).toEqual([expect.stringMatching(/secrets file .*secrets\.json: not valid JSON; kept a copy at /)]);
    expect(cfg.secrets.get('b/2')).toBe('pw2');
  });
});

describe('environment profiles', () => {
  const env = {
    IONOS_TOKEN: 'ionos-tok', CLICKHOUSE_CLOUD_API_KEY: 'ck', CLICKHOUSE_CLOUD_API_SECRET: 'ch-secret',
    PGO_APISERVER_URL: 'https://pgo:8443', PGOUSERNAME: 'u', PGOUSERPASS: 'pgo-pass',
  };
  it('are listed with source env and never written by saving another profile', async () => {
    const dir = tmp();
    const cfg = openConfig({ dir, env });
    expect(cfg.list().map((p) => [p.name, p.source])).toEqual([
      ['env-ionos', 'env'], ['env-ionos-v2', 'env'], ['env-clickhouse', 'env'], ['env-pgo', 'env'],
    ]);
    await cfg.save(pgo);
    expect(fileProfiles(dir).map((p) => p.name)).toEqual(['prod']);
    const text = readFileSync(join(dir, 'config.json'), 'utf8');
    for (const secret of ['ionos-tok', 'ch-secret', 'pgo-pass', 'env-']) expect(text).not.toContain(secret);
    expect(cfg.list().map((p) => [p.name, p.source])).toEqual([
      ['prod', 'file'], ['env-ionos', 'env'], ['env-ionos-v2', 'env'], ['env-clickhouse', 'env'], ['env-pgo', 'env'],
    ]);
    await expect(cfg.save(cfg.list()[1]!)).rejects.toThrow(/environment variables/);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
  });
});
