// The logs screen's model, without Ink: a bounded buffer of log lines (each formatted, made safe and lower-cased
// once, when it arrives), the view through the search and severity filters, and the window of lines that fits
// the screen. A key costs O(rows) however many lines are loaded; only a new search or severity filter walks the
// buffer once (docs/ARCHITECTURE.md, "The TUI's layers").
import type { LogLine } from '../../api/core/insight.js';
import { formatLine, SeenLines } from '../../present/insight.js';
import { capStored, STORED_LINE_MAX } from '../../text/safe.js';

/** Most lines kept: the oldest go first. */
export const LOG_CAP = 100_000;
/**
 * Most memory the kept lines may take, counted in bytes (text and its lower-case copy, as UTF-16, plus the
 * entry): long lines mean fewer lines kept, never more memory. 100,000 ordinary lines fit.
 */
export const LOG_BYTES_CAP = 64 * 1024 * 1024;
const ENTRY_OVERHEAD = 64;

/** Bytes an entry holds (an upper bound: V8 keeps Latin-1 strings in one byte a character). */
export const entryBytes = (e: LogEntry) => (e.text.length + e.lower.length) * 2 + ENTRY_OVERHEAD;

export interface LogEntry {
  /** Increases by one per line ever added: a stable position while old lines are dropped. */
  seq: number;
  severity: string;
  /** One safe line (../commands/logs.ts formatLine). */
  text: string;
  /** `text` lower-cased, for search. */
  lower: string;
}

export class LogBuffer {
  entries: LogEntry[] = [];
  /** ms epoch of the newest line seen (the next follow poll starts a little before it). */
  newest = 0;
  /** Changes whenever the entries do (memo key). */
  version = 0;
  /** What the entries hold now (entryBytes), kept within `maxBytes`. */
  bytes = 0;
  private seq = 0;
  private readonly seen = new SeenLines();

  constructor(
    private readonly cap = LOG_CAP,
    private readonly maxBytes = LOG_BYTES_CAP,
  ) {}

  /** Adds the lines not seen before, in order; returns how many were new. */
  add(lines: readonly LogLine[]): number {
    const fresh = this.seen.fresh(lines);
    for (const l of fresh) {
      // One line is kept up to STORED_LINE_MAX characters: the screen shows far less, `pgtui logs` prints it whole.
      const text = capStored(formatLine({ ...l, message: capStored(l.message, STORED_LINE_MAX) }), STORED_LINE_MAX);
      const e = { seq: this.seq++, severity: capStored(l.severity, 16).toUpperCase(), text, lower: text.toLowerCase() };
      this.entries.push(e);
      this.bytes += entryBytes(e);
      const at = Date.parse(l.at);
      if (Number.isFinite(at)) this.newest = Math.max(this.newest, at);
    }
    let drop = Math.max(0, this.entries.length - this.cap);
    let bytes = this.bytes;
    for (let i = 0; i < drop; i++) bytes -= entryBytes(this.entries[i]!);
    while (bytes > this.maxBytes && drop < this.entries.length - 1) bytes -= entryBytes(this.entries[drop++]!);
    if (drop > 0) this.entries.splice(0, drop);
    this.bytes = bytes;
    // Lines re-read by the overlap of the next poll are still remembered; older keys go.
    this.seen.prune(this.newest - 120_000);
    if (fresh.length) this.version++;
    return fresh.length;
  }
}

/** The severity filter `s` cycles through. */
export const SEVERITY_LEVELS = ['all', 'warning', 'error'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];
const RANK: Record<string, number> = { WARNING: 1, ERROR: 2, FATAL: 2, PANIC: 2 };
const MIN_RANK: Record<SeverityLevel, number> = { all: 0, warning: 1, error: 2 };

/** The lines shown, as positions into the buffer; `undefined` means all of them (no copy for the common case). */
export function filterEntries(entries: readonly LogEntry[], search: string, level: SeverityLevel): number[] | undefined {
  const needle = search.trim().toLowerCase();
  const min = MIN_RANK[level];
  if (!needle && min === 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (min > 0 && (RANK[e.severity] ?? 0) < min) continue;
    if (needle && !e.lower.includes(needle)) continue;
    out.push(i);
  }
  return out;
}

/** What the screen shows through the filters: how many lines, and the one at a position. */
export interface LogView {
  length: number;
  at(i: number): LogEntry;
}

export function viewOf(entries: readonly LogEntry[], picked: readonly number[] | undefined): LogView {
  return picked ? { length: picked.length, at: (i) => entries[picked[i]!]! } : { length: entries.length, at: (i) => entries[i]! };
}

/** Position of the last line whose seq ≤ `seq` (binary search: seqs increase along the view). */
export function positionOf(view: LogView, seq: number): number {
  let lo = 0;
  let hi = view.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (view.at(mid).seq <= seq) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Math.max(0, found);
}

/**
 * Where the view ends: its last line while following (`anchor` undefined), else the line the user scrolled to,
 * which stays put as new lines arrive below it.
 */
export function bottomOf(view: LogView, anchor: number | undefined): number {
  if (view.length === 0) return -1;
  return anchor === undefined ? view.length - 1 : positionOf(view, anchor);
}

/** The anchor after moving the bottom line by `delta` (negative: back in time); reaching the end follows again. */
export function scrollAnchor(view: LogView, anchor: number | undefined, delta: number): number | undefined {
  if (view.length === 0) return anchor;
  const to = Math.min(view.length - 1, Math.max(0, bottomOf(view, anchor) + delta));
  return to >= view.length - 1 ? undefined : view.at(to).seq;
}

/** Terminal rows a line takes. */
export const rowsOf = (text: string, width: number, wrap: boolean): number => (wrap ? Math.max(1, Math.ceil(text.length / Math.max(1, width))) : 1);

/** The lines on screen, oldest first, ending at `bottom` and filling at most `rows` terminal rows. */
export function visibleWindow(view: LogView, bottom: number, rows: number, width: number, wrap: boolean): LogEntry[] {
  const out: LogEntry[] = [];
  let used = 0;
  for (let i = bottom; i >= 0 && used < rows; i--) {
    const e = view.at(i);
    const h = rowsOf(e.text, width, wrap);
    // A wrapped line taller than what is left would push the frame over: the bottom line always shows.
    if (out.length > 0 && used + h > rows) break;
    out.push(e);
    used += h;
  }
  return out.reverse();
}

/** The time ranges `t` cycles through. */
export const RANGES = [
  { label: '15m', ms: 15 * 60_000 },
  { label: '1h', ms: 60 * 60_000 },
  { label: '6h', ms: 6 * 60 * 60_000 },
  { label: '24h', ms: 24 * 60 * 60_000 },
] as const;
