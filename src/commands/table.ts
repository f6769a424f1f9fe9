// The cluster table of `pgtui ls`: fitted to the terminal on a TTY, plain and untruncated otherwise.
import type { Cluster } from '../api/types.js';
import { formatAge, paint, PHASE_COLORS, sanitize, truncate } from '../format.js';
import { maskSecrets } from '../text/safe.js';
import { pickColumns } from './output.js';

interface Column {
  title: string;
  value: (c: Cluster) => string;
  /** Lower goes first when the terminal is too narrow. */
  priority: number;
  /** Shrinks (with …) before columns are dropped. */
  flexible?: boolean;
  wide?: boolean;
}

const COLUMNS: Column[] = [
  { title: 'NAME', value: (c) => c.name, priority: 10, flexible: true },
  { title: 'PROFILE', value: (c) => c.profile, priority: 8, flexible: true },
  { title: 'PHASE', value: (c) => c.phase, priority: 10 },
  { title: 'STATE', value: (c) => c.state, priority: 5, flexible: true },
  { title: 'VERSION', value: (c) => c.version ?? '-', priority: 6 },
  { title: 'LOCATION', value: (c) => c.location ?? '-', priority: 4, flexible: true },
  { title: 'SIZE', value: (c) => c.size ?? '-', priority: 3, flexible: true },
  { title: 'AGE', value: (c) => formatAge(c.createdAt), priority: 7 },
  { title: 'INSTANCES', value: (c) => (c.instances === undefined ? '-' : String(c.instances)), priority: 2, wide: true },
  { title: 'STORAGE', value: (c) => c.storage ?? '-', priority: 2, wide: true },
  { title: 'HOST', value: (c) => c.host ?? '-', priority: 1, wide: true, flexible: true },
  { title: 'ID', value: (c) => c.id, priority: 1, wide: true },
];

export interface TableOptions {
  /** Terminal width; undefined = plain output (not a TTY). */
  width?: number;
  color: boolean;
  wide: boolean;
  /** --cols: exactly these columns (titles, upper case), in this order. */
  cols?: readonly string[];
  /** false: no title line (--no-headers). */
  headers?: boolean;
  /** ls --health: a HEALTH column after PHASE. */
  health?: (c: Cluster) => string;
}

export const COLUMN_TITLES = COLUMNS.map((c) => c.title);

export function renderTable(clusters: readonly Cluster[], opts: TableOptions): string {
  const all = opts.health ? COLUMNS.flatMap((c) => (c.title === 'PHASE' ? [c, { title: 'HEALTH', value: opts.health!, priority: 9 }] : [c])) : COLUMNS;
  let cols = opts.cols ? pickColumns(all, opts.cols) : all.filter((c) => opts.wide || !c.wide);
  const cells = clusters.map((cl) => cols.map((col) => sanitize(col.value(cl))));
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
  const keys: Array<keyof Cluster> = ['profile', 'provider', 'id', 'name', 'phase', 'state', 'stateMessage', 'version', 'location', 'size', 'storage', 'instances', 'host', 'port', 'database', 'user', 'createdAt'];
  return clusters.map((c) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (c[k] !== undefined) out[k] = c[k];
    if (raw) out.raw = maskSecrets(c.raw);
    return out;
  });
}
