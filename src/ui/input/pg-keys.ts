// The keys of the Postgres screens (activity, lock tree, replication/statements/vitals), one table per screen:
// what the screen does with a key, what `?` lists and what its footer shows: their rows in the screen registry
// (src/ui/registry/inside-screens.ts) list them.
import { back, ch, help, MOVES, quit, refresh, type Binding } from './keymap.js';

const pause: Binding = { action: 'pause', keys: 'z', help: 'pause / resume the refresh every 2 s', hint: 'pause', priority: 3, match: ch('z') };
const tag: Binding = { action: 'tag', keys: 'space', help: 'tag / untag the session (cancel or end several)', hint: 'tag', priority: 4, match: (i, k) => i === ' ' && !k.ctrl && !k.meta };
const cancel: Binding = { action: 'cancelQuery', keys: 'c', help: 'cancel the query of the session (or the tagged ones): pg_cancel_backend', hint: 'cancel', priority: 1, writes: true, match: ch('c') };
const terminate: Binding = { action: 'terminate', keys: 'X', help: 'end the session (or the tagged ones): pg_terminate_backend', hint: 'terminate', priority: 1, writes: true, match: ch('X') };
const copy: Binding = { action: 'copy', keys: 'y', help: 'copy the pid / Y the query (OSC 52)', hint: 'copy', priority: 5, match: ch('y') };
const copyQuery: Binding = { action: 'copyQuery', keys: 'Y', help: 'copy the query (OSC 52)', match: ch('Y') };
const openQuery: Binding = { action: 'open', keys: 'enter', help: 'the full query', hint: 'query', priority: 2, match: (_i, k) => k.return };

export const ACTIVITY_KEYS: readonly Binding[] = [
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

export const LOCKS_KEYS: readonly Binding[] = [openQuery, tag, cancel, terminate, pause, copy, copyQuery];

export const PG_INFO_KEYS: readonly Binding[] = [
  { action: 'tab', keys: 'tab', help: 'next tab: replication, top statements, vitals', hint: 'tab', priority: 1, match: (_i, k) => k.tab && !k.shift },
  { action: 'window', keys: 'w', help: 'statements: since the screen opened / since the last reset', hint: 'window', priority: 2, match: ch('w') },
  { action: 'sort', keys: 's', help: 'statements: sort by total time, mean time, calls', hint: 'sort', priority: 3, match: ch('s') },
  { action: 'open', keys: 'enter', help: 'statements: the full statement', priority: 4, match: (_i, k) => k.return },
  { action: 'copyQuery', keys: 'y', help: 'statements: copy the statement (OSC 52)', priority: 5, match: ch('y') },
  pause,
];

/** A screen's whole key list in footer order (moving, esc, its own, r, ?, q): its screen registry row's keys. */
const screenKeys = (own: readonly Binding[]): readonly Binding[] => [...MOVES, { ...back, help: 'back / clear the filter' }, ...own, refresh, help, quit];
export const ACTIVITY_SCREEN_KEYS = screenKeys(ACTIVITY_KEYS);
export const LOCKS_SCREEN_KEYS = screenKeys(LOCKS_KEYS);
export const PG_INFO_SCREEN_KEYS = screenKeys(PG_INFO_KEYS);
