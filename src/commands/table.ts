// The cluster table of `pgtui ls`: fitted to the terminal on a TTY, plain and untruncated otherwise.
import type { Cluster } from '../api/core/types.js';
import type { Verdict } from '../diagnose/types.js';
import { paint, PHASE_COLORS, sanitize, truncate } from '../present/format.js';
import { CLUSTER_FIELDS, jsonValue, tableFields } from '../present/cluster-fields.js';
import { maskSecrets } from '../text/safe.js';
import { pickColumns } from './output.js';

interface Column {
  title: string;
  value: (c: Cluster, health?: Verdict) => string;
  /** Shown only with ls --health. */
  needs?: 'health';
  /** Lower goes first when the terminal is too narrow. */
  priority: number;
  /** Shrinks (with …) before columns are dropped. */
  flexible?: boolean;
  wide?: boolean;
}

const COLUMNS: Column[] = tableFields().map((f) => ({ title: f.title, value: f.value, needs: f.needs, ...f.table! }));

/** What --cols takes (HEALTH with --health). */
export const columnTitles = (health: boolean) => COLUMNS.filter((c) => health || c.needs !== 'health').map((c) => c.title);

export interface TableOptions {
  /** Terminal width; undefined = plain output (not a TTY). */
  width?: number;
  color: boolean;
  wide: boolean;
  /** --cols: exactly these columns (titles, upper case), in this order. */
  cols?: readonly string[];
  /** false: no title line (--no-headers). */
  headers?: boolean;
  /** ls --health: each cluster's verdict, for the HEALTH column. */
  health?: (c: Cluster) => Verdict;
}

export function renderTable(clusters: readonly Cluster[], opts: TableOptions): string {
  const all = COLUMNS.filter((c) => c.needs !== 'health' || opts.health);
  let cols = opts.cols ? pickColumns(all, opts.cols) : all.filter((c) => opts.wide || !c.wide);
  const cells = clusters.map((cl) => cols.map((col) => sanitize(col.value(cl, opts.health?.(cl)))));
  let widths = cols.map((col, i) => cells.reduce((w, r) => Math.max(w, r[i]!.length), col.title.length));
  if (opts.width !== undefined) {
    const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    // Shrink flexible columns (never below 8), then drop the lowest-priority ones.
    for (let guard = 0; total() > opts.width && guard < 500; guard++) {
      const flex = widths.map((w, i) => ({ w, i })).filter(({ w, i }) => cols[i]!.flexible && w > 8).sort((a, b) => b.w - a.w)[0];
      if (flex) {
        widths[flex.i] = Math.max(8, flex.w - Math.max(1, total() - opts.width));
        continue;
      }
      const drop = cols.map((c, i) => ({ p: c.priority, i })).sort((a, b) => a.p - b.p)[0];
      if (!drop || cols.length <= 2) break;
      cols = cols.filter((_, i) => i !== drop.i);
      widths = widths.filter((_, i) => i !== drop.i);
      for (const r of cells) r.splice(drop.i, 1);
    }
  }
  const phaseAt = cols.findIndex((c) => c.title === 'PHASE');
  const line = (row: string[], cluster?: Cluster) =>
    row
      .map((text, i) => {
        const fitted = opts.width !== undefined ? truncate(text, widths[i]!) : text;
        const padded = i === row.length - 1 ? fitted : fitted.padEnd(widths[i]!);
        return i === phaseAt && cluster ? paint(padded, PHASE_COLORS[cluster.phase], opts.color) : padded;
      })
      .join('  ')
      .trimEnd();
  const body = cells.map((r, i) => line(r, clusters[i]));
  return (opts.headers === false ? body : [line(cols.map((c) => c.title)), ...body]).join('\n');
}

/** Normalised clusters for --json: stable key order, raw only when asked (secret fields and URI passwords masked). */
export function jsonClusters(clusters: readonly Cluster[], raw: boolean): unknown[] {
  const fields = CLUSTER_FIELDS.filter((f) => f.json);
  return clusters.map((c) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = jsonValue(f, c);
      if (v !== undefined) out[f.json!] = v;
    }
    if (raw) out.raw = maskSecrets(c.raw);
    return out;
  });
}
