// A cluster's fields, one row each: the one definition of a field's title, value, sort, search and JSON key,
// used by the TUI list (src/ui/models/list-view.ts), the detail screen, `pgtui ls`/`get` (table, wide, JSON, YAML,
// key/value lines) and --cols completion. A new column is one row here (docs/ARCHITECTURE.md).
import type { Cluster } from '../api/core/types.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import { VERDICT_RANK, type Verdict } from '../diagnose/types.js';
import { formatAge, type ColorName } from './format.js';
import { VERDICT_COLORS } from './verdict.js';

export interface ClusterField {
  key: string;
  /** The column's title in `ls` (and --cols), and in the TUI unless `short` is set. */
  title: string;
  /** A narrower title for the TUI list. */
  short?: string;
  /**
   * The cell's text ('-' when the cluster has none). A field that `needs` the health verdict gets it (undefined: not
   * judged yet) and shows only where health is judged: the TUI's store, `ls --health`.
   */
  value: (c: Cluster, health?: Verdict) => string;
  needs?: 'health';
  /** The TUI list's cell, where it says more than `value`. */
  listValue?: (c: Cluster) => string;
  /** The cell's own colour (the phase's is the table's). */
  color?: (c: Cluster, health?: Verdict) => ColorName | undefined;
  /** Sort value; sizes ("2 cores, 4 GB") compare as a person reads them with `natural`. */
  sort?: (c: Cluster, health?: Verdict) => string | number;
  natural?: boolean;
  /** Its text is part of what the TUI's filter searches. */
  search?: (c: Cluster) => string;
  /** A column of the TUI list: its width, and whether it always shows (others show as the width allows, in `listAt` order). */
  list?: { width: number; essential?: boolean; at: number };
  /** A column of `ls`: lower priority goes first when the terminal is too narrow; flexible shrinks with …; wide only with -o wide. */
  table?: { priority: number; flexible?: boolean; wide?: boolean; at: number };
  /** Its key in JSON/YAML: the normalised Cluster's field of that name, or `jsonValue`. */
  json?: string;
  jsonValue?: (c: Cluster) => unknown;
  /** Its line in `get`'s key/value output (and, with `detail`, the detail screen's "Cluster" section): label, value, position. */
  line?: { label: string; value?: (c: Cluster) => string | number | undefined; at: number; detail?: boolean | ((c: Cluster) => string) };
}

/** A column of the TUI list at the terminal's width (src/ui/models/list-view.ts columnsFor). */
export interface Column {
  key: string;
  title: string;
  width: number;
  value: (c: Cluster) => string;
  /** A cell drawn in its own colour (the HEALTH verdict). */
  color?: (c: Cluster) => ColorName | undefined;
}

const dash = (v: string | number | undefined) => (v === undefined || v === '' ? '-' : String(v));
const created = (c: Cluster) => (c.createdAt ? `${c.createdAt} (${formatAge(c.createdAt)} ago)` : undefined);

/** The phase, and the provider's own word when it says more ("updating restarting"). */
export function phaseText(c: Cluster): string {
  return c.state && c.state.toLowerCase() !== c.phase ? `${c.phase} ${c.state}` : c.phase;
}

