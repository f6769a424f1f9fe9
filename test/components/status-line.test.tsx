// The header's freshness and rate-limit notice (docs/polling-store.md): "updated 40 s ago" only when the request
// budget is what sets the inventory cadence, and the store's notice while a user action waits for a 429.
import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { Header } from '../../src/components/StatusLine.js';
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
