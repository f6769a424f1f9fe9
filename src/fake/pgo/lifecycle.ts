// How a fake pgcluster looks in each condition it can be in, and how one is built. Pure state; the fake server
// schedules the transitions on its clock.
import { uuid } from '../kit.js';
import { STATE } from './spec.js';
import { MESSAGES, shutdownMessage, type FakePgCluster, type FakePod } from './model.js';

/** Conditions a test or the demo can put a cluster in directly. */
export type PgoCondition =
  | 'created' // pgcluster Created, pods Pending
  | 'processed' // pgcluster Processed, pods Pending
  | 'ready' // Initialized, every pod Running and Ready
  | 'degraded' // Initialized, a replica not Ready
  | 'restoring' // pgcluster Restoring
  | 'shutting-down' // spec.shutdown set, not yet processed
  | 'shutdown' // pgcluster Shutdown, no pods
  | 'unknown'; // a state 4.3 never sends (as a newer operator would)

export const CONDITIONS: readonly PgoCondition[] = ['ready', 'degraded', 'created', 'processed', 'restoring', 'shutting-down', 'shutdown', 'unknown'];

export interface ClusterInit {
  name: string;
  namespace?: string;
  condition?: PgoCondition;
  replicas?: number;
  imageTag?: string;
  cpu?: string;
  memory?: string;
  pvcSize?: string;
  user?: string;
  database?: string;
  serviceType?: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
  pgbouncer?: boolean;
  autofail?: boolean;
  sync?: boolean | null;
  createdAt?: string;
  pgouser?: string;
}

const alnum = 'bcdfghjklmnpqrstvwxz2456789';
function suffix(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => alnum[Math.floor(rand() * alnum.length)]).join('');
}

function ip(rand: () => number, first: number, secondBase: number): string {
  return `${first}.${secondBase + Math.floor(rand() * 8)}.${Math.floor(rand() * 255)}.${1 + Math.floor(rand() * 253)}`;
}

export function buildCluster(init: ClusterInit, rand: () => number, now: number, serverVersion: string): FakePgCluster {
  const replicas = init.replicas ?? 1;
  const c: FakePgCluster = {
    name: init.name,
    namespace: init.namespace ?? 'pgo',
    uid: uuid(rand),
    workflowId: uuid(rand),
    resourceVersion: 40000 + Math.floor(rand() * 10000),
    createdAt: init.createdAt ?? new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    pgouser: init.pgouser ?? 'admin',
    imageTag: init.imageTag ?? `centos7-12.2-${serverVersion}`,
    cpu: init.cpu ?? '',
    memory: init.memory ?? '',
    pvcSize: init.pvcSize ?? '',
    replicaNames: Array.from({ length: replicas }, () => `${init.name}-${suffix(rand, 4)}`),
    user: init.user ?? 'testuser',
    database: init.database ?? init.name,
    serviceType: init.serviceType ?? 'ClusterIP',
    autofail: init.autofail ?? true,
    pgbouncer: init.pgbouncer ?? false,
    sync: init.sync ?? null,
    state: STATE.created,
    message: MESSAGES.created,
    shutdown: false,
    pods: [],
    clusterIP: ip(rand, 10, 96),
    replicaIP: ip(rand, 10, 96),
    bouncerIP: ip(rand, 10, 96),
    repoIP: ip(rand, 10, 96),
    externalIP: `34.${Math.floor(rand() * 200) + 10}.${Math.floor(rand() * 255)}.${1 + Math.floor(rand() * 253)}`,
    gen: 0,
  };
  c.pods = podsFor(c, rand);
  setCondition(c, init.condition ?? 'ready');
  return c;
}

