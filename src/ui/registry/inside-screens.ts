// The screens inside one cluster, one row each: opened from its detail screen or the list's row by the key in
// `opens`, back to where they came from with esc. Everything else about a screen (navigation, its key in the
// list's and the detail's footer and help, its own help, the screen switch) is derived from its row in
// ./screens.ts. A new screen inside a cluster is its component file and a row here (docs/ARCHITECTURE.md).
import type { ComponentType } from 'react';
import type { Capability } from '../../api/core/capabilities.js';
import { ch, type Binding } from '../input/keymap.js';
import type { InsideProps } from '../screens/inside-common.js';
import { Backups, BACKUPS_KEYS } from '../screens/Backups.js';
import { Health, HEALTH_KEYS } from '../screens/Health.js';
import { Logs, LOGS_KEYS } from '../screens/Logs.js';
import { Metrics, METRICS_KEYS } from '../screens/Metrics.js';
import { RawView, RAW_KEYS } from '../screens/RawView.js';
import { Activity } from '../screens/Activity.js';
import { LockTree } from '../screens/LockTree.js';
import { PgInfo } from '../screens/PgInfo.js';
import { ACTIVITY_SCREEN_KEYS, LOCKS_SCREEN_KEYS, PG_INFO_SCREEN_KEYS } from '../input/pg-keys.js';
import { Settings, SETTINGS_KEYS } from '../screens/Settings.js';
import { SlowQueries, SLOW_KEYS } from '../screens/SlowQueries.js';

export interface InsideRow {
  title: string;
  /** The key that opens it (on the detail screen and the list's row); its footer hint shows on the detail screen. */
  opens: Pick<Binding, 'keys' | 'help' | 'hint' | 'priority' | 'match'>;
  /** What the cluster's provider must have for the key's hint to show (one of them); the screen opens either way and says why. */
  capability?: Capability | readonly Capability[];
  /** The screen's keys, in footer order: what `?` lists and its own footer shows. */
  keys: readonly Binding[];
  component: ComponentType<InsideProps>;
  /** The screen draws its own key hints (a form). */
  ownFooter?: boolean;
  /** The screen opens a form with typed input and reports it (onEditing): ctrl-c asks first then (./quit.ts). */
  editing?: boolean;
}

export const INSIDE = {
  logs: { title: 'Logs', opens: { keys: 'l', help: 'logs', hint: 'logs', priority: 2, match: ch('l') }, capability: 'logs', keys: LOGS_KEYS, component: Logs },
  metrics: { title: 'Metrics', opens: { keys: 'm', help: 'metrics', hint: 'metrics', priority: 4, match: ch('m') }, capability: 'metrics', keys: METRICS_KEYS, component: Metrics },
  slow: { title: 'Slow queries', opens: { keys: 'Q', help: 'slow queries', hint: 'slow', priority: 4, match: ch('Q') }, capability: 'slowQueries', keys: SLOW_KEYS, component: SlowQueries },
  settings: { title: 'Settings', opens: { keys: 'C', help: 'settings', hint: 'settings', priority: 4, match: ch('C') }, capability: 'settings', keys: SETTINGS_KEYS, component: Settings, ownFooter: true, editing: true },
  backups: { title: 'Backups', opens: { keys: 'b', help: 'backups and restore', hint: 'backups', priority: 4, match: ch('b') }, capability: ['backups', 'restore'], keys: BACKUPS_KEYS, component: Backups },
  health: { title: 'Health', opens: { keys: 'H', help: 'health: disk use, reachability, failover targets', hint: 'health', priority: 4, match: ch('H') }, capability: ['diskUsage', 'reachability', 'failover'], keys: HEALTH_KEYS, component: Health },
  activity: { title: 'Activity', opens: { keys: 'A', help: 'Postgres sessions: cancel, terminate', hint: 'activity', priority: 4, match: ch('A') }, keys: ACTIVITY_SCREEN_KEYS, component: Activity },
  locks: { title: 'Lock tree', opens: { keys: 'L', help: 'Postgres lock tree', hint: 'locks', priority: 5, match: ch('L') }, keys: LOCKS_SCREEN_KEYS, component: LockTree },
  pginfo: { title: 'Postgres', opens: { keys: 'I', help: 'Postgres replication, statements, vitals', hint: 'pg', priority: 5, match: ch('I') }, keys: PG_INFO_SCREEN_KEYS, component: PgInfo },
  raw: { title: 'Raw', opens: { keys: 'v', help: "raw view: the provider's own object (secrets masked)", hint: 'raw', priority: 5, match: ch('v') }, keys: RAW_KEYS, component: RawView },
} satisfies Record<string, InsideRow>;
