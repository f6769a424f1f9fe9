// Wire shapes of IONOS PostgreSQL v2 (ClusterRead, *ReadList, versions, backup locations, backups), decoded
// leniently (unknown states and new fields pass through), and their mapping onto the normalised Cluster.
import * as z from 'zod';
import { oneLine } from '../core/errors.js';
import type { Backup, Cluster, Phase } from '../core/types.js';
import { decodeItems, type ItemProblem } from '../core/list-result.js';
import { PORT } from './catalog.js';
import { counted } from '../../text/plural.js';
import { decode } from '../ionos-shared/wire.js';

// Shared with IONOS v1 (../ionos-shared/wire.ts).
export { decode };

const instancesSchema = z.lazy(() => z.looseObject({
  count: z.number().nullish(),
  ram: z.number().nullish(),
  cores: z.number().nullish(),
  storageSize: z.number().nullish(),
}));

const propertiesSchema = z.lazy(() => z.looseObject({
  name: z.string().nullish(),
  description: z.string().nullish(),
  version: z.union([z.string(), z.number()]).nullish(),
  instances: instancesSchema.nullish(),
  connection: z.looseObject({ datacenterId: z.string().nullish(), lanId: z.string().nullish(), primaryInstanceAddress: z.string().nullish() }).nullish(),
  maintenanceWindow: z.looseObject({ time: z.string().nullish(), dayOfTheWeek: z.string().nullish() }).nullish(),
  replicationMode: z.string().nullish(),
  credentials: z.looseObject({ username: z.string().nullish(), database: z.string().nullish() }).nullish(),
  connectionPooler: z.unknown().optional(), // a string in v2; tolerate anything
  logsEnabled: z.boolean().nullish(),
  metricsEnabled: z.boolean().nullish(),
  backup: z.looseObject({ location: z.string().nullish(), retentionDays: z.number().nullish() }).nullish(),
  /** SDK ≤ v3.0.1 form of the backup location. */
  backupLocation: z.string().nullish(),
}));

const metadataSchema = z.lazy(() => z.looseObject({
  createdDate: z.string().nullish(),
  lastModifiedDate: z.string().nullish(),
  state: z.string().nullish(),
  statusMessage: z.string().nullish(),
  dnsName: z.string().nullish(),
}));

const clusterSchema = z.lazy(() => z.looseObject({
  id: z.string().min(1),
  type: z.string().optional(),
  href: z.string().optional(),
  metadata: metadataSchema.optional(),
  properties: propertiesSchema,
}));

export type V2Properties = z.infer<typeof propertiesSchema>;
export type V2Cluster = z.infer<typeof clusterSchema>;

const listSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ items: z.array(item).nullish(), offset: z.number().optional(), limit: z.number().optional() });

const versionSchema = z.lazy(() => z.looseObject({
  id: z.string().optional(),
  properties: z.looseObject({
    version: z.union([z.string(), z.number()]).transform(String),
    status: z.string().optional(),
    comment: z.string().optional(),
    canUpgradeTo: z.array(z.union([z.string(), z.number()]).transform(String)).nullish(),
  }),
}));
export type V2Version = z.infer<typeof versionSchema>;

const backupLocationSchema = z.lazy(() => z.looseObject({ id: z.string().optional(), properties: z.looseObject({ location: z.string() }) }));

const backupSchema = z.lazy(() => z.looseObject({
  id: z.string().min(1),
  metadata: z.looseObject({ createdDate: z.string().optional() }).nullish(),
  properties: z.looseObject({
    clusterId: z.string().optional(),
    postgresClusterVersion: z.union([z.string(), z.number()]).optional(),
    isActive: z.boolean().optional(),
    earliestRecoveryTargetTime: z.string().nullish(),
    latestRecoveryTargetTime: z.string().nullish(),
    location: z.string().optional(),
  }),
}));


/** A list page's clusters, each decoded on its own: a bad item is skipped and added to `problems`. */
export function decodeClusterItems(body: unknown, offset: number, problems: ItemProblem[]): V2Cluster[] {
  return decodeItems(clusterSchema, decode(listSchema(z.unknown()), body, 'cluster list').items ?? [], 'items', offset, problems);
}

export const decodeCluster = (body: unknown): V2Cluster => decode(clusterSchema, body, 'cluster');
export const decodeVersionPage = (body: unknown): V2Version[] => decode(listSchema(versionSchema), body, 'version list').items ?? [];
export const decodeBackupLocationPage = (body: unknown): string[] =>
  (decode(listSchema(backupLocationSchema), body, 'backup location list').items ?? []).map((i) => i.properties.location);
export const decodeBackupPage = (body: unknown) => decode(listSchema(backupSchema), body, 'backup list').items ?? [];

const PHASES: Record<string, Phase> = {
  PROVISIONING: 'creating',
  AVAILABLE: 'ready',
  PROVISIONED: 'ready', // the Early Access word for AVAILABLE
  UPDATING: 'updating',
  DESTROYING: 'deleting',
  FAILED: 'failed',
};

export function phaseOf(state: string | null | undefined): Phase {
  return (state && PHASES[state.toUpperCase()]) || 'unknown';
}

/** The backup location in either the current (`backup.location`) or the older (`backupLocation`) form. */
export function backupLocationOf(p: V2Properties): string | undefined {
  return p.backup?.location ?? p.backupLocation ?? undefined;
}

export function toCluster(profile: string, location: string, c: V2Cluster): Cluster {
  const p = c.properties;
  const m = c.metadata ?? {};
  const i = p.instances ?? {};
  const out: Cluster = {
    profile,
    provider: 'ionos-v2',
    id: c.id,
    name: p.name ?? c.id,
    phase: phaseOf(m.state),
    state: m.state ?? 'UNKNOWN',
    location,
    port: PORT,
    raw: c,
  };
  if (m.statusMessage) out.stateMessage = oneLine(m.statusMessage);
  if (p.version != null) out.version = String(p.version);
  if (i.cores != null || i.ram != null) out.size = `${i.cores == null ? '? cores' : counted(i.cores, 'core')}, ${i.ram ?? '?'} GB RAM`;
  if (i.storageSize != null) out.storage = `${i.storageSize} GB`;
  if (i.count != null) out.instances = i.count;
  if (m.dnsName) out.host = m.dnsName;
  if (p.credentials?.database) out.database = p.credentials.database;
  if (p.credentials?.username) out.user = p.credentials.username;
  if (m.createdDate) out.createdAt = m.createdDate;
  return out;
}

export function toBackup(b: ReturnType<typeof decodeBackupPage>[number]): Backup {
  const p = b.properties;
  const out: Backup = { id: b.id, clusterId: p.clusterId ?? '', raw: b };
  if (b.metadata?.createdDate) out.createdAt = b.metadata.createdDate;
  if (p.earliestRecoveryTargetTime) out.earliestRecoveryTargetTime = p.earliestRecoveryTargetTime;
  if (p.latestRecoveryTargetTime) out.latestRecoveryTargetTime = p.latestRecoveryTargetTime;
  if (p.postgresClusterVersion !== undefined) out.version = String(p.postgresClusterVersion);
  if (p.location) out.location = p.location;
  if (p.isActive !== undefined) out.active = p.isActive;
  return out;
}

