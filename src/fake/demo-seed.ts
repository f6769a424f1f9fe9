// The demo's clusters: a few of every phase per provider, with believable names, plus optional bulk for scale.
import type { ClickHouseFake } from './clickhouse.js';
import type { PgoFake } from './pgo.js';

export interface DemoFakes {
  clickhouse: ClickHouseFake;
  pgo: PgoFake;
  /** Extra seeded clusters per provider. */
  scale: number;
}

export function seedDemoClusters({ clickhouse, pgo, scale }: DemoFakes): void {

  const ch: Array<[string, string, string, string]> = [
    ['orders-prod', 'running', 'eu-west-2', 'r8gd.xlarge'],
    ['orders-replica', 'running', 'eu-west-2', 'r8gd.xlarge'],
    ['billing', 'running', 'us-east-1', 'r6gd.large'],
    ['events-staging', 'restarting', 'us-west-2', 'm8gd.large'],
    ['analytics-dev', 'stopped', 'eu-central-1', 'r6gd.medium'],
    ['search-qa', 'unavailable', 'us-east-2', 'r8gd.large'],
  ];
  const primaryId: Record<string, string> = {};
  for (const [name, state, region, size] of ch) {
    const replica = name.endsWith('-replica');
    const s = clickhouse.addService({
      name, state, region, size,
      haType: name === 'orders-prod' ? 'sync' : 'none',
      tags: [{ key: 'env', value: name.includes('prod') ? 'prod' : 'nonprod' }, { key: 'team', value: 'data' }],
      isPrimary: !replica,
      ...(replica ? { parentId: primaryId['orders-prod'] } : {}),
    });
    primaryId[name] = s.id;
  }
  if (scale > 0) clickhouse.seedServices(scale);

  pgo.addCluster({ name: 'hippo', condition: 'ready', replicas: 1, user: 'hippo', database: 'hippo', serviceType: 'LoadBalancer' });
  pgo.addCluster({ name: 'rhino', condition: 'degraded', replicas: 2, user: 'rhino', database: 'rhino' });
  pgo.addCluster({ name: 'zebra', condition: 'processed', replicas: 1, user: 'zebra', database: 'zebra' });
  pgo.addCluster({ name: 'gnu', condition: 'shutdown', replicas: 0, user: 'gnu', database: 'gnu' });
  pgo.addCluster({ name: 'okapi', condition: 'restoring', replicas: 1, user: 'okapi', database: 'okapi' });
  if (scale > 0) pgo.seedClusters(scale);
}
