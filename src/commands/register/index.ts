// Wires every command of the list (./commands.ts) to commander; src/cli.tsx calls registerCommands once
// (docs/ARCHITECTURE.md "Commands: one registration"). Every command body is a dynamic import, so `pgtui ls`
// loads no other command's code and no one-shot loads Ink.
import type { Command } from 'commander';
import { COMMANDS } from './commands.js';
import { wiring, type Action, type CommandFile } from './wiring.js';

/**
 * The command `word` names, when that is all a run needs: commander then builds one command and its options,
 * not ~30 (~1.5 ms of every one-shot; docs/startup.md). Any other word (help, a typo, none) gets every command,
 * for help and "did you mean".
 */
function onlyThe(word: string | undefined): readonly CommandFile[] {
  const command = COMMANDS.find((c) => c.name === word);
  return command && !command.wholeProgram ? [command] : COMMANDS;
}

/**
 * Adds every command to `program` (or only the one `word` names, when it is the command run). `action` runs a body with a loaded context and exits with its code; `fail`
 * turns an error into its line on stderr and its exit code (both src/cli.tsx).
 */
export function registerCommands(program: Command, action: Action, fail: (err: unknown) => number, word?: string): void {
  const shared = wiring(program, action, fail);
  for (const command of onlyThe(word)) command.register(shared);
  // A usage error or --help in any command ends in cli.tsx's parseAsync().catch, not in process.exit.
  const all = (cmd: Command): Command[] => cmd.commands.flatMap((c) => [c, ...all(c)]);
  for (const cmd of all(program)) cmd.exitOverride();
}
