// Request validation of the v2 fake: ClusterCreate (POST) and ClusterEnsure (PUT) bodies, answered with 422 and
// one message per problem. PUT fills absent optional properties with defaults (full replace, docs/ionos.md §4.4).
import {
  DATABASE_PATTERN, DAYS, LIMITS, NAME_PATTERN, POOLERS, REPLICATION_MODES, RETENTION_MIN_DAYS, STRICT_SYNC_MIN_INSTANCES, TIME_PATTERN, USERNAME_PATTERN,
  UUID_PATTERN, addressProblem, passwordProblem,
} from './spec.js';
import { HttpFail } from '../ionos-shared/errors.js';
import { PUT_DEFAULTS, type BackupShape, type V2Props } from './model.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export interface Checked {
  props: V2Props;
  backupShape: BackupShape;
  credentials?: { username: string; password: string; database: string };
  restore?: { sourceBackupId?: string; recoveryTargetDatetime?: string };
}

export interface Catalog {
  versions: string[];
  backupLocations: string[];
}

/**
 * Validates `properties` of a POST (`put` false) or PUT body; throws 422 listing every problem. `shape` is the
 * cluster's backup shape on a PUT (the body must carry the same); a POST takes either and the cluster keeps it.
 */
export function checkProperties(raw: unknown, put: boolean, catalog: Catalog, shape?: BackupShape): Checked {
  if (!isObj(raw)) throw new HttpFail(422, 'properties: required');
  const errs: string[] = [];
  const need = (key: string, ok: boolean, why: string) => void (ok || errs.push(`properties.${key}: ${why}`));
  const str = (v: unknown) => typeof v === 'string';
  const int = (v: unknown, [min, max]: readonly [number, number]) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

  need('name', str(raw.name) && NAME_PATTERN.test(raw.name as string), 'required, up to 63 characters of [a-zA-Z0-9._-], beginning and ending alphanumeric');
  if (raw.description !== undefined) need('description', str(raw.description), 'must be a string');
  need('version', str(raw.version) && catalog.versions.includes(raw.version as string), `required, one of ${catalog.versions.join(', ')}`);
  const inst = raw.instances;
  if (!isObj(inst)) errs.push('properties.instances: required');
  else {
    need('instances.count', int(inst.count, LIMITS.count), `required, ${LIMITS.count.join('–')}`);
    need('instances.cores', int(inst.cores, LIMITS.cores), `required, ${LIMITS.cores.join('–')}`);
    need('instances.ram', int(inst.ram, LIMITS.ram), `required, ${LIMITS.ram.join('–')} GB`);
    need('instances.storageSize', int(inst.storageSize, LIMITS.storageSize), `required, ${LIMITS.storageSize.join('–')} GB`);
  }
  const conn = raw.connection;
  if (conn === undefined && put) {
    /* left empty */
  } else if (!isObj(conn)) errs.push('properties.connection: required');
  else {
    need('connection.datacenterId', str(conn.datacenterId) && UUID_PATTERN.test(conn.datacenterId as string), 'required, a UUID');
    need('connection.lanId', str(conn.lanId) && /^\d+$/.test(conn.lanId as string), 'required, a numeric string');
    const bad = str(conn.primaryInstanceAddress) ? addressProblem(conn.primaryInstanceAddress as string) : 'required';
    need('connection.primaryInstanceAddress', !bad, bad ?? '');
  }
  const mw = raw.maintenanceWindow;
  if (mw === undefined && put) {
    /* default */
  } else if (!isObj(mw)) errs.push('properties.maintenanceWindow: required');
  else {
    need('maintenanceWindow.time', str(mw.time) && TIME_PATTERN.test(mw.time as string), 'required, HH:MM:SS');
    need('maintenanceWindow.dayOfTheWeek', (DAYS as readonly unknown[]).includes(mw.dayOfTheWeek), `required, one of ${DAYS.join(', ')}`);
  }
  const mode = raw.replicationMode ?? (put ? PUT_DEFAULTS.replicationMode : undefined);
  need('replicationMode', (REPLICATION_MODES as readonly unknown[]).includes(mode), `required, one of ${REPLICATION_MODES.join(', ')}`);
  if (mode === 'STRICTLY_SYNCHRONOUS' && isObj(inst) && Number(inst.count) < STRICT_SYNC_MIN_INSTANCES) {
    errs.push(`properties.replicationMode: STRICTLY_SYNCHRONOUS is only supported for clusters with at least ${STRICT_SYNC_MIN_INSTANCES} instances`);
  }
  if (raw.connectionPooler !== undefined) need('connectionPooler', (POOLERS as readonly unknown[]).includes(raw.connectionPooler), `one of ${POOLERS.join(', ')}`);
  for (const k of ['logsEnabled', 'metricsEnabled']) if (raw[k] !== undefined) need(k, typeof raw[k] === 'boolean', 'must be a boolean');
  const backup = raw.backup;
  const backupShape: BackupShape = shape ?? (backup === undefined && raw.backupLocation !== undefined ? 'flat' : 'nested');
  if (backupShape === 'flat') {
    // The older shape: a top-level backupLocation and no retention setting.
    if (backup !== undefined) errs.push('properties.backup: not a property of this cluster (it has backupLocation)');
    need('backupLocation', str(raw.backupLocation) && catalog.backupLocations.includes(raw.backupLocation as string), `required, one of ${catalog.backupLocations.join(', ')}`);
  } else if (raw.backupLocation !== undefined) {
    errs.push('properties.backupLocation: not a property of this cluster (it has backup.location)');
  } else if (backup === undefined && put) {
    /* keeps the (immutable) location, retention back to the default */
  } else if (!isObj(backup)) errs.push('properties.backup: required');
  else {
    need('backup.location', str(backup.location) && catalog.backupLocations.includes(backup.location as string), `required, one of ${catalog.backupLocations.join(', ')}`);
    if (backup.retentionDays !== undefined || !put) need('backup.retentionDays', int(backup.retentionDays, [RETENTION_MIN_DAYS, Number.MAX_SAFE_INTEGER]), `required, an integer of at least ${RETENTION_MIN_DAYS}`);
  }
  const credentials = checkCredentials(raw.credentials, put, errs);
  const restore = checkRestore(raw.restoreFromBackup, put, errs);
  if (errs.length) throw new HttpFail(422, errs);

  const props: V2Props = {
    name: raw.name as string,
    version: raw.version as string,
    instances: { count: (inst as Obj).count as number, ram: (inst as Obj).ram as number, cores: (inst as Obj).cores as number, storageSize: (inst as Obj).storageSize as number },
    maintenanceWindow: isObj(mw) ? { time: mw.time as string, dayOfTheWeek: mw.dayOfTheWeek as string } : { ...PUT_DEFAULTS.maintenanceWindow },
    replicationMode: mode as string,
    connectionPooler: (raw.connectionPooler as string | undefined) ?? PUT_DEFAULTS.connectionPooler,
    logsEnabled: (raw.logsEnabled as boolean | undefined) ?? PUT_DEFAULTS.logsEnabled,
    metricsEnabled: (raw.metricsEnabled as boolean | undefined) ?? PUT_DEFAULTS.metricsEnabled,
    backup: backupShape === 'flat'
      ? { location: raw.backupLocation as string, retentionDays: PUT_DEFAULTS.retentionDays }
      : isObj(backup)
        ? { location: backup.location as string, retentionDays: (backup.retentionDays as number | undefined) ?? PUT_DEFAULTS.retentionDays }
        : { location: '', retentionDays: PUT_DEFAULTS.retentionDays },
  };
  if (raw.description !== undefined) props.description = raw.description as string;
  if (isObj(conn)) props.connection = { datacenterId: conn.datacenterId as string, lanId: conn.lanId as string, primaryInstanceAddress: conn.primaryInstanceAddress as string };
  return { props, backupShape, credentials, restore };
}

