// The IONOS v1 fake's GET /clusters/{id}/logs (spec: ClusterLogs): per-instance messages in PostgreSQL's own
// log_line_prefix format, from src/fake/insight/synthetic.ts.
import { HttpFail } from '../ionos-shared/errors.js';
import { logsBetween } from '../insight/synthetic.js';

export const LOGS_MAX_AGE_MS = 30 * 86_400_000;
export const LOGS_LIMIT_MAX = 5000;

export interface ExtraMessage {
  instance: number;
  at: number;
  message: string;
}

function time(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null) return undefined;
  const t = Date.parse(v);
  if (!/^\d{4}-\d\d-\d\dT/.test(v) || Number.isNaN(t)) throw new HttpFail(400, `${name} must be an RFC 3339 date-time`);
  return t;
}

function pgTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

export function clusterLogs(cluster: { id: string; properties: { instances: number } }, q: URLSearchParams, now: number, extra: readonly ExtraMessage[]): unknown {
  const end = time(q, 'end') ?? now;
  const start = time(q, 'start') ?? now - LOGS_MAX_AGE_MS;
  // A little slack: a client computing "30 days ago" a moment before the request must not be refused.
  if (start < now - LOGS_MAX_AGE_MS - 60_000) throw new HttpFail(422, 'start must not be more than 30 days ago');
  if (end > now + 60_000) throw new HttpFail(422, 'end must not be in the future');
  if (start >= end) throw new HttpFail(422, 'start must be before end');
  const direction = q.get('direction') ?? 'BACKWARD';
  if (direction !== 'BACKWARD' && direction !== 'FORWARD') throw new HttpFail(422, 'direction must be BACKWARD or FORWARD');
  const rawLimit = q.get('limit');
  const limit = rawLimit === null ? 100 : Number(rawLimit);
  if (!/^\d+$/.test(rawLimit ?? '100') || limit < 1 || limit > LOGS_LIMIT_MAX) throw new HttpFail(422, `limit must be between 1 and ${LOGS_LIMIT_MAX}`);
  const order = direction === 'FORWARD' ? 'asc' : 'desc';
  const instances = Array.from({ length: Math.max(1, cluster.properties.instances) }, (_, i) => {
    const synthetic = logsBetween(`${cluster.id}/${i}`, start, end, order, limit, () => true).map((l) => ({
      at: l.at,
      message: `${pgTime(l.at)} [${l.pid}] ${l.severity}:  ${l.body}`,
    }));
    const mine = extra.filter((m) => m.instance === i && m.at >= start && m.at <= end);
    const all = synthetic.concat(mine).sort((a, b) => (order === 'asc' ? a.at - b.at : b.at - a.at)).slice(0, limit);
    return { name: `postgres-${cluster.id.slice(0, 8)}-${i}`, messages: all.map((m) => ({ time: new Date(m.at).toISOString(), message: m.message })) };
  });
  return { instances };
}
