// diagnose.thresholds in config.json: read back as written, and a wrong key or value makes config.json
// unusable with the path named (a typo must not leave a default in place silently).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfig } from '../../src/state/config.js';
import { thresholdsWith } from '../../src/diagnose/thresholds.js';

function configDir(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgtui-diag-cfg-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(content), { mode: 0o600 });
  return dir;
}

describe('diagnose.thresholds in config.json', () => {
  it('overrides the defaults it names, keeps the rest', () => {
    const config = openConfig({ dir: configDir({ version: 1, profiles: [], diagnose: { thresholds: { backupAgeRedHours: 30, statementsMissing: 'red' } } }), env: {} });
    expect(config.unreadable()).toBeUndefined();
    const t = thresholdsWith(config.diagnoseThresholds?.() as never);
    expect(t.backupAgeRedHours).toBe(30);
    expect(t.statementsMissing).toBe('red');
    expect(t.diskRedPct).toBe(90);
  });

  it('refuses an unknown key and a wrong value, naming the path', () => {
    const typo = openConfig({ dir: configDir({ version: 1, profiles: [], diagnose: { thresholds: { backupAgeRedHourz: 30 } } }), env: {} });
    expect(typo.unreadable()).toMatch(/diagnose\.thresholds/);
    const wrong = openConfig({ dir: configDir({ version: 1, profiles: [], diagnose: { thresholds: { diskRedPct: 'lots' } } }), env: {} });
    expect(wrong.unreadable()).toMatch(/diagnose\.thresholds\.diskRedPct/);
  });
});
