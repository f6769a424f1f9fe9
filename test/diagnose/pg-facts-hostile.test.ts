// A database that lies: whatever its rows hold (escape sequences, megabytes of text, numbers that are not
// numbers, missing columns), the facts come out bounded and every evidence line is one safe line; a query
// that fails leaves only its own checks unknown.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/api/core/types.js';
import { judgeCluster } from '../../src/diagnose/health.js';
import { collectPgFacts } from '../../src/diagnose/pg-facts.js';
import { reportText } from '../../src/diagnose/report.js';
import { DEFAULT_THRESHOLDS } from '../../src/diagnose/thresholds.js';
import type { PgQuery } from '../../src/diagnose/types.js';

const cluster: Cluster = { profile: 'p', provider: 'pgo', id: 'x', name: 'x', phase: 'ready', state: 'ready', raw: {} };
const EVIL = `\u001b]52;c;ZXZpbA==\u0007\u001b[2J${'A'.repeat(2_000_000)}`;

const hostile: PgQuery = async <T>(sql: string) => {
  if (sql.startsWith('SELECT set_config')) return [] as T[];
  if (sql.includes('FROM pg_replication_slots')) throw new Error(`permission denied ${EVIL}`);
  const row = {
    version_num: 'NaN', max_connections: EVIL, connections: 1e308, longest_query: `(1e9,${EVIL})`, idle_oldest: '(-5,12)',
    datname: EVIL, age: '999999999999', heap_hit: -1, heap_read: 'x', kind: 'standby', name: EVIL, state: EVIL, lag_bytes: 'lots',
    schemaname: EVIL, sequencename: EVIL, relname: EVIL, indexrelname: EVIL, tbl: EVIL, indexes: [EVIL, EVIL], wasted: 1,
    used_pct: 99.9, last_value: 1, max_value: 2, dead: 5000, threshold: 50, installed: 'yes', preloaded: EVIL,
  };
  return Array.from({ length: 50 }, () => row) as T[];
};

describe('Postgres facts from a lying server', () => {
  it('every evidence line is one bounded safe line, and a failing query costs only its check', async () => {
    const facts = await collectPgFacts(hostile, 1000);
    const report = judgeCluster({ cluster, provider: {}, pg: facts, thresholds: DEFAULT_THRESHOLDS, now: Date.now() });
    for (const c of report.checks) {
      expect(c.evidence.length, c.id).toBeLessThan(4000);
      expect(c.evidence).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    expect(report.checks.find((c) => c.id === 'replication-slots')!.evidence).toMatch(/^could not read: permission denied/);
    expect(report.checks.find((c) => c.id === 'duplicate-indexes')!.verdict).not.toBe('unknown');
    const text = reportText([{ ...report, cluster, at: new Date().toISOString() }], false);
    expect(text).not.toContain('\u001b');
    expect(text.length).toBeLessThan(100_000);
  });
});
