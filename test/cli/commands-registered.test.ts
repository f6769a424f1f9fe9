// Every command is wired to commander in one place (src/commands/register/, docs/ARCHITECTURE.md "Commands: one registration"):
// one file per command, named after it and adding only it; each exactly once, none lost, none added beside it in
// src/cli.tsx, and `pgtui --help` lists exactly these. A new command from its file and one list line: new-command.test.ts.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/commands/register/index.js';
import { wiring, type CommandFile } from '../../src/commands/register/wiring.js';
import { ROOT, cleanEnv, ensureBuilt, runCli } from './helpers.js';

/** `pgtui --help`'s commands, in its order. A new command is added here too. */
const COMMANDS = [
  'ls', 'get', 'wait', 'edit', 'psql',
  'create', 'delete', 'restart', 'promote', 'reset-password', 'backups', 'restore', 'diagnose',
  'activity', 'locks', 'cancel', 'terminate', 'replication', 'statements',
  'completion', 'logs', 'metrics', 'slow', 'config', 'df', 'test', 'failover', 'journal', 'profile',
];
const PROFILE_COMMANDS = ['add', 'list', 'remove', 'test'];
/** The files of src/commands/register/ that register no command: the list, the shared flags and wiring. */
const NOT_COMMANDS = ['commands.ts', 'flags.ts', 'index.ts', 'wiring.ts'];
const REGISTER = join(ROOT, 'src', 'commands', 'register');

const unused = () => () => Promise.reject(new Error('not run in this test'));

function registered(): Command {
  const program = new Command('pgtui').exitOverride().configureOutput({ writeErr: () => {} });
  registerCommands(program, unused, () => 1);
  return program;
}

/** Every name and alias under `cmd`, each with its parent's path, so that a duplicate at any level shows. */
function namesUnder(cmd: Command, path = ''): string[] {
  return cmd.commands.flatMap((c) => [...[c.name(), ...c.aliases()].map((n) => `${path}${n}`), ...namesUnder(c, `${path}${c.name()} `)]);
}

/** The command names of a help text's "Commands:" section. */
function helpCommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
}

describe('command registration', () => {
  it('registers each command exactly once, and exactly the listed ones', () => {
    const program = registered();
    const all = namesUnder(program);
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS);
    expect(program.commands.find((c) => c.name() === 'profile')!.commands.map((c) => c.name())).toEqual(PROFILE_COMMANDS);
  });

  it('gives each command a file of its own, named after it, that adds that command only', async () => {
    const files = readdirSync(REGISTER).filter((f) => f.endsWith('.ts') && !NOT_COMMANDS.includes(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...COMMANDS].sort());
    for (const file of files) {
      const program = new Command('pgtui');
      ((await import(join(REGISTER, file))) as CommandFile).register(wiring(program, unused, () => 1));
      const own = (await import(join(REGISTER, file))) as CommandFile;
      expect([file, program.commands.map((c) => c.name()), own.name]).toEqual([file, [file.replace(/\.ts$/, '')], file.replace(/\.ts$/, '')]);
    }
  });

  it('builds only the command run (`pgtui ls`: ls alone), and every command for completion, help, a typo or none', () => {
    const names = (word?: string) => {
      const program = new Command('pgtui').exitOverride().configureOutput({ writeErr: () => {} });
      registerCommands(program, unused, () => 1, word);
      return program.commands.map((c) => c.name());
    };
    expect(names('ls')).toEqual(['ls']);
    expect(names('profile')).toEqual(['profile']);
    expect(names('reset-password')).toEqual(['reset-password']);
    for (const word of ['completion', 'help', 'lss', undefined]) expect([word, names(word)]).toEqual([word, COMMANDS]);
  });

  it('makes every command, subcommands too, exit through the caller (no process.exit on a usage error)', () => {
    const program = registered();
    const ls = program.commands.find((c) => c.name() === 'ls')!;
    expect(() => ls.parse(['--no-such-option'], { from: 'user' })).toThrow(/unknown option/);
    const profileList = program.commands.find((c) => c.name() === 'profile')!.commands.find((c) => c.name() === 'list')!;
    expect(() => profileList.parse(['--no-such-option'], { from: 'user' })).toThrow(/unknown option/);
  });

  it('leaves commander wiring to src/commands/register/: no other source file adds a command', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const outside = files(join(ROOT, 'src'))
      .filter((f) => !relative(ROOT, f).startsWith(join('src', 'commands', 'register')))
      .filter((f) => /from 'commander'/.test(readFileSync(f, 'utf8')))
      .filter((f) => /\.(command|addCommand)\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(outside).toEqual([]);
  });

  describe('the built program', () => {
    let env: NodeJS.ProcessEnv;
    beforeAll(() => {
      ensureBuilt();
      env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-reg-')), { PGTUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pgtui-reg-cfg-')) });
    });

    it('lists exactly these commands in pgtui --help, in this order', async () => {
      const run = await runCli(['--help'], { env });
      expect(run.code).toBe(0);
      expect(helpCommands(run.stdout)).toEqual(COMMANDS);
    });

    it('lists exactly the profile commands in pgtui profile --help', async () => {
      const run = await runCli(['profile', '--help'], { env });
      expect(run.code).toBe(0);
      expect(helpCommands(run.stdout)).toEqual(PROFILE_COMMANDS);
    });
  });
});
