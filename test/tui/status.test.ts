// What ends work in flight on the status line (src/ui/hooks/status.ts): the clusters, not a guess.
import { describe, expect, it } from 'vitest';
import { differsFrom, untilGone, untilSettled } from '../../src/ui/hooks/status.js';
import { cluster } from '../screens/forms/doubles.js';

describe('watches', () => {
  const ready = cluster({ id: 'x', name: 'ux-v1', profile: 'p' });
  const busy = { ...ready, phase: 'updating' as const };
  const outcome = (c: typeof ready) => ({ text: `${c.name} is ${c.phase}` });

  it('a create ends when the cluster is out of creating', () => {
    const creating = { ...ready, phase: 'creating' as const };
    const watch = untilSettled(creating, outcome, false);
    expect(watch([creating])).toBeUndefined();
    expect(watch([{ ...ready, phase: 'degraded' }])).toEqual({ text: 'ux-v1 is degraded' });
  });

  it('a create is not "gone" before the list first shows it (the store puts it a moment after the answer)', () => {
    const creating = { ...ready, phase: 'creating' as const };
    const watch = untilSettled(creating, outcome, false);
    expect(watch([])).toBeUndefined();
    expect(watch([], true)).toBeUndefined();
    expect(watch([creating])).toBeUndefined();
    expect(watch([{ ...ready }])).toEqual({ text: 'ux-v1 is ready' });
    const later = untilSettled(creating, outcome, false);
    expect(later([creating])).toBeUndefined();
    expect(later([])).toEqual({ text: 'ux-v1 is gone', error: true });
  });

  it('a restart or edit waits for the cluster to show the work, or for a quiet list', () => {
    const watch = untilSettled(ready, outcome);
    expect(watch([ready])).toBeUndefined(); // still looks ready: the provider has not reported it yet
    expect(watch([busy])).toBeUndefined();
    expect(watch([{ ...ready }])).toEqual({ text: 'ux-v1 is ready' });
    expect(untilSettled(ready, outcome)([ready], true)).toEqual({ text: 'ux-v1 is ready' });
    expect(untilSettled(ready, outcome)([busy], true)).toBeUndefined();
    const gone = untilSettled(ready, outcome);
    expect(gone([ready])).toBeUndefined();
    expect(gone([])).toEqual({ text: 'ux-v1 is gone', error: true });
  });

  it('an edit ends on the first steady list that shows the change, though no list showed it in flight', () => {
    const before = { ...ready, size: '2 cores, 4 GB RAM' };
    const watch = untilSettled(before, outcome, true, differsFrom(before));
    expect(watch([before])).toBeUndefined(); // not applied yet
    expect(watch([{ ...before, size: '4 cores, 8 GB RAM' }])).toEqual({ text: 'ux-v1 is ready' });
    // A change the list does not show (a maintenance window) still waits for busy or a quiet list.
    expect(untilSettled(before, outcome, true, differsFrom(before))([{ ...before }])).toBeUndefined();
  });

  it('a delete ends when the list no longer has the cluster', () => {
    const watch = untilGone(ready, 'ux-v1 is deleted');
    expect(watch([{ ...ready, phase: 'deleting' }])).toBeUndefined();
    expect(watch([])).toEqual({ text: 'ux-v1 is deleted' });
  });
});
