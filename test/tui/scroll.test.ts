// The moving keys' model (src/ui/hooks/scroll.ts): where j/k, ctrl-f/ctrl-b and g/G take a position.
import { describe, expect, it } from 'vitest';
import { scrollTo } from '../../src/ui/hooks/scroll.js';

describe('scrollTo', () => {
  it('moves one row, a page, or to either end', () => {
    expect(scrollTo('down', 3, 10, 4)).toBe(4);
    expect(scrollTo('up', 3, 10, 4)).toBe(2);
    expect(scrollTo('pageDown', 3, 10, 4)).toBe(7);
    expect(scrollTo('pageUp', 7, 10, 4)).toBe(3);
    expect(scrollTo('top', 7, 10, 4)).toBe(0);
    expect(scrollTo('bottom', 3, 10, 4)).toBe(10);
  });

  it('stays between 0 and the last position', () => {
    expect(scrollTo('up', 0, 10, 4)).toBe(0);
    expect(scrollTo('pageUp', 2, 10, 4)).toBe(0);
    expect(scrollTo('down', 10, 10, 4)).toBe(10);
    expect(scrollTo('pageDown', 8, 10, 4)).toBe(10);
    // A position left beyond the last (the rows shrank) comes back within.
    expect(scrollTo('up', 30, 10, 4)).toBe(10);
  });

  it('with nothing to move through, every key stays at 0', () => {
    for (const action of ['down', 'up', 'pageDown', 'pageUp', 'top', 'bottom']) expect(scrollTo(action, 0, 0, 5)).toBe(0);
  });

  it('a page of less than one row still moves one', () => {
    expect(scrollTo('pageDown', 0, 10, 0)).toBe(1);
    expect(scrollTo('pageUp', 5, 10, -3)).toBe(4);
  });

  it('a key that does not move says so', () => {
    expect(scrollTo('refresh', 3, 10, 4)).toBeUndefined();
    expect(scrollTo(undefined, 3, 10, 4)).toBeUndefined();
    expect(scrollTo('toString', 3, 10, 4)).toBeUndefined();
  });
});
