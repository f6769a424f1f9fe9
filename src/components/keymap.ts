// The one keymap: it drives input handling, the footer hints and the help overlay.
import type { Key } from 'ink';
import type { Capability } from '../api/capabilities.js';
import { ACTIVITY_KEYS, LOCKS_KEYS, PG_INFO_KEYS, type PgKey } from './pg-keys.js';

export type Action =
  | 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp' | 'open' | 'back' | 'filter' | 'command' | 'help'
  | 'refresh' | 'sort' | 'sortReverse' | 'create' | 'delete' | 'psql' | 'copy' | 'quit' | 'edit' | 'reveal'
  | 'restart' | 'promote' | 'resetPassword' | 'profiles'
  | 'logs' | 'metrics' | 'slow' | 'settings' | 'switchover'
  | 'search' | 'severity' | 'wrap' | 'range' | 'follow' | 'nextMatch' | 'prevMatch' | 'allLines'
  | 'raw' | 'backups' | 'health' | 'restore' | 'restoreTime' | 'format' | 'faults'
  | 'activity' | 'locks' | 'pginfo' | 'tag' | 'cancelQuery' | 'terminate' | 'pause' | 'copyQuery' | 'idle' | 'tab' | 'window';

/**
 * Screens inside a cluster: `logs`, `slow` (slow queries), `settings`, `raw` (the provider's own object), `backups`,
 * `health` (disk, reachability, failover targets) and `inside` (metrics, and any screen saying it has none).
 */
export type Scope = 'list' | 'detail' | 'logs' | 'slow' | 'settings' | 'raw' | 'backups' | 'health' | 'inside' | PgScope;
/** The Postgres screens (src/components/pg-keys.ts has their keys). */
type PgScope = 'activity' | 'locks' | 'pginfo';
const MOVING: Scope[] = ['list', 'detail', 'logs', 'slow', 'raw', 'backups', 'health', 'inside', 'activity', 'locks', 'pginfo'];
/** The keys every screen inside a cluster has (esc, ?, q) plus the list and the detail screen. */
const EVERYWHERE: Scope[] = [...MOVING, 'settings'];
/** The keys that act on one cluster: on the detail screen, and on the list's highlighted row (as k9s does). */
const ON_CLUSTER: Scope[] = ['list', 'detail'];
/** Their footer hints are the detail screen's: the list keeps its own short footer. */
const DETAIL_HINT: Scope[] = ['detail'];

export interface Binding {
  action: Action;
  /** How the key is written in hints and help. */
  keys: string;
  help: string;
  scopes: Scope[];
  /** Hidden in read-only mode. */
  writes?: boolean;
  /** The footer's short label (bindings without one are only in `?`). */
  hint?: string;
  /** Which hints the footer keeps when the width runs short: 0 always shows, higher goes first. */
  priority?: number;
  /** The scopes whose footer shows the hint (default: every scope of the binding). */
  hintIn?: Scope[];
  /** Shown in the footer only for a cluster whose provider has it, or one of them (src/api/capabilities.ts). */
  capability?: Capability | readonly Capability[];
  match: (input: string, key: Key) => boolean;
}

const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;
/** A Postgres screen's own keys as bindings of its scope (the keys every screen shares come from the lists above). */
const pgBindings = (keys: readonly PgKey[], scope: PgScope): Binding[] => keys.map((k) => ({ ...k, action: k.action as Action, scopes: [scope] }));

