// Hostile and broken config, tried as a user would (the built bin/pgtui.js with a private HOME) and through the
// config module: corrupt or mistyped config.json (one line naming the file and the first bad path, exit 1),
// corrupt secrets.json (a warning before psql), modes tightened on read, a config directory someone else owns
// or can write (refused, like ssh), and PGO over plain http:// (refused unless insecure, then marked).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgoProfile, Profile } from '../../../src/api/profile.js';
import { PgoProvider } from '../../../src/api/pgo/client.js';
import { memorySecretStore } from '../../../src/api/core/types.js';
import { loadContext } from '../../../src/commands/context.js';
import { startClickHouseFake, type ClickHouseFake } from '../../../src/fake/clickhouse/fake.js';
import { FakeClock } from '../../../src/fake/kit.js';
import { CONFIG_VERSION, openConfig } from '../../../src/state/config.js';
import { profilesFromEnv } from '../../../src/state/env-profiles.js';
import { BIN, cleanEnv, ensureBuilt, fakePsql, runCli, type Run } from '../../cli/helpers.js';
import { Tally } from '../rigs.js';

const tally = new Tally();
const dirs: string[] = [];
afterAll(() => {
  console.log(tally.line('reliability/config-hostile'));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A HOME whose ~/.config/pgtui holds these files (0700 dir, 0600 files unless told). */
function home(files: { config?: string; secrets?: string } = {}): { home: string; dir: string } {
  const h = mkdtempSync(join(tmpdir(), 'pgtui-hostile-'));
  dirs.push(h);
  const dir = join(h, '.config', 'pgtui');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (files.config !== undefined) writeFileSync(join(dir, 'config.json'), files.config, { mode: 0o600 });
  if (files.secrets !== undefined) writeFileSync(join(dir, 'secrets.json'), files.secrets, { mode: 0o600 });
  return { home: h, dir };
}
const mode = (p: string) => statSync(p).mode & 0o777;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const pgtui = (h: string, args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) => runCli(args, { env: cleanEnv(h, extra), input });
/** Wraps a case so the tally counts it as handled only when its assertions all passed. */
const tallied = (what: string, fn: () => Promise<void> | void) => async () => {
  tally.try(what);
  await fn();
  tally.ok(what);
};
const oneLineError = (r: Run, re: RegExp) => {
  expect(r.code, r.stderr).toBe(1);
  expect(lines(r.stderr), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(/is not a function|TypeError|at .*\.js:\d+/);
};

const ch: Profile = { name: 'ch', kind: 'clickhouse', keyId: 'k', keySecret: 's', apiUrl: 'http://127.0.0.1:9' };
const good = (profiles: unknown[] = [ch], settings: unknown = {}) => JSON.stringify({ version: 1, profiles, settings });

beforeAll(() => ensureBuilt());

const hasScript = spawnSync('script', ['-V']).status === 0;
if (!hasScript) console.log('config-hostile: TUI cases skipped: script(1) (util-linux) is needed for a pseudo-terminal');

/**
 * Runs the interactive TUI in a pseudo-terminal (script(1)), 200 columns wide. Each step waits until its pattern
 * has appeared on screen (escape sequences removed) and then types its keys; after the last step, q. Killed
 * after 15 s if that never happens.
 */
function inTerminal(h: string, steps: Array<[RegExp, string]>, extra: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; text: string; seen: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `stty cols 200 rows 40; exec ${process.execPath} ${BIN}`, '/dev/null'], {
      env: { ...cleanEnv(h, extra), TERM: 'xterm' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let text = '';
    let step = 0;
    const onData = (d: Buffer) => {
      text += d.toString();
       
      const plain = text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r/g, '');
      while (step < steps.length && steps[step]![0].test(plain)) child.stdin.write(steps[step++]![1]);
      if (step === steps.length) {
        step++;
        child.stdin.write('q');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, text: `${text}\n[reached step ${step} of ${steps.length}]`, seen: step > steps.length });
    });
  });
}

