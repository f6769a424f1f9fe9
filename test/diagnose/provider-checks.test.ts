// Each provider check turns from GREEN to RED (maintenance: to YELLOW, its worst; docs/diagnose.md) on plain
// Cluster objects and provider facts.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/api/core/types.js';
import { CHECKS, judgeCluster, exitCodeOf, type HealthInput } from '../../src/diagnose/health.js';
import { DEFAULT_THRESHOLDS, thresholdsSchema } from '../../src/diagnose/thresholds.js';
import { hoursUntilWindow } from '../../src/diagnose/provider-checks.js';
import { parseVersion, versionFromNum } from '../../src/diagnose/eol.js';
import { storageBytes, maintenanceOf } from '../../src/diagnose/provider-facts.js';

const NOW = Date.parse('2026-12-07T09:00:00Z'); // a Monday
const HOUR = 3_600_000;

function cluster(over: Partial<Cluster> = {}): Cluster {
  return { profile: 'p', provider: 'ionos-v1', id: 'c1', name: 'crm', phase: 'ready', state: 'AVAILABLE', version: '16', instances: 2, raw: {}, ...over };
}

function input(over: Partial<HealthInput> = {}): HealthInput {
  return { cluster: cluster(), provider: {}, thresholds: DEFAULT_THRESHOLDS, now: NOW, ...over };
}

const verdictOf = (id: string, i: HealthInput) => judgeCluster(i).checks.find((c) => c.id === id)!;