export const KEYMAP: Binding[] = [
  { action: 'down', keys: 'j/↓', help: 'move down', scopes: [...MOVING, 'settings'], match: (i, k) => k.downArrow || ch('j')(i, k) },
  { action: 'up', keys: 'k/↑', help: 'move up', scopes: [...MOVING, 'settings'], match: (i, k) => k.upArrow || ch('k')(i, k) },
  { action: 'top', keys: 'g', help: 'first row', scopes: MOVING, match: (i, k) => k.home || ch('g')(i, k) },
  { action: 'bottom', keys: 'G', help: 'last row / follow', scopes: MOVING, match: (i, k) => k.end || ch('G')(i, k) },
  { action: 'pageDown', keys: 'ctrl-f/pgdn', help: 'page down', scopes: MOVING, match: (i, k) => k.pageDown || (k.ctrl && i === 'f') },
  { action: 'pageUp', keys: 'ctrl-b/pgup', help: 'page up', scopes: MOVING, match: (i, k) => k.pageUp || (k.ctrl && i === 'b') },
  { action: 'open', keys: 'enter', help: 'open the cluster / query / log line', scopes: ['list', 'slow', 'logs'], hint: 'open', priority: 1, match: (_i, k) => k.return },
  { action: 'back', keys: 'esc', help: 'back / clear the filter', scopes: EVERYWHERE, hint: 'back', priority: 2, match: (_i, k) => k.escape },
  { action: 'filter', keys: '/', help: 'filter by name, provider, profile, state', scopes: ['list'], hint: 'filter', priority: 1, match: ch('/') },
  { action: 'sort', keys: 's', help: 'sort by the next column on screen', scopes: ['list'], match: ch('s') },
  { action: 'sortReverse', keys: 'S', help: 'reverse the sort', scopes: ['list'], match: ch('S') },
  { action: 'refresh', keys: 'r', help: 'refresh now', scopes: EVERYWHERE, match: ch('r') },
  { action: 'psql', keys: 'p', help: 'open psql on the cluster', scopes: ON_CLUSTER, hint: 'psql', priority: 1, match: ch('p') },
  { action: 'copy', keys: 'y', help: 'copy the connection string (no password) / the log line / the query (OSC 52)', scopes: [...ON_CLUSTER, 'logs', 'slow'], hintIn: DETAIL_HINT, hint: 'copy', priority: 5, match: ch('y') },
  { action: 'create', keys: 'c', help: 'create a cluster', scopes: ['list'], writes: true, hint: 'create', priority: 3, match: ch('c') },
  { action: 'edit', keys: 'e', help: 'edit / scale / upgrade the cluster', scopes: ON_CLUSTER, writes: true, hint: 'edit', hintIn: DETAIL_HINT, capability: 'edit', priority: 2, match: ch('e') },
  { action: 'delete', keys: 'ctrl-d', help: 'delete the cluster (type its name to confirm)', scopes: ON_CLUSTER, writes: true, hint: 'delete', priority: 4, match: (i, k) => k.ctrl && i === 'd' },
  { action: 'reveal', keys: 'x', help: 'show / hide the password', scopes: ['detail'], hint: 'reveal', priority: 5, match: ch('x') },
  { action: 'restart', keys: 'R', help: 'restart (where the provider has it)', scopes: ON_CLUSTER, writes: true, hint: 'restart', hintIn: DETAIL_HINT, capability: 'restart', priority: 3, match: ch('R') },
  { action: 'promote', keys: 'M', help: 'promote a read replica to a primary', scopes: ON_CLUSTER, writes: true, hint: 'promote', hintIn: DETAIL_HINT, capability: 'promote', priority: 3, match: ch('M') },
  { action: 'resetPassword', keys: 'P', help: 'reset the password (where the provider has it)', scopes: ON_CLUSTER, writes: true, hint: 'password', hintIn: DETAIL_HINT, capability: 'resetPassword', priority: 4, match: ch('P') },
  { action: 'logs', keys: 'l', help: 'logs', scopes: ON_CLUSTER, hint: 'logs', hintIn: DETAIL_HINT, capability: 'logs', priority: 2, match: ch('l') },
  { action: 'metrics', keys: 'm', help: 'metrics', scopes: ON_CLUSTER, hint: 'metrics', hintIn: DETAIL_HINT, capability: 'metrics', priority: 4, match: ch('m') },
  { action: 'slow', keys: 'Q', help: 'slow queries', scopes: ON_CLUSTER, hint: 'slow', hintIn: DETAIL_HINT, capability: 'slowQueries', priority: 4, match: ch('Q') },
  { action: 'settings', keys: 'C', help: 'settings', scopes: ON_CLUSTER, hint: 'settings', hintIn: DETAIL_HINT, capability: 'settings', priority: 4, match: ch('C') },
  { action: 'switchover', keys: 'O', help: 'switchover to the standby', scopes: ON_CLUSTER, writes: true, hint: 'switchover', hintIn: DETAIL_HINT, capability: 'switchover', priority: 4, match: ch('O') },
  { action: 'backups', keys: 'b', help: 'backups and restore', scopes: ON_CLUSTER, hint: 'backups', hintIn: DETAIL_HINT, capability: ['backups', 'restore'], priority: 4, match: ch('b') },
  { action: 'health', keys: 'H', help: 'health: disk use, reachability, failover targets', scopes: ON_CLUSTER, hint: 'health', hintIn: DETAIL_HINT, capability: ['diskUsage', 'reachability', 'failover'], priority: 4, match: ch('H') },
  { action: 'activity', keys: 'A', help: 'Postgres sessions: cancel, terminate', scopes: ON_CLUSTER, hint: 'activity', hintIn: DETAIL_HINT, priority: 4, match: ch('A') },
  { action: 'locks', keys: 'L', help: 'Postgres lock tree', scopes: ON_CLUSTER, hint: 'locks', hintIn: DETAIL_HINT, priority: 5, match: ch('L') },
  { action: 'pginfo', keys: 'I', help: 'Postgres replication, statements, vitals', scopes: ON_CLUSTER, hint: 'pg', hintIn: DETAIL_HINT, priority: 5, match: ch('I') },
  ...pgBindings(ACTIVITY_KEYS, 'activity'),
  ...pgBindings(LOCKS_KEYS, 'locks'),
  ...pgBindings(PG_INFO_KEYS, 'pginfo'),
  { action: 'raw', keys: 'v', help: "raw view: the provider's own object (secrets masked)", scopes: ON_CLUSTER, hint: 'raw', hintIn: DETAIL_HINT, priority: 5, match: ch('v') },
  { action: 'format', keys: 'o', help: 'raw view: JSON / YAML', scopes: ['raw'], hint: 'json/yaml', priority: 1, match: ch('o') },
  { action: 'restore', keys: 'R', help: 'backups: restore from the selected backup (type the name to confirm)', scopes: ['backups'], writes: true, hint: 'restore', capability: 'restore', priority: 1, match: ch('R') },
  { action: 'restoreTime', keys: 'T', help: 'backups: restore to a point in time (RFC 3339)', scopes: ['backups'], writes: true, hint: 'restore to time', capability: 'restore', priority: 2, match: ch('T') },
  { action: 'search', keys: '/', help: 'logs: search', scopes: ['logs'], hint: 'search', priority: 1, match: ch('/') },
  { action: 'severity', keys: 's', help: 'logs: severity', scopes: ['logs'], hint: 'severity', priority: 2, match: ch('s') },
  { action: 'nextMatch', keys: 'n', help: 'logs: next search match', scopes: ['logs'], match: ch('n') },
  { action: 'prevMatch', keys: 'N', help: 'logs: previous search match', scopes: ['logs'], match: ch('N') },
  { action: 'allLines', keys: 'a', help: 'logs: all lines (matches marked) / only the matches', scopes: ['logs'], match: ch('a') },
  { action: 'wrap', keys: 'w', help: 'logs: wrap', scopes: ['logs'], hint: 'wrap', priority: 3, match: ch('w') },
  { action: 'range', keys: 't', help: 'time range', scopes: ['logs', 'slow', 'inside'], hint: 'range', priority: 2, match: ch('t') },
  { action: 'follow', keys: 'f', help: 'logs: follow', scopes: ['logs'], hint: 'follow', priority: 3, match: ch('f') },
  { action: 'faults', keys: 'F', help: 'faults only (health not green) / all', scopes: ['list'], hint: 'faults', priority: 5, match: ch('F') },
  { action: 'command', keys: ':', help: 'command: :profiles :create :q', scopes: ON_CLUSTER, hint: 'command', priority: 4, match: ch(':') },
  { action: 'help', keys: '?', help: 'this help', scopes: EVERYWHERE, hint: 'help', priority: 0, match: ch('?') },
  { action: 'quit', keys: 'q', help: 'quit', scopes: EVERYWHERE, hint: 'quit', priority: 0, match: ch('q') },
];