describe('corrupt or mistyped config.json', () => {
  const wrongTypes: Array<[string, string, RegExp]> = [
    ['url is a number', good([ch, { name: 'p', kind: 'pgo', apiUrl: 8443, namespace: 'pgo', username: 'u', password: 'p' }]), /profiles\.1\.apiUrl: expected string, got number/],
    ['unknown provider', good([{ ...ch, kind: 'oracle' }]), /profiles\.0\.kind: unknown provider "oracle" \(expected one of ionos-v1, ionos-v2, clickhouse, pgo\)/],
    ['missing required secret', good([{ name: 'c', kind: 'clickhouse', keyId: 'k' }]), /profiles\.0\.keySecret: missing \(expected string\)/],
    ['profiles not a list', JSON.stringify({ version: 1, profiles: { ch } }), /profiles: expected array, got an object/],
    ['profile is null', good([null]), /profiles\.0: expected object, got null/],
    ['settings.refreshSeconds a string', good([ch], { refreshSeconds: '5' }), /settings\.refreshSeconds: expected number, got string/],
    ['settings.psqlArgs item a number', good([ch], { psqlArgs: ['-X', 1] }), /settings\.psqlArgs\.1: expected string, got number/],
    ['readOnly a string', good([{ ...ch, readOnly: 'yes' }]), /profiles\.0\.readOnly: expected boolean, got string/],
    ['endpoints values not strings', good([{ name: 'v2', kind: 'ionos-v2', token: 't', endpoints: { 'de/txl': 5 } }]), /profiles\.0\.endpoints\.de\/txl: expected string, got number/],
    ['top level a list', '[]', /not a JSON object/],
    ['version a string', JSON.stringify({ version: '1', profiles: [] }), /version: expected number, got string/],
  ];

  for (const [label, bytes, reason] of wrongTypes) {
    it(`${label}: ls and profile list exit 1 with one line naming the file and the path; the file is untouched`, tallied('mistyped config.json (CLI)', async () => {
      const { home: h, dir } = home({ config: bytes });
      for (const args of [['ls'], ['profile', 'list'], ['get', 'x']]) {
        const r = await pgtui(h, args);
        oneLineError(r, reason);
        expect(r.stderr).toMatch(/^pgtui: ~\/\.config\/pgtui\/config\.json: /);
        expect(r.stdout).toBe('');
      }
      expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(bytes);
      // Three runs, one copy: a copy with the same bytes is reused, not piled up.
      expect(readdirSync(dir).filter((f) => f.startsWith('config.json.bak-'))).toHaveLength(1);
    }));
  }

  it('corrupt JSON: exit 1, one line, a copy with the original bytes, nothing saved over it', tallied('corrupt config.json (CLI)', async () => {
    const bytes = '{"version":1,"profiles":[{"name":';
    const { home: h, dir } = home({ config: bytes });
    oneLineError(await pgtui(h, ['ls']), /^pgtui: ~\/\.config\/pgtui\/config\.json: not valid JSON \(a copy is kept at ~\/\.config\/pgtui\/config\.json\.bak-[^)]+\); fix or remove the file\n$/);
    const r = await pgtui(h, ['profile', 'add', 'c2', '--provider', 'clickhouse', '--key-id', 'k', '--key-secret-stdin'], {}, 'secret\n');
    oneLineError(r, /config\.json: not valid JSON/);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(bytes);
    const [backup] = readdirSync(dir).filter((f) => f.startsWith('config.json.bak-'));
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(bytes);
    expect(mode(join(dir, backup!))).toBe(0o600);
  }));

  it('a newer version: exit 1 naming the version, the newer file is left as it is', tallied('newer config.json (CLI)', async () => {
    const bytes = JSON.stringify({ version: CONFIG_VERSION + 1, profiles: [{ name: 'x', kind: 'future' }] });
    const { home: h, dir } = home({ config: bytes });
    oneLineError(await pgtui(h, ['ls']), new RegExp(`config\\.json: written by a newer pgtui \\(version ${CONFIG_VERSION + 1}; this one reads ${CONFIG_VERSION}\\)`));
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(bytes);
  }));

  it('the module: every wrong type is reported with its path, nothing is listed, saving refuses', tallied('mistyped config.json (module)', async () => {
    for (const [, bytes, reason] of wrongTypes) {
      const { dir } = home({ config: bytes });
      const cfg = openConfig({ dir, env: {} });
      expect(cfg.unreadable()).toMatch(reason);
      expect(cfg.problems).toHaveLength(1);
      expect(cfg.problems[0]).toMatch(/started with no saved profiles/);
      expect(cfg.problems[0]).not.toContain('\n');
      expect(cfg.list()).toEqual([]);
      await expect(cfg.save(ch)).rejects.toThrow(/fix or remove it before saving/);
      expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(bytes);
    }
  }));

  it('the module: unknown keys survive a save (a newer pgtui of the same version may have written them)', tallied('mistyped config.json (module)', async () => {
    const { dir } = home({ config: JSON.stringify({ version: 1, theme: 'dark', profiles: [{ ...ch, colour: 'red' }], settings: { refreshSeconds: 7, future: true } }) });
    const cfg = openConfig({ dir, env: {} });
    expect(cfg.unreadable()).toBeUndefined();
    await cfg.save({ ...ch, name: 'ch2' });
    const file = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(file.theme).toBe('dark');
    expect(file.settings).toEqual({ refreshSeconds: 7, future: true });
    expect(file.profiles[0].colour).toBe('red');
    expect(file.profiles.map((p: Profile) => p.name)).toEqual(['ch', 'ch2']);
  }));

  it.skipIf(!hasScript)('the TUI (through a pseudo-terminal): shows the problem as its notice, keeps running until q, saves nothing over the file', tallied('corrupt config.json (TUI)', async () => {
    const { home: h, dir } = home({ config: '{oops', secrets: '{"clusters":' });
    const out = await inTerminal(h, [[/config\.json: not valid JSON; kept a copy at ~\/\.config\/pgtui\/config\.json\.bak-\S+ and started with no saved profiles/, '']]);
    expect(out.code, out.text).toBe(0);
    expect(out.seen).toBe(true);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{oops');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe('{"clusters":');
  }));

  it('the TUI path (tolerant): keeps running with the notice and no saved profiles', tallied('corrupt config.json (TUI)', async () => {
    const { dir } = home({ config: '{oops' });
    const ctx = await loadContext({ configDir: dir }, { tolerant: true });
    expect(ctx.profiles).toEqual([]);
    expect(ctx.config.problems.join('')).toMatch(/config\.json: not valid JSON; kept a copy at .*started with no saved profiles/);
    await expect(loadContext({ configDir: dir })).rejects.toThrow(/config\.json: not valid JSON/);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{oops');
  }));
});

describe('corrupt secrets.json', () => {
  let fake: ClickHouseFake;
  let work: string;
  beforeAll(async () => {
    fake = await startClickHouseFake({ clock: new FakeClock(0), rateLimit: false, seed: 11 });
    fake.addService({ name: 'orders', state: 'running' });
    work = mkdtempSync(join(tmpdir(), 'pgtui-hostile-psql-'));
    dirs.push(work);
  });
  afterAll(async () => {
    await fake?.stop();
  });

  for (const [label, secrets] of [['not JSON', '{"clusters":{"ch/1":"pw"'], ['a value of the wrong type', JSON.stringify({ version: 1, clusters: { 'ch/1': 42 } })]] as const) {
    it(`${label}: pgtui psql warns in one line on stderr before psql starts, and psql still runs`, tallied('corrupt secrets.json + psql', async () => {
      const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret };
      const { home: h, dir } = home({ config: good([profile], { psqlPath: fakePsql(work) }), secrets });
      const log = join(work, `psql-${label.length}.json`);
      const r = await pgtui(h, ['psql', 'orders'], { FAKE_PSQL_LOG: log });
      expect(r.code, r.stderr).toBe(0);
      const err = lines(r.stderr);
      expect(err[0]).toMatch(/^pgtui: warning: secrets file ~\/\.config\/pgtui\/secrets\.json: .*; kept a copy at .*; psql connects without the stored login$/);
      expect(err[1]).toMatch(/^psql → orders/);
      expect(existsSync(log)).toBe(true);
      expect(JSON.parse(readFileSync(log, 'utf8')).passfile).toBeNull();
      expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe(secrets);
    }));
  }

  it.skipIf(!hasScript)('the TUI shows unusable stored logins as its notice at start, and warns again above psql\'s banner on p', tallied('corrupt secrets.json (TUI)', async () => {
    const { home: h, dir } = home({ config: good(), secrets: '{"clusters":' });
    const log = join(work, 'psql-tui.json');
    const profile: Profile = { kind: 'clickhouse', name: 'ch', apiUrl: fake.url, keyId: fake.keyId, keySecret: fake.keySecret };
    writeFileSync(join(dir, 'config.json'), good([profile], { psqlPath: fakePsql(work) }));
    const out = await inTerminal(h, [
      [/secrets file ~\/\.config\/pgtui\/secrets\.json: not valid JSON; kept a copy at/, ''],
      [/❯ orders\s+ready/, 'p'],
      [/pgtui: warning: secrets file ~\/\.config\/pgtui\/secrets\.json: not valid JSON; kept a copy at \S+; psql connects without the stored login\n+psql → orders/, ''],
    ], { FAKE_PSQL_LOG: log });
    expect(out.seen, out.text).toBe(true);
    expect(out.code).toBe(0);
    expect(JSON.parse(readFileSync(log, 'utf8')).passfile).toBeNull();
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe('{"clusters":');
  }));

  it('the module: secretsProblem() names the file and the path; an intact file has none', tallied('corrupt secrets.json (module)', () => {
    const { dir } = home({ secrets: JSON.stringify({ version: 1, clusters: { 'ch/1': 42 } }) });
    expect(openConfig({ dir, env: {} }).secretsProblem()).toMatch(/secrets\.json: clusters\.ch\/1: expected string, got number; kept a copy at /);
    const ok = home({ secrets: JSON.stringify({ version: 1, clusters: { 'ch/1': 'pw' } }) });
    const cfg = openConfig({ dir: ok.dir, env: {} });
    expect(cfg.secretsProblem()).toBeUndefined();
    expect(cfg.secrets.get('ch/1')).toBe('pw');
  }));
});

describe('file modes and who owns the directory', () => {
  it('0755 dir and 0644 files are tightened to 0700/0600 by a read-only command', tallied('modes tightened on read', async () => {
    const { home: h, dir } = home({ config: good(), secrets: JSON.stringify({ version: 1, clusters: {} }) });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'config.json'), 0o644);
    chmodSync(join(dir, 'secrets.json'), 0o640);
    const r = await pgtui(h, ['profile', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ch');
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'config.json'))).toBe(0o600);
    expect(mode(join(dir, 'secrets.json'))).toBe(0o600);
    // and through the module, without any save
    chmodSync(join(dir, 'config.json'), 0o644);
    openConfig({ dir, env: {} });
    expect(mode(join(dir, 'config.json'))).toBe(0o600);
  }));

  for (const [m, who] of [[0o777, 'group and others'], [0o770, 'group'], [0o703, 'others']] as const) {
    it(`a ${m.toString(8)} directory is refused in one line naming it, its mode and the fix; nothing in it is read or changed`, tallied('group/world-writable dir refused', async () => {
      const { home: h, dir } = home({ config: good(), secrets: '{"clusters":{}}' });
      chmodSync(join(dir, 'config.json'), 0o644);
      chmodSync(dir, m);
      for (const args of [['ls'], ['profile', 'list']]) {
        oneLineError(await pgtui(h, args), new RegExp(`^pgtui: config directory ~/\\.config/pgtui is writable by ${who} \\(mode 0${m.toString(8)}\\); pgtui will not read credentials from it: chmod 700 ~/\\.config/pgtui\\n$`));
      }
      expect(mode(dir)).toBe(m);
      expect(mode(join(dir, 'config.json'))).toBe(0o644);
      expect(() => openConfig({ dir, env: {} })).toThrow(/is writable by/);
      await expect(loadContext({ configDir: dir }, { tolerant: true })).rejects.toThrow(/chmod 700/);
    }));
  }

  it('a group-writable config file is refused with chmod 600', tallied('writable file refused', async () => {
    const { home: h, dir } = home({ config: good() });
    chmodSync(join(dir, 'config.json'), 0o664);
    oneLineError(await pgtui(h, ['ls']), /config file ~\/\.config\/pgtui\/config\.json is writable by group or others \(mode 0664\); pgtui will not read it: chmod 600 ~\/\.config\/pgtui\/config\.json/);
  }));

  const root = process.getuid?.() === 0;
  it.skipIf(!root)('a directory or file owned by another user is refused (needs root to chown; skipped otherwise)', tallied('foreign owner refused', async () => {
    const nobody = 65534;
    const { home: h, dir } = home({ config: good() });
    chownSync(dir, nobody, nobody);
    oneLineError(await pgtui(h, ['ls']), /^pgtui: config directory ~\/\.config\/pgtui is owned by uid 65534, not by you \(uid 0\); pgtui will not read credentials from it: sudo chown -R 0 ~\/\.config\/pgtui, or use --config-dir\n$/);
    chownSync(dir, 0, 0);
    chownSync(join(dir, 'config.json'), nobody, nobody);
    oneLineError(await pgtui(h, ['profile', 'list']), /config file ~\/\.config\/pgtui\/config\.json is owned by uid 65534, not by you \(uid 0\); pgtui will not read it: sudo chown 0 ~\/\.config\/pgtui\/config\.json, or remove it/);
    // secrets.json alone, too: credentials planted by someone else are not used
    chownSync(join(dir, 'config.json'), 0, 0);
    writeFileSync(join(dir, 'secrets.json'), '{"clusters":{}}', { mode: 0o600 });
    chownSync(join(dir, 'secrets.json'), nobody, nobody);
    oneLineError(await pgtui(h, ['ls']), /config file ~\/\.config\/pgtui\/secrets\.json is owned by uid 65534/);
  }));
  if (!root) console.log('config-hostile: foreign-owner case skipped: chown to another user needs root');

  it.skipIf(!hasScript)('the TUI refuses to start on an unsafe directory with the same line (through a pseudo-terminal)', tallied('group/world-writable dir refused', async () => {
    const { home: h, dir } = home({ config: good() });
    chmodSync(dir, 0o777);
    const out = await inTerminal(h, [[/./, '']]);
    expect(out.code, out.text).toBe(1);
    expect(out.text).toMatch(/pgtui: config directory ~\/\.config\/pgtui is writable by group and others \(mode 0777\)[^\n]*chmod 700 ~\/\.config\/pgtui/);
  }));
});

