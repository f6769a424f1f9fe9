// The v2 create form, its choices loaded from the API (/versions, /backup-locations, the profile's locations),
// and the translation of its values into the POST /clusters envelope (docs/ionos.md §6.5).
import type { FieldSpec, FormSpec, FormValues } from '../core/types.js';
import { hasUnsafe } from '../../text/safe.js';
import { DAYS, LIMITS, POOLERS, REPLICATION_MODES } from './catalog.js';
import type { V2Version } from './mapping.js';
import { checkFields } from './rules.js';

export interface CreateChoices {
  locations: string[];
  versions: V2Version[];
  backupLocations: string[];
}

const CREATE_KEYS = [
  'location', 'name', 'description', 'version', 'instances', 'cores', 'ram', 'storageSize', 'replicationMode', 'connectionPooler',
  'datacenterId', 'lanId', 'primaryInstanceAddress', 'maintenanceDay', 'maintenanceTime', 'backupLocation', 'retentionDays',
  'username', 'password', 'database', 'logsEnabled', 'metricsEnabled', 'sourceBackupId', 'recoveryTargetDatetime',
];
const OPTIONAL = ['description', 'logsEnabled', 'metricsEnabled', 'connectionPooler', 'sourceBackupId', 'recoveryTargetDatetime'];
const REQUIRED = CREATE_KEYS.filter((k) => !OPTIONAL.includes(k));

const range = (k: keyof typeof LIMITS, unit = '') => `${LIMITS[k][0]}–${LIMITS[k][1]}${unit}`;
const list = (values: readonly string[]) => values.map((value) => ({ value }));
const bool = (key: string, label: string, help: string): FieldSpec => ({
  key, label, kind: 'bool', default: 'false', choices: list(['true', 'false']), help,
});

/** Newest RECOMMENDED version, else the newest that is not BETA or DEPRECATED, else the newest. */
export function defaultVersion(versions: V2Version[]): string | undefined {
  const sorted = [...versions].sort((a, b) => Number(b.properties.version) - Number(a.properties.version));
  const status = (v: V2Version) => (v.properties.status ?? '').toUpperCase();
  return (
    sorted.find((v) => status(v) === 'RECOMMENDED') ??
    sorted.find((v) => !['BETA', 'DEPRECATED'].includes(status(v))) ??
    sorted[0]
  )?.properties.version;
}

export function versionChoices(versions: V2Version[]) {
  return [...versions]
    .sort((a, b) => Number(b.properties.version) - Number(a.properties.version))
    .map((v) => ({ value: v.properties.version, label: v.properties.status ? `${v.properties.version} (${v.properties.status.toLowerCase()})` : undefined }));
}

