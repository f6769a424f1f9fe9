// The list window: it stays put while the cursor moves inside it, and scrolls by as little as possible when the
// cursor leaves it (two changed lines per keystroke, not a whole screen).
import { describe, expect, it } from 'vitest';
import { windowStart } from '../../src/ui/components/ClusterTable.js';

describe('windowStart', () => {
  it('shows everything from the top when it fits', () => {
    expect(windowStart(5, 10, 8, 3)).toBe(0);
  });

  it('keeps the window while the cursor stays inside it', () => {
    expect(windowStart(0, 10, 100, 0)).toBe(0);
    expect(windowStart(9, 10, 100, 0)).toBe(0);
    expect(windowStart(25, 10, 100, 20)).toBe(20);
  });

  it('scrolls one row when the cursor steps past either edge, and jumps with g/G', () => {
    expect(windowStart(10, 10, 100, 0)).toBe(1);
    expect(windowStart(19, 10, 100, 20)).toBe(19);
    expect(windowStart(99, 10, 100, 0)).toBe(90);
    expect(windowStart(0, 10, 100, 90)).toBe(0);
  });

  it('never leaves empty rows at the bottom when the list shrinks', () => {
    expect(windowStart(3, 10, 12, 40)).toBe(2);
  });
});
