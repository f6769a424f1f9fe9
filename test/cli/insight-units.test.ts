// The pure parts of the insight commands: durations and windows, the sparkline and value formats, the
// follow de-duplication (bounded), and the settings type check.
import { describe, expect, it } from 'vitest';
import { checkSetting } from '../../src/api/core/insight.js';
import { CommandError } from '../../src/commands/exit-codes.js';
import { parseSince, parseTime, timeWindow } from '../../src/commands/insight-args.js';
import { parseDuration } from '../../src/commands/duration.js';
import { formatLine, formatMs, formatValue, SeenLines, sparkline } from '../../src/present/insight.js';

describe('windows', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it('parses durations and times, and refuses nonsense with a usage error', () => {
    expect(parseSince('90s')).toBe(90_000);
    expect(parseSince('2w')).toBe(14 * 86_400_000);
    // One grammar for --since, --interval and --timeout: plain seconds and ms everywhere (logs --interval 5 as wait's).
    expect(parseSince('5')).toBe(5_000);
    expect(parseSince('1500ms')).toBe(1_500);
    expect(parseDuration('0s')).toBe(0);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(() => parseTime('2026', Date.now())).toThrow(CommandError);
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
    expect(formatValue(7, 'count')).toBe('7');
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
    expect(checkSetting(int, '12')).toBe('work_mem must be at least 64kB (a bare number is in kB)');
    expect(checkSetting(int, '1.5')).toMatch(/whole number/);
    expect(checkSetting({ ...int, kind: 'number', units: false, min: 0 }, '1.1')).toBeUndefined();
    expect(checkSetting({ ...int, kind: 'number', units: false, min: 0 }, '1.1x')).toMatch(/must be a number/);
    expect(checkSetting({ key: 'wal_compression', group: 'postgres', kind: 'choice', choices: ['off', 'on', 'lz4', 'zstd'] }, 'gzip')).toBe('wal_compression must be one of: off, on, lz4, zstd');
  });
});

describe('setting units, read as PostgreSQL reads them', () => {
  const spec = (key: string, min: number, max?: number) => ({ key, group: 'postgres', kind: 'int' as const, min, max, units: true });
  it('checks the minimum after converting the unit (memory minimums in kB)', () => {
    expect(checkSetting(spec('work_mem', 64), '1kB')).toBe('work_mem must be at least 64kB');
    expect(checkSetting(spec('work_mem', 64), '64kB')).toBeUndefined();
    expect(checkSetting(spec('work_mem', 64), '0.05MB')).toBe('work_mem must be at least 64kB (0.05MB is 51.2kB)');
    expect(checkSetting(spec('work_mem', 64), '1.5GB')).toBeUndefined();
    expect(checkSetting(spec('min_wal_size', 32768), '1MB')).toBe('min_wal_size must be at least 32MB');
    expect(checkSetting(spec('min_wal_size', 32768), '80MB')).toBeUndefined();
    // A bare min_wal_size is in MB, a bare effective_cache_size in 8 kB pages.
    expect(checkSetting(spec('min_wal_size', 32768), '31')).toMatch(/^min_wal_size must be at least 32MB \(a bare number is in MB\)$/);
    expect(checkSetting(spec('min_wal_size', 32768), '32')).toBeUndefined();
    expect(checkSetting(spec('effective_cache_size', 8), '1')).toBeUndefined();
    expect(checkSetting(spec('effective_cache_size', 16), '1')).toBe('effective_cache_size must be at least 16kB (a bare number is in 8kB pages)');
  });
  it('takes time units for time settings and checks their minimum in the base unit', () => {
    expect(checkSetting(spec('statement_timeout', 0), '2min')).toBeUndefined();
    expect(checkSetting(spec('autovacuum_naptime', 1), '500ms')).toBe('autovacuum_naptime must be at least 1s');
    expect(checkSetting(spec('autovacuum_naptime', 1), '1h')).toBeUndefined();
    expect(checkSetting(spec('statement_timeout', 0, 60_000), '2min')).toBe('statement_timeout must be at most 1min');
  });
  it('refuses a unit of the wrong kind, a wrong case, and a unit on a plain count', () => {
    expect(checkSetting(spec('work_mem', 64), '10s')).toBe('work_mem takes a memory unit (B, kB, MB, GB, TB), not "s"');
    expect(checkSetting(spec('work_mem', 64), '64mb')).toMatch(/not "mb"/);
    expect(checkSetting(spec('statement_timeout', 0), '1GB')).toBe('statement_timeout takes a time unit (us, ms, s, min, h, d), not "GB"');
    expect(checkSetting(spec('max_connections', 1), '10MB')).toBe('max_connections takes no unit (a plain whole number), not "MB"');
    expect(checkSetting(spec('max_connections', 1, 1000), '2000')).toBe('max_connections must be at most 1000');
  });
});
