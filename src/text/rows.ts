// Text cut into terminal rows of an exact width in cells (wide characters take two, as Ink measures them with
// string-width), wrapped or truncated with "…": the screens draw each row as it is, so Ink never has to wrap or
// shrink one (docs/ARCHITECTURE.md, "Logs").
import stringWidth from 'string-width';

/** Width of one code point (ASCII fast path; string-width for the rest, as Ink measures). */
const cellWidth = (ch: string): number => {
  const c = ch.charCodeAt(0);
  return c >= 0x20 && c < 0x7f ? 1 : stringWidth(ch);
};

export interface RowSlice {
  /** Index into the line's text where this row starts and ends. */
  start: number;
  end: number;
  /** The row is cut short: "…" follows it. */
  cut?: boolean;
}

/**
 * The rows a text takes at `width`: one row cut with "…" when not wrapping, else every row filled to the width
 * (at a space when one is in the row's second half and `words` is set), at most `maxRows` rows.
 */
export function sliceRows(text: string, width: number, wrap: boolean, opts: { words?: boolean; maxRows?: number } = {}): RowSlice[] {
  const w = Math.max(1, width);
  const maxRows = wrap ? Math.max(1, opts.maxRows ?? 200) : 1;
  const rows: RowSlice[] = [];
  let start = 0;
  for (;;) {
    const row = fit(text, start, w);
    if (row.end >= text.length) {
      rows.push({ start, end: text.length });
      return rows;
    }
    if (rows.length === maxRows - 1) {
      rows.push({ start, end: fit(text, start, w - 1).end, cut: true });
      return rows;
    }
    let end = row.end;
    if (opts.words && row.lastSpace > start + (end - start) / 2) end = row.lastSpace + 1;
    if (end === start) end = start + String.fromCodePoint(text.codePointAt(start)!).length; // a cell wider than the row
    rows.push({ start, end });
    start = end;
  }
}

/** From `start`, how far the text fills `limit` cells. */
function fit(text: string, start: number, limit: number): { end: number; lastSpace: number } {
  let used = 0;
  let i = start;
  let lastSpace = -1;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const cw = cellWidth(ch);
    if (used + cw > limit) break;
    used += cw;
    if (ch === ' ') lastSpace = i;
    i += ch.length;
  }
  return { end: i, lastSpace };
}