function checkCredentials(c: unknown, put: boolean, errs: string[]): Checked['credentials'] {
  if (c === undefined && put) return undefined;
  if (!isObj(c)) {
    errs.push('properties.credentials: required');
    return undefined;
  }
  const before = errs.length;
  if (typeof c.username !== 'string' || !USERNAME_PATTERN.test(c.username)) errs.push('properties.credentials.username: required, up to 16 characters of [A-Za-z0-9_]');
  if (typeof c.database !== 'string' || !DATABASE_PATTERN.test(c.database)) errs.push('properties.credentials.database: required, up to 63 characters of [a-zA-Z0-9_]');
  const pw = typeof c.password === 'string' ? passwordProblem(c.password) : 'required';
  if (pw) errs.push(`properties.credentials.password: ${pw}`);
  return errs.length === before ? { username: c.username as string, password: c.password as string, database: c.database as string } : undefined;
}

function checkRestore(r: unknown, put: boolean, errs: string[]): Checked['restore'] {
  if (r === undefined || r === null) return undefined;
  if (!isObj(r)) {
    errs.push('properties.restoreFromBackup: must be an object');
    return undefined;
  }
  if (put && r.sourceBackupId !== undefined) errs.push('properties.restoreFromBackup.sourceBackupId: only valid when creating a cluster');
  if (!put && typeof r.sourceBackupId !== 'string') errs.push('properties.restoreFromBackup: an in-place restore is only valid on PUT');
  if (r.recoveryTargetDatetime !== undefined && (typeof r.recoveryTargetDatetime !== 'string' || Number.isNaN(Date.parse(r.recoveryTargetDatetime)))) {
    errs.push('properties.restoreFromBackup.recoveryTargetDatetime: an RFC 3339 time');
  }
  return { sourceBackupId: r.sourceBackupId as string | undefined, recoveryTargetDatetime: r.recoveryTargetDatetime as string | undefined };
}
