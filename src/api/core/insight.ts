// What pgtui reads from inside a cluster, in one shape for every provider: log lines, metric series, slow query
// patterns and settings. Providers implement the optional Provider methods that return these (types.ts);
// `supports(provider, cluster, 'logs')` etc. say which (capabilities.ts). Every string here is provider text:
// it reaches the terminal only through src/text/write.ts / safe.ts.
import { BASE_UNITS, showAmount, toBase, unitNames } from './pg-units.js';

export interface LogLine {
  /** ISO 8601 time of the line. */
  at: string;
  /** PostgreSQL severity, upper case (LOG, WARNING, ERROR, FATAL, ...); '' when the provider did not say. */
  severity: string;
  /** The instance that wrote it (IONOS v1 has one stream per instance). */
  instance?: string;
  message: string;
}

export interface LogQuery {
  from: Date;
  to: Date;
  /** Only lines containing this text (case-sensitive). */
  grep?: string;
  /** Only lines of this severity (upper case). */
  severity?: string;
  /** The newest this many lines of the window. */
  limit: number;
}

export interface LogPage {
  /** Oldest first. */
  lines: LogLine[];
  /** More lines matched than `limit`: the oldest were left out. */
  truncated: boolean;
  /** One line when the provider could not filter and pgtui filtered what it got (IONOS v1). */
  note?: string;
}

/** Most lines one logs request asks for (one page per provider call is capped by the provider's own limit). */
export const LOG_LIMIT_MAX = 10_000;

export interface MetricPoint {
  /** ms since the epoch. */
  at: number;
  value: number;
}

export interface MetricSeries {
  /** Stable id, e.g. "cpu_usage" or "disk_iops/Reads". */
  key: string;
  /** Human name, e.g. "CPU usage (user)". */
  name: string;
  unit: string;
  points: MetricPoint[];
}

export interface TimeRange {
  from: Date;
  to: Date;
}

export interface SlowQuery {
  id: string;
  query: string;
  database?: string;
  user?: string;
  operation?: string;
  app?: string;
  calls: number;
  errors: number;
  totalMs: number;
  avgMs: number;
  maxMs?: number;
  p95Ms?: number;
  rows?: number;
}

export type SettingKind = 'int' | 'number' | 'text' | 'choice';

/** A setting the API accepts, with the type its spec gives it. */
export interface SettingSpec {
  key: string;
  /** Which part of the config (ClickHouse: "postgres" or "pgbouncer"). */
  group: string;
  kind: SettingKind;
  choices?: string[];
  /** Memory: in kB; time: in the setting's base unit (./pg-units.ts); other numbers as they are. */
  min?: number;
  max?: number;
  /** A number with a unit suffix is allowed ("64MB", "30s"). */
  units?: boolean;
  help?: string;
  /** PostgreSQL reads it only at start-up. */
  restart?: boolean;
}

export interface SettingsView {
  /** Values set on the cluster (unset keys run with PostgreSQL's defaults), by key. */
  values: Record<string, string>;
  /** Every key that can be set, with its type. */
  specs: SettingSpec[];
  /** Keys of `group`s that accept any name (PgBouncer parameters), as "group.name"; absent when none. */
  freeGroups?: string[];
}

export interface SettingsResult {
  values: Record<string, string>;
  /** The provider's note, e.g. which changes need a restart. */
  message?: string;
}

/**
 * Checks one value against its spec; the reason in one line, or undefined when it is fine. Numbers are read as
 * PostgreSQL reads them (./pg-units.ts): units of the setting's kind only, a bare number in its base unit, and
 * the minimum and maximum compared after conversion (memory in kB, time in the base unit).
 */
export function checkSetting(spec: SettingSpec, value: string): string | undefined {
  const v = value.trim();
  if (v === '') return `${spec.key} needs a value`;
  if (spec.kind === 'choice') return spec.choices?.includes(v) ? undefined : `${spec.key} must be one of: ${spec.choices?.join(', ')}`;
  if (spec.kind === 'text') return undefined;
  const base = BASE_UNITS[spec.key];
  const m = /^(-?\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(v);
  const unitOk = spec.units && base !== undefined;
  if (!m || (m[2] && !spec.units) || (spec.kind === 'int' && m[1]!.includes('.') && !(base && m[2]))) {
    return `${spec.key} must be ${spec.kind === 'int' ? 'a whole number' : 'a number'}${unitOk ? ` (optionally with a unit: ${unitNames(base.kind)})` : ''}`;
  }
  const amount = Number(m[1]);
  const unit = m[2] ?? '';
  if (!base) {
    if (unit) return `${spec.key} takes no unit (a plain ${spec.kind === 'int' ? 'whole number' : 'number'}), not "${unit}"`;
    if (spec.min !== undefined && amount < spec.min) return `${spec.key} must be at least ${spec.min}`;
    if (spec.max !== undefined && amount > spec.max) return `${spec.key} must be at most ${spec.max}`;
    return undefined;
  }
  const got = toBase(base, amount, unit);
  if (typeof got === 'string') return `${spec.key} ${got}`;
  // Memory limits are in kB; time limits in the setting's base unit (./pg-units.ts).
  const scale = base.kind === 'memory' ? 1 : base.size;
  const shown = showAmount(base.kind, got);
  const said = !unit ? ` (a bare number is in ${base.name})` : shown !== v.replace(/\s+/g, '') ? ` (${v} is ${shown})` : '';
  if (spec.min !== undefined && got < spec.min * scale) return `${spec.key} must be at least ${showAmount(base.kind, spec.min * scale)}${said}`;
  if (spec.max !== undefined && got > spec.max * scale) return `${spec.key} must be at most ${showAmount(base.kind, spec.max * scale)}${said}`;
  return undefined;
}

/** One volume of a cluster and how full it is (PGO /df). */
export interface DiskUsage {
  instance: string;
  pod: string;
  /** "data", "wal", "tablespace", "backups". */
  kind: string;
  volume: string;
  usedBytes: number;
  capacityBytes: number;
}

/** Whether one instance (pod) or endpoint (service) of a cluster can be reached (PGO /testclusters). */
export interface ReachCheck {
  what: 'instance' | 'endpoint';
  /** primary, replica, pgbouncer, backups, unknown. */
  role: string;
  /** Pod name or host:port. */
  name: string;
  available: boolean;
}

/** A replica a failover could promote (PGO GET /failover/{name}). */
export interface FailoverTarget {
  name: string;
  node?: string;
  /** How far behind the primary, in MB. */
  lagMB?: number;
  status: string;
  timeline?: number;
  pendingRestart?: boolean;
}

/** One execution of a slow query pattern. */
export interface QueryExecution {
  at: string;
  durationMs: number;
  rows?: number;
  user?: string;
  app?: string;
  /** The error it raised, if any. */
  error?: string;
}

/** A pattern with its recent executions (ClickHouse /slowQueryPatterns/{queryId}). */
/** What names one pattern: its id and the database, user and operation it was listed under. */
export type SlowQueryRef = Pick<SlowQuery, 'id' | 'database' | 'user' | 'operation'>;

export interface SlowQueryDetail {
  query?: SlowQuery;
  recent: QueryExecution[];
}
