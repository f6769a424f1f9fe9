// The mutating operations: every Provider method that changes or deletes something. Derived from the operations
// table (src/api/operations.ts: the rows and store calls marked `writes`) plus the three the table writes out
// (create, remove, update), so a new writing row is a planned operation without a line here. docs/plans.md.
import { CALLS, OPERATIONS } from '../api/core/operations.js';
import type { Provider } from '../api/core/types.js';

export type MutatingMethod = Extract<keyof Provider, string>;

export const MUTATING_METHODS: readonly MutatingMethod[] = [
  ...new Set<MutatingMethod>([
    'create',
    'remove',
    'update',
    ...Object.values(OPERATIONS).filter((r) => r.writes).map((r) => r.method),
    ...Object.values(CALLS).filter((r) => r.writes).map((r) => r.method),
  ]),
];

/** How a plan names each operation to a person ("delete orders"); a method not listed is shown as is. */
const VERBS: Readonly<Partial<Record<MutatingMethod, string>>> = {
  create: 'create',
  remove: 'delete',
  update: 'edit',
  updateSettings: 'change settings of',
  restart: 'restart',
  promote: 'promote',
  switchover: 'switch over',
  resetPassword: 'reset the password of',
  restore: 'restore',
};

/** The changes made in the database itself (SQL, not the provider's API; src/pg): planned and journalled too. */
const SQL_VERBS: Readonly<Record<string, string>> = { cancel: 'cancel queries on', terminate: 'terminate sessions on' };

export const verbOf = (op: string): string => VERBS[op as MutatingMethod] ?? SQL_VERBS[op] ?? op;
