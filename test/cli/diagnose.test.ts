// pgtui diagnose and ls --health as a user runs them: the built executable against --demo.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../diagnose/schema.js';
import { cleanEnv, ensureBuilt, runCli, type Run } from './helpers.js';

let env: NodeJS.ProcessEnv;
let json: Run;
let health: Run;
let prefix: Run;
let healthJson: Run;

beforeAll(async () => {
  ensureBuilt();
  env = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-diag-')));
  // Each --demo run starts the fakes and a PostgreSQL: run the three side by side.
  [json, health, prefix, healthJson] = await Promise.all([
    runCli(['--demo', 'diagnose', 'legacy-crm', '-o', 'json'], { env, timeoutMs: 150_000 }),
    runCli(['--demo', 'ls', '--health'], { env, timeoutMs: 150_000 }),
    runCli(['--demo', 'diagnose', 'legacy', '--no-postgres'], { env, timeoutMs: 150_000 }),
    runCli(['--demo', 'ls', '--health', '--provider', 'pgo', '-o', 'json'], { env, timeoutMs: 150_000 }),
  ]);
}, 180_000);

describe('pgtui diagnose: usage', () => {
  it('needs exactly one of NAME and --all (exit 2 with the reason); -o takes table or json', async () => {
    const empty = cleanEnv(mkdtempSync(join(tmpdir(), 'pgtui-diag-')), { PGTUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'pgtui-diag-cfg-')) });
    const none = await runCli(['diagnose'], { env: empty });
    expect([none.code, none.stderr]).toEqual([2, 'pgtui: give a cluster NAME, or --all for every cluster\n']);
    const both = await runCli(['diagnose', 'x', '--all'], { env: empty });
    expect([both.code, both.stderr]).toEqual([2, 'pgtui: give a NAME or --all, not both\n']);
    const yaml = await runCli(['diagnose', '--all', '-o', 'yaml'], { env: empty });
    expect(yaml.code).toBe(2);
    const nothing = await runCli(['diagnose', '--all'], { env: empty });
    // No profile at all: the one-shots' common "no profile is configured" line (how to add one), exit 2.
    expect([nothing.code, nothing.stdout]).toEqual([2, '']);
    expect(nothing.stderr).toMatch(/^pgtui: no profile is configured\. Add one with: pgtui profile add /);
  });
});

describe('pgtui diagnose (built, --demo)', () => {
  it('-o json: valid against the schema, 16+ checks, the failed IONOS cluster red on phase, exit 2', () => {
    expect(json.code, json.stderr).toBe(2);
    const report = JSON.parse(json.stdout) as { verdict: string; clusters: Array<{ name: string; checks: Array<{ id: string; verdict: string }> }> };
    expect(schemaErrors(report)).toBe('');
    expect(report.verdict).toBe('red');
    expect(report.clusters).toHaveLength(1);
    expect(report.clusters[0]!.checks.length).toBeGreaterThanOrEqual(16);
    expect(report.clusters[0]!.checks[0]).toMatchObject({ verdict: 'red' });
    expect(report.clusters[0]!.checks.find((c) => c.id === 'phase')!.verdict).toBe('red');
  });

  it('takes an exact name only: a prefix is not found (exit 4)', () => {
    expect(prefix.code).toBe(4);
    expect(prefix.stderr).toMatch(/no cluster named exactly legacy/);
  });

  it('ls --health: a HEALTH column for all four providers, exit 2 when one is red', () => {
    expect(health.code, health.stderr).toBe(2);
    const [head, ...rows] = health.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^NAME +PROFILE +PHASE +HEALTH /);
    const col = head!.indexOf('HEALTH');
    const cells = rows.map((r) => r.slice(col).split(/\s+/)[0]);
    expect(new Set(cells)).toEqual(new Set(['GREEN', 'YELLOW', 'RED']));
    for (const profile of ['demo-ionos ', 'demo-ionos-v2', 'demo-clickhouse', 'demo-pgo']) expect(rows.some((r) => r.includes(profile))).toBe(true);
    expect(rows.find((r) => r.startsWith('legacy-crm'))).toMatch(/ RED /);
  });

  it('ls --health -o json: each cluster carries its verdict and reason', () => {
    expect(healthJson.code, healthJson.stderr).toBe(2);
    const rows = JSON.parse(healthJson.stdout) as Array<{ name: string; health: { verdict: string; reason: string } }>;
    expect(rows.map((r) => r.name).sort()).toEqual(['gnu', 'hippo', 'okapi', 'rhino', 'zebra']);
    expect(rows.find((r) => r.name === 'rhino')!.health).toMatchObject({ verdict: 'red', reason: expect.stringContaining('backup-age: newest backup 4 days ago') });
  });
});
