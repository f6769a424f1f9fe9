// How the logs screen lays out its lines, without Ink: every screen row is cut here to the exact width (wrapped
// or truncated with "…"), so the frame is never taller than the screen and Ink never has to wrap or shrink a row
// (docs/ARCHITECTURE.md, "Logs"). Also the compact time for narrow screens, the date rows where the day changes,
// and the search matches marked inside each row. Everything is O(rows on screen), never O(lines loaded).
import { sliceRows, type RowSlice } from '../../text/rows.js';
import type { LogEntry, LogView } from './log-view.js';

export { sliceRows, type RowSlice };

/** Below this width a line starts with HH:MM:SS instead of the full ISO time, so the message keeps the room. */
export const COMPACT_BELOW = 120;
/** A wrapped line never takes more rows than this (its whole text is one key away: enter). */
const MAX_ROWS_PER_LINE = 200;

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?= )/;

/** The calendar day an entry's line starts with ("2026-12-07"), if it starts with an ISO time. */
export const dayOf = (text: string): string | undefined => ISO.exec(text)?.[1];

/** The line as drawn: "09:15:10  LOG  …" when compact, else as formatted (../commands/logs.ts formatLine). */
export function lineText(text: string, compact: boolean): string {
  if (!compact) return text;
  const m = ISO.exec(text);
  return m ? `${m[2]}${text.slice(m[0].length)}` : text;
}

export interface Segment {
  text: string;
  /** Part of a search match. */
  match?: boolean;
}

/** Where `needle` (lower case) occurs in `text`, as [start, end) index pairs; none when case folding moves indices. */
export function matchRanges(text: string, needle: string): Array<[number, number]> {
  if (!needle) return [];
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return [];
  const out: Array<[number, number]> = [];
  for (let at = lower.indexOf(needle); at >= 0 && out.length < 1000; at = lower.indexOf(needle, at + needle.length)) out.push([at, at + needle.length]);
  return out;
}

/** One row's text split into plain and matched parts. */
export function segmentsOf(text: string, row: RowSlice, matches: ReadonlyArray<readonly [number, number]>): Segment[] {
  const out: Segment[] = [];
  let at = row.start;
  for (const [s, e] of matches) {
    if (e <= at || s >= row.end) continue;
    const from = Math.max(s, at);
    if (from > at) out.push({ text: text.slice(at, from) });
    const to = Math.min(e, row.end);
    out.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (at < row.end) out.push({ text: text.slice(at, row.end) });
  if (row.cut) out.push({ text: '…' });
  return out;
}

export interface ScreenRow {
  key: string;
  kind: 'line' | 'day';
  segments: Segment[];
  /** The entry the row belongs to (line rows). */
  entry?: LogEntry;
}

export interface RowOptions {
  width: number;
  rows: number;
  wrap: boolean;
  compact: boolean;
  /** The search, lower case ('' for none). */
  needle: string;
}

/**
 * Exactly the rows on screen (at most `opts.rows`), ending with the last row of the line at `bottom`: each line's
 * rows, a date row above a line whose day differs from the line before it (compact time only), and at the top the
 * last rows of a line that does not fit whole. The line at `bottom` shows from its first row when it alone is
 * taller than the screen.
 */
export function screenRows(view: LogView, bottom: number, opts: RowOptions): ScreenRow[] {
  const blocks: ScreenRow[][] = [];
  let used = 0;
  for (let i = bottom; i >= 0 && used < opts.rows; i--) {
    const entry = view.at(i);
    const text = lineText(entry.text, opts.compact);
    const matches = matchRanges(text, opts.needle);
    const block: ScreenRow[] = [];
    const day = opts.compact ? dayOf(entry.text) : undefined;
    const before = i > 0 ? dayOf(view.at(i - 1).text) : undefined;
    if (day && before && before !== day) block.push({ key: `d${entry.seq}`, kind: 'day', segments: [{ text: `── ${day} ──` }] });
    sliceRows(text, opts.width, opts.wrap, { words: true, maxRows: MAX_ROWS_PER_LINE }).forEach((r, n) => block.push({ key: `${entry.seq}.${n}`, kind: 'line', segments: segmentsOf(text, r, matches), entry }));
    blocks.push(block);
    used += block.length;
  }
  const all = blocks.reverse().flat();
  if (all.length <= opts.rows) return all;
  // The bottom line alone is taller than the screen: its first rows. Else the top line loses its first rows.
  if (blocks.length === 1) return all.slice(0, opts.rows);
  return all.slice(all.length - opts.rows);
}

/** Position in `matches` of the first match after `seq` (dir 1) or the last before it (dir -1); -1 when none. */
export function nextMatch(matches: LogView, seq: number, dir: 1 | -1): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches.at(mid).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  if (dir > 0) return lo < matches.length ? lo : -1;
  let i = lo - 1;
  if (i >= 0 && matches.at(i).seq === seq) i--;
  return i;
}
