// The v1 fake's clusters and backups, their wire shapes (ClusterResponse, ClusterBackup per the 1.0.5 spec),
// deterministic seeding, and the checks the API makes on create and PATCH (answered with 422).
import { uuid } from '../kit.js';
import {
  CREATE_SYNC_MODES, DAYS, LIMITS, LOCATIONS, PASSWORD_MIN, RAM_STEP, RESERVED_USERNAMES, STORAGE_TYPES, SYNC_MODES, VERSIONS,
} from './spec.js';

export { VERSIONS } from './spec.js';

export interface V1Props {
  displayName: string;
  postgresVersion: string;
  location: string;
  backupLocation: string;
  instances: number;
  cores: number;
  ram: number;
  storageSize: number;
  storageType: string;
  connections: Array<{ datacenterId: string; lanId: string; cidr: string }>;
  maintenanceWindow: { time: string; dayOfTheWeek: string };
  synchronizationMode: string;
  connectionPooler?: { enabled: boolean; poolMode: string };
  dnsName?: string;
}

export interface FakeV1Cluster {
  id: string;
  /** Any string, so tests can seed states the client has never heard of. */
  state: string;
  createdDate: string;
  lastModifiedDate: string;
  createdBy: string;
  properties: V1Props;
  credentials: { username: string; password: string };
}

export interface FakeV1Backup {
  id: string;
  clusterId: string;
  version: string;
  isActive: boolean;
  createdDate: string;
  earliestRecoveryTargetTime: string;
  size: number;
  location: string;
}

