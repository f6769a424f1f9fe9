// The screen registry: one row per screen. Navigation (./navigation.ts), the footer (./BottomBar.tsx), `?`
// (../screens/Help.tsx), the screen switch (./InsideScreens.tsx, app.tsx) and key dispatch (./key-dispatch.ts)
// are derived from it. The screens inside a cluster are rows of ./inside-screens.ts; this file adds the list,
// the detail screen and the forms, and the cluster keys the list and the detail screen share.
import type { Capability } from '../../api/core/capabilities.js';
import { back, ch, fitHints, help, MOVES, quit, refresh, type Binding, type Gate, type Supports } from '../input/keymap.js';
import { COMMAND_HELP, COMMAND_KEY_HELP } from './commands.js';
import { confirmRefusal, type ConfirmKind } from './confirms.js';
import { INSIDE, type InsideRow } from './inside-screens.js';

export type InsideScreen = keyof typeof INSIDE;

export interface ScreenRow {
  kind: 'top' | 'inside' | 'form';
  title: string;
  /** Where esc (or leaving the form) returns; a screen inside a cluster opened from the list's row returns there. */
  parent?: string;
  /** Its keys in footer order: what `?` lists (with those of `helpWith`) and the footer shows. Forms draw their own. */
  keys: readonly Binding[];
  /** `?` lists these screens' keys too (the list's: the detail's, since they run on the highlighted row). */
  helpWith?: readonly string[];
  /** `?` lists the `:` commands. */
  commands?: boolean;
  /** The screen draws its own key hints. */
  ownFooter?: boolean;
  /** ctrl-c asks first while it holds typed input (./quit.ts): a form throughout, or while the screen reports a form open. */
  editing?: 'always' | 'reported';
  inside?: InsideRow;
}

/** A key that asks for a typed confirmation: refused in one line when the provider lacks it or the cluster is busy. */
const confirming = (kind: ConfirmKind, b: Omit<Binding, 'action' | 'disabled'>): Binding => ({ action: kind, ...b, writes: true, disabled: (target, gate) => confirmRefusal(kind, target, gate) });

/** A key refused in one line where the cluster's provider lacks the capability (or a provider rule says no for this cluster). */
const requiring = (capability: Capability) => (_target: unknown, gate: Gate) => (gate.supports(capability) ? undefined : gate.unsupportedReason(capability));

/** The keys of the screens inside a cluster, from their rows. */
const OPENERS: readonly Binding[] = Object.entries(INSIDE as Record<string, InsideRow>).map(([id, row]) => ({ action: id, ...row.opens, capability: row.capability }));

/** The keys that act on one cluster: on the detail screen, and on the list's highlighted row (as k9s does). */
function clusterKeys(onList: boolean): Binding[] {
  // The list keeps its own short footer: these keys' hints show on the detail screen only.
  const detailHint = (b: Binding): Binding => (onList ? { ...b, hint: undefined } : b);
  return [
    { action: 'psql', keys: 'p', help: 'open psql on the cluster', hint: 'psql', priority: 1, match: ch('p') },
    detailHint({ action: 'copy', keys: 'y', help: 'copy the connection string (no password; OSC 52)', hint: 'copy', priority: 5, match: ch('y') }),
    ...(onList ? [{ action: 'create', keys: 'c', help: 'create a cluster', writes: true, hint: 'create', priority: 3, match: ch('c') }] : []),
    // A provider rule may keep a cluster from being edited (a ClickHouse read replica): said, nothing opens.
    detailHint({ action: 'edit', keys: 'e', help: 'edit / scale / upgrade the cluster', writes: true, hint: 'edit', capability: 'edit', disabled: requiring('edit'), priority: 2, match: ch('e') }),
    confirming('delete', { keys: 'ctrl-d', help: 'delete the cluster (type its name to confirm)', hint: 'delete', priority: 4, match: (i, k) => k.ctrl && i === 'd' }),
    ...(onList ? [] : [{ action: 'reveal', keys: 'x', help: 'show / hide the password', hint: 'reveal', priority: 5, match: ch('x') }]),
    detailHint(confirming('restart', { keys: 'R', help: 'restart (where the provider has it)', hint: 'restart', capability: 'restart', priority: 3, match: ch('R') })),
    detailHint(confirming('promote', { keys: 'M', help: 'promote a read replica to a primary', hint: 'promote', capability: 'promote', priority: 3, match: ch('M') })),
    detailHint(confirming('resetPassword', { keys: 'P', help: 'reset the password (where the provider has it)', hint: 'password', capability: 'resetPassword', priority: 4, match: ch('P') })),
    detailHint(confirming('switchover', { keys: 'O', help: 'switchover to the standby', hint: 'switchover', capability: 'switchover', priority: 4, match: ch('O') })),
    ...OPENERS.map(detailHint),
    ...(onList ? [{ action: 'faults', keys: 'F', help: 'faults only (health not green) / all', hint: 'faults', priority: 5, match: ch('F') }] : []),
    { action: 'command', keys: ':', help: COMMAND_KEY_HELP, hint: 'command', priority: 4, match: ch(':') },
    help,
    quit,
  ];
}

