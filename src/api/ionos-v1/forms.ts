// The v1 create and edit forms (choices from the API: versions, upgrade targets), their validation — what the
// API would answer with 422, caught beside the field — and the request bodies: POST properties, and a PATCH
// holding only what changed (v1 PATCH is partial: a field left out stays as it is).
import { controlProblem } from '../../text/safe.js';
import type { ChangePlan, FieldErrors, FieldSpec, FormSpec, FormValues } from '../core/types.js';
import {
  BACKUP_LOCATIONS, CREATE_SYNC_MODES, DAYS, LIMITS, NAME_MAX, POOL_MODES, RESERVED_USERNAMES, STORAGE_TYPES, SYNC_MODES, TIME_PATTERN,
  USERNAME_PATTERN, UUID_PATTERN, V1_LOCATIONS, addressProblem,
} from './catalog.js';
import type { V1Cluster } from './mapping.js';

type Rule = (v: string, all: FormValues) => string | undefined;
const PASSWORD_MAX = 128;
const list = (values: readonly string[]) => values.map((value) => ({ value }));
/** Digits only: " 12 ", "+3", "1e3" and full-width digits are refused rather than guessed at. */
const whole = (v: string) => /^\d+$/.test(v);

const intIn = ([min, max]: readonly [number, number], unit = ''): Rule => (v) => {
  if (!whole(v)) return 'a whole number';
  const n = Number(v);
  return n < min || n > max ? `between ${min} and ${max}${unit}` : undefined;
};
const oneOf = (values: readonly string[], what: string): Rule => (v) => (values.includes(v) ? undefined : `choose a ${what} from the list`);

export const RULES: Record<string, Rule> = {
  displayName: (v) => (!v.trim() ? 'a name is required' : [...v].length > NAME_MAX ? `at most ${NAME_MAX} characters` : controlProblem(v)),
  postgresVersion: (v) => (/^\d+(\.\d+)?$/.test(v) ? undefined : 'choose a version from the list'),
  // An extensible enum in the spec, but the form offers the known locations: anything else is a typo.
  location: (v) => (!v ? 'choose a location' : (V1_LOCATIONS as readonly string[]).includes(v) ? undefined : 'choose a location from the list'),
  instances: intIn(LIMITS.instances),
  cores: intIn(LIMITS.cores),
  ram: (v) => intIn(LIMITS.ram, ' MB')(v, {}) ?? (Number(v) % 1024 === 0 ? undefined : 'a multiple of 1024 MB (2048, 3072, 4096, …)'),
  storageSize: intIn(LIMITS.storageSize, ' MB'),
  storageType: oneOf(STORAGE_TYPES, 'storage type'),
  backupLocation: oneOf(BACKUP_LOCATIONS, 'backup location'),
  synchronizationMode: oneOf(SYNC_MODES, 'synchronization mode'),
  datacenterId: (v) => (UUID_PATTERN.test(v.trim()) ? undefined : 'the data center UUID'),
  lanId: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'the numeric LAN id'),
  cidr: (v) => addressProblem(v.trim()),
  maintenanceDay: oneOf(DAYS, 'day'),
  maintenanceTime: (v) => (TIME_PATTERN.test(v) ? undefined : 'HH:MM:SS in UTC, e.g. 04:00:00'),
  username: (v) => (RESERVED_USERNAMES.includes(v.toLowerCase()) ? `${v} is reserved by IONOS` : USERNAME_PATTERN.test(v) ? undefined : 'letters, digits, "_" and "-", starting with a letter or "_"'),
  // minLength 10 is all the spec says. pgtui adds: no control characters (psql gets the password through a
  // one-line PGPASSFILE entry) and at most 128 characters, as for PGO.
  password: (v) => {
    const n = [...v].length;
    return n < 10 ? 'at least 10 characters' : n > PASSWORD_MAX ? `at most ${PASSWORD_MAX} characters` : controlProblem(v);
  },
  poolMode: oneOf(['off', ...POOL_MODES], 'pooler mode'),
  fromBackupId: (v) => (UUID_PATTERN.test(v.trim()) ? undefined : 'a backup id (UUID) from the cluster\'s backups'),
  recoveryTargetTime: (v) => (Number.isNaN(Date.parse(v)) || !/^\d{4}-\d\d-\d\dT/.test(v) ? 'an RFC 3339 time, e.g. 2026-11-20T10:00:00Z' : undefined),
};

function check(values: FormValues, keys: string[], required: string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of keys) {
    const v = values[key] ?? '';
    if (v === '') {
      if (required.includes(key)) errors[key] = 'required';
      continue;
    }
    const problem = RULES[key]?.(v, values);
    if (problem) errors[key] = problem;
  }
  return errors;
}

const CREATE_KEYS = [
  'location', 'displayName', 'postgresVersion', 'instances', 'cores', 'ram', 'storageSize', 'storageType', 'synchronizationMode', 'backupLocation',
  'datacenterId', 'lanId', 'cidr', 'maintenanceDay', 'maintenanceTime', 'poolMode', 'username', 'password', 'fromBackupId', 'recoveryTargetTime',
];
const CREATE_REQUIRED = ['location', 'displayName', 'postgresVersion', 'instances', 'cores', 'ram', 'storageSize', 'storageType', 'synchronizationMode', 'datacenterId', 'lanId', 'cidr', 'username', 'password'];

