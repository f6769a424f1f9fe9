// How the Postgres views write ages and sizes (the one-shots now, the screens later): short and aligned.
import { binaryBytes } from '../text/bytes.js';

/** 950 → "950ms", 12_300 → "12s", 312_000 → "5m12s", 7_380_000 → "2h03m", 3 days → "3d02h". */
export function formatAge(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

/** Bytes in B…TiB (binary units, as PostgreSQL's pg_size_pretty). */
export function formatBytes(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '-' : binaryBytes(bytes);
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '-' : `${(ratio * 100).toFixed(1)}%`;
}

/** The password literal of `CREATE/ALTER ROLE … PASSWORD '…'` (pg_stat_statements and pg_stat_activity keep it). */
const PASSWORD_LITERAL = /(\bPASSWORD\s+)(?:E?'(?:[^'\\]|''|\\.)*'?|\$([A-Za-z_]*)\$[\s\S]*?(?:\$\2\$|$))/gi;

/** SQL as the screens show and copy it: a role's password literal masked. */
export function maskSqlSecrets(sql: string): string {
  return /password/i.test(sql) ? sql.replace(PASSWORD_LITERAL, "$1'***'") : sql;
}