describe('PGO over plain http://', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ path: string; auth?: string }> = [];
  beforeAll(async () => {
    // A pgo-apiserver in its DISABLE_TLS mode: answers /version and /showclusters, records every Authorization header.
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization });
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/version') res.end(JSON.stringify({ Version: '4.3.0', Code: 'ok', Msg: '' }));
        else if (req.url === '/showclusters') res.end(JSON.stringify({ Results: [], Code: 'ok', Msg: '' }));
        else res.writeHead(404).end('404 page not found\n');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const pgo = (extra: Partial<PgoProfile> = {}): PgoProfile => ({ name: 'kube', kind: 'pgo', apiUrl: url, namespace: 'pgo', username: 'admin', password: 'cleartext-pw', ...extra });
  const refusal = /plain http:\/\/ would send the PGO login in clear \(Basic auth\) to 127\.0\.0\.1:\d+: use https:\/\/, or set insecure on the profile \(--insecure, or "Insecure TLS" in the form\) to accept that/;

  it('profile add without --insecure is refused before any request; with --insecure it is saved, warned about and marked', tallied('PGO http:// (CLI)', async () => {
    const { home: h, dir } = home();
    const before = seen.length;
    const args = ['profile', 'add', 'kube', '--provider', 'pgo', '--url', url, '--username', 'admin', '--password-stdin'];
    oneLineError(await pgtui(h, args, {}, 'cleartext-pw\n'), refusal);
    expect(seen.length).toBe(before);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);

    const ok = await pgtui(h, [...args, '--insecure'], {}, 'cleartext-pw\n');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/saved profile kube: pgo-apiserver 4\.3\.0/);
    expect(ok.stderr).toMatch(/^pgtui: warning: profile kube is INSECURE: its PGO login travels in clear over plain http\n$/);
    expect(seen.length).toBeGreaterThan(before);
    const list = await pgtui(h, ['profile', 'list']);
    expect(list.stdout).toMatch(/kube\s+pgo\s+file\s+http:\/\/127\.0\.0\.1:\d+\s+INSECURE \(plain http\)/);
    const json = JSON.parse((await pgtui(h, ['profile', 'list', '--json'])).stdout) as Array<{ insecure: boolean; plainHttp: boolean }>;
    expect(json[0]).toMatchObject({ insecure: true, plainHttp: true });
  }));

  it('a saved profile with http:// and no insecure: ls fails that profile in one line and sends nothing', tallied('PGO http:// (CLI)', async () => {
    const { home: h } = home({ config: good([pgo()]) });
    const before = seen.length;
    const r = await pgtui(h, ['ls']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pgtui: kube: plain http:\/\//);
    expect(r.stderr).toMatch(refusal);
    expect(seen.length).toBe(before);
    expect((await pgtui(h, ['profile', 'list'])).stdout).toMatch(/plain http: refused until insecure is set/);
    const allowed = home({ config: good([pgo({ insecure: true })]) });
    const ok = await pgtui(allowed.home, ['ls']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(seen.slice(before).some((s) => s.path === '/showclusters' && s.auth === `Basic ${Buffer.from('admin:cleartext-pw').toString('base64')}`)).toBe(true);
  }));

  it('env profile (PGO_APISERVER_URL=http://…): refused unless DISABLE_TLS=true, the pgo client\'s own switch', tallied('PGO http:// (env)', async () => {
    const { home: h } = home();
    const env = { PGO_APISERVER_URL: url, PGOUSERNAME: 'admin', PGOUSERPASS: 'cleartext-pw' };
    const before = seen.length;
    const r = await pgtui(h, ['ls'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/env-pgo: plain http:\/\/ would send the PGO login in clear \(Basic auth\) to 127\.0\.0\.1:\d+: use https:\/\/, or set DISABLE_TLS=true \(as for the pgo client\) to accept that/);
    expect(seen.length).toBe(before);
    const ok = await pgtui(h, ['ls'], { ...env, DISABLE_TLS: 'true' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(seen.length).toBeGreaterThan(before);
    expect((await pgtui(h, ['profile', 'list'], { ...env, DISABLE_TLS: 'true' })).stdout).toMatch(/env-pgo\s+pgo\s+env\s+http:\S+\s+INSECURE \(plain http\)/);
    // DISABLE_TLS does not weaken an https:// profile's certificate check.
    expect(profilesFromEnv({ ...env, PGO_APISERVER_URL: 'https://pgo:8443', DISABLE_TLS: 'true' }, '/nonexistent')[0]).not.toHaveProperty('insecure', true);
  }));

  it('the module: the provider refuses before any request, config.save refuses, insecure allows and the store marks it', tallied('PGO http:// (module)', async () => {
    const before = seen.length;
    const refused = new PgoProvider(pgo(), { secrets: memorySecretStore() });
    await expect(refused.list()).rejects.toThrow(refusal);
    await expect(refused.verify()).rejects.toThrow(refusal);
    expect(seen.length).toBe(before);
    const { dir } = home();
    const cfg = openConfig({ dir, env: {} });
    await expect(cfg.save(pgo())).rejects.toThrow(refusal);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    const allowed = new PgoProvider(pgo({ insecure: true }), { secrets: memorySecretStore() });
    expect((await allowed.list()).clusters).toEqual([]);
    await refused.close();
    // The TUI marks it from the store's profile health (the red INSECURE in the status line and the profiles screen).
    const { createClusterStore } = await import('../../../src/state/store.js');
    const store = createClusterStore({ profiles: [pgo({ insecure: true })], providerFor: () => allowed, settings: { refreshSeconds: 60 } });
    store.start();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the store never listed the profile')), 10_000);
      const check = () => {
        if (store.getSnapshot().profiles[0]?.status !== 'ok') return;
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const unsubscribe = store.subscribe(check);
      check();
    });
    expect(store.getSnapshot().profiles[0]).toMatchObject({ profile: 'kube', insecure: true, status: 'ok' });
    await store.stop();
    await allowed.close();
  }));
});
