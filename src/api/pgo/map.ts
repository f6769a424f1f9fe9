// From a ShowClusterDetail to pgtui's Cluster, including the phase rules of docs/phases.md.
import type { Cluster, Phase } from '../core/types.js';
import { STATE, type ShowClusterDetail, type ShowClusterService } from './wire.js';

/**
 * PGO 4.3 has no failed state; health is the pods'. `deleting` is ours: the apiserver deletes asynchronously and
 * keeps showing the cluster for a while. A requested shutdown/startup not yet processed counts as updating.
 */
export function pgoPhase(detail: ShowClusterDetail, deleteRequested: boolean): Phase {
  if (deleteRequested) return 'deleting';
  const state = detail.cluster?.status?.state ?? '';
  const shutdownWanted = detail.cluster?.spec?.shutdown === true;
  switch (state) {
    case STATE.created:
    case STATE.processed:
      return 'creating';
    case STATE.restoring:
      return 'updating';
    case STATE.shutdown:
      return shutdownWanted ? 'stopped' : 'updating';
    case STATE.initialized: {
      if (shutdownWanted) return 'updating';
      const pods = (detail.Pods ?? []).filter((p) => p.Type === 'primary' || p.Type === 'replica');
      if (pods.length === 0) return 'degraded';
      return pods.every((p) => p.Ready && p.Phase === 'Running') ? 'ready' : 'degraded';
    }
    default:
      return 'unknown';
  }
}

/** "centos7-12.2-4.3.0" → "12.2"; "centos7-12.2-3.0-4.3.0" (PostGIS) → "12.2". */
export function postgresVersionFromTag(tag: string | undefined): string | undefined {
  const m = /^[a-z0-9]+-(\d+(?:\.\d+)*)-/i.exec(tag ?? '');
  return m?.[1];
}

/** The primary's Service: the one named after the cluster (not pgbouncer, not the backrest repo). */
export function primaryService(detail: ShowClusterDetail): ShowClusterService | undefined {
  const name = detail.cluster?.metadata?.name;
  const services = (detail.Services ?? []).filter((s) => !s.Pgbouncer && !s.BackrestRepo);
  return services.find((s) => s.Name === name) ?? services.find((s) => !s.Name.endsWith('-replica'));
}

export function primaryHost(detail: ShowClusterDetail): { host?: string; external: boolean } {
  const svc = primaryService(detail);
  if (!svc) return { external: false };
  if (svc.ExternalIP) return { host: svc.ExternalIP, external: true };
  return { host: svc.ClusterIP && svc.ClusterIP !== 'None' ? svc.ClusterIP : undefined, external: false };
}

/** The CR's state without the "pgcluster " every 4.3 state starts with ("pgcluster Initialized" → "Initialized"). */
export const stateWord = (state: string | undefined): string => (state || '(no status yet)').replace(/^pgcluster\s+/i, '');

export function toCluster(detail: ShowClusterDetail, profile: string, deleteRequested: boolean): Cluster {
  const pg = detail.cluster;
  const spec = pg.spec ?? ({} as ShowClusterDetail['cluster']['spec']);
  const name = pg.metadata?.name ?? spec.clustername ?? spec.name;
  const replicas = Number.parseInt(String(spec.replicas ?? ''), 10);
  const cpu = spec.resources?.cpu;
  const memory = spec.resources?.memory;
  const size = [cpu && `${cpu} CPU`, memory && `${memory} RAM`].filter(Boolean).join(', ');
  const port = Number.parseInt(String(spec.port ?? ''), 10);
  const { host } = primaryHost(detail);
  return {
    profile,
    provider: 'pgo',
    id: name,
    name,
    phase: pgoPhase(detail, deleteRequested),
    state: stateWord(pg.status?.state),
    stateMessage: pg.status?.message || undefined,
    version: postgresVersionFromTag(spec.ccpimagetag),
    location: pg.metadata?.namespace ?? spec.namespace,
    size: size || undefined,
    storage: spec.PrimaryStorage?.size || undefined,
    instances: 1 + (Number.isFinite(replicas) ? replicas : (detail.Replicas ?? []).length),
    host,
    port: Number.isFinite(port) ? port : undefined,
    database: spec.database || undefined,
    user: spec.user || undefined,
    createdAt: pg.metadata?.creationTimestamp,
    raw: detail,
  };
}

/** RFC 1918, CGNAT (kube service CIDRs sometimes live there), loopback-free; IPv6 ULA. */
export function isPrivateAddress(host: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^f[cd][0-9a-f]{2}:/i.test(host);
}