export function createFormSpec(c: CreateChoices): FormSpec {
  const fields: FieldSpec[] = [
    { key: 'location', label: 'Location', kind: 'choice', required: true, default: c.locations[0], choices: list(c.locations), immutable: true, help: 'the regional endpoint the cluster lives in' },
    { key: 'name', label: 'Name', kind: 'text', required: true, help: 'up to 63 letters, digits, "-", "_", "."' },
    { key: 'description', label: 'Description', kind: 'text' },
    { key: 'version', label: 'PostgreSQL version', kind: 'choice', required: true, default: defaultVersion(c.versions), choices: versionChoices(c.versions) },
    { key: 'instances', label: 'Instances', kind: 'int', required: true, default: '1', help: `${range('count')}: one primary, the rest standbys` },
    { key: 'cores', label: 'Cores per instance', kind: 'int', required: true, default: '2', help: range('cores') },
    { key: 'ram', label: 'RAM per instance', kind: 'int', required: true, default: '4', unit: 'GB', help: range('ram', ' GB') },
    { key: 'storageSize', label: 'Storage per instance', kind: 'int', required: true, default: '20', unit: 'GB', help: range('storageSize', ' GB') },
    { key: 'replicationMode', label: 'Replication', kind: 'choice', required: true, default: 'ASYNCHRONOUS', choices: list(REPLICATION_MODES), help: 'STRICTLY_SYNCHRONOUS needs 3+ instances' },
    { key: 'connectionPooler', label: 'Connection pooler', kind: 'choice', default: 'DISABLED', choices: list(POOLERS) },
    { key: 'datacenterId', label: 'Data center id', kind: 'text', required: true, help: 'UUID of the VDC holding the LAN' },
    { key: 'lanId', label: 'LAN id', kind: 'text', required: true, help: 'the private LAN the cluster joins' },
    { key: 'primaryInstanceAddress', label: 'Primary address', kind: 'text', required: true, help: 'IP/prefix in the LAN, e.g. 192.168.1.100/24' },
    { key: 'maintenanceDay', label: 'Maintenance day', kind: 'choice', required: true, default: 'Sunday', choices: list(DAYS) },
    { key: 'maintenanceTime', label: 'Maintenance time', kind: 'text', required: true, default: '04:00:00', help: 'HH:MM:SS UTC, a 4-hour window' },
    { key: 'backupLocation', label: 'Backup location', kind: 'choice', required: true, default: c.backupLocations[0], choices: list(c.backupLocations), immutable: true },
    { key: 'retentionDays', label: 'Backup retention', kind: 'int', required: true, default: '7', unit: 'days', help: range('retentionDays', ' days') },
    { key: 'username', label: 'Database user', kind: 'text', required: true, immutable: true, help: 'up to 16 letters, digits, "_"' },
    { key: 'password', label: 'Password', kind: 'secret', required: true, help: '8+ chars: lower, upper, digit, one of @$!%*?&' },
    { key: 'database', label: 'Initial database', kind: 'text', required: true, immutable: true },
    bool('logsEnabled', 'Logs', 'needs observability on the contract'),
    bool('metricsEnabled', 'Metrics', 'needs observability on the contract'),
    { key: 'sourceBackupId', label: 'Restore from backup', kind: 'text', immutable: true, help: 'optional: a backup id (see a cluster\'s backups) to start from' },
    { key: 'recoveryTargetDatetime', label: 'Point in time', kind: 'text', immutable: true, help: 'optional, with a backup: RFC 3339, e.g. 2026-11-20T10:00:00Z' },
  ];
  return { title: 'New IONOS PostgreSQL v2 cluster', fields, validate: (values) => validateCreate(values, c) };
}

/** Free text for the API ("string", no pattern); pgtui keeps it to one reasonable line. */
export const DESCRIPTION_MAX = 255;

function descriptionProblem(v: string): string | undefined {
  if (hasUnsafe(v)) return 'no control characters';
  return [...v].length > DESCRIPTION_MAX ? `at most ${DESCRIPTION_MAX} characters` : undefined;
}

export function validateCreate(values: FormValues, c?: CreateChoices): Record<string, string> {
  const errors = checkFields(values, CREATE_KEYS, REQUIRED);
  const description = values.description ? descriptionProblem(values.description) : undefined;
  if (description) errors.description = description;
  if (c && values.location && !errors.location && !c.locations.includes(values.location)) errors.location = 'choose a location from the list';
  if (c && c.versions.length && values.version && !errors.version && !c.versions.some((v) => v.properties.version === values.version)) {
    errors.version = 'choose a version from the list';
  }
  if (c && c.backupLocations.length && values.backupLocation && !c.backupLocations.includes(values.backupLocation)) {
    errors.backupLocation = 'choose a backup location from the list';
  }
  return errors;
}

/** ClusterCreateProperties from create-form values (validated first). */
export function createProperties(v: FormValues): Record<string, unknown> {
  const props: Record<string, unknown> = {
    name: v.name,
    version: v.version,
    instances: { count: Number(v.instances), ram: Number(v.ram), cores: Number(v.cores), storageSize: Number(v.storageSize) },
    connection: { datacenterId: v.datacenterId!.trim(), lanId: v.lanId!.trim(), primaryInstanceAddress: v.primaryInstanceAddress!.trim() },
    maintenanceWindow: { time: v.maintenanceTime, dayOfTheWeek: v.maintenanceDay },
    replicationMode: v.replicationMode,
    credentials: { username: v.username, password: v.password, database: v.database },
    connectionPooler: v.connectionPooler || 'DISABLED',
    backup: { location: v.backupLocation, retentionDays: Number(v.retentionDays) },
  };
  if (v.description) props.description = v.description;
  if (v.logsEnabled) props.logsEnabled = v.logsEnabled === 'true';
  if (v.metricsEnabled) props.metricsEnabled = v.metricsEnabled === 'true';
  if (v.sourceBackupId) {
    props.restoreFromBackup = { sourceBackupId: v.sourceBackupId.trim(), ...(v.recoveryTargetDatetime ? { recoveryTargetDatetime: v.recoveryTargetDatetime } : {}) };
  }
  return props;
}
