// The logs screen's rows (src/ui/models/log-lines.ts): cut to the width in terminal cells, wrapped at spaces, search
// matches marked inside the rows, the compact time and the date rows, and n/N's next and previous match.
import { describe, expect, it } from 'vitest';
import { LogBuffer, viewOf } from '../../src/ui/models/log-view.js';
import { lineText, matchRanges, nextMatch, screenRows, segmentsOf, sliceRows } from '../../src/ui/models/log-lines.js';
import stringWidth from 'string-width';

const rowsOf = (text: string, width: number, wrap: boolean, words = false) => sliceRows(text, width, wrap, { words }).map((r) => text.slice(r.start, r.end) + (r.cut ? '…' : ''));

describe('log rows', () => {
  it('cuts in terminal cells: wide characters take two, "…" marks a cut line', () => {
    expect(rowsOf('abcdefghij', 5, false)).toEqual(['abcd…']);
    expect(rowsOf('abcde', 5, false)).toEqual(['abcde']);
    expect(rowsOf('日本語のログです', 7, false)).toEqual(['日本語…']);
    for (const r of rowsOf('日本語のログです abc 日本語', 7, true)) expect(stringWidth(r)).toBeLessThanOrEqual(7);
    expect(rowsOf('日本語のログです', 7, true).join('')).toBe('日本語のログです');
    expect(rowsOf('alpha beta gamma delta', 11, true, true)).toEqual(['alpha beta ', 'gamma delta']);
    expect(rowsOf('x'.repeat(25), 10, true)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('marks matches inside rows, also across a row break, in the text as written', () => {
    const text = 'a Deadlock then another deadLOCK';
    const m = matchRanges(text, 'deadlock');
    expect(m).toEqual([[2, 10], [24, 32]]);
    const rows = sliceRows(text, 6, true);
    const marked = rows.map((r) => segmentsOf(text, r, m).map((s) => (s.match ? `[${s.text}]` : s.text)).join(''));
    expect(marked.join('|')).toBe('a [Dead]|[lock] t|hen an|other |[deadLO]|[CK]');
  });

  it('compact lines keep HH:MM:SS; a date row where the day changes; the window fills exactly the rows', () => {
    const buf = new LogBuffer();
    buf.add(Array.from({ length: 6 }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 30, 23, 58) + i * 60_000).toISOString(), severity: 'LOG', message: `line ${i} ${'word '.repeat(i)}` })));
    const view = viewOf(buf.entries, undefined);
    expect(lineText(buf.entries[0]!.text, true)).toBe('23:58:00  LOG      line 0');
    const rows = screenRows(view, 5, { width: 30, rows: 9, wrap: true, compact: true, needle: 'line 5' });
    expect(rows).toHaveLength(9);
    expect(rows.filter((r) => r.kind === 'day').map((r) => r.segments[0]!.text)).toEqual(['── 2026-12-01 ──']);
    expect(rows.at(-1)!.entry!.seq).toBe(5);
    expect(rows.some((r) => r.segments.some((s) => s.match && s.text === 'line 5'))).toBe(true);
    // A line taller than the screen shows from its first row.
    const one = screenRows(view, 5, { width: 30, rows: 2, wrap: true, compact: true, needle: '' });
    expect(one.map((r) => r.segments.map((s) => s.text).join(''))[0]).toMatch(/^00:03:00 {2}LOG/);
  });

  it('n/N: the first match after, the last before', () => {
    const buf = new LogBuffer();
    buf.add(Array.from({ length: 10 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), severity: 'LOG', message: `m${i}` })));
    const matches = viewOf(buf.entries, [2, 5, 8]);
    expect(nextMatch(matches, 5, 1)).toBe(2);
    expect(nextMatch(matches, 5, -1)).toBe(0);
    expect(nextMatch(matches, 6, -1)).toBe(1);
    expect(nextMatch(matches, 9, 1)).toBe(-1);
    expect(nextMatch(matches, 1, -1)).toBe(-1);
  });
});
