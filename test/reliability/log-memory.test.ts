// Log memory is bounded in bytes, not lines: the logs screen's buffer (src/ui/models/log-view.ts) with 100,000 lines of
// 4 KB used to hold ~1.4 GB (each line twice, text and lower-case, plus its de-duplication key); `logs --follow`
// remembered every line's whole text as a key. Now the buffer stays under LOG_BYTES_CAP, newest lines kept, and
// a remembered line costs its digest. Figures printed: lines kept and bytes held.
import { afterAll, describe, expect, it } from 'vitest';
import type { LogLine } from '../../src/api/core/insight.js';
import { SeenLines } from '../../src/present/insight.js';
import { entryBytes, LOG_BYTES_CAP, LOG_CAP, LogBuffer } from '../../src/ui/models/log-view.js';
import { Tally } from './rigs.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/log-memory')));

const T0 = Date.UTC(2026, 11, 7);
const line = (i: number, size: number): LogLine => ({ at: new Date(T0 + i).toISOString(), severity: 'LOG', message: `line ${i} ${'x'.repeat(size)}` });

describe('the logs buffer', () => {
  it('30,000 lines of 4 KB (twice the cap): bytes held stay under the cap, the newest lines are kept, none twice', () => {
    tally.try('buffer bytes');
    const N = 30_000;
    const b = new LogBuffer();
    for (let i = 0; i < N; i += 2_000) b.add(Array.from({ length: 2_000 }, (_, k) => line(i + k, 4_096)));
    const counted = b.entries.reduce((n, e) => n + entryBytes(e), 0);
    expect(b.bytes).toBe(counted);
    expect(b.bytes).toBeLessThanOrEqual(LOG_BYTES_CAP);
    expect(b.entries.length).toBeLessThan(LOG_CAP);
    expect(b.entries.at(-1)!.text).toContain(`line ${N - 1} `);
    // Contiguous: what was dropped is the oldest.
    const first = Number(/line (\d+) /.exec(b.entries[0]!.text)![1]);
    expect(first).toBe(N - b.entries.length);
    console.log(`log-memory: ${N.toLocaleString('en')} × 4 KB lines → ${b.entries.length.toLocaleString('en')} kept, ${(b.bytes / 1048576).toFixed(1)} MB held (cap ${LOG_BYTES_CAP / 1048576} MB; before: every line, text and lower-case, ${((N * 4_150 * 2 * 2) / 1048576).toFixed(0)} MB as UTF-16)`);
    tally.ok('buffer bytes');
  });

  it('100,000 ordinary lines (120 characters) are all kept: the byte cap only bites for long lines', { timeout: 60_000 }, () => {
    tally.try('buffer short lines');
    const b = new LogBuffer();
    for (let i = 0; i < 100_000; i += 5_000) b.add(Array.from({ length: 5_000 }, (_, k) => line(i + k, 90)));
    expect(b.entries.length).toBe(100_000);
    tally.ok('buffer short lines');
  });

  it('a single line larger than the cap is still shown (cut to the stored line cap)', () => {
    tally.try('buffer one huge line');
    const b = new LogBuffer(LOG_CAP, 1_000);
    b.add([line(1, 1_000_000)]);
    expect(b.entries).toHaveLength(1);
    expect(b.entries[0]!.text.length).toBeLessThan(10_000);
    tally.ok('buffer one huge line');
  });
});

describe('logs --follow de-duplication', () => {
  it('remembering 5,000 lines of 100 KB keeps digests, not their text', () => {
    tally.try('seen keys');
    const seen = new SeenLines();
    const big = 'y'.repeat(100_000);
    let keyChars = 0;
    for (let i = 0; i < 5_000; i += 1_000) {
      const fresh = seen.fresh(Array.from({ length: 1_000 }, (_, k) => ({ at: new Date(T0 + i + k).toISOString(), severity: 'LOG', message: `${i + k}${big}` })));
      expect(fresh).toHaveLength(1_000);
    }
    for (const k of (seen as unknown as { seen: Map<string, number> }).seen.keys()) keyChars += k.length;
    // The same lines again are recognised.
    expect(seen.fresh([{ at: new Date(T0 + 7).toISOString(), severity: 'LOG', message: `7${big}` }])).toHaveLength(0);
    expect(keyChars / seen.size).toBeLessThan(100);
    console.log(`log-memory: follow remembers ${seen.size.toLocaleString('en')} lines of 100 KB in ${(keyChars / 1024).toFixed(0)} K characters of keys (before: ${((seen.size * 100_000) / 1048576).toFixed(0)} M)`);
    tally.ok('seen keys');
  });
});