export function createFormSpec(versions: string[]): FormSpec {
  const sorted = [...versions].sort((a, b) => Number(b) - Number(a));
  const fields: FieldSpec[] = [
    { key: 'location', label: 'Location', kind: 'choice', required: true, default: 'de/fra', choices: list(V1_LOCATIONS), immutable: true },
    { key: 'displayName', label: 'Name', kind: 'text', required: true, help: `up to ${NAME_MAX} characters` },
    { key: 'postgresVersion', label: 'PostgreSQL version', kind: 'choice', required: true, default: sorted[0], choices: list(sorted) },
    { key: 'instances', label: 'Instances', kind: 'int', required: true, default: '1', help: '1–5: one primary, the rest standbys' },
    { key: 'cores', label: 'Cores per instance', kind: 'int', required: true, default: '2', help: `${LIMITS.cores[0]}–${LIMITS.cores[1]}` },
    { key: 'ram', label: 'RAM per instance', kind: 'int', required: true, default: '4096', unit: 'MB', help: 'a multiple of 1024, at least 2048' },
    { key: 'storageSize', label: 'Storage per instance', kind: 'int', required: true, default: '20480', unit: 'MB', help: '2048–2097152 MB' },
    { key: 'storageType', label: 'Storage type', kind: 'choice', required: true, default: 'SSD Premium', choices: list(STORAGE_TYPES), immutable: true },
    { key: 'synchronizationMode', label: 'Replication', kind: 'choice', required: true, default: 'ASYNCHRONOUS', choices: list(CREATE_SYNC_MODES) },
    { key: 'backupLocation', label: 'Backup location', kind: 'choice', default: 'de', choices: list(BACKUP_LOCATIONS), immutable: true },
    { key: 'datacenterId', label: 'Data center id', kind: 'text', required: true, help: 'UUID of the VDC holding the LAN' },
    { key: 'lanId', label: 'LAN id', kind: 'text', required: true, help: 'the private LAN the cluster joins' },
    { key: 'cidr', label: 'Address', kind: 'text', required: true, help: 'IP/prefix in the LAN, e.g. 192.168.1.100/24' },
    { key: 'maintenanceDay', label: 'Maintenance day', kind: 'choice', default: 'Sunday', choices: list(DAYS) },
    { key: 'maintenanceTime', label: 'Maintenance time', kind: 'text', default: '04:00:00', help: 'HH:MM:SS UTC, a 4-hour window' },
    { key: 'poolMode', label: 'Connection pooler', kind: 'choice', default: 'off', choices: list(['off', ...POOL_MODES]) },
    { key: 'username', label: 'Database user', kind: 'text', required: true, immutable: true, help: 'not postgres, admin or standby' },
    { key: 'password', label: 'Password', kind: 'secret', required: true, help: 'at least 10 characters' },
    { key: 'fromBackupId', label: 'Restore from backup', kind: 'text', help: 'optional: a backup id to start from' },
    { key: 'recoveryTargetTime', label: 'Point in time', kind: 'text', help: 'optional, with a backup: RFC 3339 UTC' },
  ];
  return { title: 'New IONOS DBaaS PostgreSQL (v1) cluster', fields, validate: (values) => validateCreate(values, sorted) };
}

export function validateCreate(values: FormValues, versions: string[] = []): FieldErrors {
  const errors = check(values, CREATE_KEYS, CREATE_REQUIRED);
  if (versions.length && values.postgresVersion && !errors.postgresVersion && !versions.includes(values.postgresVersion)) errors.postgresVersion = 'choose a version from the list';
  if (values.synchronizationMode === 'SYNCHRONOUS') errors.synchronizationMode = 'SYNCHRONOUS is deprecated: choose ASYNCHRONOUS or STRICTLY_SYNCHRONOUS';
  if (values.recoveryTargetTime && !values.fromBackupId) errors.recoveryTargetTime = 'a point in time needs a backup id';
  return errors;
}

/** CreateClusterProperties from validated values. */
export function createProperties(v: FormValues): Record<string, unknown> {
  const props: Record<string, unknown> = {
    displayName: v.displayName!.trim(),
    postgresVersion: v.postgresVersion,
    location: v.location,
    instances: Number(v.instances),
    cores: Number(v.cores),
    ram: Number(v.ram),
    storageSize: Number(v.storageSize),
    storageType: v.storageType,
    synchronizationMode: v.synchronizationMode,
    connections: [{ datacenterId: v.datacenterId!.trim(), lanId: v.lanId!.trim(), cidr: v.cidr!.trim() }],
    credentials: { username: v.username, password: v.password },
  };
  if (v.backupLocation) props.backupLocation = v.backupLocation;
  if (v.maintenanceDay || v.maintenanceTime) props.maintenanceWindow = { dayOfTheWeek: v.maintenanceDay || 'Sunday', time: v.maintenanceTime || '04:00:00' };
  if (v.poolMode && v.poolMode !== 'off') props.connectionPooler = { enabled: true, poolMode: v.poolMode };
  if (v.fromBackupId) props.fromBackup = { backupId: v.fromBackupId.trim(), ...(v.recoveryTargetTime ? { recoveryTargetTime: v.recoveryTargetTime } : {}) };
  return props;
}

