// Per-field checks for the v2 create and edit forms (one line each), mirroring what the API answers with 422.
import type { FieldErrors, FormValues } from '../core/types.js';
import {
  DATABASE_PATTERN, DAYS, LIMITS, NAME_PATTERN, POOLERS, REPLICATION_MODES, TIME_PATTERN, USERNAME_PATTERN, UUID_PATTERN,
  addressProblem, passwordProblem,
} from './catalog.js';

type Rule = (value: string, all: FormValues) => string | undefined;

const intIn =
  ([min, max]: readonly [number, number], unit = ''): Rule =>
  (v) => {
    // Digits only: " 12 ", "+3", "1e3" and full-width digits are refused rather than guessed at.
    if (!/^\d+$/.test(v)) return 'a whole number';
    const n = Number(v);
    return n < min || n > max ? `between ${min} and ${max}${unit}` : undefined;
  };

const oneOf =
  (values: readonly string[], what: string): Rule =>
  (v) =>
    values.includes(v) ? undefined : `choose a ${what} from the list`;

export const RULES: Record<string, Rule> = {
  name: (v) => (!v ? 'a name is required' : v.length > 63 ? 'at most 63 characters' : NAME_PATTERN.test(v) ? undefined : 'letters, digits, "-", "_" and "." only; begin and end with a letter or digit'),
  version: (v) => (/^\d+(\.\d+)?$/.test(v) ? undefined : 'choose a version from the list'),
  instances: intIn(LIMITS.count),
  cores: intIn(LIMITS.cores),
  ram: intIn(LIMITS.ram, ' GB'),
  storageSize: intIn(LIMITS.storageSize, ' GB'),
  retentionDays: intIn(LIMITS.retentionDays, ' days'),
  replicationMode: (v, all) => {
    const bad = oneOf(REPLICATION_MODES, 'replication mode')(v, all);
    if (bad) return bad;
    return v === 'STRICTLY_SYNCHRONOUS' && Number(all.instances ?? 0) < 3 ? 'STRICTLY_SYNCHRONOUS needs at least 3 instances' : undefined;
  },
  connectionPooler: oneOf(POOLERS, 'pooler mode'),
  maintenanceDay: oneOf(DAYS, 'day'),
  maintenanceTime: (v) => (TIME_PATTERN.test(v) ? undefined : 'HH:MM:SS in UTC, e.g. 04:00:00'),
  datacenterId: (v) => (UUID_PATTERN.test(v.trim()) ? undefined : 'the data center UUID'),
  sourceBackupId: (v) => (UUID_PATTERN.test(v.trim()) ? undefined : "a backup id (UUID) from the source cluster's backups"),
  recoveryTargetDatetime: (v, values) =>
    !values?.sourceBackupId ? 'a point in time needs a backup id'
      : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined
        : 'an RFC 3339 time, e.g. 2026-11-20T10:00:00Z',
  lanId: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'the numeric LAN id'),
  primaryInstanceAddress: (v) => addressProblem(v.trim()),
  username: (v) => (USERNAME_PATTERN.test(v) ? undefined : 'up to 16 letters, digits and "_"'),
  password: (v) => passwordProblem(v),
  database: (v) => (DATABASE_PATTERN.test(v) ? undefined : 'up to 63 letters, digits and "_"'),
  backupLocation: (v) => (v ? undefined : 'choose a backup location'),
  location: (v) => (v ? undefined : 'choose a location'),
  logsEnabled: oneOf(['true', 'false'], 'value'),
  metricsEnabled: oneOf(['true', 'false'], 'value'),
};

/** Runs the rule of every key in `keys` (missing values count as ''), plus `required` emptiness. */
export function checkFields(values: FormValues, keys: string[], required: string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of keys) {
    const v = values[key] ?? '';
    if (v === '' && required.includes(key)) {
      errors[key] = 'required';
      continue;
    }
    if (v === '' && !required.includes(key)) continue;
    const problem = RULES[key]?.(v, values);
    if (problem) errors[key] = problem;
  }
  return errors;
}
