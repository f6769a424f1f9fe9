// pgo 4.3 apiserver: /df, /testclusters and GET /failover/{name}, decoded into src/api/core/insight.ts shapes.
// Wire shapes: apiservermsgs DfResponse, ClusterTestResponse and QueryFailoverResponse (embedded Status → Code/Msg).
import * as z from 'zod';
import { ApiError } from '../core/errors.js';
import type { DiskUsage, FailoverTarget, ReachCheck } from '../core/insight.js';

const status = { Code: z.string(), Msg: z.string().optional() };
const MAX = 10_000;

const dfResponse = z.lazy(() => z.looseObject({
  ...status,
  Results: z.array(z.looseObject({
    InstanceName: z.string().optional(), PodName: z.string().optional(), PVCType: z.number().optional(), PVCName: z.string().optional(),
    PVCUsed: z.number().optional(), PVCCapacity: z.number().optional(),
  })).max(MAX).nullish(),
}));
const KINDS = ['data', 'backups', 'tablespace', 'wal'];

const detail = z.lazy(() => z.looseObject({ Available: z.boolean().optional(), Message: z.string().optional(), InstanceType: z.string().optional() }));
const testResponse = z.lazy(() => z.looseObject({
  ...status,
  Results: z.array(z.looseObject({ ClusterName: z.string().optional(), Endpoints: z.array(detail).max(MAX).nullish(), Instances: z.array(detail).max(MAX).nullish() })).max(MAX).nullish(),
}));

const failoverResponse = z.lazy(() => z.looseObject({
  ...status,
  Results: z.array(z.looseObject({
    Name: z.string().optional(), Node: z.string().optional(), ReplicationLag: z.number().optional(), Status: z.string().optional(),
    Timeline: z.number().optional(), PendingRestart: z.boolean().optional(),
  })).max(MAX).nullish(),
}));

function parse<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(`${what}: unexpected answer from the apiserver`, { kind: 'malformed', status: 200 });
  return r.data;
}

export function decodeDf(body: unknown): { status: { Code: string; Msg: string }; rows: DiskUsage[] } {
  const d = parse(dfResponse, body, 'df');
  const rows = (d.Results ?? []).map((r) => ({
    instance: r.InstanceName ?? '', pod: r.PodName ?? '', kind: KINDS[r.PVCType ?? 0] ?? 'unknown', volume: r.PVCName ?? '',
    usedBytes: r.PVCUsed ?? 0, capacityBytes: r.PVCCapacity ?? 0,
  }));
  return { status: { Code: d.Code, Msg: d.Msg ?? '' }, rows };
}

export function decodeTest(body: unknown, cluster: string): { status: { Code: string; Msg: string }; checks: ReachCheck[] } {
  const d = parse(testResponse, body, 'testclusters');
  const mine = (d.Results ?? []).filter((r) => r.ClusterName === cluster);
  const checks: ReachCheck[] = [];
  for (const r of mine) {
    for (const i of r.Instances ?? []) checks.push({ what: 'instance', role: i.InstanceType ?? 'unknown', name: i.Message ?? '', available: i.Available === true });
    for (const e of r.Endpoints ?? []) checks.push({ what: 'endpoint', role: e.InstanceType ?? 'unknown', name: e.Message ?? '', available: e.Available === true });
  }
  return { status: { Code: d.Code, Msg: d.Msg ?? '' }, checks };
}

export function decodeFailoverTargets(body: unknown): { status: { Code: string; Msg: string }; targets: FailoverTarget[] } {
  const d = parse(failoverResponse, body, 'failover');
  return {
    status: { Code: d.Code, Msg: d.Msg ?? '' },
    targets: (d.Results ?? []).map((t) => ({
      name: t.Name ?? '', node: t.Node, lagMB: t.ReplicationLag, status: t.Status ?? 'unknown', timeline: t.Timeline, pendingRestart: t.PendingRestart,
    })),
  };
}
