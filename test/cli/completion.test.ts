// pgtui completion: the generated bash script completes commands, flags, option values, profile and cluster
// names (from the cache `ls` writes) when bash calls it the way programmable completion does (COMP_WORDS,
// COMP_CWORD). It runs with a PATH holding no node, so pressing Tab cannot start pgtui or reach the network.
// zsh and fish scripts are checked with `zsh -n` / `fish -n` where those shells are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, configWith, ensureBuilt, runCli } from './helpers.js';

let script: Record<'bash' | 'zsh' | 'fish', string>;
let configDir: string;
let noNodePath: string;

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

beforeAll(async () => {
  ensureBuilt();
  configDir = configWith([]);
  const env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configDir });
  script = { bash: '', zsh: '', fish: '' };
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const r = await runCli(['completion', shell], { env });
    expect(r.code, r.stderr).toBe(0);
    script[shell] = r.stdout;
  }
  // bash, date and stat only: what the completion function may run.
  noNodePath = mkdtempSync(join(tmpdir(), 'pgtui-nonode-'));
  for (const tool of ['bash', 'date', 'stat']) symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`]).toString().trim(), join(noNodePath, tool));
});

/** Lines as `profile NAME` / `cluster PROFILE NAME`, written with the cache's tab separators. */
function writeCache(lines: string[], expires = Math.floor(Date.now() / 1000) + 600): void {
  const tabbed = lines.map((l) => l.replace(/^(profile) (.*)$/, '$1\t$2').replace(/^(cluster) (\S+) (.*)$/, '$1\t$2\t$3'));
  writeFileSync(join(configDir, 'completion-cache'), `expires ${expires}\n${tabbed.join('\n')}\n`, { mode: 0o600 });
}

/** Runs the bash completion function for a command line whose last word is being completed. */
function complete(words: string[]): string[] {
  const file = join(configDir, 'complete.bash');
  writeFileSync(file, script.bash);
  const quoted = words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
  const program = `source ${file}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _pgtui; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync(join(noNodePath, 'bash'), ['--norc', '--noprofile', '-c', program], {
    env: { PATH: noNodePath, HOME: configDir, PGTUI_CONFIG_DIR: configDir },
    encoding: 'utf8',
    timeout: 10_000,
  });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('pgtui completion bash', () => {
  it('parses, and registers _pgtui for pgtui', () => {
    const r = spawnSync('bash', ['-n'], { input: script.bash, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(script.bash).toMatch(/\ncomplete -F _pgtui pgtui\n$/);
  });

  it('completes commands, their flags and the global flags', () => {
    expect(complete(['pgtui', 're'])).toEqual(['restart', 'reset-password', 'restore', 'replication']);
    expect(complete(['pgtui', ''])).toEqual(expect.arrayContaining(['ls', 'get', 'create', 'delete', 'backups', 'completion', 'profile']));
    expect(complete(['pgtui', 'restore', 'crm', '--b'])).toEqual(['--backup']);
    expect(complete(['pgtui', 'ls', '--pro'])).toEqual(['--provider', '--profile']);
    expect(complete(['pgtui', 'ls', '-o', ''])).toEqual(['table', 'wide', 'json', 'yaml']);
    expect(complete(['pgtui', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(['pgtui', 'profile', ''])).toEqual(['add', 'list', 'remove', 'test']);
  });

  it('completes profile and cluster names from the cache, and nothing from an expired one', () => {
    writeCache(['profile prod-eu', 'profile staging', 'cluster prod-eu orders', 'cluster prod-eu orders-replica', 'cluster staging crm']);
    expect(complete(['pgtui', '--profile', ''])).toEqual(['prod-eu', 'staging']);
    expect(complete(['pgtui', 'get', 'ord'])).toEqual(['orders', 'orders-replica']);
    expect(complete(['pgtui', '--profile', 'staging', 'delete', ''])).toEqual(['orders', 'orders-replica', 'crm']);
    // A flag's value does not count as the cluster argument; after the cluster nothing more is offered.
    expect(complete(['pgtui', 'restore', '--to', 'x', ''])).toEqual(['orders', 'orders-replica', 'crm']);
    expect(complete(['pgtui', 'get', 'orders', ''])).toEqual([]);
    expect(complete(['pgtui', 'profile', 'test', 'st'])).toEqual(['staging']);
    writeCache(['profile prod-eu', 'cluster prod-eu orders'], Math.floor(Date.now() / 1000) - 1);
    expect(complete(['pgtui', 'get', ''])).toEqual([]);
    expect(complete(['pgtui', '--profile', ''])).toEqual([]);
  });

  it('never evaluates a name: $(…) and backticks in a tampered cache run nothing and complete as quoted text', () => {
    const marker = join(configDir, 'pwned');
    writeCache([`cluster p $(touch ${marker})`, `cluster p \`touch ${marker}\``, 'cluster p a;b|c&d', 'cluster p Analytics Warehouse']);
    const all = complete(['pgtui', 'get', '']);
    expect(existsSync(marker)).toBe(false);
    expect(all).toEqual([`\\$\\(touch\\ ${marker}\\)`, `\\\`touch\\ ${marker}\\\``, 'a\\;b\\|c\\&d', 'Analytics\\ Warehouse']);
    expect(complete(['pgtui', 'get', '$'])).toEqual([`\\$\\(touch\\ ${marker}\\)`]);
    expect(existsSync(marker)).toBe(false);
  });

  it('names with spaces complete quoted: escaped in a bare word, as they are after an opening quote', () => {
    writeCache(['profile prod', 'cluster prod Analytics Warehouse', 'cluster prod Analytics Lake', 'cluster prod orders']);
    expect(complete(['pgtui', 'get', 'Ana'])).toEqual(['Analytics\\ Warehouse', 'Analytics\\ Lake']);
    expect(complete(['pgtui', 'get', 'Analytics\\ W'])).toEqual(['Analytics\\ Warehouse']);
    expect(complete(['pgtui', 'get', "'Analytics W"])).toEqual(['Analytics Warehouse']);
    expect(complete(['pgtui', 'get', '"Analytics L'])).toEqual(['Analytics Lake']);
  });

  it('names starting with - are not offered as arguments', () => {
    writeCache(['profile prod', 'profile -x', 'cluster prod -rf', 'cluster prod --help', 'cluster prod ok']);
    expect(complete(['pgtui', 'get', ''])).toEqual(['ok']);
    expect(complete(['pgtui', '--profile', ''])).toEqual(['prod']);
  });

  it("a cache that is not the user's own 0600 file, or sits in a directory others may write, or is a symlink, is not read", () => {
    const path = join(configDir, 'completion-cache');
    writeCache(['cluster p orders']);
    expect(complete(['pgtui', 'get', ''])).toEqual(['orders']);
    chmodSync(path, 0o644);
    expect(complete(['pgtui', 'get', ''])).toEqual([]);
    chmodSync(path, 0o600);
    chmodSync(configDir, 0o770);
    expect(complete(['pgtui', 'get', ''])).toEqual([]);
    chmodSync(configDir, 0o700);
    renameSync(path, `${path}.real`);
    symlinkSync(`${path}.real`, path);
    expect(complete(['pgtui', 'get', ''])).toEqual([]);
    rmSync(path);
    renameSync(`${path}.real`, path);
    if (process.getuid?.() === 0) {
      chownSync(path, 65534, 65534);
      expect(complete(['pgtui', 'get', ''])).toEqual([]);
      chownSync(path, 0, 0);
    }
    expect(complete(['pgtui', 'get', ''])).toEqual(['orders']);
  });

  it('an unknown shell is a usage error', async () => {
    const env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-home-')), { PGTUI_CONFIG_DIR: configDir });
    const r = await runCli(['completion', 'tcsh'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pgtui: completion is for bash, zsh, fish, not tcsh\n');
  });
});

describe('pgtui completion zsh and fish', () => {
  it.skipIf(!has('zsh'))('zsh: the script parses (zsh -n)', () => {
    const r = spawnSync('zsh', ['-n'], { input: script.zsh, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
  it.skipIf(!has('fish'))('fish: the script parses (fish -n)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgtui-fish-'));
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c/pgtui.fish'), script.fish);
    const r = spawnSync('fish', ['-n', join(dir, 'c/pgtui.fish')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
  it.skipIf(!has('fish'))('fish: completes commands, option values and cached names (complete -C)', () => {
    writeCache(['profile prod-eu', 'cluster prod-eu orders', 'cluster prod-eu crm']);
    const file = join(configDir, 'pgtui.fish');
    writeFileSync(file, script.fish);
    const ask = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { env: { PATH: process.env.PATH, HOME: configDir, PGTUI_CONFIG_DIR: configDir }, encoding: 'utf8', timeout: 10_000 })
        .stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    expect(ask('pgtui re')).toEqual(['replication', 'reset-password', 'restart', 'restore']);
    expect(ask('pgtui --profile ')).toEqual(['prod-eu']);
    expect(ask('pgtui ls -o ')).toEqual(['json', 'table', 'wide', 'yaml']);
    expect(ask('pgtui get ')).toEqual(['crm', 'orders']);
  });
  it('without those shells installed, the scripts still carry their registration (zsh: bashcompinit; fish: complete -c)', () => {
    expect(script.zsh).toMatch(/^#compdef pgtui\n/);
    expect(script.zsh).toContain('bashcompinit');
    expect(script.zsh).toContain('complete -F _pgtui pgtui');
    expect(script.fish).toContain("complete -c pgtui -n 'not __fish_seen_subcommand_from");
    expect(script.fish).toContain("-a '(__pgtui_names cluster)'");
    expect(script.fish).toMatch(/complete -c pgtui -l profile -x -a '\(__pgtui_names profile\)'/);
  });
});
