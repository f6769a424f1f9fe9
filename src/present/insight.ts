// How insight (metrics, slow queries, log lines) is shown, in the TUI and by the one-shot commands alike.
import { sha256 } from '../text/hash.js';
import type { LogLine } from '../api/core/insight.js';
import { oneLine } from '../text/safe.js';
import { binaryBytes } from '../text/bytes.js';

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

/** Units that are not units: the value is a number of things. */
const UNITLESS = /^\s*(count|counts|number|#|1|)\s*$/i;

/** A value in its unit: bytes in KiB…TiB, percentages with one decimal, counts as they are. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-';
  if (unit === 'bytes' || unit === 'B') return binaryBytes(value);
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  // A plain count ("Connections 17.4") needs no unit word after it.
  if (UNITLESS.test(unit)) return shown;
  return unit === '%' ? `${shown}%` : `${shown} ${oneLine(unit, 20)}`;
}

/** 1234.5 ms → "1.23 s"; 0.4 ms → "0.40 ms". */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms >= 10 ? 0 : 2)} ms`;
}

/** One line: time, severity, instance (when the provider has several streams) and the message, made safe. */
export function formatLine(l: LogLine): string {
  const who = l.instance ? `  ${oneLine(l.instance, 60)}` : '';
  return `${l.at}  ${(oneLine(l.severity, 10) || '-').padEnd(7)}${who}  ${oneLine(l.message, 100_000)}`;
}

/** Lines remembered by SeenLines at most. */
const SEEN_MAX = 50_000;

/** A line's identity; a long one is kept as its digest, so remembering a line never costs its length. */
const keyOf = (l: LogLine) => {
  const key = `${l.at}\u0000${l.severity}\u0000${l.instance ?? ''}\u0000${l.message}`;
  return key.length > 200 ? `#${sha256().update(key).digest('base64')}` : key;
};

/** Remembers printed lines within the overlap window, so the next poll prints only new ones. */
export class SeenLines {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = SEEN_MAX) {}

  /** The lines not printed before, in order; they are remembered. */
  fresh(lines: readonly LogLine[]): LogLine[] {
    const out: LogLine[] = [];
    for (const l of lines) {
      const k = keyOf(l);
      if (this.seen.has(k)) continue;
      this.seen.set(k, Date.parse(l.at));
      out.push(l);
    }
    return out;
  }

  /** Forgets lines older than `cutoff` (ms), and the oldest past the cap. */
  prune(cutoff: number): void {
    for (const [k, at] of this.seen) if (at < cutoff) this.seen.delete(k);
    // A Map iterates in insertion order: the first keys are the oldest remembered.
    for (const k of this.seen.keys()) {
      if (this.seen.size <= this.max) break;
      this.seen.delete(k);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}
