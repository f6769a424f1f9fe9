// The metrics panel: a sparkline and the latest value per series, refreshed at watch priority only while open,
// provider names made safe, and one line where the provider has no metrics.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MetricSeries, TimeRange } from '../../../src/api/core/insight.js';
import type { Cluster } from '../../../src/api/core/types.js';
import type { InsightOptions } from '../../../src/state/types.js';
import { Metrics } from '../../../src/ui/screens/Metrics.js';
import { renderScreen } from '../render.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { waitForFrame } from '../forms/keys.js';

const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
type MetricsFn = (c: Cluster, r: TimeRange, o?: InsightOptions) => Promise<MetricSeries[]>;

function setup(metrics: MetricsFn, supported = true) {
  const store = fakeStore({ metrics, supports: (_c, cap) => supported && cap === 'metrics', unsupportedReason: () => 'metrics is not available for IONOS v1 clusters' });
  const ui = renderScreen(<Metrics cluster={ch} height={12} width={100} readOnly={false} active onBack={vi.fn()} onHelp={vi.fn()} onQuit={vi.fn()} refreshMs={20} />, store);
  return { store, ui };
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('metrics panel', () => {
  it('draws a sparkline and the latest value per series; refreshes at watch priority; stops when closed', async () => {
    let tick = 0;
    const signals: AbortSignal[] = [];
    const metrics = vi.fn<MetricsFn>(async (_c, _r, o) => {
      if (o?.signal) signals.push(o.signal);
      tick++;
      return [
        { key: 'mem', name: 'Memory \u001b[31mused', unit: 'bytes', points: [1, 2, 4].map((v, i) => ({ at: i, value: v * 1024 ** 3 })) },
        { key: 'conn', name: 'Connections', unit: '', points: [10, 20, 10 + tick].map((value, i) => ({ at: i, value })) },
      ];
    });
    const { ui } = setup(metrics);
    const frame = await waitForFrame(ui.lastFrame, '4.0 GiB');
    // The escape byte is gone (the rest of the provider's text stays, harmless).
    expect(frame).toMatch(/Memory \[31mused\s+▁▃█/);
    expect(frame).not.toContain('\u001b');
    await vi.waitFor(() => expect(metrics.mock.calls.length).toBeGreaterThanOrEqual(3));
    await waitForFrame(ui.lastFrame, (f) => Number(/Connections.*\s(\d+)\s*$/m.exec(f)?.[1]) >= 13);
    expect(metrics.mock.calls[0]![2]?.poll).toBe(false);
    expect(metrics.mock.calls.slice(1).every((c) => c[2]?.poll === true)).toBe(true);
    ui.unmount();
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('says in one line why a provider has no metrics, and fetches nothing', async () => {
    const metrics = vi.fn<MetricsFn>();
    const { ui } = setup(metrics, false);
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'metrics is not available for IONOS v1 clusters');
    expect(metrics).not.toHaveBeenCalled();
  });
});
