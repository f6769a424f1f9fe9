// What every command's registration shares: cli.tsx's `action` wrapper, its error-to-exit-code `fail`, and the
// global --read-only refusal.
import type { Command } from 'commander';
import type { Context, GlobalOptions } from '../context.js';
import { CommandError, EXIT } from '../exit-codes.js';

/** cli.tsx's `action`: loads the context, runs the body, exits with its code. */
export type Action = <A extends unknown[]>(body: (ctx: Context, ...args: A) => Promise<number> | number, check?: (...args: A) => void | Promise<void>) => (...args: A) => Promise<void>;

export interface Wiring {
  program: Command;
  action: Action;
  /** Writes an error's one line to stderr and returns its exit code (cli.tsx). */
  fail: (err: unknown) => number;
  /** The global --read-only, read when the command runs. */
  readOnly: () => boolean | undefined;
  /** A `check` that refuses `what` under the global --read-only before the config, the demo or any request (exit 7). */
  refuse: (what: string) => (..._args: unknown[]) => void;
}

export function wiring(program: Command, action: Action, fail: (err: unknown) => number): Wiring {
  const readOnly = () => program.opts<GlobalOptions>().readOnly;
  const refuse = (what: string) => (..._args: unknown[]) => {
    if (readOnly()) throw new CommandError(`--read-only: ${what} is disabled`, EXIT.refused);
  };
  return { program, action, fail, readOnly, refuse };
}

/** One command's file (src/commands/register/<command>.ts): it adds its command to `program`, and nothing else. */
export interface CommandFile {
  /** The command's name, its file's name too: a run of that command registers only it (src/cli.tsx). */
  name: string;
  /** It reads the other commands (completion's script): a run of it registers them all. */
  wholeProgram?: boolean;
  register(w: Wiring): void;
}
