// `pgtui completion SHELL`: the completion script, built from the program's own commands. It needs no context
// (no config, no demo), so it runs without `action`.
import { exitWith } from '../../lifecycle.js';
import type { Wiring } from './wiring.js';

export const name = 'completion';
export const wholeProgram = true;

export function register({ program, fail }: Wiring): void {
  program
    .command('completion <shell>')
    .description('print a completion script for bash, zsh or fish (names come from a cache that pgtui ls writes)')
    .action(async (shell: string) => {
      let code: number;
      try {
        code = (await import('../completion.js')).completion(program, shell);
      } catch (err) {
        code = fail(err);
      }
      await exitWith(code);
    });
}
