// The keys of the Postgres screens (activity, lock tree, replication/statements/vitals), one table per screen:
// what the screen does with a key, what `?` lists and what its footer shows. Plain data: the keymap and the
// screen registry read the same rows.
import type { Key } from 'ink';

export interface PgKey {
  action: string;
  keys: string;
  help: string;
  hint?: string;
  priority?: number;
  /** Hidden and refused in read-only mode. */
  writes?: boolean;
  match: (input: string, key: Key) => boolean;
}

const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;

/** The keys each screen shares with every screen inside a cluster (moving, esc, r, ?, q). */
export const PG_COMMON: readonly PgKey[] = [
  { action: 'down', keys: 'j/↓', help: 'move down', match: (i, k) => k.downArrow || ch('j')(i, k) },
  { action: 'up', keys: 'k/↑', help: 'move up', match: (i, k) => k.upArrow || ch('k')(i, k) },
  { action: 'top', keys: 'g', help: 'first row', match: (i, k) => k.home || ch('g')(i, k) },
  { action: 'bottom', keys: 'G', help: 'last row', match: (i, k) => k.end || ch('G')(i, k) },
  { action: 'pageDown', keys: 'ctrl-f/pgdn', help: 'page down', match: (i, k) => k.pageDown || (k.ctrl && i === 'f') },
  { action: 'pageUp', keys: 'ctrl-b/pgup', help: 'page up', match: (i, k) => k.pageUp || (k.ctrl && i === 'b') },
  { action: 'back', keys: 'esc', help: 'back / clear the filter', hint: 'back', priority: 2, match: (_i, k) => k.escape },
  { action: 'refresh', keys: 'r', help: 'refresh now', match: ch('r') },
  { action: 'help', keys: '?', help: 'this help', hint: 'help', priority: 0, match: ch('?') },
  { action: 'quit', keys: 'q', help: 'quit', hint: 'quit', priority: 0, match: ch('q') },
];

const pause: PgKey = { action: 'pause', keys: 'z', help: 'pause / resume the refresh every 2 s', hint: 'pause', priority: 3, match: ch('z') };
const tag: PgKey = { action: 'tag', keys: 'space', help: 'tag / untag the session (cancel or end several)', hint: 'tag', priority: 4, match: (i, k) => i === ' ' && !k.ctrl && !k.meta };
const cancel: PgKey = { action: 'cancelQuery', keys: 'c', help: 'cancel the query of the session (or the tagged ones): pg_cancel_backend', hint: 'cancel', priority: 1, writes: true, match: ch('c') };
const terminate: PgKey = { action: 'terminate', keys: 'X', help: 'end the session (or the tagged ones): pg_terminate_backend', hint: 'terminate', priority: 1, writes: true, match: ch('X') };
const copy: PgKey = { action: 'copy', keys: 'y', help: 'copy the pid / Y the query (OSC 52)', hint: 'copy', priority: 5, match: ch('y') };
const copyQuery: PgKey = { action: 'copyQuery', keys: 'Y', help: 'copy the query (OSC 52)', match: ch('Y') };
const openQuery: PgKey = { action: 'open', keys: 'enter', help: 'the full query', hint: 'query', priority: 2, match: (_i, k) => k.return };

export const ACTIVITY_KEYS: readonly PgKey[] = [
  openQuery,
  tag,
  cancel,
  terminate,
  { action: 'filter', keys: '/', help: 'filter by user, application, database, client, state or query', hint: 'filter', priority: 2, match: ch('/') },
  { action: 'sort', keys: 's', help: 'sort by the next column: transaction age, query age, backend age, pid, user', hint: 'sort', priority: 3, match: ch('s') },
  { action: 'sortReverse', keys: 'S', help: 'activity: reverse the sort', match: ch('S') },
  { action: 'idle', keys: 'i', help: 'show / hide idle sessions', hint: 'idle', priority: 4, match: ch('i') },
  pause,
  copy,
  copyQuery,
];

export const LOCKS_KEYS: readonly PgKey[] = [openQuery, tag, cancel, terminate, pause, copy, copyQuery];

export const PG_INFO_KEYS: readonly PgKey[] = [
  { action: 'tab', keys: 'tab', help: 'next tab: replication, top statements, vitals', hint: 'tab', priority: 1, match: (_i, k) => k.tab && !k.shift },
  { action: 'window', keys: 'w', help: 'statements: since the screen opened / since the last reset', hint: 'window', priority: 2, match: ch('w') },
  { action: 'sort', keys: 's', help: 'statements: sort by total time, mean time, calls', hint: 'sort', priority: 3, match: ch('s') },
  { action: 'open', keys: 'enter', help: 'statements: the full statement', priority: 4, match: (_i, k) => k.return },
  { action: 'copyQuery', keys: 'y', help: 'statements: copy the statement (OSC 52)', priority: 5, match: ch('y') },
  pause,
];

/** A screen's whole key list in footer order (moving, esc, its own, r, ?, q): what a screen registry row lists. */
const screenKeys = (own: readonly PgKey[]): readonly PgKey[] => {
  const common = (action: string) => PG_COMMON.find((k) => k.action === action)!;
  const moving = PG_COMMON.filter((k) => !['back', 'refresh', 'help', 'quit'].includes(k.action));
  return [...moving, common('back'), ...own, common('refresh'), common('help'), common('quit')];
};
export const ACTIVITY_SCREEN_KEYS = screenKeys(ACTIVITY_KEYS);
export const LOCKS_SCREEN_KEYS = screenKeys(LOCKS_KEYS);
export const PG_INFO_SCREEN_KEYS = screenKeys(PG_INFO_KEYS);

/** The action a key asks for on a screen with these keys (the whole list: ACTIVITY_SCREEN_KEYS …). */
export function pgAction(keys: readonly PgKey[], input: string, key: Key, readOnly: boolean): string | undefined {
  return keys.find((b) => !(readOnly && b.writes) && b.match(input, key))?.action;
}
