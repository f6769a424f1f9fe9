// The list's view model: sort once per snapshot, filter over every searchable field, never across two.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/api/core/types.js';
import { view } from '../../src/ui/models/list-view.js';

const c = (name: string, over: Partial<Cluster> = {}): Cluster => ({
  id: `id-${name}`, name, profile: 'prod', provider: 'clickhouse', phase: 'ready', state: 'running', raw: {}, ...over,
}) as Cluster;

const names = (cs: readonly Cluster[]) => cs.map((x) => x.name);

describe('view', () => {
  const all = [c('orders'), c('Billing', { phase: 'failed', state: 'FAILED', location: 'de/fra' }), c('audit', { profile: 'staging', version: '16' }), c('zeta', { version: '9.6' })];

  it('sorts by name without regard to case, and by other keys with name as the tie-breaker', () => {
    expect(names(view(all, '', 'name', false))).toEqual(['audit', 'Billing', 'orders', 'zeta']);
    expect(names(view(all, '', 'name', true))).toEqual(['zeta', 'orders', 'Billing', 'audit']);
    expect(names(view(all, '', 'profile', false))).toEqual(['Billing', 'orders', 'zeta', 'audit']);
    // reverse flips the whole order, ties included
    expect(names(view(all, '', 'version', true))).toEqual(['audit', 'zeta', 'orders', 'Billing']);
  });

  it('filters on name, profile, provider label, state, phase, location and id, case-insensitively', () => {
    expect(names(view(all, 'BILL', 'name', false))).toEqual(['Billing']);
    expect(names(view(all, 'staging', 'name', false))).toEqual(['audit']);
    expect(names(view(all, 'de/fra', 'name', false))).toEqual(['Billing']);
    expect(names(view(all, 'failed', 'name', false))).toEqual(['Billing']);
    expect(names(view(all, 'id-zeta', 'name', false))).toEqual(['zeta']);
    expect(names(view(all, 'ClickHouse', 'name', false))).toHaveLength(4);
    // "ordersprod" spans the name and the profile: no match.
    expect(view(all, 'ordersprod', 'name', false)).toEqual([]);
  });

  it('a new snapshot is sorted afresh, and narrowing a filter keeps the order', () => {
    expect(names(view(all, 'zeta', 'name', false))).toEqual(['zeta']);
    const next = [c('zeta-2'), ...all, c('alpha')];
    expect(names(view(next, '', 'name', false))).toEqual(['alpha', 'audit', 'Billing', 'orders', 'zeta', 'zeta-2']);
    expect(names(view(next, 'zeta', 'name', true))).toEqual(['zeta-2', 'zeta']);
    expect(names(view(next, 'zeta-', 'name', true))).toEqual(['zeta-2']);
    expect(view(next, '', 'name', false)).not.toBe(view(next, '', 'name', false));
  });
});