describe('provider checks', () => {
  it('has at least 16 checks with unique ids', () => {
    expect(CHECKS.length).toBeGreaterThanOrEqual(16);
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
  });

  it('phase: ready is green, failed is red with the provider message', () => {
    expect(verdictOf('phase', input()).verdict).toBe('green');
    const red = verdictOf('phase', input({ cluster: cluster({ phase: 'failed', state: 'FAILED', stateMessage: 'disk gone' }) }));
    expect(red.verdict).toBe('red');
    expect(red.evidence).toContain('disk gone');
    expect(verdictOf('phase', input({ cluster: cluster({ phase: 'degraded' }) })).verdict).toBe('yellow');
  });

  it('backup-age: 2 h is green, 30 h yellow, 3 days red, none red; no API is unknown', () => {
    const at = (h: number) => input({ provider: { backups: { count: 5, newest: new Date(NOW - h * HOUR).toISOString() } } });
    expect(verdictOf('backup-age', at(2)).verdict).toBe('green');
    expect(verdictOf('backup-age', at(30)).verdict).toBe('yellow');
    const red = verdictOf('backup-age', at(72));
    expect(red.verdict).toBe('red');
    expect(red.values?.ageHours).toBe(72);
    expect(verdictOf('backup-age', input({ provider: { backups: { count: 0 } } })).verdict).toBe('red');
    expect(verdictOf('backup-age', input()).verdict).toBe('unknown');
    expect(verdictOf('backup-age', input({ provider: { backups: { missing: '503' } } })).evidence).toContain('503');
  });

  it('version-eol: 16 green, 14 red (ended 2026-11-12), 15 yellow with eolWarnDays 400', () => {
    expect(verdictOf('version-eol', input()).verdict).toBe('green');
    const red = verdictOf('version-eol', input({ cluster: cluster({ version: '14' }) }));
    expect(red.verdict).toBe('red');
    expect(red.evidence).toContain('2026-11-12');
    expect(verdictOf('version-eol', input({ cluster: cluster({ version: '15' }), thresholds: { ...DEFAULT_THRESHOLDS, eolWarnDays: 400 } })).verdict).toBe('yellow');
    expect(verdictOf('version-eol', input({ cluster: cluster({ version: undefined }) })).verdict).toBe('unknown');
  });

  it('version-minor: newest is green, 3 behind red; the server_version_num from Postgres wins over the provider', () => {
    expect(verdictOf('version-minor', input({ cluster: cluster({ version: '16.14' }) })).verdict).toBe('green');
    expect(verdictOf('version-minor', input({ cluster: cluster({ version: '16.13' }) })).verdict).toBe('yellow');
    expect(verdictOf('version-minor', input({ cluster: cluster({ version: '16.2' }) })).verdict).toBe('red');
    expect(verdictOf('version-minor', input()).verdict).toBe('unknown');
    const pg = { settings: { serverVersionNum: 160002, maxConnections: 100, reservedConnections: 3, freezeMaxAge: 2e8, vacuumThreshold: 50, vacuumScaleFactor: 0.2, inRecovery: false } } as never;
    const fromPg = verdictOf('version-minor', input({ pg }));
    expect(fromPg.verdict).toBe('red');
    expect(fromPg.values?.from).toBe('server_version_num');
  });

  it('maintenance: a window in 6 days is green, one in 3 hours yellow (its worst), none unknown', () => {
    const w = (day: string, time: string) => input({ provider: { maintenance: { day, time } } });
    expect(verdictOf('maintenance', w('Sunday', '04:00:00')).verdict).toBe('green');
    const soon = verdictOf('maintenance', w('Monday', '12:00:00'));
    expect(soon.verdict).toBe('yellow');
    expect(soon.values?.hoursUntil).toBe(3);
    expect(verdictOf('maintenance', w('Monday', '07:00:00')).evidence).toContain('open now');
    expect(verdictOf('maintenance', input()).verdict).toBe('unknown');
    expect(hoursUntilWindow('Monday', '08:00:00', NOW + 5 * HOUR)).toBe(7 * 24 - 6);
  });

  it('disk: 50% green, 85% yellow, 95% red on the fullest volume', () => {
    const d = (used: number) => input({ provider: { disk: [{ volume: 'wal', kind: 'wal', usedBytes: 1, capacityBytes: 100 }, { volume: 'pgdata', kind: 'data', usedBytes: used, capacityBytes: 100 }] } });
    expect(verdictOf('disk', d(50)).verdict).toBe('green');
    expect(verdictOf('disk', d(85)).verdict).toBe('yellow');
    const red = verdictOf('disk', d(95));
    expect(red.verdict).toBe('red');
    expect(red.evidence).toContain('pgdata');
  });

  it('instances: all up green, 2 of 3 yellow, 1 of 3 red; a stopped cluster expects none', () => {
    const i = (up: number) => input({ cluster: cluster({ instances: 3 }), provider: { instances: { up, total: 3, down: up < 3 ? ['hippo-abc'] : [] } } });
    expect(verdictOf('instances', i(3)).verdict).toBe('green');
    expect(verdictOf('instances', i(2)).verdict).toBe('yellow');
    expect(verdictOf('instances', i(1)).verdict).toBe('red');
    expect(verdictOf('instances', input({ cluster: cluster({ phase: 'stopped' }), provider: { instances: { up: 0, total: 1, down: [] } } })).verdict).toBe('green');
  });

  it('the report: worst first, the verdict and the exit code follow the worst check; Postgres checks say why they did not run', () => {
    const r = judgeCluster(input({ cluster: cluster({ phase: 'failed', version: '13' }), provider: { backups: { count: 1, newest: new Date(NOW - HOUR).toISOString() } } }));
    expect(r.verdict).toBe('red');
    expect(exitCodeOf(r.verdict)).toBe(2);
    expect(r.checks[0]!.verdict).toBe('red');
    expect(r.reason).toMatch(/^phase: failed/);
    expect(r.checks.find((c) => c.id === 'connections')!.evidence).toContain('password unknown');
    expect(judgeCluster(input({ pg: { missing: 'connection refused' } })).checks.find((c) => c.id === 'blocked')!.evidence).toContain('connection refused');
    expect(exitCodeOf(judgeCluster(input({ provider: { backups: { count: 1, newest: new Date(NOW - HOUR).toISOString() } } })).verdict)).toBe(0);
  });

  it('parses versions, storage sizes and maintenance windows from provider text', () => {
    expect(parseVersion('centos7-12.2-4.3.0')).toEqual({ major: '12', minor: 2 });
    expect(parseVersion('9.6.24')).toEqual({ major: '9.6', minor: 24 });
    expect(parseVersion('15')).toEqual({ major: '15', minor: undefined });
    expect(versionFromNum(150004)).toEqual({ major: '15', minor: 4 });
    expect(storageBytes('20 GB')).toBe(20 * 1024 ** 3);
    expect(storageBytes('512Mi')).toBe(512 * 1024 ** 2);
    expect(maintenanceOf({ properties: { maintenanceWindow: { dayOfTheWeek: 'Sunday', time: '04:00:00' } } })).toEqual({ day: 'Sunday', time: '04:00:00' });
  });

  it('thresholds: config.json overrides are checked, unknown keys refused', () => {
    expect(thresholdsSchema.safeParse({ backupAgeRedHours: 12 }).success).toBe(true);
    expect(thresholdsSchema.safeParse({ backupAgeRedHourz: 12 }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ diskRedPct: -1 }).success).toBe(false);
  });
});

describe('backup-age with a continuous backup', () => {
  it('an active backup (WAL archived continuously) reaches now: green however old its base backup', () => {
    const r = judgeCluster({ cluster: cluster(), provider: { backups: { count: 1, newest: new Date(NOW).toISOString(), continuous: true } }, thresholds: DEFAULT_THRESHOLDS, now: NOW });
    const c = r.checks.find((x) => x.id === 'backup-age')!;
    expect(c.verdict).toBe('green');
    expect(c.evidence).toContain('continuous');
  });
});
