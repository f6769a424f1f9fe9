// pgtui slow NAME|ID: the slow query patterns of a window, worst (most total time) first.
import type { SlowQuery, TimeRange } from '../api/core/insight.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { oneLine, safeJson } from '../text/safe.js';
import { writeErr, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { timeWindow, type WindowOptions } from './insight-args.js';
import { slowFromPostgres, targetOrPostgres } from './pg-fallback.js';
import { formatMs } from '../present/insight.js';

/** Rows under their header, each column as wide as its widest cell; numbers right-aligned. */
export function aligned(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length));
  return [head, ...rows].map((r) => r.map((v, i) => (right[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd());
}

/**
 * --id: one pattern, its SQL in full and its recent executions. The pattern is looked up in the window's list
 * first: the API names it by its id together with the database, user and operation it was listed under.
 */
async function detail(provider: Provider, cluster: Cluster, window: TimeRange, id: string, json: boolean): Promise<number> {
  if (!provider.slowQueryDetail) throw new CommandError('this provider has no detail of one slow query pattern', EXIT.refused);
  const listed = (await provider.slowQueries!(cluster, window)).filter((p) => p.id === id).sort((a, b) => b.totalMs - a.totalMs);
  const pattern = listed[0];
  if (!pattern) throw new CommandError(`no slow query pattern ${oneLine(id, 80)} in this window (a longer --since may find it)`, EXIT.notFound);
  if (listed.length > 1) {
    writeErr(`${oneLine(id, 80)} is listed ${listed.length} times; showing the one with the most total time (database ${oneLine(pattern.database ?? '-', 60)}, user ${oneLine(pattern.user ?? '-', 60)}, ${oneLine(pattern.operation ?? '-', 30)})\n`);
  }
  const d = await provider.slowQueryDetail(cluster, pattern);
  if (json) {
    writeOut(`${safeJson(d)}\n`);
    return EXIT.ok;
  }
  const q = d.query;
  const lines = q
    ? [oneLine(q.query, 100_000), `calls ${q.calls}  total ${formatMs(q.totalMs)}  avg ${formatMs(q.avgMs)}  p95 ${formatMs(q.p95Ms)}  max ${formatMs(q.maxMs)}  errors ${q.errors}`, '']
    : [];
  const cells = d.recent.map((e) => [oneLine(e.at, 40), formatMs(e.durationMs), String(e.rows ?? '-'), oneLine(e.user ?? '-', 30), oneLine(e.app ?? '-', 30), e.error ? `error: ${oneLine(e.error, 300)}` : '']);
  lines.push(...aligned(['RECENT', 'DURATION', 'ROWS', 'USER', 'APP', ''], cells, [false, true, true, false, false, false]));
  writeOut(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

export async function slow(ctx: Context, query: string, opts: WindowOptions & { json?: boolean; id?: string }): Promise<number> {
  const window = timeWindow(opts, '24h');
  const target = await targetOrPostgres(ctx, query, 'slowQueries');
  const { cluster, provider } = target;
  if (opts.id && target.postgres) throw new CommandError(`${oneLine(cluster.name, 80)}: --id needs the provider's slow-query API; pgtui statements NAME shows pg_stat_statements`, EXIT.refused);
  if (opts.id) return detail(provider, cluster, window, opts.id, Boolean(opts.json));
  const rows: SlowQuery[] = (target.postgres ? await slowFromPostgres(ctx, target) : await provider.slowQueries!(cluster, window)).slice().sort((a, b) => b.totalMs - a.totalMs);
  if (opts.json) {
    writeOut(`${safeJson(rows)}\n`);
    return EXIT.ok;
  }
  const head = ['TOTAL', 'CALLS', 'AVG', 'P95', 'ERRORS', 'USER', 'ID', 'QUERY'];
  const cells = rows.map((r) => [formatMs(r.totalMs), String(r.calls), formatMs(r.avgMs), formatMs(r.p95Ms), String(r.errors), oneLine(r.user ?? '-', 30), oneLine(r.id, 40), oneLine(r.query, 100_000)]);
  const widths = head.slice(0, -1).map((h, i) => cells.reduce((w, c) => Math.max(w, c[i]!.length), h.length));
  const cols = process.stdout.isTTY ? process.stdout.columns || 120 : Number.POSITIVE_INFINITY;
  const line = (c: readonly string[]) => {
    const text = c.map((v, i) => (i < widths.length ? (i >= 5 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)) : v)).join('  ');
    return text.length > cols ? `${text.slice(0, cols - 1)}…` : text;
  };
  writeOut(`${[head, ...cells].map(line).join('\n')}\n`);
  return EXIT.ok;
}
