// Editing a one-line value: what typed or pasted input may insert, cursor moves, and the visible window.
import type { FieldKind } from '../api/core/types.js';
import { displayText, stripUnsafe } from '../text/safe.js';

/** Strips control characters from typed or pasted text; int fields keep digits only. */
export function cleanInput(input: string, kind: FieldKind): string {
  const text = stripUnsafe(input);
  return kind === 'int' ? text.replace(/[^0-9]/g, '') : text;
}

/** Code points, so a cursor never splits a surrogate pair (emoji, rare CJK). */
export function chars(value: string): string[] {
  return Array.from(value);
}

export interface Edit {
  value: string;
  cursor: number;
}

export function insertAt(value: string, cursor: number, text: string): Edit {
  const c = chars(value);
  const at = clampCursor(cursor, c.length);
  const added = chars(text);
  return { value: [...c.slice(0, at), ...added, ...c.slice(at)].join(''), cursor: at + added.length };
}

export function deleteBefore(value: string, cursor: number): Edit {
  const c = chars(value);
  const at = clampCursor(cursor, c.length);
  if (at === 0) return { value, cursor: 0 };
  return { value: [...c.slice(0, at - 1), ...c.slice(at)].join(''), cursor: at - 1 };
}

export function clampCursor(cursor: number, length: number): number {
  return Math.max(0, Math.min(cursor, length));
}

export interface Window {
  before: string;
  /** The character under the cursor, or a space at the end. */
  at: string;
  after: string;
  clippedLeft: boolean;
  clippedRight: boolean;
}

/**
 * The slice of a long value that fits `width` cells with the cursor in view; the rest stays in the value
 * and is marked with ellipses.
 */
export function visibleWindow(value: string, cursor: number, width: number): Window {
  const c = chars(value);
  const at = clampCursor(cursor, c.length);
  const room = Math.max(3, width);
  if (c.length + 1 <= room) {
    return { before: c.slice(0, at).join(''), at: c[at] ?? ' ', after: c.slice(at + 1).join(''), clippedLeft: false, clippedRight: false };
  }
  // Leave a cell on each clipped side for the ellipsis.
  const inner = room - 2;
  let start = Math.max(0, Math.min(at - inner + 1, c.length + 1 - inner));
  if (at < start) start = at;
  const end = start + inner;
  return {
    before: c.slice(start, at).join(''),
    at: c[at] ?? ' ',
    after: c.slice(at + 1, Math.min(end, c.length)).join(''),
    clippedLeft: start > 0,
    clippedRight: end < c.length,
  };
}

/** A value shown without a cursor, cut to `width` with an ellipsis. */
/** Display text (unsafe characters shown as �, text/safe.ts) cut to a width with an ellipsis. */
export function clip(value: string, width: number): string {
  const safe = displayText(value);
  const c = chars(safe);
  if (c.length <= width) return safe;
  return width <= 1 ? '…' : `${c.slice(0, width - 1).join('')}…`;
}
