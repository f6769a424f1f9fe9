// pgtui metrics NAME|ID: the latest value of each metric the provider has, with a one-line sparkline of the
// window on a terminal; plain values when piped; every point with --json.
import type { MetricSeries } from '../api/core/insight.js';
import { oneLine, safeJson } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { timeWindow, type WindowOptions } from './insight-args.js';
import { metricsFromPostgres, targetOrPostgres } from './pg-fallback.js';
import { formatValue, sparkline } from '../present/insight.js';

export async function metrics(ctx: Context, query: string, opts: WindowOptions & { json?: boolean }): Promise<number> {
  const window = timeWindow(opts, '1h');
  const target = await targetOrPostgres(ctx, query, 'metrics');
  const series: MetricSeries[] = target.postgres ? await metricsFromPostgres(ctx, target) : await target.provider.metrics!(target.cluster, window);
  if (opts.json) {
    writeOut(`${safeJson(series.map((s) => ({ ...s, points: s.points.map((p) => ({ at: new Date(p.at).toISOString(), value: p.value })) })))}\n`);
    return EXIT.ok;
  }
  const tty = Boolean(process.stdout.isTTY);
  const rows = series.map((s) => {
    const last = s.points.at(-1);
    return [oneLine(s.name, 60), last ? formatValue(last.value, s.unit) : '-', tty ? sparkline(s.points.map((p) => p.value)) : ''] as const;
  });
  const nw = rows.reduce((w, r) => Math.max(w, r[0].length), 6);
  const vw = rows.reduce((w, r) => Math.max(w, r[1].length), 6);
  const lines = rows.map(([n, v, spark]) => `${n.padEnd(nw)}  ${v.padStart(vw)}  ${spark}`.trimEnd());
  if (tty) lines.unshift(`${'METRIC'.padEnd(nw)}  ${'LATEST'.padStart(vw)}  ${window.from.toISOString().slice(11, 16)}…${window.to.toISOString().slice(11, 16)} UTC`);
  writeOut(lines.length ? `${lines.join('\n')}\n` : '');
  return EXIT.ok;
}
