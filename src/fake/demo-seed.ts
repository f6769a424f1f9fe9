// The demo's clusters: a few of every phase per provider, with believable names, plus optional bulk for scale.
import type { ClickHouseFake } from './clickhouse/fake.js';
import type { PgoFake } from './pgo/fake.js';
import type { IonosV2Fake } from './ionos-v2/fake.js';
import type { IonosV1Fake } from './ionos-v1/fake.js';

export interface DemoFakes {
  clickhouse: ClickHouseFake;
  pgo: PgoFake;
  ionosV2: IonosV2Fake;
  ionosV1: IonosV1Fake;
  /** Extra seeded clusters per provider. */
  scale: number;
}

/**
 * The demo's ClickHouse services. Their names follow the API's rule, as a service created in the demo must:
 * pgNameProperty is "alphanumerical string with whitespaces up to 50 characters" (src/fake/clickhouse/spec.ts),
 * so "orders prod", not "orders-prod" (test/contract/demo-data.test.ts).
 */
export const CLICKHOUSE_DEMO: ReadonlyArray<{ name: string; state: string; region: string; size: string; replicaOf?: string }> = [
  { name: 'orders prod', state: 'running', region: 'eu-west-2', size: 'r8gd.xlarge' },
  { name: 'orders replica', state: 'running', region: 'eu-west-2', size: 'r8gd.xlarge', replicaOf: 'orders prod' },
  { name: 'billing', state: 'running', region: 'us-east-1', size: 'r6gd.large' },
  { name: 'events staging', state: 'restarting', region: 'us-west-2', size: 'm8gd.large' },
  { name: 'analytics dev', state: 'stopped', region: 'eu-central-1', size: 'r6gd.medium' },
  { name: 'search qa', state: 'unavailable', region: 'us-east-2', size: 'r8gd.large' },
];

export function seedDemoClusters({ clickhouse, pgo, ionosV2, ionosV1, scale }: DemoFakes): void {
  seedIonosV2(ionosV2, scale);
  seedIonosV1(ionosV1, scale);

  const primaryId: Record<string, string> = {};
  for (const { name, state, region, size, replicaOf } of CLICKHOUSE_DEMO) {
    const s = clickhouse.addService({
      name, state, region, size,
      haType: name === 'orders prod' ? 'sync' : 'none',
      tags: [{ key: 'env', value: name.includes('prod') ? 'prod' : 'nonprod' }, { key: 'team', value: 'data' }],
      isPrimary: !replicaOf,
      ...(replicaOf ? { parentId: primaryId[replicaOf] } : {}),
    });
    primaryId[name] = s.id;
  }
  if (scale > 0) clickhouse.seedServices(scale);

  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const pgoClusters: Array<[string, Parameters<PgoFake['addCluster']>[0]['condition'], number, string, string, number]> = [
    ['hippo', 'ready', 1, '500m', '1Gi', 210],
    ['rhino', 'degraded', 2, '1', '2Gi', 95],
    ['zebra', 'processed', 1, '250m', '512Mi', 0],
    ['gnu', 'shutdown', 0, '250m', '256Mi', 33],
    ['okapi', 'restoring', 1, '500m', '1Gi', 2],
  ];
  for (const [name, condition, replicas, cpu, memory, age] of pgoClusters) {
    pgo.addCluster({
      name, condition, replicas, cpu, memory, user: name, database: name, createdAt: daysAgo(age),
      ...(name === 'hippo' ? { serviceType: 'LoadBalancer' } : {}),
    });
  }
  // Health (docs/diagnose.md): rhino's scheduled backups stopped 4 days ago, so `pgtui diagnose rhino` is red on backup-age.
  const rhino = pgo.cluster('rhino');
  if (rhino) rhino.backupsStoppedDaysAgo = 4;
  if (scale > 0) pgo.seedClusters(scale);
}

function seedIonosV2(fake: IonosV2Fake, scale: number): void {
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const v2: Array<[string, string, string, string, number, number, number]> = [
    // name, location, state, version, instances, cores, age in days
    ['shop-prod', 'de/fra', 'AVAILABLE', '16', 3, 4, 400],
    ['shop-staging', 'de/txl', 'AVAILABLE', '16', 1, 2, 120],
    ['ledger', 'es/vit', 'UPDATING', '15', 2, 2, 60],
    ['geo-tiles', 'us/las', 'PROVISIONING', '17', 1, 1, 0],
    ['legacy-crm', 'gb/lhr', 'FAILED', '13', 1, 2, 900],
  ];
  for (const [name, location, state, version, count, cores, age] of v2) {
    fake.addCluster(location, {
      state,
      createdDate: daysAgo(age),
      credentials: { username: name.replace(/-/g, '_'), password: 'unused-in-the-demo', database: name.replace(/-/g, '_') },
      properties: { name, version, instances: { count, cores, ram: cores * 2, storageSize: 20 } },
      // Both wire shapes of the backup settings (docs/fakes.md, IONOS v2): shop-staging in the older one.
      backupShape: name === 'shop-staging' ? 'flat' : 'nested',
    });
  }
  if (scale > 0) fake.seed(scale);
}

function seedIonosV1(fake: IonosV1Fake, scale: number): void {
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const v1: Array<[string, string, string, number, number, number, string]> = [
    // name, location, state, instances, cores, age in days, version
    ['crm-prod', 'de/fra', 'AVAILABLE', 2, 4, 700, '15'],
    ['crm-reporting', 'de/fra', 'AVAILABLE', 1, 2, 300, '15'],
    ['wiki', 'gb/lhr', 'AVAILABLE', 1, 1, 45, '14'],
    ['payments-eu', 'de/txl', 'BUSY', 3, 8, 200, '16'],
    ['analytics-v1', 'es/vit', 'FAILED', 2, 4, 90, '15'],
  ];
  for (const [name, location, state, instances, cores, age, version] of v1) {
    const created = daysAgo(age);
    fake.addCluster({
      state,
      createdDate: created,
      // BUSY on an old cluster: a change being applied (updating), not a create.
      lastModifiedDate: state === 'BUSY' ? daysAgo(0) : created,
      credentials: { username: name.replace(/-/g, '_'), password: 'unused-in-the-demo' },
      properties: { displayName: name, location, instances, cores, ram: cores * 2048, postgresVersion: version },
    });
  }
  if (scale > 0) fake.seed(scale);
}
