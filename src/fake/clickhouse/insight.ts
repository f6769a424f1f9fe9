// The ClickHouse fake's /logs, /metrics, /prometheus and /slowQueryPatterns (spec: PostgresLogEntry,
// PostgresMetrics, PostgresSlowQueryPattern[Detail]), served from src/fake/insight/synthetic.ts.
import { HttpFail } from './errors.js';
import { isoTime } from './model.js';
import { METRICS, SLOW_PATTERNS, logsBetween, metricValue, patternId, syntheticHash, type SyntheticLog } from '../insight/synthetic.js';

const DAY = 86_400_000;
/** Spec: logs and slow queries cover at most 30 days; metrics at most 250 points per series. */
export const LOG_WINDOW_MAX_MS = 30 * DAY;
export const LOG_LIMIT_MAX = 2000;
export const METRIC_POINTS_MAX = 250;
export const SLOW_LIMIT_MAX = 500;

export interface ExtraLog {
  at: number;
  severity: string;
  body: string;
}

function date(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name);
  if (v === null) return fallback;
  const t = Date.parse(v);
  if (!/^\d{4}-\d\d-\d\dT/.test(v) || Number.isNaN(t)) throw new HttpFail(400, `${name} must be an RFC 3339 date-time`);
  return t;
}

function int(q: URLSearchParams, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = q.get(name);
  if (v === null) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new HttpFail(400, `${name} must be an integer between ${min} and ${max}`);
  return n;
}

function order(q: URLSearchParams): 'asc' | 'desc' {
  const v = q.get('sort_order') ?? 'desc';
  if (v !== 'asc' && v !== 'desc') throw new HttpFail(400, 'sort_order must be asc or desc');
  return v;
}

function window(q: URLSearchParams, now: number, defaultMs: number): [number, number] {
  const to = Math.min(date(q, 'to_date', now), now);
  const from = date(q, 'from_date', to - defaultMs);
  if (from > to) throw new HttpFail(400, 'from_date must be before to_date');
  if (to - from > LOG_WINDOW_MAX_MS) throw new HttpFail(400, 'The time window must not exceed 30 days');
  return [from, to];
}

export function logs(id: string, q: URLSearchParams, now: number, extra: readonly ExtraLog[]): unknown[] {
  const [from, to] = window(q, now, DAY);
  const dir = order(q);
  const limit = int(q, 'limit', 50, 1, LOG_LIMIT_MAX);
  const offset = int(q, 'offset', 0, 0);
  const contains = q.get('body_contains');
  const severity = q.get('severity');
  const keep = (l: Pick<SyntheticLog, 'severity' | 'body'>) => (!contains || l.body.includes(contains)) && (!severity || l.severity === severity.toUpperCase());
  const synthetic: ExtraLog[] = logsBetween(id, from, to, dir, offset + limit, keep).map((l) => ({ at: l.at, severity: l.severity, body: l.body }));
  const injected = extra.filter((l) => l.at >= from && l.at <= to && keep(l as SyntheticLog));
  const all = synthetic.concat(injected).sort((a, b) => (dir === 'asc' ? a.at - b.at : b.at - a.at));
  return all.slice(offset, offset + limit).map((l) => ({ timestamp: new Date(l.at).toISOString(), severity: l.severity, body: l.body }));
}

export function metrics(id: string, q: URLSearchParams, now: number): unknown {
  const to = Math.min(date(q, 'to_date', now), now);
  const from = date(q, 'from_date', to - 3_600_000);
  if (from >= to) throw new HttpFail(400, 'from_date must be before to_date');
  const span = (to - from) / 1000;
  const bucket = int(q, 'bucket_size_seconds', Math.max(60, Math.ceil(span / METRIC_POINTS_MAX)), 1);
  const count = Math.min(METRIC_POINTS_MAX, Math.ceil(span / bucket));
  const start = Math.floor(to / 1000 / bucket) * bucket - (count - 1) * bucket;
  return {
    metrics: METRICS.map((def) => ({
      key: def.key,
      name: def.name,
      unit: def.unit,
      description: def.description,
      series: def.series.map((s) => ({
        label: s.label,
        dataPoints: Array.from({ length: count }, (_, i) => ({ timestamp: start + i * bucket, value: metricValue(id, def, s, (start + i * bucket) * 1000) })),
      })),
    })),
  };
}

export function prometheus(id: string, now: number): string {
  const lines: string[] = [];
  for (const def of METRICS) {
    const name = `pg_${def.key}${def.unit === '%' ? '_percent' : def.unit === 'bytes' ? '_bytes' : ''}`;
    lines.push(`# HELP ${name} ${def.description}`, `# TYPE ${name} gauge`);
    for (const s of def.series) lines.push(`${name}{postgres_id="${id}",label="${s.label}"} ${metricValue(id, def, s, now)}`);
  }
  return `${lines.join('\n')}\n`;
}

const SORT_FIELDS: Record<string, string> = {
  total_duration: 'totalDurationUs', avg_duration: 'avgDurationUs', call_count: 'callCount', total_blks_read: 'totalSharedBlksRead',
  total_cpu_time: 'totalCpuTimeUs', error_count: 'errorCount', max_duration: 'maxDurationUs', p50_duration: 'p50DurationUs',
  p95_duration: 'p95DurationUs', p99_duration: 'p99DurationUs', total_rows: 'totalRows', total_shared_blks_hit: 'totalSharedBlksHit', total_wal_bytes: 'totalWalBytes',
};

