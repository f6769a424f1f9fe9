// Wire shapes of IONOS DBaaS PostgreSQL v1 (ClusterResponse, ClusterList, PostgresVersionList, backups),
// decoded leniently (unknown states and enum values pass through), and their mapping onto Cluster.
import * as z from 'zod';
import type { Backup, Cluster, Phase } from '../core/types.js';
import { PORT } from './catalog.js';

import { decode } from '../ionos-shared/wire.js';
import { decodeItems, type ItemProblem } from '../core/list-result.js';
import { counted } from '../../text/plural.js';


const propertiesSchema = z.looseObject({
  displayName: z.string().nullish(),
  postgresVersion: z.union([z.string(), z.number()]).nullish(),
  location: z.string().nullish(),
  backupLocation: z.string().nullish(),
  dnsName: z.string().nullish(),
  instances: z.number().nullish(),
  ram: z.number().nullish(),
  cores: z.number().nullish(),
  storageSize: z.number().nullish(),
  storageType: z.string().nullish(),
  connections: z.array(z.looseObject({ datacenterId: z.string().nullish(), lanId: z.string().nullish(), cidr: z.string().nullish() })).nullish(),
  maintenanceWindow: z.looseObject({ time: z.string().nullish(), dayOfTheWeek: z.string().nullish() }).nullish(),
  synchronizationMode: z.string().nullish(),
  // Old clusters answer poolMode "" (terraform #681): anything goes.
  connectionPooler: z.looseObject({ enabled: z.boolean().nullish(), poolMode: z.string().nullish() }).nullish(),
});

const clusterSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().optional(),
  metadata: z.looseObject({
    createdDate: z.string().nullish(),
    lastModifiedDate: z.string().nullish(),
    state: z.string().nullish(),
  }).nullish(),
  properties: propertiesSchema,
});

export type V1Cluster = z.infer<typeof clusterSchema>;

const versionsSchema = z.lazy(() => z.looseObject({ data: z.array(z.looseObject({ name: z.union([z.string(), z.number()]).transform(String) })).nullish() }));
const backupSchema = z.lazy(() => z.looseObject({
  id: z.string().min(1),
  metadata: z.looseObject({ createdDate: z.string().nullish(), state: z.string().nullish() }).nullish(),
  properties: z.looseObject({
    clusterId: z.string().nullish(),
    version: z.union([z.string(), z.number()]).nullish(),
    isActive: z.boolean().nullish(),
    earliestRecoveryTargetTime: z.string().nullish(),
    size: z.number().nullish(),
    location: z.string().nullish(),
  }),
}));
const backupListSchema = z.lazy(() => z.looseObject({ items: z.array(backupSchema).nullish() }));
export type V1Backup = z.infer<typeof backupSchema>;

const pageSchema = z.looseObject({ items: z.array(z.unknown()).nullish(), offset: z.number().optional(), limit: z.number().optional() });

/** A list page's clusters, each decoded on its own: a bad item is skipped and added to `problems`. */
export function decodeClusterItems(body: unknown, offset: number, problems: ItemProblem[]): V1Cluster[] {
  return decodeItems(clusterSchema, decode(pageSchema, body, 'cluster list').items ?? [], 'items', offset, problems);
}

export const decodeCluster = (body: unknown): V1Cluster => decode(clusterSchema, body, 'cluster');
export const decodeVersions = (body: unknown): string[] => (decode(versionsSchema, body, 'version list').data ?? []).map((v) => v.name);
export const decodeBackupPage = (body: unknown): V1Backup[] => decode(backupListSchema, body, 'backup list').items ?? [];

/**
 * docs/phases.md: BUSY is "creating" until the cluster has been AVAILABLE once, "updating" after. A BUSY
 * cluster never seen AVAILABLE counts as creating only while it has not been modified since its creation.
 */
export function phaseOf(c: V1Cluster, seenAvailable: boolean): Phase {
  const state = (c.metadata?.state ?? '').toUpperCase();
  switch (state) {
    case 'AVAILABLE':
      return 'ready';
    case 'BUSY': {
      if (seenAvailable) return 'updating';
      const created = c.metadata?.createdDate;
      const modified = c.metadata?.lastModifiedDate;
      return !modified || modified === created ? 'creating' : 'updating';
    }
    case 'DEGRADED':
      return 'degraded';
    case 'DESTROYING':
      return 'deleting';
    case 'FAILED':
      return 'failed';
    default:
      return 'unknown';
  }
}

const gb = (mb: number) => (mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`);

export function toCluster(profile: string, c: V1Cluster, seenAvailable: boolean): Cluster {
  const p = c.properties;
  const m = c.metadata ?? {};
  const out: Cluster = {
    profile,
    provider: 'ionos-v1',
    id: c.id,
    name: p.displayName || c.id,
    phase: phaseOf(c, seenAvailable),
    state: m.state ?? 'UNKNOWN',
    port: PORT,
    raw: c,
  };
  if (p.postgresVersion != null) out.version = String(p.postgresVersion);
  if (p.location) out.location = p.location;
  if (p.cores != null || p.ram != null) out.size = `${p.cores == null ? '? cores' : counted(p.cores, 'core')}, ${p.ram != null ? gb(p.ram) : '?'} RAM`;
  if (p.storageSize != null) out.storage = `${gb(p.storageSize)}${p.storageType ? ` ${p.storageType}` : ''}`;
  if (p.instances != null) out.instances = p.instances;
  if (p.dnsName) out.host = p.dnsName;
  if (m.createdDate) out.createdAt = m.createdDate;
  return out;
}

export function toBackup(b: V1Backup): Backup {
  const p = b.properties;
  const out: Backup = { id: b.id, clusterId: p.clusterId ?? '', raw: b };
  if (b.metadata?.createdDate) out.createdAt = b.metadata.createdDate;
  if (p.earliestRecoveryTargetTime) out.earliestRecoveryTargetTime = p.earliestRecoveryTargetTime;
  if (p.version != null) out.version = String(p.version);
  if (p.location) out.location = p.location;
  if (p.isActive != null) out.active = p.isActive;
  if (p.size != null) out.sizeMB = p.size;
  return out;
}

