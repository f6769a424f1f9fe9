// ClickHouse Cloud's view inside a service (spec 2026-09: /logs, /metrics, /slowQueryPatterns, /config):
// wire decoding and the mapping onto src/api/core/insight.ts, plus the typed pgConfig keys for `pgtui config --set`.
import * as z from 'zod';
import { ApiError } from '../core/errors.js';
import type { LogLine, MetricSeries, QueryExecution, SettingKind, SettingSpec, SlowQuery, SlowQueryDetail } from '../core/insight.js';

/** Spec limits: logs 1–2000 per request and a window of at most 30 days; slow patterns 1–500. */
export const LOGS_PAGE_MAX = 2000;
export const WINDOW_MAX_MS = 30 * 86_400_000;
export const SLOW_LIMIT = 100;
/** Metrics answer at most 250 points per series. */
export const METRIC_POINTS_MAX = 250;

const envelope = <T extends z.ZodType>(result: T) => z.looseObject({ result });

const logEntry = z.lazy(() => z.looseObject({ timestamp: z.string(), severity: z.string().optional(), body: z.string() }));
const logsBody = z.lazy(() => envelope(z.array(z.unknown())));

/** Lines it cannot read are skipped and counted; the rest come back in the server's order. */
export function decodeLogs(body: unknown): { lines: LogLine[]; bad: number } {
  const parsed = logsBody.safeParse(body);
  if (!parsed.success) throw new ApiError('unexpected logs response from ClickHouse Cloud', { kind: 'malformed' });
  const lines: LogLine[] = [];
  let bad = 0;
  for (const item of parsed.data.result) {
    const e = logEntry.safeParse(item);
    const t = e.success ? Date.parse(e.data.timestamp) : Number.NaN;
    if (!e.success || Number.isNaN(t)) bad++;
    else lines.push({ at: new Date(t).toISOString(), severity: (e.data.severity ?? '').toUpperCase(), message: e.data.body });
  }
  return { lines, bad };
}

const point = z.lazy(() => z.looseObject({ timestamp: z.number(), value: z.number() }));
const metric = z.lazy(() => z.looseObject({
  key: z.string(),
  name: z.string().optional(),
  unit: z.string().optional(),
  series: z.array(z.looseObject({ label: z.string().optional(), dataPoints: z.array(point).max(10_000) })).max(100),
}));
const metricsBody = z.lazy(() => envelope(z.looseObject({ metrics: z.array(z.unknown()).max(1000) })));

/** One MetricSeries per (metric, label); a metric with several labels names each ("Disk IOPS (Reads)"). */
export function decodeMetrics(body: unknown): MetricSeries[] {
  const parsed = metricsBody.safeParse(body);
  if (!parsed.success) throw new ApiError('unexpected metrics response from ClickHouse Cloud', { kind: 'malformed' });
  const out: MetricSeries[] = [];
  for (const item of parsed.data.result.metrics) {
    const m = metric.safeParse(item);
    if (!m.success) continue;
    const several = m.data.series.length > 1;
    for (const s of m.data.series) {
      const label = s.label ?? '';
      out.push({
        key: several && label ? `${m.data.key}/${label}` : m.data.key,
        name: several && label ? `${m.data.name ?? m.data.key} (${label})` : (m.data.name ?? m.data.key),
        unit: m.data.unit ?? '',
        points: s.dataPoints.map((p) => ({ at: p.timestamp * 1000, value: p.value })).sort((a, b) => a.at - b.at),
      });
    }
  }
  return out;
}

const num = z.number().finite();
const pattern = z.lazy(() => z.looseObject({
  queryId: z.string(),
  queryText: z.string(),
  dbName: z.string().optional(),
  dbUser: z.string().optional(),
  dbOperation: z.string().optional(),
  app: z.string().optional(),
  callCount: num,
  errorCount: num.optional(),
  totalDurationUs: num,
  avgDurationUs: num,
  maxDurationUs: num.optional(),
  p95DurationUs: num.optional(),
  totalRows: num.optional(),
}));
const patternsBody = z.lazy(() => envelope(z.array(z.unknown()).max(10_000)));

