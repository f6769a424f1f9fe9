// The fake apiserver's view of one pgcluster and its pods/services, and how it renders as a ShowClusterDetail
// (key names, order and casing as the 4.3.0 apiserver encodes them).
import type { ShowClusterDetail, ShowClusterPod, ShowClusterService } from '../../api/pgo/wire.js';

export type PodType = 'primary' | 'replica' | 'pgbouncer';

export interface FakePod {
  name: string;
  type: PodType;
  phase: string; // Kubernetes pod phase
  ready: boolean;
  node: string;
  pvc?: string;
}

export interface FakePgCluster {
  name: string;
  namespace: string;
  uid: string;
  workflowId: string;
  resourceVersion: number;
  createdAt: string;
  pgouser: string;
  imageTag: string;
  cpu: string;
  memory: string;
  pvcSize: string;
  replicaNames: string[];
  user: string;
  database: string;
  serviceType: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
  autofail: boolean;
  pgbouncer: boolean;
  sync: boolean | null;
  state: string;
  message: string;
  shutdown: boolean;
  pods: FakePod[];
  clusterIP: string;
  replicaIP: string;
  bouncerIP: string;
  repoIP: string;
  externalIP: string;
  /** Bumped on every lifecycle change so stale scheduled transitions do nothing. */
  gen: number;
  /** The demo's overdue backup: the newest scheduled incremental is this many days old (src/fake/demo-seed.ts). */
  backupsStoppedDaysAgo?: number;
}

export const MESSAGES = {
  created: 'Created, not processed yet',
  processed: 'Successfully processed Pgcluster by controller',
  initialized: 'Cluster has been initialized',
  restoring: 'Cluster is being restored',
} as const;

export function shutdownMessage(c: FakePgCluster): string {
  const services = [`${c.name}-backrest-shared-repo`, ...(c.pgbouncer ? [`${c.name}-pgbouncer`] : [])];
  return `Database shutdown along with the following services: [${services.join(' ')}]`;
}

function storage(name: string, size: string, storageclass = 'standard'): Record<string, string> {
  return {
    name,
    storageclass: size ? storageclass : '',
    accessmode: size ? 'ReadWriteOnce' : '',
    size,
    storagetype: size ? 'dynamic' : '',
    supplementalgroups: '',
    matchLabels: '',
  };
}

function pgVersionTag(tag: string): string {
  return tag.split('-').at(-1) ?? '';
}

