// compareText gives localeCompare's order (src/text/order.ts), with or without its fast path.
import { describe, expect, it } from 'vitest';
import { byProfileAndName, compareText } from '../../src/text/order.js';

const sign = (n: number) => Math.sign(n);

describe('compareText', () => {
  it('orders like localeCompare on names of letters, digits, spaces, dots and hyphens', () => {
    const alphabet = 'aAbBmMzZ019 .-';
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const a = word();
      const b = word();
      expect(sign(compareText(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(sign(a.localeCompare(b)));
    }
  });

  it('falls back to localeCompare for anything else', () => {
    for (const [a, b] of [['db_1', 'db1'], ['Zürich', 'zurich'], ['a_b', 'a-b'], ['ä', 'b'], ['x#', 'x1']]) {
      expect(sign(compareText(a!, b!))).toBe(sign(a!.localeCompare(b!)));
    }
  });

  it('sorts clusters by profile, then name', () => {
    const list = [{ profile: 'b', name: 'x' }, { profile: 'a', name: 'Zeta' }, { profile: 'a', name: 'alpha' }];
    expect(list.sort(byProfileAndName).map((c) => c.name)).toEqual(['alpha', 'Zeta', 'x']);
  });
});