/** In JSON order; the TUI list, `ls` and `get` place theirs by `at`. */
export const CLUSTER_FIELDS: readonly ClusterField[] = [
  { key: 'profile', title: 'PROFILE', value: (c) => c.profile, sort: (c) => c.profile, search: (c) => c.profile, list: { width: 16, essential: true, at: 2 }, table: { priority: 8, flexible: true, at: 1 }, json: 'profile', line: { label: 'profile', at: 2 } },
  { key: 'provider', title: 'PROVIDER', value: (c) => c.provider, search: (c) => `${c.provider}\0${PROVIDER_LABELS[c.provider]}`, json: 'provider', line: { label: 'provider', at: 3, detail: (c) => `${PROVIDER_LABELS[c.provider]} (profile ${c.profile})` } },
  { key: 'id', title: 'ID', value: (c) => c.id, search: (c) => c.id, table: { priority: 1, wide: true, at: 11 }, json: 'id', line: { label: 'id', at: 1, detail: true } },
  { key: 'name', title: 'NAME', value: (c) => c.name, sort: (c) => c.name.toLowerCase(), search: (c) => c.name, list: { width: 22, essential: true, at: 0 }, table: { priority: 10, flexible: true, at: 0 }, json: 'name', line: { label: 'name', at: 0 } },
  { key: 'phase', title: 'PHASE', value: (c) => c.phase, listValue: phaseText, sort: (c) => c.phase, search: (c) => c.phase, list: { width: 22, essential: true, at: 1 }, table: { priority: 10, at: 2 }, json: 'phase', line: { label: 'phase', at: 4 } },
  // Worst first when sorted: red, yellow, unknown, green, then not judged yet (docs/diagnose.md).
  { key: 'health', title: 'HEALTH', needs: 'health', value: (_c, v) => (v ? v.toUpperCase() : '…'), color: (_c, v) => (v ? VERDICT_COLORS[v] : undefined), sort: (_c, v) => -(v ? VERDICT_RANK[v] : -1), list: { width: 7, essential: true, at: 1.5 }, table: { priority: 9, at: 2.5 } },
  { key: 'state', title: 'STATE', value: (c) => c.state, search: (c) => c.state, table: { priority: 5, flexible: true, at: 3 }, json: 'state', line: { label: 'state', at: 5 } },
  { key: 'message', title: 'MESSAGE', value: (c) => dash(c.stateMessage), json: 'stateMessage', line: { label: 'message', value: (c) => c.stateMessage, at: 6 } },
  { key: 'version', title: 'VERSION', short: 'VER', value: (c) => dash(c.version), sort: (c) => Number.parseFloat(c.version ?? '') || 0, list: { width: 5, at: 3 }, table: { priority: 6, at: 4 }, json: 'version', line: { label: 'version', at: 7, detail: true } },
  { key: 'location', title: 'LOCATION', value: (c) => dash(c.location), sort: (c) => c.location ?? '', search: (c) => c.location ?? '', list: { width: 14, at: 5 }, table: { priority: 4, flexible: true, at: 5 }, json: 'location', line: { label: 'location', at: 8, detail: true } },
  { key: 'size', title: 'SIZE', value: (c) => dash(c.size), sort: (c) => c.size ?? '', natural: true, list: { width: 18, at: 6 }, table: { priority: 3, flexible: true, at: 6 }, json: 'size', line: { label: 'size', at: 9, detail: true } },
  { key: 'storage', title: 'STORAGE', value: (c) => dash(c.storage), list: { width: 16, at: 8 }, table: { priority: 2, wide: true, at: 9 }, json: 'storage', line: { label: 'storage', at: 10, detail: true } },
  { key: 'instances', title: 'INSTANCES', short: 'INST', value: (c) => dash(c.instances), sort: (c) => c.instances ?? 0, list: { width: 5, at: 7 }, table: { priority: 2, wide: true, at: 8 }, json: 'instances', line: { label: 'instances', value: (c) => c.instances, at: 11, detail: true } },
  { key: 'host', title: 'HOST', value: (c) => dash(c.host), list: { width: 40, at: 9 }, table: { priority: 1, wide: true, flexible: true, at: 10 }, json: 'host', line: { label: 'host', at: 12 } },
  { key: 'port', title: 'PORT', value: (c) => dash(c.port), json: 'port', line: { label: 'port', value: (c) => c.port, at: 13 } },
  { key: 'database', title: 'DATABASE', value: (c) => dash(c.database), json: 'database', line: { label: 'database', at: 14 } },
  { key: 'user', title: 'USER', value: (c) => dash(c.user), json: 'user', line: { label: 'user', at: 15 } },
  { key: 'age', title: 'AGE', value: (c) => formatAge(c.createdAt), sort: (c) => -(Date.parse(c.createdAt ?? '') || 0), list: { width: 5, at: 4 }, table: { priority: 7, at: 7 }, json: 'createdAt', line: { label: 'created', value: created, at: 16, detail: true } },
];

const byAt = <K extends 'list' | 'table' | 'line'>(part: K) =>
  CLUSTER_FIELDS.filter((f) => f[part]).sort((a, b) => a[part]!.at - b[part]!.at);

/** The TUI list's columns, in their order on screen. */
export const listFields = () => byAt('list');
/** `ls`'s columns, in order. */
export const tableFields = () => byAt('table');
/** `get`'s key/value lines, in order. */
export const lineFields = () => byAt('line');
/** The detail screen's "Cluster" lines, in `get`'s order: label and value. */
export const detailLines = (c: Cluster): Array<[string, string | number | undefined]> =>
  lineFields()
    .filter((f) => f.line!.detail)
    .map((f) => [f.line!.label, typeof f.line!.detail === 'function' ? f.line!.detail(c) : lineValue(f, c)]);
/** The fields the TUI's filter searches. */
export const searchFields = () => CLUSTER_FIELDS.filter((f) => f.search);
export const sortFields = () => CLUSTER_FIELDS.filter((f) => f.sort);

/** A field's value on a key/value line (undefined: the cluster has none). */
export const lineValue = (f: ClusterField, c: Cluster): string | number | undefined => (f.line?.value ? f.line.value(c) : f.json ? (jsonValue(f, c) as string | number | undefined) : f.value(c));

/** A field's value in JSON/YAML (undefined: left out). */
export const jsonValue = (f: ClusterField, c: Cluster): unknown => (f.jsonValue ? f.jsonValue(c) : (c as unknown as Record<string, unknown>)[f.json!]);