export function decodeSlowQueries(body: unknown): SlowQuery[] {
  const parsed = patternsBody.safeParse(body);
  if (!parsed.success) throw new ApiError('unexpected slow query response from ClickHouse Cloud', { kind: 'malformed' });
  const out: SlowQuery[] = [];
  for (const item of parsed.data.result) {
    const p = pattern.safeParse(item);
    if (!p.success) continue;
    const d = p.data;
    const ms = (us: number | undefined) => (us === undefined ? undefined : us / 1000);
    out.push({
      id: d.queryId, query: d.queryText, database: d.dbName, user: d.dbUser, operation: d.dbOperation, app: d.app,
      calls: d.callCount, errors: d.errorCount ?? 0, totalMs: d.totalDurationUs / 1000, avgMs: d.avgDurationUs / 1000,
      maxMs: ms(d.maxDurationUs), p95Ms: ms(d.p95DurationUs), rows: d.totalRows,
    });
  }
  return out.sort((a, b) => b.totalMs - a.totalMs);
}

const execution = z.lazy(() => z.looseObject({
  timestamp: z.string(), durationUs: num, rows: num.optional(), dbUser: z.string().optional(), app: z.string().optional(), errMessage: z.string().optional(),
}));
const detailBody = z.lazy(() => envelope(z.looseObject({ aggregate: z.unknown().optional(), recentExecutions: z.array(z.unknown()).max(10_000) })));

export function decodeSlowQueryDetail(body: unknown): SlowQueryDetail {
  const parsed = detailBody.safeParse(body);
  if (!parsed.success) throw new ApiError('unexpected slow query response from ClickHouse Cloud', { kind: 'malformed' });
  const [query] = parsed.data.result.aggregate === undefined ? [] : decodeSlowQueries({ result: [parsed.data.result.aggregate] });
  const recent: QueryExecution[] = [];
  for (const item of parsed.data.result.recentExecutions) {
    const e = execution.safeParse(item);
    const t = e.success ? Date.parse(e.data.timestamp) : Number.NaN;
    if (!e.success || Number.isNaN(t)) continue;
    recent.push({ at: new Date(t).toISOString(), durationMs: e.data.durationUs / 1000, rows: e.data.rows, user: e.data.dbUser, app: e.data.app, error: e.data.errMessage || undefined });
  }
  return { query, recent: recent.sort((a, b) => b.at.localeCompare(a.at)) };
}

function s(key: string, kind: SettingKind, more: Omit<SettingSpec, 'key' | 'kind' | 'group'>): SettingSpec {
  return { key, kind, group: 'postgres', ...more };
}

