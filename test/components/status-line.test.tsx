// The header's freshness and rate-limit notice (docs/polling-store.md): "updated 40 s ago" only when the request
// budget is what sets the inventory cadence, and the store's notice while a user action waits for a 429.
import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { Header } from '../../src/ui/components/StatusLine.js';
import type { ProfileHealth } from '../../src/state/types.js';

const health = (over: Partial<ProfileHealth>): ProfileHealth => ({ profile: 'big', kind: 'ionos-v1', readOnly: false, insecure: false, status: 'ok', clusterCount: 5000, ...over });

it('says how fresh the inventory is when the budget limits it, and shows the rate-limit notice', () => {
  const base = { readOnly: false, shown: 5000, total: 5000, filter: '', width: 120 };
  const limited = render(<Header {...base} profiles={[health({ budgetLimited: true, lastRefresh: Date.now() - 40_000 })]} notice="rate limited by ClickHouse, retrying in 4 s" />);
  expect(limited.lastFrame()).toMatch(/updated 4\d s ago/);
  expect(limited.lastFrame()).toContain('rate limited by ClickHouse, retrying in 4 s');
  limited.unmount();
  const free = render(<Header {...base} profiles={[health({ budgetLimited: false, lastRefresh: Date.now() - 40_000 })]} />);
  expect(free.lastFrame()).not.toContain('updated');
  free.unmount();
});

it('the freshness ticks by itself while nothing else renders (10 s steps, then minutes), never younger than the truth', async () => {
  const { vi } = await import('vitest');
  // Only the clock and timeouts are fake: React's scheduler keeps its own (real) turns.
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    const base = { readOnly: false, shown: 5000, total: 5000, filter: '', width: 120 };
    const app = render(<Header {...base} profiles={[health({ budgetLimited: true, lastRefresh: Date.now() - 17_000 })]} />);
    expect(app.lastFrame()).toContain('updated 10 s ago');
    // React renders on its scheduler's real turns, Ink writes on a (fake) throttle: let both run after each step.
    const turn = () => new Promise((r) => setImmediate(r));
    const step = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      for (let i = 0; i < 3; i++) {
        await turn();
        await vi.advanceTimersByTimeAsync(0);
      }
    };
    await step(0); // the effect that arms the tick
    await step(3_100);
    expect(app.lastFrame()).toContain('updated 20 s ago');
    await step(9_000);
    expect(app.lastFrame()).toContain('updated 20 s ago');
    await step(1_000);
    expect(app.lastFrame()).toContain('updated 30 s ago');
    await step(90_000); // 120 s after the list, with no other render
    expect(app.lastFrame()).toContain('updated 2 min ago');
    const frames = app.frames.length;
    await step(30_000); // still 2 min: nothing written
    expect(app.frames.length).toBe(frames);
    app.unmount();
  } finally {
    vi.useRealTimers();
  }
});