const WORDS = ['orders', 'billing', 'users', 'events', 'search', 'audit', 'metrics', 'ledger', 'catalog', 'sessions', 'geo', 'reports'];
const ENVS = ['prod', 'staging', 'dev', 'qa'];

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function dnsNameFor(rand: () => number, location: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const id = Array.from({ length: 16 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  return `pg-${id}.postgresql.${location.replace(/\//g, '-')}.ionos.com`;
}

export function clusterResponse(c: FakeV1Cluster): Record<string, unknown> {
  const { dnsName, connectionPooler, ...props } = c.properties;
  return {
    type: 'cluster',
    id: c.id,
    metadata: {
      createdDate: c.createdDate,
      createdBy: c.createdBy,
      createdByUserId: '87f9a82e-b28d-49ed-9d04-fba2c0459cd3',
      lastModifiedDate: c.lastModifiedDate,
      lastModifiedBy: c.createdBy,
      lastModifiedByUserId: '87f9a82e-b28d-49ed-9d04-fba2c0459cd3',
      state: c.state,
    },
    properties: { ...props, ...(dnsName ? { dnsName } : {}), ...(connectionPooler ? { connectionPooler } : {}) },
  };
}

export function backupResponse(b: FakeV1Backup): Record<string, unknown> {
  return {
    type: 'backup',
    id: b.id,
    metadata: { createdDate: b.createdDate, state: 'AVAILABLE' },
    properties: {
      id: b.id, clusterId: b.clusterId, version: b.version, isActive: b.isActive,
      earliestRecoveryTargetTime: b.earliestRecoveryTargetTime, size: b.size, location: b.location,
    },
  };
}

/** A believable cluster for seeding: names, sizes, locations and a spread of states. */
export function seedShape(rand: () => number, n: number, now: number): Partial<Omit<FakeV1Cluster, 'properties'>> & { properties: Partial<V1Props> } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const r = rand();
  const state = r < 0.86 ? 'AVAILABLE' : r < 0.93 ? 'BUSY' : r < 0.97 ? 'FAILED' : 'DESTROYING';
  const cores = pick([1, 2, 4, 8]);
  const created = now - Math.floor(rand() * 700 * 86_400_000) - 3_600_000;
  return {
    state,
    createdDate: iso(created),
    lastModifiedDate: iso(created + (state === 'BUSY' ? 86_400_000 : 0)),
    properties: {
      displayName: `${pick(WORDS)}-${pick(ENVS)}-${String(n).padStart(4, '0')}`,
      postgresVersion: pick(VERSIONS),
      location: pick(LOCATIONS),
      instances: pick([1, 1, 2, 3]),
      cores,
      ram: cores * 2048,
      storageSize: pick([20_480, 51_200, 102_400]),
      storageType: pick(['HDD', 'SSD Standard', 'SSD Premium']),
    },
  };
}

export function defaultProps(rand: () => number, init: Partial<V1Props>): V1Props {
  return {
    displayName: 'postgres cluster',
    postgresVersion: '15',
    location: 'de/fra',
    backupLocation: 'de',
    instances: 1,
    cores: 2,
    ram: 4096,
    storageSize: 20_480,
    storageType: 'SSD Premium',
    connections: [{ datacenterId: uuid(rand), lanId: '2', cidr: '192.168.1.100/24' }],
    maintenanceWindow: { time: '04:00:00', dayOfTheWeek: 'Sunday' },
    synchronizationMode: 'ASYNCHRONOUS',
    ...init,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

function checkSizes(p: Record<string, unknown>, out: string[]): void {
  const int = (k: string, min: number, max: number) => {
    if (p[k] === undefined) return;
    const v = p[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) out.push(`properties.${k} must be an integer between ${min} and ${max}`);
  };
  for (const k of ['instances', 'cores', 'ram', 'storageSize'] as const) int(k, LIMITS[k][0], LIMITS[k][1]);
  if (typeof p.ram === 'number' && p.ram % RAM_STEP !== 0) out.push(`properties.ram must be a multiple of ${RAM_STEP}`);
  const mw = p.maintenanceWindow as { time?: unknown; dayOfTheWeek?: unknown } | undefined;
  if (mw !== undefined && (typeof mw !== 'object' || !TIME.test(String(mw.time)) || !DAYS.includes(String(mw.dayOfTheWeek)))) {
    out.push('properties.maintenanceWindow needs time HH:MM:SS and a dayOfTheWeek');
  }
  // DisplayName: a string with no pattern or length limit in the spec (pgtui's own 63-character cap is the client's).
  if (p.displayName !== undefined && (typeof p.displayName !== 'string' || !p.displayName.trim())) {
    out.push('properties.displayName must be a non-empty string');
  }
}

/** The problems the API would name for a create body (422), none when it is valid. */
export function createProblems(body: unknown, versions: readonly string[]): string[] {
  const p = (body as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!p || typeof p !== 'object') return ['properties is required'];
  const out: string[] = [];
  for (const k of ['connections', 'cores', 'credentials', 'displayName', 'instances', 'location', 'postgresVersion', 'ram', 'storageSize', 'storageType', 'synchronizationMode']) {
    if (p[k] === undefined || p[k] === null || p[k] === '') out.push(`properties.${k} is required`);
  }
  checkSizes(p, out);
  if (p.postgresVersion !== undefined && !versions.includes(String(p.postgresVersion))) out.push(`properties.postgresVersion ${String(p.postgresVersion)} is not supported`);
  if (p.storageType !== undefined && !STORAGE_TYPES.includes(String(p.storageType))) out.push('properties.storageType must be HDD, SSD Standard or SSD Premium');
  if (p.synchronizationMode !== undefined && !CREATE_SYNC_MODES.includes(String(p.synchronizationMode))) {
    out.push('properties.synchronizationMode must be ASYNCHRONOUS or STRICTLY_SYNCHRONOUS on create');
  }
  const conns = p.connections as Array<Record<string, unknown>> | undefined;
  if (conns !== undefined && (!Array.isArray(conns) || conns.length !== 1 || !UUID.test(String(conns[0]?.datacenterId)) || !/^\d+$/.test(String(conns[0]?.lanId)) || !/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(String(conns[0]?.cidr)))) {
    out.push('properties.connections must hold exactly one {datacenterId, lanId, cidr}');
  }
  const cred = p.credentials as { username?: unknown; password?: unknown } | undefined;
  if (cred !== undefined) {
    if (typeof cred.username !== 'string' || !cred.username) out.push('properties.credentials.username is required');
    else if (RESERVED_USERNAMES.includes(cred.username.toLowerCase())) out.push(`properties.credentials.username ${cred.username} is reserved`);
    if (typeof cred.password !== 'string' || cred.password.length < PASSWORD_MIN) out.push(`properties.credentials.password must be at least ${PASSWORD_MIN} characters`);
  }
  return out;
}

const PATCHABLE = ['cores', 'ram', 'storageSize', 'displayName', 'maintenanceWindow', 'postgresVersion', 'instances', 'connectionPooler', 'synchronizationMode', 'connections'];

export function patchProblems(body: unknown, current: V1Props, versions: readonly string[]): string[] {
  const p = (body as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!p || typeof p !== 'object') return ['properties is required'];
  const out: string[] = [];
  for (const k of Object.keys(p)) if (!PATCHABLE.includes(k)) out.push(`properties.${k} cannot be changed`);
  checkSizes(p, out);
  if (typeof p.storageSize === 'number' && p.storageSize < current.storageSize) out.push('properties.storageSize cannot shrink');
  if (p.postgresVersion !== undefined && (!versions.includes(String(p.postgresVersion)) || Number(p.postgresVersion) < Number(current.postgresVersion))) {
    out.push(`properties.postgresVersion ${String(p.postgresVersion)} is not an upgrade of ${current.postgresVersion}`);
  }
  if (p.synchronizationMode !== undefined && !SYNC_MODES.includes(String(p.synchronizationMode))) out.push('properties.synchronizationMode is not valid');
  return out;
}