/** The typed pgConfig keys of the spec (additionalProperties: false), with their types and minimums. */
export const PG_SETTINGS: readonly SettingSpec[] = [
  s('max_connections', 'int', { min: 1, units: true, restart: true, help: 'Sets the maximum number of concurrent connections to the database server.' }),
  s('default_transaction_isolation', 'choice', { choices: ['read committed', 'repeatable read', 'serializable'], help: 'Sets the default transaction isolation level for new transactions.' }),
  s('ssl_min_protocol_version', 'choice', { choices: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], help: 'Sets the minimum SSL/TLS protocol version allowed for client connections.' }),
  s('maintenance_work_mem', 'int', { min: 64, units: true, help: 'Sets the maximum memory to be used for maintenance operations.' }),
  s('work_mem', 'int', { min: 64, units: true, help: 'Sets the amount of memory Postgres will use for internal operations like sorting and hashing as part of executing a query.' }),
  s('effective_cache_size', 'int', { min: 8, units: true, help: 'Sets the planner\'s assumption about the total size of data caches.' }),
  s('random_page_cost', 'number', { min: 0, help: 'Sets the planner\'s estimate of the cost of a non-sequentially-fetched disk page. Lower values (1.1-1.5) are better for SSDs.' }),
  s('effective_io_concurrency', 'int', { min: 0, units: true, help: 'Number of concurrent disk I/O operations the planner expects. Higher values (100-200) benefit SSDs.' }),
  s('max_worker_processes', 'int', { min: 0, units: true, restart: true, help: 'Maximum number of background processes the system can support. Includes parallel query workers, logical replication, and more.' }),
  s('max_parallel_workers', 'int', { min: 0, units: true, help: 'Maximum number of workers that can be used for parallel operations. Cannot exceed max_worker_processes.' }),
  s('max_parallel_workers_per_gather', 'int', { min: 0, units: true, help: 'Maximum number of parallel workers per executor node for parallel queries. Use 0 to disable parallel queries.' }),
  s('max_parallel_maintenance_workers', 'int', { min: 0, units: true, help: 'Maximum number of parallel workers for maintenance operations like CREATE INDEX and VACUUM.' }),
  s('statement_timeout', 'int', { min: 0, units: true, help: 'Abort any statement that runs longer than the specified time. Use 0 to disable.' }),
  s('lock_timeout', 'int', { min: 0, units: true, help: 'Abort any statement that waits longer than the specified time while attempting to acquire a lock. Use 0 to disable.' }),
  s('idle_session_timeout', 'int', { min: 0, units: true, help: 'Terminate any session that has been idle for longer than the specified time. Use 0 to disable.' }),
  s('idle_in_transaction_session_timeout', 'int', { min: 0, units: true, help: 'Terminate any session that has been idle within an open transaction for longer than the specified time. Use 0 to disable.' }),
  s('transaction_timeout', 'int', { min: 0, units: true, help: 'Terminate any statement that takes more than the specified time, even while active. Use 0 to disable.' }),
  s('wal_sender_timeout', 'int', { min: 0, units: true, help: 'Terminate replication connections that are inactive for longer than this time. Use 0 to disable.' }),
  s('wal_keep_size', 'int', { min: 0, units: true, help: 'Minimum size of past WAL files kept in pg_wal for standby servers. Use 0 to disable.' }),
  s('min_wal_size', 'int', { min: 32768, units: true, help: 'Minimum size to shrink the WAL to. WAL files are recycled rather than removed when below this size.' }),
  s('max_wal_size', 'int', { min: 32768, units: true, help: 'Maximum size WAL can grow between checkpoints. Larger values improve write performance but increase crash recovery time.' }),
  s('max_slot_wal_keep_size', 'int', { min: 0, units: true, help: 'Specifies the maximum size of WAL files that replication slots are allowed to retain. Use -1 for unlimited.' }),
  s('wal_compression', 'choice', { choices: ['off', 'on', 'lz4', 'zstd'], help: 'Compress full-page writes in WAL. Reduces I/O at the cost of CPU. Options vary by PostgreSQL version.' }),
  s('autovacuum_max_workers', 'int', { min: 1, units: true, restart: true, help: 'Maximum number of autovacuum worker processes that can run at the same time. Workers share a single cost-limit budget, so raising this alone may not speed up vacuuming.' }),
  s('autovacuum_naptime', 'int', { min: 1, units: true, help: 'Minimum delay between autovacuum runs. Lower values make autovacuum check for work more frequently.' }),
  s('autovacuum_work_mem', 'int', { min: 1024, units: true, help: 'Maximum memory each autovacuum worker uses to track dead tuples. Higher values reduce repeated index-vacuum passes on large tables. Use -1 to fall back to maintenance_work_mem.' }),
  s('autovacuum_vacuum_scale_factor', 'number', { min: 0, help: 'Fraction of a table\'s rows that must change before autovacuum runs. Lower values vacuum large tables more frequently.' }),
  s('autovacuum_analyze_scale_factor', 'number', { min: 0, help: 'Fraction of a table\'s rows that must change before autovacuum runs ANALYZE to refresh planner statistics.' }),
  s('autovacuum_vacuum_insert_scale_factor', 'number', { min: 0, help: 'Fraction of a table\'s rows that must be inserted before autovacuum runs. Helps vacuum insert-heavy, rarely-updated tables.' }),
  s('autovacuum_vacuum_cost_limit', 'int', { min: 1, units: true, help: 'Cost-accounting limit shared across all autovacuum workers before they pause. Use -1 to inherit vacuum_cost_limit.' }),
  s('autovacuum_vacuum_cost_delay', 'int', { min: 0, units: true, help: 'Time autovacuum sleeps when the cost limit is reached. Lower values speed up vacuuming at the cost of more I/O.' }),
];

/** PgBouncer takes any parameter name (string values); pgtui shows them as "pgbouncer.NAME". */
export const PGBOUNCER_PREFIX = 'pgbouncer.';
export const PGBOUNCER_MAX = 64;
