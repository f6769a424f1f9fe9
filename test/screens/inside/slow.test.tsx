// The slow-query list: worst (most total time) first whatever order the provider sends, SQL from the provider
// shown safe on one line, the cursor and enter, and one line where the provider has none.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlowQuery } from '../../../src/api/core/insight.js';
import { SlowQueries } from '../../../src/ui/screens/SlowQueries.js';
import { renderScreen } from '../render.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame } from '../forms/keys.js';

const ch = cluster({ provider: 'clickhouse', name: 'chdb', profile: 'ch', id: 'c9' });
const q = (id: string, totalMs: number, query: string): SlowQuery => ({ id, query, database: 'shop', user: `u${id}`, operation: 'SELECT', calls: 1, errors: 0, totalMs, avgMs: totalMs });

function setup(supported = true) {
  const store = fakeStore({
    supports: (_c, cap) => supported && cap === 'slowQueries',
    unsupportedReason: () => 'slow query patterns is not available for IONOS v1 clusters',
    slowQueries: async () => [q('a', 10, 'SELECT small'), q('b', 5000, 'SELECT\n  evil \u001b]0;owned\u0007 FROM t'), q('c', 700, 'SELECT middle')],
    slowQueryDetail: async () => ({ recent: [] }),
  });
  const ui = renderScreen(<SlowQueries cluster={ch} height={12} width={100} readOnly={false} active onBack={vi.fn()} onHelp={vi.fn()} onQuit={vi.fn()} />, store);
  return { store, ui };
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('slow query list', () => {
  it('sorts worst first, shows provider SQL safe on one line, and enter opens the pattern under the cursor', async () => {
    const { store, ui } = setup();
    unmount = ui.unmount;
    const frame = await waitForFrame(ui.lastFrame, 'SELECT small');
    const order = ['evil', 'SELECT middle', 'SELECT small'].map((t) => frame.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(frame).not.toContain('\u001b]0');
    expect(frame).not.toContain('\u0007');
    expect(frame).toMatch(/SELECT evil .* FROM t/);
    await press(ui.stdin, 'j', KEY.enter);
    await waitForFrame(ui.lastFrame, 'recent executions (0)');
    // The detail names the pattern with the database, user and operation it was listed under.
    expect(store.slowQueryDetail.mock.calls[0]![1]).toEqual({ id: 'c', database: 'shop', user: 'uc', operation: 'SELECT' });
  });

  it('says in one line why a provider has none, and fetches nothing', async () => {
    const { store, ui } = setup(false);
    unmount = ui.unmount;
    await waitForFrame(ui.lastFrame, 'slow query patterns is not available for IONOS v1 clusters');
    expect(store.slowQueries).not.toHaveBeenCalled();
  });
});
