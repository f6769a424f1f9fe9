// The v2 fake's cluster records, their ClusterRead serialisation (docs/ionos.md §4.3/§4.4, §6.3) and deterministic seed shapes.
import { uuid } from '../kit.js';

export interface V2Instances {
  count: number;
  ram: number;
  cores: number;
  storageSize: number;
}

export interface V2Props {
  name: string;
  description?: string;
  version: string;
  instances: V2Instances;
  connection?: { datacenterId: string; lanId: string; primaryInstanceAddress: string };
  maintenanceWindow: { time: string; dayOfTheWeek: string };
  replicationMode: string;
  connectionPooler: string;
  logsEnabled: boolean;
  metricsEnabled: boolean;
  backup: { location: string; retentionDays: number };
}

export interface FakeV2Cluster {
  id: string;
  location: string;
  contract: string;
  /** Any string, so tests can seed states the client has never heard of. */
  state: string;
  statusMessage?: string;
  dnsName?: string;
  createdDate: string;
  createdByUserId: string;
  lastModifiedDate?: string;
  properties: V2Props;
  /**
   * How the cluster's backup settings travel on the wire: 'nested' is `backup {location, retentionDays}` (current
   * SDK), 'flat' the older top-level `backupLocation` (seed 002, the SDK ionosctl vendors), which has no retention.
   * A PUT must carry the shape its cluster has (docs/fakes.md, IONOS v2).
   */
  backupShape: BackupShape;
  /** Write-only on the API; username and database are echoed, the password never. */
  credentials: { username: string; password: string; database: string };
}

export type BackupShape = 'nested' | 'flat';

export interface FakeBackup {
  id: string;
  clusterId: string;
  location: string;
  contract: string;
  version: string;
  isActive: boolean;
  createdDate: string;
  earliestRecoveryTargetTime: string;
  latestRecoveryTargetTime: string | null;
  backupLocation: string;
}

/** What a PUT leaves behind for every property it does not carry ("filled with defaults or left empty"). */
export const PUT_DEFAULTS = {
  maintenanceWindow: { time: '00:00:00', dayOfTheWeek: 'Monday' },
  replicationMode: 'ASYNCHRONOUS',
  connectionPooler: 'DISABLED',
  logsEnabled: false,
  metricsEnabled: false,
  retentionDays: 7,
} as const;

export const isoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const slug = (location: string) => location.replace(/\//g, '-');
export const userUrn = (userId: string) => `ionos:iam:cloud::users/${userId}`;

export function dnsNameFor(rand: () => number, location: string): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const id = [...Array(16)].map(() => chars[Math.floor(rand() * chars.length)]).join('');
  return `pg-${id}.postgresql.${slug(location)}.ionos.com`;
}

export function clusterRead(c: FakeV2Cluster): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    createdDate: c.createdDate,
    createdBy: userUrn(c.createdByUserId),
    createdByUserId: c.createdByUserId,
    lastModifiedDate: c.lastModifiedDate ?? c.createdDate,
    lastModifiedBy: userUrn(c.createdByUserId),
    lastModifiedByUserId: c.createdByUserId,
    resourceURN: `ionos:postgresql:${slug(c.location)}:${c.contract}:clusters/${c.id}`,
    state: c.state,
  };
  if (c.state === 'FAILED' && c.statusMessage) metadata.statusMessage = c.statusMessage;
  if (c.dnsName) metadata.dnsName = c.dnsName;
  const properties = structuredClone(c.properties) as unknown as Record<string, unknown>;
  if (c.backupShape === 'flat') {
    delete properties.backup;
    properties.backupLocation = c.properties.backup.location;
  }
  properties.credentials = { username: c.credentials.username, database: c.credentials.database };
  return { id: c.id, type: 'cluster', href: `/clusters/${c.id}`, metadata, properties };
}

export function backupRead(b: FakeBackup): Record<string, unknown> {
  return {
    id: b.id,
    type: 'backup',
    href: `/backups/${b.id}`,
    metadata: { createdDate: b.createdDate, state: b.isActive ? 'AVAILABLE' : 'INACTIVE' },
    properties: {
      clusterId: b.clusterId,
      postgresClusterVersion: b.version,
      isActive: b.isActive,
      earliestRecoveryTargetTime: b.earliestRecoveryTargetTime,
      latestRecoveryTargetTime: b.latestRecoveryTargetTime,
      location: b.backupLocation,
    },
  };
}

const WORDS = ['orders', 'billing', 'cms', 'analytics', 'auth', 'search', 'events', 'ledger', 'crm', 'reports', 'geo', 'audit'];
const ENVS = ['prod', 'staging', 'dev', 'qa'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A deterministic, varied cluster (mostly AVAILABLE, a few in every other state). */
export function seedShape(rand: () => number, i: number, now: number): Partial<FakeV2Cluster> & { properties: V2Props; backupShape: BackupShape } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const count = pick([1, 1, 2, 3, 3, 5]);
  const roll = rand();
  const state = roll < 0.85 ? 'AVAILABLE' : roll < 0.89 ? 'PROVISIONING' : roll < 0.93 ? 'UPDATING' : roll < 0.96 ? 'DESTROYING' : 'FAILED';
  return {
    state,
    // Every fifth cluster in the older wire shape, so seeded worlds always hold both.
    backupShape: i % 5 === 3 ? 'flat' : 'nested',
    statusMessage: state === 'FAILED' ? 'Provisioning failed: the LAN is not reachable.' : undefined,
    createdDate: isoTime(now - 86_400_000 - Math.floor(rand() * 400 * 86_400_000)),
    properties: {
      name: `${pick(WORDS)}-${pick(ENVS)}-${i + 1}`,
      version: pick(['14', '15', '16', '17', '17']),
      instances: { count, ram: pick([4, 8, 16, 32]), cores: pick([2, 4, 8]), storageSize: pick([20, 50, 100, 500]) },
      connection: { datacenterId: uuid(rand), lanId: String(1 + Math.floor(rand() * 4)), primaryInstanceAddress: `192.168.${Math.floor(rand() * 250)}.${10 + Math.floor(rand() * 200)}/24` },
      maintenanceWindow: { time: `${String(Math.floor(rand() * 24)).padStart(2, '0')}:00:00`, dayOfTheWeek: pick(DAYS) },
      replicationMode: count >= 3 && rand() < 0.5 ? 'STRICTLY_SYNCHRONOUS' : 'ASYNCHRONOUS',
      connectionPooler: pick(['DISABLED', 'TRANSACTION', 'SESSION']),
      logsEnabled: rand() < 0.5,
      metricsEnabled: rand() < 0.5,
      backup: { location: pick(['de', 'eu-central-2', 'eu-central-3']), retentionDays: pick([7, 14, 30]) },
    },
  };
}
