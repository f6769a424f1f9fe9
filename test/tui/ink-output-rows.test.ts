// Ink's Output as the tests and the bundle run it (patch 7 of docs/ink-patches.md): a frame's rows are built from
// the writes each row gets, and a row made of the same writes as before comes from the shared caches. The
// expected frames are what Ink 6.8 builds unpatched for the same writes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Output from '../../node_modules/ink/build/output.js';

type Op = ['write', number, number, string] | ['clip', Parameters<Output['clip']>[0]] | ['unclip'];

function frame(width: number, height: number, ops: Op[]) {
  const out = new Output({ width, height });
  for (const op of ops) {
    if (op[0] === 'clip') out.clip(op[1]);
    else if (op[0] === 'unclip') out.unclip();
    else out.write(op[1], op[2], op[3], { transformers: [] });
  }
  return out.get();
}

const STYLED: Op[] = [
  ['write', 0, 0, '\u001b[7mcursor row…\u001b[27m'],
  ['write', 2, 1, '中文 wide'],
  ['write', 0, 2, 'overwritten'],
  ['write', 4, 2, '\u001b[33mYEL\u001b[39m'],
  ['write', 0, 3, 'a\nb'],
];
const CLIPPED: Op[] = [['clip', { x1: 2, x2: 8, y1: 1, y2: 3 }], ['write', 0, 0, 'clipped away\nkept part of it\nand more'], ['unclip'], ['write', -1, 2, 'é\u0301👍x']];

describe('Ink Output, patched', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds the frames unpatched Ink builds: styles, wide characters, overlapping writes, clipping, rows past the edges', () => {
    for (let round = 0; round < 2; round++) {
      expect(frame(12, 4, STYLED)).toEqual({ output: '\u001b[7mcursor row…\u001b[27m\n  中文 wide\nover\u001b[33mYEL\u001b[39mtten\na', height: 4 });
      expect(frame(10, 3, CLIPPED)).toEqual({ output: '\n  pt par\n👍x more', height: 3 });
    }
  });

  it('builds only the rows whose writes changed since a frame before (a cursor move: two rows)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `row ${i} ${'·'.repeat(i % 7)} ${Math.random()}`);
    const draw = (cursor: number) => frame(80, 30, rows.map((r, i): Op => ['write', 0, i, i === cursor ? `\u001b[7m${r}\u001b[27m` : r]));
    draw(3);
    const built = vi.spyOn(Output.prototype as unknown as { renderRow: (w: unknown[]) => string }, 'renderRow');
    const next = draw(4);
    expect(built).toHaveBeenCalledTimes(2);
    expect(next.output.split('\n')[4]).toBe(`\u001b[7m${rows[4]}\u001b[27m`);
    expect(next.output.split('\n')[3]).toBe(rows[3]);
  });
});
