// The one place a command is wired to commander (docs/ARCHITECTURE.md "Commands: one registration"): every group registers its
// commands here, and src/cli.tsx only calls registerCommands. Every command body is a dynamic import, so
// `pgtui ls` loads no other command's code and no one-shot loads Ink.
import type { Command } from 'commander';
import { registerBackups } from './backups.js';
import { registerChanges, registerEdit } from './changes.js';
import { registerClusterChecks, registerDiagnose } from './health.js';
import { registerInsight } from './insight.js';
import { registerCompletion, registerJournal, registerProfiles } from './local.js';
import { registerPostgres } from './postgres.js';
import { registerPsql } from './psql.js';
import { registerReading } from './reading.js';
import { wiring, type Action } from './wiring.js';

/** In the order `pgtui --help` lists the commands. */
const GROUPS = [
  registerReading, // ls, get, wait
  registerEdit, // edit
  registerPsql, // psql
  registerChanges, // create, delete, restart, promote, reset-password
  registerBackups, // backups, restore
  registerDiagnose, // diagnose
  registerPostgres, // activity, locks, cancel, terminate, replication, statements
  registerCompletion, // completion
  registerInsight, // logs, metrics, slow, config
  registerClusterChecks, // df, test, failover
  registerJournal, // journal
  registerProfiles, // profile add, list, remove, test
];

/**
 * Adds every command to `program`. `action` runs a body with a loaded context and exits with its code; `fail`
 * turns an error into its line on stderr and its exit code (both src/cli.tsx).
 */
export function registerCommands(program: Command, action: Action, fail: (err: unknown) => number): void {
  const shared = wiring(program, action, fail);
  for (const register of GROUPS) register(shared);
  // A usage error or --help in any command ends in cli.tsx's parseAsync().catch, not in process.exit.
  const all = (cmd: Command): Command[] => cmd.commands.flatMap((c) => [c, ...all(c)]);
  for (const cmd of all(program)) cmd.exitOverride();
}
