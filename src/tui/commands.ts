// The `:` command line, parsed: what a typed command asks the App to do.

/** The `:` commands as `?` lists them. */
export const COMMAND_HELP: ReadonlyArray<readonly [string, string]> = [
  [':profiles', 'manage profiles'],
  [':create', 'create a cluster'],
  [':q', 'quit'],
];
export type Command =
  | { type: 'quit' }
  | { type: 'profiles' }
  | { type: 'journal' }
  | { type: 'create' }
  | { type: 'help' }
  | { type: 'unknown'; text: string }
  | { type: 'none' };

export function parseCommand(typed: string): Command {
  const c = typed.trim().replace(/^:/, '');
  if (c === 'q' || c === 'quit' || c === 'q!') return { type: 'quit' };
  if (c === 'profiles' || c === 'profile') return { type: 'profiles' };
  if (c === 'create' || c === 'new') return { type: 'create' };
  if (c === 'journal') return { type: 'journal' };
  if (c === 'help') return { type: 'help' };
  return c ? { type: 'unknown', text: `unknown command :${c} (try :profiles, :create, :journal, :q)` } : { type: 'none' };
}
