// Proof of docs/ARCHITECTURE.md "Adding a column": one row added to the field table
// (src/present/cluster-fields.ts) shows in the TUI list, in `pgtui ls` (table and wide), in JSON and in `get`'s
// key/value lines, sorts with `s` in the TUI and is searched by its filter, with no other change.
import { describe, expect, it, vi } from 'vitest';
import type { Cluster } from '../../../src/api/core/types.js';
import { jsonClusters, renderTable } from '../../../src/commands/table.js';
import { keyValueLines } from '../../../src/commands/print-cluster.js';
import { view } from '../../../src/ui/models/list-view.js';
import { cluster } from '../forms/doubles.js';
import { press, waitForFrame as until } from '../forms/keys.js';
import { startApp } from './app-setup.js';

const tier = (c: Cluster) => String((c.raw as { tier?: string } | undefined)?.tier ?? '-');

vi.mock('../../../src/present/cluster-fields.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/present/cluster-fields.js')>();
  const row = {
    key: 'tier', title: 'TIER', value: (c: Cluster) => String((c.raw as { tier?: string } | undefined)?.tier ?? '-'),
    sort: (c: Cluster) => String((c.raw as { tier?: string } | undefined)?.tier ?? ''), search: (c: Cluster) => String((c.raw as { tier?: string } | undefined)?.tier ?? ''),
    list: { width: 8, at: 2.5 }, table: { priority: 9, at: 2.5 }, json: 'tier', jsonValue: (c: Cluster) => (c.raw as { tier?: string } | undefined)?.tier, line: { label: 'tier', at: 2.5 },
  };
  (real.CLUSTER_FIELDS as unknown as Array<typeof row>).push(row);
  return real;
});

const gold = cluster({ id: 'g', name: 'gilded', profile: 'prod', raw: { tier: 'gold' } });
const iron = cluster({ id: 'i', name: 'irony', profile: 'prod', raw: { tier: 'iron' } });

describe('a new column from one field row', () => {
  it('shows in ls (after PHASE), in JSON and in get', () => {
    const table = renderTable([gold, iron], { color: false, wide: false });
    expect(table.split('\n')[0]).toMatch(/^NAME\s+PROFILE\s+PHASE\s+TIER\s+STATE/);
    expect(table).toMatch(/gilded\s+prod\s+\w+\s+gold/);
    expect(jsonClusters([gold], false)[0]).toMatchObject({ name: 'gilded', tier: 'gold' });
    expect(keyValueLines(gold)).toMatch(/^tier\s+gold$/m);
    expect(tier(iron)).toBe('iron');
  });

  it('sorts and filters in the TUI model', () => {
    expect(view([iron, gold], '', 'tier', false).map((c) => c.name)).toEqual(['gilded', 'irony']);
    expect(view([iron, gold], 'gold', 'name', false).map((c) => c.name)).toEqual(['gilded']);
  });

  it('shows in the TUI list, first of the columns the width allows', async () => {
    const { app } = startApp({ clusters: [gold, iron], size: { columns: 120, rows: 20 } });
    try {
      const frame = await until(app.lastFrame, /gilded/);
      expect(frame).toMatch(/NAME▲?\s+PHASE\s+PROFILE\s+TIER\s+VER/);
      expect(frame).toMatch(/gilded.*prod\s+gold/);
      await press(app.stdin, '/', 'iron', '\r');
      await until(app.lastFrame, (f) => f.includes('irony') && !f.includes('gilded'));
    } finally {
      app.unmount();
    }
  });
});
