// collectProviderFacts asks only what the provider has (capabilities), turns failures into a reason, bounds and
// sanitises what comes back, and reads an active backup as continuous.
import { describe, expect, it } from 'vitest';
import type { Backup, Cluster, Provider } from '../../src/api/core/types.js';
import { collectProviderFacts } from '../../src/diagnose/provider-facts.js';
import { ApiError } from '../../src/api/core/errors.js';

const NOW = Date.parse('2026-12-07T09:00:00Z');
const cluster: Cluster = { profile: 'p', provider: 'pgo', id: 'c', name: 'c', phase: 'ready', state: 'ready', storage: '10 GiB', instances: 2, raw: { properties: { maintenanceWindow: { dayOfTheWeek: 'Sunday', time: '04:00:00' } } } };

function provider(methods: Partial<Provider>): Provider {
  return { kind: 'pgo', profile: 'p', ...methods } as unknown as Provider;
}

const backup = (over: Partial<Backup>): Backup => ({ id: 'b', clusterId: 'c', raw: {}, ...over });

describe('collectProviderFacts', () => {
  it('asks nothing the provider lacks', async () => {
    expect(await collectProviderFacts(provider({}), { ...cluster, raw: {} }, undefined, NOW)).toEqual({});
  });

  it('the newest restore point of finished backups; an active backup reaches now', async () => {
    const two = provider({ backups: async () => [backup({ createdAt: '2026-12-01T00:00:00Z' }), backup({ createdAt: '2026-12-05T00:00:00Z', latestRecoveryTargetTime: '2026-12-06T00:00:00Z' })] });
    expect((await collectProviderFacts(two, cluster, undefined, NOW)).backups).toEqual({ count: 2, newest: '2026-12-06T00:00:00.000Z' });
    const active = provider({ backups: async () => [backup({ createdAt: '2026-11-01T00:00:00Z', active: true })] });
    expect((await collectProviderFacts(active, cluster, undefined, NOW)).backups).toMatchObject({ continuous: true, newest: new Date(NOW).toISOString() });
  });

  it('a backup dated in the future does not count as recent; a huge list is bounded', async () => {
    const lying = provider({ backups: async () => [backup({ createdAt: '2099-01-01T00:00:00Z' }), ...Array.from({ length: 20_000 }, () => backup({ createdAt: '2026-01-01T00:00:00Z' }))] });
    const f = (await collectProviderFacts(lying, cluster, undefined, NOW)).backups as { count: number; newest: string };
    expect(f.newest).toBe('2026-01-01T00:00:00.000Z');
    expect(f.count).toBe(10_000);
  });

  it('a failing call becomes the reason, in one safe line', async () => {
    const failing = provider({ backups: async () => Promise.reject(new ApiError('503 Service Unavailable\u001b[2J', { kind: 'server', status: 503 })) });
    const f = (await collectProviderFacts(failing, cluster, undefined, NOW)).backups as { missing: string };
    expect(f.missing).toContain('503');
    expect(f.missing).not.toContain('\u001b');
  });

  it('disk from the provider report, else from the storage metric against the storage size; instances from reachability', async () => {
    const pgo = provider({
      diskUsage: async () => [{ instance: 'c', pod: 'c-1', kind: 'data', volume: 'pgdata\u001b[31m', usedBytes: 5, capacityBytes: 10 }],
      reachability: async () => [
        { what: 'instance', role: 'primary', name: 'c-1', available: true },
        { what: 'instance', role: 'replica', name: 'c-2', available: false },
        { what: 'endpoint', role: 'primary', name: '10.0.0.1:5432', available: true },
      ],
    });
    const f = await collectProviderFacts(pgo, cluster, undefined, NOW);
    expect(f.disk).toEqual([{ volume: 'pgdata [31m', kind: 'data', usedBytes: 5, capacityBytes: 10 }]);
    expect(f.instances).toEqual({ up: 1, total: 2, down: ['c-2'] });
    expect(f.maintenance).toEqual({ day: 'Sunday', time: '04:00:00' });
    const metrics = provider({ metrics: async () => [{ key: 'storage_used/data', name: 'Storage', unit: 'bytes', points: [{ at: NOW - 60_000, value: 9 * 1024 ** 3 }] }] });
    expect((await collectProviderFacts(metrics, cluster, undefined, NOW)).disk).toEqual([{ volume: 'data', kind: 'data', usedBytes: 9 * 1024 ** 3, capacityBytes: 10 * 1024 ** 3 }]);
  });
});

describe('a provider that does not answer', () => {
  it('leaves its fact "no answer" after the deadline; the other facts and the verdict still come', async () => {
    const hung = provider({
      backups: () => new Promise<Backup[]>(() => undefined),
      reachability: async () => [{ what: 'instance', role: 'primary', name: 'c-1', available: true }],
    });
    const f = await collectProviderFacts(hung, { ...cluster, instances: 1 }, undefined, NOW, 1000);
    expect(f.backups).toEqual({ missing: 'no answer within 1 s' });
    expect(f.instances).toEqual({ up: 1, total: 1, down: [] });
  });
});
