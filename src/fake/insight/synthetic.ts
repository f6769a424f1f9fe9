// Deterministic "what happens inside a cluster" for the fakes: log lines, metric values and slow query patterns
// as pure functions of (cluster id, time). Nothing is stored, so a fake serves 30 days of logs with bounded
// memory, and lines keep arriving as the clock moves (`pgtui logs --follow` sees new ones).

/** One synthetic log line every this many ms of fake-clock time. */
export const LOG_EVERY_MS = 7_000;

function hash(text: string, n: number): number {
  let h = 2166136261 ^ n;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface SyntheticLog {
  at: number;
  severity: 'LOG' | 'WARNING' | 'ERROR' | 'FATAL';
  pid: number;
  body: string;
}

const USERS = ['app', 'reporting', 'postgres', 'etl'];
const APPS = ['api', 'metabase', 'psql', 'airflow'];
const TABLES = ['orders', 'users', 'events', 'invoices', 'line_items'];

function template(h: number): Omit<SyntheticLog, 'at' | 'pid'> {
  const pick = <T>(xs: readonly T[], k: number) => xs[(h >>> k) % xs.length]!;
  const ip = `10.0.${(h >>> 3) % 8}.${(h >>> 7) % 250}`;
  const port = 40000 + ((h >>> 5) % 20000);
  const user = pick(USERS, 9);
  const table = pick(TABLES, 11);
  const kind = h % 100;
  if (kind < 22) return { severity: 'LOG', body: `connection received: host=${ip} port=${port}` };
  if (kind < 40) {
    return { severity: 'LOG', body: `connection authorized: user=${user} database=postgres application_name=${pick(APPS, 13)} SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)` };
  }
  if (kind < 55) return { severity: 'LOG', body: `disconnection: session time: 0:00:${String((h >>> 4) % 60).padStart(2, '0')}.${(h >>> 6) % 1000} user=${user} database=postgres host=${ip} port=${port}` };
  if (kind < 63) return { severity: 'LOG', body: 'checkpoint starting: time' };
  if (kind < 70) {
    const buffers = (h >>> 8) % 5000;
    return { severity: 'LOG', body: `checkpoint complete: wrote ${buffers} buffers (${((buffers / 16384) * 100).toFixed(1)}%); 0 WAL file(s) added, 0 removed, ${(h >>> 3) % 4} recycled; write=${(((h >>> 10) % 270) / 10).toFixed(3)} s, sync=0.00${(h >>> 2) % 9} s, total=${(((h >>> 10) % 270) / 10 + 0.1).toFixed(3)} s` };
  }
  if (kind < 78) {
    return { severity: 'LOG', body: `duration: ${(1000 + ((h >>> 6) % 9000)).toFixed(3)} ms  statement: SELECT o.id, o.total FROM ${table} o JOIN users u ON u.id = o.user_id WHERE u.created_at > now() - interval '7 days' ORDER BY o.total DESC LIMIT 100` };
  }
  if (kind < 84) return { severity: 'LOG', body: `automatic vacuum of table "postgres.public.${table}": index scans: 1, pages: 0 removed, ${(h >>> 4) % 90000} remain, tuples: ${(h >>> 8) % 5000} removed` };
  if (kind < 89) return { severity: 'WARNING', body: 'there is no transaction in progress' };
  if (kind < 92) return { severity: 'WARNING', body: `skipping vacuum of "${table}" --- lock not available` };
  if (kind < 95) return { severity: 'ERROR', body: `duplicate key value violates unique constraint "${table}_pkey"` };
  if (kind < 98) return { severity: 'ERROR', body: 'canceling statement due to statement timeout' };
  return { severity: 'FATAL', body: `password authentication failed for user "${user}"` };
}

/** The synthetic line of `slot` (time slot × LOG_EVERY_MS) for cluster `key`. */
export function logAt(key: string, slot: number): SyntheticLog {
  const h = hash(key, slot);
  return { at: slot * LOG_EVERY_MS + (h % 997), pid: 1000 + (hash(key, slot >>> 4) % 30000), ...template(h) };
}

/** Lines in [from, to] (ms), walking in `order`, skipping those `keep` refuses, until `want` are found (or the range ends). */
export function logsBetween(key: string, from: number, to: number, order: 'asc' | 'desc', want: number, keep: (l: SyntheticLog) => boolean): SyntheticLog[] {
  const out: SyntheticLog[] = [];
  const first = Math.floor(from / LOG_EVERY_MS);
  const last = Math.floor(to / LOG_EVERY_MS);
  const step = order === 'asc' ? 1 : -1;
  for (let slot = order === 'asc' ? first : last; slot >= first && slot <= last && out.length < want; slot += step) {
    const line = logAt(key, slot);
    if (line.at >= from && line.at <= to && keep(line)) out.push(line);
  }
  return out;
}

export interface MetricDef {
  key: string;
  name: string;
  unit: string;
  description: string;
  series: Array<{ label: string; base: number; swing: number; periodMin: number }>;
}

export const METRICS: readonly MetricDef[] = [
  { key: 'cpu_usage', name: 'CPU usage', unit: '%', description: 'Share of CPU time in use.', series: [{ label: 'user', base: 22, swing: 14, periodMin: 47 }, { label: 'system', base: 6, swing: 3, periodMin: 31 }] },
  { key: 'memory_usage', name: 'Memory usage', unit: '%', description: 'Share of memory in use.', series: [{ label: 'used', base: 61, swing: 6, periodMin: 180 }] },
  { key: 'connection_count', name: 'Connections', unit: 'count', description: 'Open client connections.', series: [{ label: 'total', base: 38, swing: 22, periodMin: 60 }] },
  { key: 'storage_used', name: 'Storage used', unit: 'bytes', description: 'Bytes used on the data volume.', series: [{ label: 'data', base: 42e9, swing: 1.5e9, periodMin: 1440 }] },
  { key: 'cache_hit_ratio', name: 'Cache hit ratio', unit: '%', description: 'Share of block reads served from shared buffers.', series: [{ label: 'postgres', base: 98.6, swing: 1.1, periodMin: 90 }] },
  { key: 'disk_iops', name: 'Disk IOPS', unit: 'IOPS', description: 'Disk operations per second.', series: [{ label: 'Reads', base: 240, swing: 160, periodMin: 35 }, { label: 'Writes', base: 410, swing: 220, periodMin: 52 }] },
];

/** A value that moves: a slow wave plus per-bucket noise, never below zero (and ≤ 100 for percentages). */
export function metricValue(key: string, def: MetricDef, series: MetricDef['series'][number], at: number): number {
  const wave = Math.sin((at / 60_000 / series.periodMin) * 2 * Math.PI + (hash(key, 7) % 628) / 100);
  const noise = ((hash(`${key}/${def.key}/${series.label}`, Math.floor(at / 60_000)) % 1000) / 1000 - 0.5) * series.swing * 0.4;
  const v = Math.max(0, series.base + series.swing * wave + noise);
  const capped = def.unit === '%' ? Math.min(100, v) : v;
  return Math.round(capped * 100) / 100;
}

export interface SlowPatternDef {
  queryText: string;
  dbOperation: string;
  dbUser: string;
  app: string;
  /** Calls per hour and average duration in µs. */
  perHour: number;
  avgUs: number;
  errorsPerMille: number;
}

export const SLOW_PATTERNS: readonly SlowPatternDef[] = [
  { queryText: 'SELECT o.id, o.total, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE o.created_at > $1 ORDER BY o.total DESC LIMIT $2', dbOperation: 'SELECT', dbUser: 'app', app: 'api', perHour: 1800, avgUs: 412_000, errorsPerMille: 0 },
  { queryText: 'UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2 AND warehouse_id = $3', dbOperation: 'UPDATE', dbUser: 'app', app: 'api', perHour: 5200, avgUs: 96_000, errorsPerMille: 4 },
  { queryText: "SELECT date_trunc($1, created_at) AS day, count(*), sum(total) FROM orders WHERE status = $2 GROUP BY 1 ORDER BY 1", dbOperation: 'SELECT', dbUser: 'reporting', app: 'metabase', perHour: 40, avgUs: 8_900_000, errorsPerMille: 12 },
  { queryText: 'INSERT INTO events (user_id, kind, payload, created_at) VALUES ($1, $2, $3, now())', dbOperation: 'INSERT', dbUser: 'app', app: 'api', perHour: 22000, avgUs: 31_000, errorsPerMille: 1 },
  { queryText: 'DELETE FROM sessions WHERE expires_at < now() - $1::interval', dbOperation: 'DELETE', dbUser: 'etl', app: 'airflow', perHour: 4, avgUs: 41_000_000, errorsPerMille: 0 },
  { queryText: 'SELECT * FROM invoices WHERE lower(customer_email) LIKE $1', dbOperation: 'SELECT', dbUser: 'app', app: 'api', perHour: 300, avgUs: 1_250_000, errorsPerMille: 0 },
  { queryText: 'VACUUM (ANALYZE) line_items', dbOperation: 'UTILITY', dbUser: 'postgres', app: 'psql', perHour: 1, avgUs: 95_000_000, errorsPerMille: 0 },
  { queryText: 'WITH recent AS (SELECT user_id FROM events WHERE created_at > $1) SELECT u.id, count(*) FROM users u JOIN recent r ON r.user_id = u.id GROUP BY u.id HAVING count(*) > $2', dbOperation: 'SELECT', dbUser: 'reporting', app: 'metabase', perHour: 12, avgUs: 14_200_000, errorsPerMille: 30 },
];

export function patternId(i: number): string {
  return `-${(hash(SLOW_PATTERNS[i]!.queryText, 1) * 2048 + (hash(SLOW_PATTERNS[i]!.queryText, 2) % 2048)).toString()}`;
}

export { hash as syntheticHash };