function podsFor(c: FakePgCluster, rand: () => number): FakePod[] {
  const node = () => `node0${1 + Math.floor(rand() * 3)}`;
  const pod = (deployment: string, type: FakePod['type'], pvc?: string): FakePod => ({
    name: `${deployment}-${suffix(rand, 10)}-${suffix(rand, 5)}`,
    type,
    phase: 'Running',
    ready: true,
    node: node(),
    pvc,
  });
  return [
    pod(c.name, 'primary', c.name),
    ...c.replicaNames.map((r) => pod(r, 'replica', r)),
    ...(c.pgbouncer ? [pod(`${c.name}-pgbouncer`, 'pgbouncer')] : []),
  ];
}

/** Recreates the pods after a startup (they were scaled to zero by the shutdown). */
export function restorePods(c: FakePgCluster, rand: () => number): void {
  c.pods = podsFor(c, rand);
}

function setPods(c: FakePgCluster, phase: string, ready: (p: FakePod) => boolean): void {
  for (const p of c.pods) {
    p.phase = phase;
    p.ready = ready(p);
  }
}

export function setCondition(c: FakePgCluster, condition: PgoCondition): void {
  c.gen++;
  c.resourceVersion++;
  c.shutdown = condition === 'shutting-down' || condition === 'shutdown';
  switch (condition) {
    case 'created':
    case 'processed':
      c.state = condition === 'created' ? STATE.created : STATE.processed;
      c.message = condition === 'created' ? MESSAGES.created : MESSAGES.processed;
      setPods(c, 'Pending', () => false);
      break;
    case 'ready':
    case 'shutting-down':
      c.state = STATE.initialized;
      c.message = MESSAGES.initialized;
      setPods(c, 'Running', () => true);
      break;
    case 'degraded':
      c.state = STATE.initialized;
      c.message = MESSAGES.initialized;
      // The primary serves; the replicas (or, without replicas, the primary itself) are not Ready.
      setPods(c, 'Running', (p) => (c.replicaNames.length > 0 ? p.type !== 'replica' : false));
      break;
    case 'restoring':
      c.state = STATE.restoring;
      c.message = MESSAGES.restoring;
      setPods(c, 'Pending', () => false);
      break;
    case 'shutdown':
      c.state = STATE.shutdown;
      c.message = shutdownMessage(c);
      c.pods = [];
      break;
    case 'unknown':
      c.state = 'pgcluster Bootstrapping';
      c.message = 'Cluster is being bootstrapped';
      setPods(c, 'Pending', () => false);
      break;
  }
}

const NAMES = ['hippo', 'rhino', 'orca', 'lynx', 'heron', 'bison', 'otter', 'koala', 'yak', 'ibis', 'tapir', 'gecko'];

/** Deterministic cluster definitions: cycles through every condition, image and size. */
export function seedInits(count: number, rand: () => number, serverVersion: string, namespace: string): ClusterInit[] {
  const tags = ['12.2', '11.7', '10.12'].map((v) => `centos7-${v}-${serverVersion}`);
  const sizes = [
    ['500m', '1Gi', '10Gi'],
    ['1', '2Gi', '50Gi'],
    ['250m', '512Mi', '5Gi'],
  ] as const;
  return Array.from({ length: count }, (_, i) => {
    const size = sizes[i % sizes.length]!;
    const base = NAMES[i % NAMES.length]!;
    const name = i < NAMES.length ? base : `${base}-${Math.floor(i / NAMES.length)}`;
    return {
      name,
      namespace,
      condition: CONDITIONS[i % CONDITIONS.length],
      replicas: Math.floor(rand() * 3),
      imageTag: tags[Math.floor(rand() * tags.length)],
      cpu: size[0],
      memory: size[1],
      pvcSize: size[2],
      user: name.replace(/-/g, '_'),
      database: name.replace(/-/g, '_'),
      serviceType: rand() < 0.25 ? 'LoadBalancer' : 'ClusterIP',
      pgbouncer: rand() < 0.3,
      createdAt: new Date(Date.UTC(2020, 5, 1) + Math.floor(rand() * 90 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  });
}
