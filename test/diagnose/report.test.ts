// The three report formats from one fixed diagnosis: -o json validates against docs/diagnose.schema.json and
// matches its snapshot (a change to the JSON is a change to a versioned contract); text and --md keep
// hostile provider text on one safe line.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/api/core/types.js';
import { judgeCluster } from '../../src/diagnose/health.js';
import { reportJson, reportMarkdown, reportText, SCHEMA_ID } from '../../src/diagnose/report.js';
import type { Diagnosis } from '../../src/diagnose/run.js';
import { DEFAULT_THRESHOLDS } from '../../src/diagnose/thresholds.js';
import { schemaErrors } from './schema.js';
import schemaFile from '../../docs/diagnose.schema.json' with { type: 'json' };

const NOW = Date.parse('2026-12-07T09:00:00Z');

function diagnosis(cluster: Cluster, provider: Parameters<typeof judgeCluster>[0]['provider'], pgMissing?: string): Diagnosis {
  const report = judgeCluster({ cluster, provider, pg: pgMissing ? { missing: pgMissing } : undefined, thresholds: DEFAULT_THRESHOLDS, now: NOW });
  return { ...report, cluster, postgresSkipped: pgMissing ?? 'password unknown', at: new Date(NOW).toISOString() };
}

const failed = diagnosis(
  { profile: 'prod', provider: 'ionos-v2', id: 'a1', name: 'legacy-crm', phase: 'failed', state: 'FAILED', stateMessage: 'LAN gone\u001b[31m', version: '13', raw: {} },
  { backups: { count: 0 } },
  'the cluster is failed',
);
const healthy = diagnosis(
  { profile: 'prod', provider: 'pgo', id: 'hippo', name: 'hippo|<b>', phase: 'ready', state: 'pgcluster Initialized', version: '16.14', instances: 2, raw: {} },
  { backups: { count: 3, newest: new Date(NOW - 3_600_000).toISOString() }, disk: [{ volume: 'hippo', kind: 'data', usedBytes: 10, capacityBytes: 100 }], instances: { up: 2, total: 2, down: [] } },
);

describe('diagnose reports', () => {
  it('-o json follows the versioned schema and its snapshot', () => {
    const json = JSON.parse(JSON.stringify(reportJson([failed, healthy], new Date(NOW)))) as Record<string, unknown>;
    expect(schemaErrors(json)).toBe('');
    expect(json.$schema).toBe(SCHEMA_ID);
    expect(schemaFile.$id).toBe(SCHEMA_ID);
    expect(json.verdict).toBe('red');
    expect(json).toMatchSnapshot();
  });

  it('the schema rejects what the contract does not allow', () => {
    const json = JSON.parse(JSON.stringify(reportJson([healthy], new Date(NOW)))) as { clusters: Array<{ verdict: string; checks: unknown[] }> };
    json.clusters[0]!.verdict = 'purple';
    expect(schemaErrors(json)).toMatch(/verdict/);
    const empty = JSON.parse(JSON.stringify(reportJson([healthy], new Date(NOW)))) as { clusters: Array<{ checks: unknown[] }> };
    empty.clusters[0]!.checks = [];
    expect(schemaErrors(empty)).toMatch(/fewer than 1/);
  });

  it('text: worst first, next actions for the non-green checks, no escape from provider text', () => {
    const text = reportText([failed], false);
    expect(text.split('\n')[0]).toMatch(/^RED {2}legacy-crm \(prod, ionos-v2\): phase: failed/);
    expect(text).toContain('→ phase: open a support case');
    expect(text).toContain('Postgres checks not run: the cluster is failed');
    expect(text).not.toContain('\u001b');
  });

  it('--md: an incident document with a checklist; table cells cannot be broken by provider text', () => {
    const md = reportMarkdown([failed, healthy], new Date(NOW));
    expect(md).toMatch(/^# Health report — 2026-12-07T09:00:00Z\n\nOverall: \*\*RED\*\* over 2 clusters\./);
    expect(md).toContain('## legacy-crm — RED');
    expect(md).toContain('- [ ] RED phase: open a support case');
    expect(md).toContain('## hippo\\|\\<b\\> — ');
    expect(md).not.toContain('\u001b');
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.match(/(?<!\\)\|/g)).toHaveLength(4);
  });
});