const LIST_KEYS: readonly Binding[] = [
  ...MOVES,
  { action: 'open', keys: 'enter', help: 'open the cluster', hint: 'open', priority: 1, match: (_i, k) => k.return },
  { ...back, help: 'back / clear the filter' },
  { action: 'filter', keys: '/', help: 'filter by name, provider, profile, state', hint: 'filter', priority: 1, match: ch('/') },
  { action: 'sort', keys: 's', help: 'sort by the next column on screen', match: ch('s') },
  { action: 'sortReverse', keys: 'S', help: 'reverse the sort', match: ch('S') },
  refresh,
  ...clusterKeys(true),
];

const insideRows = Object.fromEntries(
  Object.entries(INSIDE as Record<string, InsideRow>).map(([id, row]) => [id, { kind: 'inside', title: row.title, parent: 'detail', keys: row.keys, ownFooter: row.ownFooter, editing: row.editing ? 'reported' : undefined, inside: row } satisfies ScreenRow]),
) as Record<InsideScreen, ScreenRow>;

const ROWS = {
  list: { kind: 'top', title: 'Clusters', keys: LIST_KEYS, helpWith: ['detail'], commands: true },
  detail: { kind: 'top', title: 'Cluster', parent: 'list', keys: [...MOVES, back, refresh, ...clusterKeys(false)], helpWith: ['list'], commands: true },
  create: { kind: 'form', title: 'New cluster', parent: 'list', keys: [], ownFooter: true, editing: 'always' },
  edit: { kind: 'form', title: 'Edit cluster', parent: 'detail', keys: [], ownFooter: true, editing: 'always' },
  profiles: { kind: 'form', title: 'Profiles', parent: 'list', keys: [], ownFooter: true, editing: 'reported' },
  journal: { kind: 'form', title: 'Journal', parent: 'list', keys: [], ownFooter: true },
  ...insideRows,
} satisfies Record<string, ScreenRow>;

export type Screen = keyof typeof ROWS;
export const SCREENS: Record<Screen, ScreenRow> = ROWS;

export const isScreen = (id: string): id is Screen => Object.hasOwn(SCREENS, id);
export const rowOf = (screen: Screen): ScreenRow => SCREENS[screen];
export const isInside = (s: Screen): s is InsideScreen => rowOf(s).kind === 'inside';
export const isForm = (s: Screen): boolean => rowOf(s).kind === 'form';

/** What `?` lists on a screen: its own keys (and those of `helpWith`), read-only mode hiding what writes. */
export function helpOf(screen: Screen, readOnly: boolean): Array<readonly [string, string]> {
  const row = rowOf(screen);
  const seen = new Set<string>();
  const entries: Array<readonly [string, string]> = [];
  for (const b of [...row.keys, ...(row.helpWith ?? []).flatMap((s) => rowOf(s as Screen).keys)]) {
    if ((readOnly && b.writes) || seen.has(b.action)) continue;
    seen.add(b.action);
    entries.push([b.keys, b.help]);
  }
  return row.commands ? [...entries, ...COMMAND_HELP] : entries;
}

/** The footer's hints for a screen at a width (none where the screen draws its own). */
export const hintsOf = (screen: Screen, readOnly: boolean, width: number, supports?: Supports): Array<[string, string]> =>
  rowOf(screen).ownFooter ? [] : fitHints(rowOf(screen).keys, readOnly, width, supports);