function aggregate(id: string, i: number, hours: number): Record<string, string | number> {
  const p = SLOW_PATTERNS[i]!;
  const jitter = 0.8 + (syntheticHash(id, i) % 400) / 1000;
  const calls = Math.max(1, Math.round(p.perHour * hours * jitter));
  const avg = Math.round(p.avgUs * jitter);
  return {
    queryId: patternId(i), queryText: p.queryText, dbName: 'postgres', dbUser: p.dbUser, dbOperation: p.dbOperation, app: p.app,
    callCount: calls, errorCount: Math.floor((calls * p.errorsPerMille) / 1000), totalDurationUs: calls * avg, avgDurationUs: avg,
    maxDurationUs: avg * 6, p50DurationUs: Math.round(avg * 0.7), p95DurationUs: Math.round(avg * 2.4), p99DurationUs: Math.round(avg * 4.1),
    totalRows: calls * (1 + (syntheticHash(p.queryText, 3) % 200)), totalSharedBlksRead: calls * (syntheticHash(p.queryText, 4) % 90),
    totalSharedBlksHit: calls * (200 + (syntheticHash(p.queryText, 5) % 4000)), totalCpuTimeUs: Math.round(calls * avg * 0.6),
    totalWalBytes: p.dbOperation === 'SELECT' ? 0 : calls * 180,
  };
}

export function slowPatterns(id: string, q: URLSearchParams, now: number): unknown[] {
  const [from, to] = window(q, now, DAY);
  const sortBy = q.get('sort_by') ?? 'total_duration';
  const field = SORT_FIELDS[sortBy];
  if (!field) throw new HttpFail(400, `sort_by must be one of ${Object.keys(SORT_FIELDS).join(', ')}`);
  const dir = order(q);
  const limit = int(q, 'limit', 20, 1, SLOW_LIMIT_MAX);
  const offset = int(q, 'offset', 0, 0);
  const hours = (to - from) / 3_600_000;
  const filters: Array<[string, string]> = [['db_name', 'dbName'], ['db_user', 'dbUser'], ['db_operation', 'dbOperation'], ['app', 'app']];
  const rows = SLOW_PATTERNS.map((_, i) => aggregate(id, i, hours))
    .filter((r) => (r.callCount as number) > 0 && hours > 0)
    .filter((r) => filters.every(([param, key]) => q.get(param) === null || r[key] === q.get(param)));
  rows.sort((a, b) => ((a[field] as number) - (b[field] as number)) * (dir === 'asc' ? 1 : -1));
  return rows.slice(offset, offset + limit);
}

/** The spec requires db_name, db_user and db_operation: a pattern is one query under one database, user and operation. */
export function slowPattern(id: string, queryId: string, q: URLSearchParams, now: number): unknown {
  const missing = ['db_name', 'db_user', 'db_operation'].filter((p) => !q.get(p));
  if (missing.length) throw new HttpFail(400, `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required`);
  const i = SLOW_PATTERNS.findIndex((_, k) => patternId(k) === queryId);
  if (i < 0) throw new HttpFail(404, `Query pattern ${queryId} not found`);
  const agg = aggregate(id, i, 24);
  if (agg.dbName !== q.get('db_name') || agg.dbUser !== q.get('db_user') || agg.dbOperation !== q.get('db_operation')) throw new HttpFail(404, `Query pattern ${queryId} not found`);
  const recentExecutions = Array.from({ length: 5 }, (_, k) => {
    const d = Math.round((agg.avgDurationUs as number) * (0.5 + (syntheticHash(id, i * 10 + k) % 1000) / 1000));
    return {
      timestamp: isoTime(now - (k + 1) * 731_000), queryId, dbName: 'postgres', dbUser: agg.dbUser, dbOperation: agg.dbOperation, app: agg.app,
      queryText: agg.queryText, pid: String(2000 + (syntheticHash(id, k) % 30000)), durationUs: d, rows: 1 + (syntheticHash(id, k + 1) % 500),
      sharedBlksHit: 1200, sharedBlksRead: 40, sharedBlksWritten: 0, sharedBlksDirtied: 2, sharedBlkReadTimeUs: 3100, sharedBlkWriteTimeUs: 0,
      localBlksHit: 0, localBlksRead: 0, localBlksWritten: 0, localBlksDirtied: 0, tempBlksRead: 0, tempBlksWritten: 0, tempBlkReadTimeUs: 0,
      tempBlkWriteTimeUs: 0, walRecords: 0, walBytes: 0, walFpi: 0, cpuUserTimeUs: Math.round(d * 0.5), cpuSysTimeUs: Math.round(d * 0.1),
      jitFunctions: 0, jitGenerationTimeUs: 0, jitInliningTimeUs: 0, jitOptimizationTimeUs: 0, jitEmissionTimeUs: 0, jitDeformTimeUs: 0,
      parallelWorkersPlanned: 0, parallelWorkersLaunched: 0, serverRole: 'primary',
    };
  });
  return { aggregate: agg, recentExecutions };
}
