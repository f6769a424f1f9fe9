// The TUI's view of the journal (docs/plans.md): the :journal screen lists applied plans newest first with their
// outcome, and a cluster's detail screen shows its own entries beside its state timeline.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { JournalEntry } from '../../../src/plan/journal.js';
import { ClusterDetail } from '../../../src/ui/screens/ClusterDetail.js';
import { Journal } from '../../../src/ui/screens/Journal.js';
import { parseCommand } from '../../../src/ui/registry/commands.js';
import { cluster, fakeStore } from '../forms/doubles.js';
import { KEY, press, waitForFrame } from '../forms/keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  time: '2026-12-07T10:00:00.000Z', profile: 'prod', provider: 'ionos-v2', cluster: { id: 'c1', name: 'db1' }, operation: 'restart',
  summary: 'restart db1 (prod)', hash: '0123456789abcdef', impacts: ['downtime'], outcome: 'ok', ...over,
});
const ENTRIES = [
  entry({}),
  entry({ time: '2026-12-07T10:05:00.000Z', operation: 'remove', summary: 'delete other (prod)', cluster: { id: 'c2', name: 'other' }, outcome: 'error', error: '409 Conflict: busy' }),
  entry({ time: '2026-12-07T10:09:00.000Z', operation: 'updateSettings', summary: 'change settings of db1 (prod): work_mem (default) → 64MB', requestId: 'req-42' }),
];

function storeWith(entries: JournalEntry[]) {
  return Object.assign(fakeStore(), { journal: () => entries });
}

describe(':journal', () => {
  it('is a command, and the screen lists every applied plan newest first with outcome, error and request id', async () => {
    expect(parseCommand(':journal')).toEqual({ type: 'journal' });
    const onBack = vi.fn();
    const { lastFrame, stdin } = renderScreen(<Journal onBack={onBack} onQuit={vi.fn()} />, storeWith(ENTRIES));
    const frame = await waitForFrame(lastFrame, /3 applied plans/);
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('work_mem')).toBeLessThan(at('delete other'));
    expect(at('delete other')).toBeLessThan(at('restart db1'));
    expect(frame).toMatch(/error delete other \(prod\) · 409 Conflict: busy/);
    expect(frame).toContain('request req-42');
    await press(stdin, KEY.esc);
    await vi.waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(onBack).toHaveBeenCalled();
  });

  it('says so when nothing was applied yet', async () => {
    const { lastFrame } = renderScreen(<Journal onBack={vi.fn()} onQuit={vi.fn()} />, storeWith([]));
    await waitForFrame(lastFrame, /no changes recorded yet/);
  });
});

describe('the detail screen', () => {
  it("shows the cluster's own journal entries in its timeline, not other clusters'", async () => {
    const { lastFrame } = renderScreen(<ClusterDetail cluster={cluster()} revealed={false} scroll={0} height={60} width={120} onLines={() => {}} />, storeWith(ENTRIES));
    const frame = await waitForFrame(lastFrame, /pgtui applied: restart db1/);
    expect(frame).toContain('pgtui applied: change settings of db1 (prod): work_mem (default) → 64MB');
    expect(frame).not.toContain('delete other');
  });
});
