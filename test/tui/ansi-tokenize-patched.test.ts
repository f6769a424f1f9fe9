// @alcalzone/ansi-tokenize as the tests and the bundle run it (patch 6 of docs/ink-patches.md): Ink tokenizes every
// new line of a frame; text whose characters are each a grapheme of their own is cut per UTF-16 unit, without the
// grapheme segmenter, into the same tokens.
import { tokenize } from '@alcalzone/ansi-tokenize';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SINGLE = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
] as const;
const singleChars = SINGLE.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
/** The tokens the segmenter gives: a wide character at the end sends the text through it; its token is dropped. */
const reference = (text: string) => tokenize(`${text}中`).slice(0, -1);

describe('ansi-tokenize, patched', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tokenizes a styled, cut table row without the grapheme segmenter', () => {
    const row = '\u001b[7m    10389 app_4      worker-12      10.0.139.189:4…    20s · Größe — “naïve”\u001b[27m \u001b[33mwaiting\u001b[39m';
    const expected = reference(row);
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    expect(tokenize(row)).toEqual(expected);
    expect(segment).not.toHaveBeenCalled();
  });

  it('gives the segmenter’s tokens for every character of the set, alone, in a row, and with a width limit', () => {
    for (const ch of singleChars) expect(tokenize(`a${ch}\u001b[1m${ch}\u001b[22m`), `U+${ch.codePointAt(0)!.toString(16)}`).toEqual(reference(`a${ch}\u001b[1m${ch}\u001b[22m`));
    const all = `\u001b[31m${singleChars.join('')}\u001b[39m`;
    expect(tokenize(all)).toEqual(reference(all));
    expect(tokenize(all, 10)).toEqual(reference(all).slice(0, 11));
  });

  it('leaves everything else to the segmenter: combining marks, wide characters, emoji', () => {
    expect(tokenize('e\u0301x').map((t) => t.type === 'char' && t.value)).toEqual(['e\u0301', 'x']);
    expect(tokenize('中a').map((t) => t.type === 'char' && t.fullWidth)).toEqual([true, false]);
    expect(tokenize('\u203c\ufe0f').map((t) => t.type === 'char' && [t.value, t.fullWidth])).toEqual([['\u203c\ufe0f', true]]);
  });
});
