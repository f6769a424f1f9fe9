// `diagnose --all` over the demo as pgtui runs it (src/demo/start.ts: the four fakes with their rate limits on,
// the local PostgreSQL behind them): every cluster judged, the seeded problems red for the right check,
// Postgres checks where a connection can be made and the reason where not, the JSON valid against the schema,
// and not one 429 from any fake.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProvider } from '../../src/api/registry.js';
import type { Cluster } from '../../src/api/core/types.js';
import { startDemo, type Demo } from '../../src/demo/start.js';
import { ClickHouseFake } from '../../src/fake/clickhouse/fake.js';
import { IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';
import { IonosV2RegionServer } from '../../src/fake/ionos-v2/server.js';
import { PgoFake } from '../../src/fake/pgo/fake.js';
import { findPostgresBin } from '../../src/fake/local-postgres.js';
import { clusterKey, diagnoseFleet } from '../../src/diagnose/fleet.js';
import { CHECKS } from '../../src/diagnose/health.js';
import { reportJson } from '../../src/diagnose/report.js';
import type { Diagnosis } from '../../src/diagnose/run.js';
import { DEFAULT_THRESHOLDS } from '../../src/diagnose/thresholds.js';
import { openConfig } from '../../src/state/config.js';
import { schemaErrors } from './schema.js';

let demo: Demo;
let byName: Map<string, Diagnosis>;
const throttled = [ClickHouseFake, IonosV1Fake, IonosV2RegionServer, PgoFake].map((F) => vi.spyOn(F.prototype as unknown as { rateLimitResponse(s: number): unknown }, 'rateLimitResponse'));

beforeAll(async () => {
  demo = await startDemo({});
  const config = openConfig({ dir: demo.configDir });
  const providers = new Map(config.list().map((p) => [p.name, createProvider(p, { secrets: config.secrets })]));
  const lists = await Promise.all([...providers.values()].map((p) => p.list()));
  const clusters: Cluster[] = lists.flatMap((l) => l.clusters);
  const results = await diagnoseFleet(clusters, (c) => providers.get(c.profile)!, { thresholds: DEFAULT_THRESHOLDS, configDir: demo.configDir });
  byName = new Map(clusters.map((c) => [c.name, results.get(clusterKey(c))!]));
}, 180_000);

afterAll(async () => {
  await demo?.stop();
});

const check = (name: string, id: string) => byName.get(name)!.checks.find((c) => c.id === id)!;

describe('diagnose --all over the demo', () => {
  it('judges every cluster of the four providers with every check, and no fake answered 429', () => {
    expect(byName.size).toBeGreaterThanOrEqual(20);
    expect(new Set([...byName.values()].map((d) => d.cluster.provider))).toEqual(new Set(['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo']));
    for (const d of byName.values()) expect(d.checks).toHaveLength(CHECKS.length);
    expect(CHECKS.length).toBeGreaterThanOrEqual(16);
    expect(throttled.map((s) => s.mock.calls.length)).toEqual([0, 0, 0, 0]);
  });

  it('the seeded problems are red for a reason a person recognises', () => {
    expect(byName.get('legacy-crm')!.verdict).toBe('red');
    expect(check('legacy-crm', 'phase').verdict).toBe('red');
    expect(check('analytics-v1', 'phase').verdict).toBe('red');
    expect(check('rhino', 'backup-age')).toMatchObject({ verdict: 'red' });
    expect(check('rhino', 'backup-age').evidence).toContain('4 days ago');
    expect(check('wiki', 'version-eol').verdict).toBe('red');
    expect(check('hippo', 'version-eol').evidence).toContain('PostgreSQL 12 reached its end of life on 2024-11-21');
    const verdicts = new Set([...byName.values()].map((d) => d.verdict));
    for (const v of ['green', 'yellow', 'red'] as const) expect(verdicts).toContain(v);
  });

  it.skipIf(!findPostgresBin())('runs the Postgres checks where a connection can be made, and says why not elsewhere', () => {
    for (const provider of ['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo']) {
      const connected = [...byName.values()].filter((d) => d.cluster.provider === provider && !d.postgresSkipped);
      expect(connected.length, provider).toBeGreaterThan(0);
      expect(connected[0]!.checks.find((c) => c.id === 'connections')!.verdict).not.toBe('unknown');
    }
    expect(byName.get('legacy-crm')!.postgresSkipped).toBe('the cluster is failed');
    expect(byName.get('gnu')!.postgresSkipped).toBe('the cluster is stopped');
  });

  it('-o json of the whole fleet is valid against docs/diagnose.schema.json', () => {
    const json = JSON.parse(JSON.stringify(reportJson([...byName.values()], new Date())));
    expect(schemaErrors(json)).toBe('');
    expect(json.verdict).toBe('red');
  });
});
