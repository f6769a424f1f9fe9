// The PGO fake's /df (disk use per PVC), /testclusters (can each instance and endpoint be reached) and
// GET /failover/{name} (failover targets). Shapes from the pgo 4.3.2 apiserver (apiservermsgs dfmsgs.go,
// clustermsgs.go ClusterTest*, failovermsgs.go): Go structs with the embedded Status flattened to Code/Msg.
import type { FakeRequest, FakeResponse } from '../kit.js';
import type { PgoWorld, Route, RouteContext } from './routes.js';
import { goDecode } from './decode.js';
import type { FakePgCluster } from './model.js';
import { VERSION_MISMATCH_MSG } from './spec.js';
import { syntheticHash } from '../insight/synthetic.js';

const DF = { ClientVersion: 'string', Namespace: 'string', Selector: 'string' } as const;
const TEST = { Clustername: 'string', Selector: 'string', ClientVersion: 'string', Namespace: 'string', AllFlag: 'bool' } as const;
/** DfPVCType: PostgreSQL, pgBackRest, tablespace, write-ahead log. */
export const PVC_TYPE: Record<string, number> = { postgres: 0, pgbackrest: 1, tablespace: 2, wal: 3 };

/** A Kubernetes quantity ("1G", "5Gi", "512Mi") in bytes. */
export function quantityBytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMGTPE]i?)?$/.exec(q.trim());
  if (!m) return 1e9;
  const unit = m[2] ?? '';
  const power = 'KMGTPE'.indexOf(unit[0] ?? '') + 1;
  return Math.round(Number(m[1]) * (unit.endsWith('i') ? 1024 : 1000) ** power);
}

export function insightRoutes(fake: PgoWorld): Route[] {
  const fail = (msg: string) => fake.json({ Results: [], Code: 'error', Msg: msg });
  const inNamespace = (ns: string) => [...fake.clusters.values()].filter((c) => c.namespace === ns);
  const bySelector = (ns: string, selector: string) => {
    if (selector === '*') return inNamespace(ns);
    const m = /^(?:name|pg-cluster)=(.+)$/.exec(selector.trim());
    return m ? inNamespace(ns).filter((c) => c.name === m[1]) : [];
  };
  /** Used space moves slowly with the clock, between 20 % and 90 % of the claim. */
  const used = (pvc: string, capacity: number) => {
    const hour = Math.floor(fake.clock.now() / 3_600_000);
    const frac = 0.2 + (syntheticHash(pvc, 1) % 600) / 1000 + (syntheticHash(pvc, hour) % 100) / 1000;
    return Math.round(capacity * Math.min(0.9, frac));
  };

  function df({ body }: RouteContext): FakeResponse {
    const r = goDecode(body, DF);
    if (r.ClientVersion !== fake.serverVersion) return fail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.Namespace);
    if (nsErr) return fail(nsErr);
    if (r.Selector === '') return fail('please provide a selector');
    const results = bySelector(r.Namespace, r.Selector).flatMap((c) => {
      if (c.shutdown) return [];
      const capacity = quantityBytes(c.pvcSize);
      const rows = c.pods
        .filter((p) => p.type === 'primary' || p.type === 'replica')
        .map((p) => {
          const pvc = p.pvc ?? p.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, '');
          return { InstanceName: pvc, PodName: p.name, PVCType: PVC_TYPE.postgres, PVCName: pvc, PVCUsed: used(pvc, capacity), PVCCapacity: capacity };
        });
      const repo = `${c.name}-pgbr-repo`;
      rows.push({ InstanceName: c.name, PodName: `${c.name}-backrest-shared-repo-${c.uid.slice(0, 10)}`, PVCType: PVC_TYPE.pgbackrest, PVCName: repo, PVCUsed: used(repo, capacity * 2), PVCCapacity: capacity * 2 });
      return rows;
    });
    return fake.json({ Results: results, Code: 'ok', Msg: '' });
  }

  function endpoints(c: FakePgCluster) {
    const readyOf = (type: string) => c.pods.some((p) => p.type === type && p.ready);
    const out = [{ Available: !c.shutdown && readyOf('primary'), Message: `${c.clusterIP}:5432`, InstanceType: 'primary' }];
    if (c.replicaNames.length) out.push({ Available: !c.shutdown && readyOf('replica'), Message: `${c.replicaIP}:5432`, InstanceType: 'replica' });
    if (c.pgbouncer) out.push({ Available: !c.shutdown, Message: `${c.bouncerIP}:5432`, InstanceType: 'pgbouncer' });
    out.push({ Available: !c.shutdown, Message: `${c.repoIP}:5432`, InstanceType: 'backups' });
    return out;
  }

  function test({ body }: RouteContext): FakeResponse {
    const r = goDecode(body, TEST);
    if (r.ClientVersion !== fake.serverVersion) return fail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.Namespace);
    if (nsErr) return fail(nsErr);
    const selector = r.Selector || (r.AllFlag ? '*' : `name=${r.Clustername}`);
    const results = bySelector(r.Namespace, selector).map((c) => {
      const pods = c.pods.filter((p) => p.type === 'primary' || p.type === 'replica');
      const instances = pods.length
        ? pods.map((p) => ({ Available: p.ready, Message: p.name, InstanceType: p.type }))
        : [{ Available: false, Message: '', InstanceType: 'primary' }];
      return { ClusterName: c.name, Endpoints: endpoints(c), Instances: instances };
    });
    return fake.json({ Results: results, Code: 'ok', Msg: '' });
  }

  function failoverTargets(_ctx: RouteContext, req: FakeRequest): FakeResponse {
    const name = decodeURIComponent(req.path.split('/')[2] ?? '');
    const ns = req.query.get('namespace') ?? '';
    if (req.query.get('version') !== fake.serverVersion) return fail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(ns);
    if (nsErr) return fail(nsErr);
    const c = fake.cluster(name, ns);
    if (!c) return fail(`pgclusters.crunchydata.com "${name}" not found`);
    const targets = c.pods
      .filter((p) => p.type === 'replica')
      .map((p) => ({
        Name: p.pvc ?? p.name,
        Node: p.node,
        ReplicationLag: p.ready ? syntheticHash(p.name, Math.floor(fake.clock.now() / 60_000)) % 4 : 0,
        Status: p.ready ? 'running' : 'unknown',
        Timeline: 1,
        PendingRestart: false,
      }));
    return fake.json({ Results: targets, Code: 'ok', Msg: '', Standby: false });
  }

  return [
    { path: /^\/df$/, method: 'POST', perm: 'DfCluster', run: df },
    { path: /^\/testclusters$/, method: 'POST', perm: 'TestCluster', run: test },
    { path: /^\/failover\/[^/]+$/, method: 'GET', perm: 'CreateFailover', run: failoverTargets },
  ];
}
