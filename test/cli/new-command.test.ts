// Proof of docs/ARCHITECTURE.md "Commands: one registration": a new command is one file of its own
// (test/cli/new-command/hello.ts) plus one line in the list (src/commands/register/commands.ts), added here
// the way that line would. With no other change it is in `pgtui --help` at the list's place, has its own help,
// completes, and runs its body, which is loaded only then.
import { Command, CommanderError } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import type { Context } from '../../src/commands/context.js';

vi.mock('../../src/commands/register/commands.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/commands/register/commands.js')>();
  const hello = await import('./new-command/hello.js');
  // Its line goes after `ls`, so the help's order shows it follows the list.
  return { ...real, COMMANDS: [real.COMMANDS[0]!, hello, ...real.COMMANDS.slice(1)] };
});

const seen = globalThis as { helloBodyLoaded?: boolean; helloSaid?: string };

/** A program as src/cli.tsx builds it, its help written into `out`; its action runs a body with a stand-in context. */
async function program() {
  const { registerCommands } = await import('../../src/commands/register/index.js');
  const out: string[] = [];
  const codes: number[] = [];
  const p = new Command('pgtui').exitOverride().configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void out.push(s) });
  const action = <A extends unknown[]>(body: (ctx: Context, ...args: A) => Promise<number> | number) =>
    async (...args: A) => void codes.push(await body({} as Context, ...args));
  registerCommands(p, action, () => 1);
  return { p, out, codes };
}

/** The command names of a help text's "Commands:" section. */
const helpCommands = (help: string) => [...(help.split(/^Commands:$/m)[1] ?? '').matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);

/** Runs `pgtui ARGS` that print help, and returns what they printed. */
async function helpOf(args: string[]): Promise<string> {
  const { p, out } = await program();
  await expect(p.parseAsync(args, { from: 'user' })).rejects.toThrow(CommanderError);
  return out.join('');
}

describe('a new command from one file and one list line', () => {
  it('is in pgtui --help where its line is, with its description', async () => {
    const { p } = await program();
    const help = p.helpInformation();
    expect(helpCommands(help).slice(0, 3)).toEqual(['ls', 'hello', 'get']);
    expect(help).toMatch(/^ {2}hello \[options\] <name\|id> +greet a cluster$/m);
  });

  it('has its own help, the same for `hello --help` and `help hello`', async () => {
    const own = await helpOf(['hello', '--help']);
    expect(own).toMatch(/^Usage: pgtui hello \[options\] <name\|id>$/m);
    expect(own).toMatch(/^ {2}--loud +in capitals$/m);
    expect(await helpOf(['help', 'hello'])).toBe(own);
  });

  it('completes, with its flag', async () => {
    const { p } = await program();
    const { completionScript } = await import('../../src/commands/completion.js');
    for (const shell of ['bash', 'zsh', 'fish']) {
      const script = completionScript(p, shell);
      expect([shell, script.includes('hello'), script.includes('loud')]).toEqual([shell, true, true]);
    }
  });

  it('loads its body only when it runs, then runs it with its arguments', async () => {
    const { p, codes } = await program();
    p.helpInformation();
    expect(seen.helloBodyLoaded).toBeUndefined();
    await p.parseAsync(['hello', 'five', '--loud'], { from: 'user' });
    expect(seen.helloBodyLoaded).toBe(true);
    expect(seen.helloSaid).toBe('HELLO FIVE');
    expect(codes).toEqual([0]);
  });
});
