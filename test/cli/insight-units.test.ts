// The pure parts of the insight commands: durations and windows, the sparkline and value formats, the
// follow de-duplication (bounded), and the settings type check.
import { describe, expect, it } from 'vitest';
import { checkSetting } from '../../src/api/insight.js';
import { CommandError } from '../../src/commands/exit-codes.js';
import { parseSince, parseTime, timeWindow } from '../../src/commands/insight-args.js';
import { formatLine, formatMs, formatValue, SeenLines, sparkline } from '../../src/present/insight.js';

describe('windows', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it('parses durations and times, and refuses nonsense with a usage error', () => {
    expect(parseSince('90s')).toBe(90_000);
    expect(parseSince('2w')).toBe(14 * 86_400_000);
    expect(parseTime('2026-11-30T10:00:00Z', now).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(parseTime('2h', now).getTime()).toBe(now - 7_200_000);
    for (const bad of ['soon', '0h', '-1h', '1y']) expect(() => parseSince(bad)).toThrow(CommandError);
    expect(() => parseTime('yesterday', now)).toThrow(/not a time/);
    expect(timeWindow({}, '1h', now)).toEqual({ from: new Date(now - 3_600_000), to: new Date(now) });
    expect(() => timeWindow({ from: '1h', to: '2h' }, '1h', now)).toThrow(/empty/);
  });
});

describe('output formats', () => {
  it('sparkline scales the last points between min and max; a flat series is flat', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5, 5])).toBe('▁▁▁');
    expect(sparkline(Array.from({ length: 100 }, (_, i) => i), 10)).toHaveLength(10);
    expect(sparkline([])).toBe('');
  });

  it('values in their units, durations readable', () => {
    expect(formatValue(42e9, 'bytes')).toBe('39.1 GiB');
    expect(formatValue(12.345, '%')).toBe('12.3%');
    expect(formatValue(7, 'count')).toBe('7 count');
    expect(formatMs(1234.5)).toBe('1.23 s');
    expect(formatMs(95_000)).toBe('1.6 min');
  });

  it('a log line is one line whatever the message holds', () => {
    const line = formatLine({ at: '2026-11-30T12:00:00.000Z', severity: 'ERROR', instance: 'pod\n-0', message: 'a\u001b[31mb\nc\r\u0007' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

describe('follow de-duplication', () => {
  const line = (at: number, message = 'm') => ({ at: new Date(at).toISOString(), severity: 'LOG', message });
  it('prints a line once across overlapping polls, and forgets what is older than the overlap', () => {
    const seen = new SeenLines(1000);
    expect(seen.fresh([line(1000), line(2000)])).toHaveLength(2);
    expect(seen.fresh([line(2000), line(3000)])).toEqual([line(3000)]);
    // Same time, different text: both are lines.
    expect(seen.fresh([line(3000, 'other')])).toHaveLength(1);
    seen.prune(2500);
    expect(seen.size).toBe(2);
  });

  it('stays within its cap however many lines a server sends', () => {
    const seen = new SeenLines(500);
    for (let i = 0; i < 20; i++) {
      seen.fresh(Array.from({ length: 2000 }, (_, k) => line(Date.parse('2999-01-01') + k, `flood ${i}/${k}`)));
      seen.prune(0);
    }
    expect(seen.size).toBe(500);
  });
});

describe('setting types', () => {
  const int = { key: 'work_mem', group: 'postgres', kind: 'int' as const, min: 64, units: true };
  it('accepts numbers with units and refuses the rest in one line', () => {
    expect(checkSetting(int, '64MB')).toBeUndefined();
    expect(checkSetting(int, '4096')).toBeUndefined();
    expect(checkSetting(int, '12')).toBe('work_mem must be at least 64');
    expect(checkSetting(int, '1.5')).toMatch(/whole number/);
    expect(checkSetting({ ...int, kind: 'number', units: false, min: 0 }, '1.1')).toBeUndefined();
    expect(checkSetting({ ...int, kind: 'number', units: false, min: 0 }, '1.1x')).toMatch(/must be a number/);
    expect(checkSetting({ key: 'wal_compression', group: 'postgres', kind: 'choice', choices: ['off', 'on', 'lz4', 'zstd'] }, 'gzip')).toBe('wal_compression must be one of: off, on, lz4, zstd');
  });
});
