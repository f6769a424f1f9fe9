// The logs screen's model: bounded memory, duplicates dropped, filters, and scrolling that keeps its place.
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../src/api/core/insight.js';
import { bottomOf, filterEntries, LogBuffer, scrollAnchor, viewOf, visibleWindow } from '../../src/ui/models/log-view.js';

const line = (i: number, severity = 'LOG'): LogLine => ({ at: new Date(Date.UTC(2026, 10, 30) + i).toISOString(), severity, message: `Line ${i}` });

describe('log buffer', () => {
  it('keeps at most its cap, dropping the oldest, and adds a line seen before only once', () => {
    const b = new LogBuffer(100);
    expect(b.add(Array.from({ length: 150 }, (_, i) => line(i)))).toBe(150);
    expect(b.entries.length).toBe(100);
    expect(b.entries[0]!.text).toContain('Line 50');
    expect(b.add([line(149), line(150)])).toBe(1);
    expect(b.entries.at(-1)!.text).toContain('Line 150');
    expect(b.entries.at(-1)!.lower).toContain('line 150');
  });

  it('filters by text (case-insensitive) and by severity, and shows everything without a copy when unfiltered', () => {
    const b = new LogBuffer();
    b.add([line(1), line(2, 'WARNING'), line(3, 'ERROR'), line(12, 'PANIC')]);
    expect(filterEntries(b.entries, '', 'all')).toBeUndefined();
    expect(filterEntries(b.entries, 'LINE 1', 'all')).toEqual([0, 3]);
    expect(filterEntries(b.entries, '', 'warning')).toEqual([1, 2, 3]);
    expect(filterEntries(b.entries, '', 'error')).toEqual([2, 3]);
  });

  it('scrolling back anchors on a line that stays put as lines arrive and old ones are dropped; the end follows again', () => {
    const b = new LogBuffer(50);
    b.add(Array.from({ length: 40 }, (_, i) => line(i)));
    let view = viewOf(b.entries, undefined);
    const anchor = scrollAnchor(view, undefined, -5);
    expect(view.at(bottomOf(view, anchor)).text).toContain('Line 34');
    b.add(Array.from({ length: 20 }, (_, i) => line(40 + i)));
    view = viewOf(b.entries, undefined);
    expect(view.at(bottomOf(view, anchor)).text).toContain('Line 34');
    expect(scrollAnchor(view, anchor, 1000)).toBeUndefined();
  });

  it('the window fills the rows from the bottom, counting wrapped lines', () => {
    const b = new LogBuffer();
    b.add(Array.from({ length: 1000 }, (_, i) => line(i)));
    const view = viewOf(b.entries, undefined);
    expect(visibleWindow(view, 999, 10, 80, false).length).toBe(10);
    const width = 20;
    const wrapped = visibleWindow(view, 999, 10, width, true);
    expect(wrapped.reduce((n, e) => n + Math.ceil(e.text.length / width), 0)).toBeLessThanOrEqual(10);
    expect(wrapped.at(-1)!.text).toContain('Line 999');
  });
});