export function renderDetail(c: FakePgCluster): ShowClusterDetail {
  const operatorVersion = pgVersionTag(c.imageTag);
  const resources: Record<string, string> = {};
  if (c.cpu) resources.cpu = c.cpu;
  if (c.memory) resources.memory = c.memory;
  const labels: Record<string, string> = {
    autofail: String(c.autofail),
    'crunchy-pgbadger': 'false',
    'crunchy-pgha-scope': c.name,
    crunchy_collect: 'false',
    'deployment-name': c.name,
    name: c.name,
    'pg-cluster': c.name,
    'pg-pod-anti-affinity': '',
    'pgo-backrest': 'true',
    'pgo-version': operatorVersion,
    pgouser: c.pgouser,
    workflowid: c.workflowId,
  };
  if (c.serviceType !== 'ClusterIP') labels['service-type'] = c.serviceType;
  // Go encodes maps with sorted keys.
  const sortedLabels = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const cluster = {
    kind: 'Pgcluster',
    apiVersion: 'crunchydata.com/v1',
    metadata: {
      name: c.name,
      namespace: c.namespace,
      selfLink: `/apis/crunchydata.com/v1/namespaces/${c.namespace}/pgclusters/${c.name}`,
      uid: c.uid,
      resourceVersion: String(c.resourceVersion),
      generation: 1,
      creationTimestamp: c.createdAt,
      labels: sortedLabels,
      annotations: { 'current-primary': c.name, 'primary-deployment': c.name },
    },
    spec: {
      namespace: c.namespace,
      name: c.name,
      clustername: c.name,
      policies: '',
      ccpimage: 'crunchy-postgres-ha',
      ccpimagetag: c.imageTag,
      ccpimageprefix: 'registry.developers.crunchydata.com/crunchydata',
      pgoimageprefix: 'registry.developers.crunchydata.com/crunchydata',
      port: '5432',
      pgbadgerport: '10000',
      exporterport: '9187',
      PrimaryStorage: storage(c.name, c.pvcSize),
      WALStorage: storage('', ''),
      ArchiveStorage: storage('', ''),
      ReplicaStorage: storage('', c.pvcSize),
      BackrestStorage: storage('', '1G'),
      resources,
      enableMemoryLimit: false,
      backrestResources: { memory: '48Mi' },
      enableBackrestMemoryLimit: false,
      pgBouncer: { enableMemoryLimit: false, replicas: c.pgbouncer ? 1 : 0, resources: {} },
      primaryhost: c.name,
      user: c.user,
      database: c.database,
      replicas: String(c.replicaNames.length),
      secretfrom: '',
      usersecretname: `${c.name}-${c.user}-secret`,
      rootsecretname: `${c.name}-postgres-secret`,
      primarysecretname: `${c.name}-primaryuser-secret`,
      collectSecretName: `${c.name}-collect-secret`,
      status: '',
      customconfig: '',
      userlabels: { crunchy_collect: 'false', 'pg-pod-anti-affinity': '', 'pgo-version': operatorVersion, workflowid: c.workflowId },
      podAntiAffinity: { default: '', pgBackRest: '', pgBouncer: '' },
      syncReplication: c.sync,
      backrestS3Bucket: '',
      backrestS3Region: '',
      backrestS3Endpoint: '',
      backrestRepoPath: '',
      tablespaceMounts: {},
      tls: { caSecret: '', tlsSecret: '' },
      tlsOnly: false,
      standby: false,
      shutdown: c.shutdown,
    },
    status: { state: c.state, message: c.message },
  };
  const deployments = [c.name, `${c.name}-backrest-shared-repo`, ...c.replicaNames, ...(c.pgbouncer ? [`${c.name}-pgbouncer`] : [])];
  return {
    cluster: cluster as unknown as ShowClusterDetail['cluster'],
    Deployments: deployments.map((Name) => ({ Name, PolicyLabels: [] })),
    Pods: c.pods.map(renderPod),
    Services: renderServices(c),
    Replicas: c.replicaNames.map((Name) => ({ Name })),
    Standby: false,
  };
}

function renderPod(p: FakePod): ShowClusterPod {
  return {
    Name: p.name,
    Phase: p.phase,
    NodeName: p.phase === 'Pending' ? '' : p.node,
    PVCName: p.pvc ? { pgdata: p.pvc } : {},
    ReadyStatus: p.ready ? '1/1' : '0/1',
    Ready: p.ready,
    Primary: p.type === 'primary',
    Type: p.type,
  };
}

function service(Name: string, ClusterIP: string, extra: Partial<ShowClusterService> = {}): ShowClusterService {
  return { Name, Data: '', ClusterIP, ExternalIP: '', ClusterName: '', Pgbouncer: false, BackrestRepo: false, ...extra };
}

function renderServices(c: FakePgCluster): ShowClusterService[] {
  const external = c.serviceType === 'LoadBalancer' ? c.externalIP : '';
  const out = [service(c.name, c.clusterIP, { ExternalIP: external })];
  if (c.replicaNames.length > 0) out.push(service(`${c.name}-replica`, c.replicaIP, { ExternalIP: external ? bumpIp(external) : '' }));
  out.push(service(`${c.name}-backrest-shared-repo`, c.repoIP, { ClusterName: c.name, BackrestRepo: true }));
  if (c.pgbouncer) out.push(service(`${c.name}-pgbouncer`, c.bouncerIP, { ClusterName: c.name, Pgbouncer: true }));
  return out;
}

function bumpIp(ip: string): string {
  const parts = ip.split('.');
  parts[3] = String((Number(parts[3]) + 1) % 255);
  return parts.join('.');
}

/** Go's json.Encoder: HTML-safe escapes and a trailing newline. */
export function goJson(value: unknown): string {
  return (
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029') + '\n'
  );
}
