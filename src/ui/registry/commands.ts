// The `:` commands, one row each: the names it answers to, what `?` says about it, and what it asks the App
// to do. Help, the `:` key's help text and the "unknown command" hint are generated from this list.

export type Command = { type: 'quit' } | { type: 'profiles' } | { type: 'journal' } | { type: 'create' } | { type: 'help' } | { type: 'unknown'; text: string } | { type: 'none' };

interface CommandRow {
  /** The first name is the one shown. */
  names: readonly string[];
  help: string;
  command: Command;
  /** Listed in `?` and the hints (`:help` is `?` itself). */
  listed: boolean;
}

const COMMANDS: readonly CommandRow[] = [
  { names: ['profiles', 'profile'], help: 'manage profiles', command: { type: 'profiles' }, listed: true },
  { names: ['create', 'new'], help: 'create a cluster', command: { type: 'create' }, listed: true },
  { names: ['journal'], help: 'the changes pgtui applied (docs/plans.md)', command: { type: 'journal' }, listed: true },
  { names: ['q', 'quit', 'q!'], help: 'quit', command: { type: 'quit' }, listed: true },
  { names: ['help'], help: 'this help', command: { type: 'help' }, listed: false },
];

const LISTED = COMMANDS.filter((c) => c.listed);

/** The `:` commands as `?` lists them. */
export const COMMAND_HELP: ReadonlyArray<readonly [string, string]> = LISTED.map((c) => [`:${c.names[0]}`, c.help]);
/** The `:` key's help: the commands it takes. */
export const COMMAND_KEY_HELP = `command: ${LISTED.map((c) => `:${c.names[0]}`).join(' ')}`;

export function parseCommand(typed: string): Command {
  const c = typed.trim().replace(/^:/, '');
  const row = COMMANDS.find((r) => r.names.includes(c));
  if (row) return row.command;
  return c ? { type: 'unknown', text: `unknown command :${c} (try ${LISTED.map((r) => `:${r.names[0]}`).join(', ')})` } : { type: 'none' };
}