export function actionFor(input: string, key: Key, scope: Scope, readOnly: boolean): Action | undefined {
  return KEYMAP.find((b) => b.scopes.includes(scope) && !(readOnly && b.writes) && b.match(input, key))?.action;
}

/** Whether the cluster the keys act on has what a binding needs; absent: no cluster to ask about, every key shows. */
export type Supports = (capability: Capability) => boolean;

const hinted = (b: Binding, scope: Scope, readOnly: boolean, supports?: Supports) =>
  Boolean(b.hint) && (b.hintIn ?? b.scopes).includes(scope) && b.scopes.includes(scope) && !(readOnly && b.writes) && !(b.capability && supports && ![b.capability].flat().some(supports));

export function hintsFor(scope: Scope, readOnly: boolean, supports?: Supports): Array<[string, string]> {
  return KEYMAP.filter((b) => hinted(b, scope, readOnly, supports)).map((b) => [b.keys, b.hint!]);
}

/** The bindings `?` lists for a scope: every key the screen takes. */
export const helpFor = (scopes: readonly Scope[], readOnly: boolean): Binding[] =>
  KEYMAP.filter((b) => !(readOnly && b.writes) && b.scopes.some((sc) => scopes.includes(sc)));

/** Width of hints as the footer draws them: "k label" joined by two spaces. */
export const hintsWidth = (hints: ReadonlyArray<readonly [string, string]>): number =>
  hints.reduce((n, [k, label], i) => n + (i > 0 ? 2 : 0) + k.length + 1 + label.length, 0);

/** The hints that fit `width`, dropped by priority (the highest number first) but kept in keymap order. */
export function fittedHints(scope: Scope, readOnly: boolean, width: number, supports?: Supports): Array<[string, string]> {
  const all = KEYMAP.filter((b) => hinted(b, scope, readOnly, supports));
  const keep = new Set(all);
  const byDropOrder = [...all].filter((b) => (b.priority ?? 9) > 0).sort((a, b) => (b.priority ?? 9) - (a.priority ?? 9));
  const shown = () => all.filter((b) => keep.has(b)).map((b): [string, string] => [b.keys, b.hint!]);
  for (const b of byDropOrder) {
    if (hintsWidth(shown()) <= width) break;
    keep.delete(b);
  }
  return shown();
}
