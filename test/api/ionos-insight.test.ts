// IONOS v1 logs against its fake (per-instance streams, severities parsed, client-side filters, 30 days), and
// what IONOS v2 and PGO say where a cluster's logs would be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supports, unsupportedReason } from '../../src/api/core/capabilities.js';
import type { IonosV1Provider } from '../../src/api/ionos-v1/client.js';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore, type Cluster } from '../../src/api/core/types.js';
import { FakeClock } from '../../src/fake/kit.js';
import { startIonosV1Fake, type IonosV1Fake } from '../../src/fake/ionos-v1/fake.js';

const HOUR = 3_600_000;
let fake: IonosV1Fake;
let provider: IonosV1Provider;

beforeAll(async () => {
  fake = await startIonosV1Fake({ clock: new FakeClock(0), seed: 4 });
  provider = createProvider(
    { kind: 'ionos-v1', name: 'v1', apiUrl: fake.url, username: fake.credentials.username, password: fake.credentials.password, timeoutMs: 2000 },
    { secrets: memorySecretStore(), retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 50 } },
  ) as IonosV1Provider;
});
afterAll(async () => {
  await provider.close();
  await fake.stop();
});

const window = (hours: number) => ({ from: new Date(Date.now() - hours * HOUR), to: new Date(Date.now()) });

describe('IONOS v1 logs', () => {
  it('merges the instances, oldest first, with the severity parsed off the PostgreSQL prefix', async () => {
    const c = await provider.get(fake.addCluster({ properties: { instances: 3 } }).id);
    const page = await provider.logs(c, { ...window(2), limit: 300 });
    expect(page.lines).toHaveLength(300);
    expect(page.truncated).toBe(true);
    expect(page.lines.map((l) => l.at)).toEqual([...page.lines.map((l) => l.at)].sort());
    expect(new Set(page.lines.map((l) => l.instance)).size).toBe(3);
    expect(new Set(page.lines.map((l) => l.severity))).toEqual(new Set(['LOG', 'WARNING', 'ERROR', 'FATAL']));
    expect(page.lines.every((l) => !/UTC \[\d+\]/.test(l.message))).toBe(true);
    const asked = fake.requests.filter((q) => q.path.endsWith('/logs')).at(-1)!;
    expect(asked.query).toMatchObject({ direction: 'BACKWARD', limit: '301' });
  });

  it('filters by severity and text itself (the API cannot), and says so', async () => {
    const c = await provider.get(fake.addCluster({}).id);
    const page = await provider.logs(c, { ...window(6), limit: 20, severity: 'FATAL', grep: 'password' });
    expect(page.lines.length).toBeGreaterThan(0);
    expect(page.lines.every((l) => l.severity === 'FATAL' && l.message.includes('password'))).toBe(true);
    expect(page.note).toMatch(/cannot filter/);
    expect(Number(fake.requests.filter((q) => q.path.endsWith('/logs')).at(-1)!.query.limit)).toBeLessThanOrEqual(5000);
  });

  it('asks no further back than 30 days (the API refuses more)', async () => {
    const c = await provider.get(fake.addCluster({}).id);
    const page = await provider.logs(c, { from: new Date(Date.now() - 60 * 86_400_000), to: new Date(), limit: 5 });
    expect(page.lines).toHaveLength(5);
    expect(page.note).toMatch(/30 days/);
  });

  it('a malformed answer is an error, not an empty page', async () => {
    const c = await provider.get(fake.addCluster({}).id);
    const undo = fake.inject({ match: /\/logs$/, malformed: true, times: 1 });
    await expect(provider.logs(c, { ...window(1), limit: 5 })).rejects.toThrow();
    undo();
  });

  it('has logs but no metrics, slow queries or settings', async () => {
    const c = await provider.get(fake.addCluster({}).id);
    expect(supports(provider, c, 'logs')).toBe(true);
    for (const cap of ['metrics', 'slowQueries', 'settings', 'switchover', 'verifiedTls'] as const) expect(supports(provider, c, cap), cap).toBe(false);
    expect(unsupportedReason(provider, c, 'metrics', 'IONOS v1')).toBe('metrics is not available for IONOS v1 clusters');
  });
});

describe('providers without logs say why', () => {
  const v2 = createProvider({ kind: 'ionos-v2', name: 'v2', token: 't', apiUrl: 'https://127.0.0.1:9/%s' }, { secrets: memorySecretStore() });
  const cluster = (logsEnabled: boolean): Cluster => ({
    profile: 'v2', provider: 'ionos-v2', id: 'c1', name: 'shop', phase: 'ready', state: 'AVAILABLE', raw: { id: 'c1', properties: { logsEnabled } },
  });

  it('IONOS v2: the Logging Service, and how to turn it on', () => {
    expect(supports(v2, cluster(true), 'logs')).toBe(false);
    expect(unsupportedReason(v2, cluster(true), 'logs', 'IONOS v2')).toMatch(/IONOS v2 has no logs API: shop sends its logs to the IONOS Logging Service/);
    expect(unsupportedReason(v2, cluster(false), 'logs', 'IONOS v2')).toMatch(/once logsEnabled is on \(pgtui edit shop --set logsEnabled=true\)/);
  });
});
