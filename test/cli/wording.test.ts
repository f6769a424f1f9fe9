// Wording a newcomer met: plurals ("1 core", "1 profile"), a choice's value not repeated after a label that shows
// it, the HTTP status text said once, a refusal naming its cluster once, no unit word after a count, and the logs
// note naming the read limit instead of a second count.
import { describe, expect, it, vi } from 'vitest';
import { createFormSpec, validateCreate } from '../../src/api/clickhouse/forms.js';
import { httpError } from '../../src/api/core/errors.js';
import { toCluster } from '../../src/api/ionos-v1/mapping.js';
import { createFields } from '../../src/api/pgo/forms.js';
import type { Cluster, Provider } from '../../src/api/core/types.js';
import { refuseUnsupported } from '../../src/commands/guard.js';
import { formatValue } from '../../src/present/insight.js';
import { displayValue, labelWithValue } from '../../src/forms/fields.js';
import { counted } from '../../src/text/plural.js';

describe('wording', () => {
  it('counts with the right number: 1 core, 2 cores, 1 profile', () => {
    expect(counted(1, 'profile')).toBe('1 profile');
    expect(counted(4, 'profile')).toBe('4 profiles');
    const v1 = (cores: number) => toCluster('p', { id: 'i', properties: { displayName: 'x', cores, ram: 2048 }, metadata: {} } as never, true).size;
    expect(v1(1)).toBe('1 core, 2 GB RAM');
    expect(v1(4)).toBe('4 cores, 2 GB RAM');
  });

  it('shows a choice value once when its label already says it', () => {
    const image = createFields('4.3.0').find((f) => f.key === 'imageTag')!;
    const tag = image.choices!.find((c) => c.value)!.value;
    expect(displayValue(image, tag)).toBe(`PostgreSQL ${tag.split('-')[1]} (${tag})`);
    expect(labelWithValue('17 (recommended)', '17')).toBe('17 (recommended)');
    expect(labelWithValue('Frankfurt', 'de/fra')).toBe('Frankfurt (de/fra)');
    // "1" inside "10 cores" is not the value 1.
    expect(labelWithValue('10 cores', '1')).toBe('10 cores (1)');
  });

  it('says the HTTP status text once', () => {
    expect(httpError(401, 'Unauthorized: token expired').summary).toBe('401 Unauthorized: token expired');
    expect(httpError(401, 'Unauthorized').summary).toBe('401 Unauthorized (check the credentials)');
    expect(httpError(404, '404 Not Found - no such cluster').summary).toBe('404 Not Found: no such cluster');
    expect(httpError(401, 'Not authenticated in apiserver').summary).toBe('401 Unauthorized: Not authenticated in apiserver');
  });

  it('names the cluster once in a refusal', () => {
    const cluster = { name: 'billing', provider: 'clickhouse', profile: 'ch', id: 'b1' } as Cluster;
    const provider = { promote: vi.fn(), allows: () => false, refusal: (c: Cluster) => `${c.name} is not a read replica: only a read replica can be promoted` } as unknown as Provider;
    expect(() => refuseUnsupported(provider, cluster, 'promote')).toThrow(/^billing is not a read replica: only a read replica can be promoted$/);
    const without = {} as Provider;
    expect(() => refuseUnsupported(without, cluster, 'promote')).toThrow(/^billing: promoting a replica is not available/);
  });

  it('puts no unit word after a count', () => {
    expect(formatValue(17.4, 'count')).toBe('17.4');
    expect(formatValue(3, '')).toBe('3');
    expect(formatValue(12.5, 'ms')).toBe('12.5 ms');
    expect(formatValue(40, '%')).toBe('40%');
  });

  it('gives a ClickHouse restore example inside its own "within the last 7 days", whatever the date', () => {
    for (const now of [Date.UTC(2031, 0, 1, 0, 30), Date.now()]) {
      const help = createFormSpec([], now).fields.find((f) => f.key === 'restoreTarget')!.help!;
      expect(help).toMatch(/within the last 7 days/);
      const example = /e\.g\. (\S+)/.exec(help)![1]!;
      const at = Date.parse(example);
      expect(now - at).toBeGreaterThan(0);
      expect(now - at).toBeLessThan(7 * 86_400_000);
      // The form's own check (against the real clock) takes it.
      if (now > Date.UTC(2030, 0)) continue;
      expect(validateCreate({ mode: 'restore', name: 'back', source: 'p1', restoreTarget: example })).toEqual({});
    }
  });
});
