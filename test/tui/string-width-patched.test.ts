// string-width as the tests and the bundle run it (patch 5 of docs/ink-patches.md): text of printable ASCII,
// Latin-1, Latin Extended-A and general punctuation (… — ·) is measured without the grapheme segmenter, and gets
// the width the segmenter gives it.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';

const FAST = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203b],
  [0x203d, 0x2048],
  [0x204a, 0x205e],
] as const;
const fastChars = FAST.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));

describe('string-width, patched', () => {
  afterEach(() => vi.restoreAllMocks());

  it('measures a cut table row (ASCII and …) without the grapheme segmenter', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const row = '    10389 app_4      worker-12      10.0.139.189:4…    20s · Größe — “naïve” café';
    expect(stringWidth(row)).toBe(row.length);
    expect(stringWidth(`\u001b[7m${row}\u001b[27m`)).toBe(row.length);
    expect(segment).not.toHaveBeenCalled();
  });

  it('gives each character of the fast set the width the segmenter gives it (one cell), alone and in a row', () => {
    // A wide character beside it sends the text through the segmenter: that width is the reference.
    for (const ch of fastChars) {
      expect(stringWidth(`${ch}中`), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(3);
      expect(stringWidth(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(1);
    }
    expect(stringWidth(fastChars.join(''))).toBe(fastChars.length);
  });

  it('leaves everything else to the segmenter: wide, combining, zero-width, emoji, and ambiguous-as-wide', () => {
    expect(stringWidth('中文')).toBe(4);
    expect(stringWidth('e\u0301')).toBe(1);
    expect(stringWidth('a\u00adb')).toBe(2);
    expect(stringWidth('a\u200bb')).toBe(2);
    expect(stringWidth('\u203c\ufe0f')).toBe(2);
    expect(stringWidth('…·', { ambiguousIsNarrow: false })).toBe(4);
  });
});
