// `pgtui frobnicate`: one line naming the word and the closest command (exit 2), not commander's
// "too many arguments" (the bare `pgtui` starts the TUI, so a stray word reaches its action).
import type { Command } from 'commander';
import { oneLine } from '../text/safe.js';
import { CommandError, EXIT } from './exit-codes.js';

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The command closest to `word`, when it is close enough to be a typo (or `word` starts it). */
export function closestCommand(names: readonly string[], word: string): string | undefined {
  const ranked = names.map((n) => ({ n, d: n.startsWith(word) && word.length >= 2 ? 0 : editDistance(word, n) })).sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  const best = ranked[0];
  return best && best.d <= Math.max(2, Math.floor(best.n.length / 3)) ? best.n : undefined;
}

export function unknownCommand(program: Command, word: string): CommandError {
  const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
  const near = closestCommand(names, word);
  const shown = oneLine(word, 60);
  const tail = near ? `; did you mean '${near}'?` : `; commands: ${names.join(', ')}`;
  return new CommandError(`unknown command '${shown}'${tail}`, EXIT.usage);
}

/** `pgtui help [COMMAND]` (the bare program has an action, so commander adds no help command of its own). */
export function helpFor(program: Command, name: string | undefined): number {
  const target = name === undefined ? program : program.commands.find((c) => c.name() === name);
  if (!target) throw unknownCommand(program, name!);
  target.outputHelp();
  return EXIT.ok;
}
