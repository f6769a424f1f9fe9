// pgtui metrics NAME|ID: the latest value of each metric the provider has, with a one-line sparkline of the
// window on a terminal; plain values when piped; every point with --json.
import type { MetricSeries } from '../api/insight.js';
import { oneLine, safeJson } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { timeWindow, type WindowOptions } from './insight-args.js';
import { metricsFromPostgres, targetOrPostgres } from './pg-fallback.js';

const BARS = '▁▂▃▄▅▆▇█';
export const SPARK_WIDTH = 40;

/** The last `width` points as bars between the window's minimum and maximum (a flat series is a flat line). */
export function sparkline(values: readonly number[], width = SPARK_WIDTH): string {
  const tail = values.slice(-width).filter(Number.isFinite);
  if (tail.length === 0) return '';
  const min = Math.min(...tail);
  const max = Math.max(...tail);
  return tail.map((v) => BARS[max === min ? 0 : Math.min(BARS.length - 1, Math.floor(((v - min) / (max - min)) * BARS.length))]).join('');
}

/** A value in its unit: bytes in KiB…TiB, percentages with one decimal, counts as they are. */
/** Units that are not units: the value is a number of things. */
const UNITLESS = /^\s*(count|counts|number|#|1|)\s*$/i;

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-';
  if (unit === 'bytes' || unit === 'B') {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  // A plain count ("Connections 17.4") needs no unit word after it.
  if (UNITLESS.test(unit)) return shown;
  return unit === '%' ? `${shown}%` : `${shown} ${oneLine(unit, 20)}`;
}

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