interface EditField {
  key: string;
  label: string;
  get(c: V1Cluster): string;
}
const prop = (key: string, label: string): EditField => ({ key, label, get: (c) => str((c.properties as Record<string, unknown>)[key]) });
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const poolModeOf = (c: V1Cluster) => (c.properties.connectionPooler?.enabled ? c.properties.connectionPooler.poolMode || 'transaction' : 'off');

export const EDIT_FIELDS: EditField[] = [
  prop('displayName', 'Name'),
  prop('postgresVersion', 'PostgreSQL version'),
  prop('instances', 'Instances'),
  prop('cores', 'Cores per instance'),
  prop('ram', 'RAM per instance (MB)'),
  prop('storageSize', 'Storage per instance (MB)'),
  prop('synchronizationMode', 'Replication'),
  { key: 'maintenanceDay', label: 'Maintenance day', get: (c) => str(c.properties.maintenanceWindow?.dayOfTheWeek) },
  { key: 'maintenanceTime', label: 'Maintenance time', get: (c) => str(c.properties.maintenanceWindow?.time) },
  { key: 'poolMode', label: 'Connection pooler', get: poolModeOf },
];

export function editFormSpec(c: V1Cluster, versions: string[]): FormSpec {
  const current = str(c.properties.postgresVersion);
  // /postgresversions lists every version the cluster could run, older ones too: only newer ones are upgrades.
  const versionChoices = [...new Set([current, ...versions.filter((v) => Number(v) > Number(current))])].filter(Boolean).sort((a, b) => Number(a) - Number(b));
  const fields: FieldSpec[] = EDIT_FIELDS.map((f) => {
    const base: FieldSpec = { key: f.key, label: f.label, kind: 'text', default: f.get(c) };
    if (f.key === 'postgresVersion') return { ...base, kind: 'choice', choices: list(versionChoices), help: versionChoices.length > 1 ? 'an upgrade: choose a newer version' : 'no upgrade offered' };
    if (f.key === 'synchronizationMode') return { ...base, kind: 'choice', choices: list(SYNC_MODES) };
    if (f.key === 'maintenanceDay') return { ...base, kind: 'choice', choices: list(DAYS) };
    if (f.key === 'poolMode') return { ...base, kind: 'choice', choices: list(['off', ...POOL_MODES]) };
    if (['instances', 'cores', 'ram', 'storageSize'].includes(f.key)) return { ...base, kind: 'int', unit: f.key === 'ram' || f.key === 'storageSize' ? 'MB' : undefined };
    return base;
  });
  return { title: `Edit ${c.properties.displayName ?? c.id} (IONOS v1: PATCH sends only what changed)`, fields, validate: (values) => validateEdit(c, values) };
}

export function validateEdit(c: V1Cluster, values: FormValues): FieldErrors {
  const changed = EDIT_FIELDS.filter((f) => values[f.key] !== undefined && values[f.key] !== f.get(c)).map((f) => f.key);
  const errors = check(values, changed, changed.filter((k) => k !== 'poolMode'));
  const storage = Number(values.storageSize);
  const storageNow = Number(c.properties.storageSize ?? 0);
  if (changed.includes('storageSize') && !errors.storageSize && storage < storageNow) errors.storageSize = `storage can only grow: at least ${storageNow} MB (IONOS cannot shrink a volume)`;
  const from = Number(c.properties.postgresVersion);
  if (changed.includes('postgresVersion') && !errors.postgresVersion && Number(values.postgresVersion) < from) errors.postgresVersion = 'a version can only be upgraded';
  return errors;
}

/** The PATCH body holding only the changed fields, and the diff the review step shows. */
export function planPatch(c: V1Cluster, values: FormValues, path: string): ChangePlan {
  const diff: ChangePlan['diff'] = [];
  const props: Record<string, unknown> = {};
  for (const f of EDIT_FIELDS) {
    const to = values[f.key];
    const from = f.get(c);
    if (to === undefined || to === from) continue;
    diff.push({ key: f.key, label: f.label, from: from || '(none)', to });
    if (['instances', 'cores', 'ram', 'storageSize'].includes(f.key)) props[f.key] = Number(to);
    else if (f.key === 'maintenanceDay' || f.key === 'maintenanceTime') {
      props.maintenanceWindow = {
        dayOfTheWeek: values.maintenanceDay ?? c.properties.maintenanceWindow?.dayOfTheWeek,
        time: values.maintenanceTime ?? c.properties.maintenanceWindow?.time,
      };
    } else if (f.key === 'poolMode') props.connectionPooler = to === 'off' ? { enabled: false } : { enabled: true, poolMode: to };
    else props[f.key] = to;
  }
  return { diff, body: { properties: props }, method: 'PATCH', path };
}
