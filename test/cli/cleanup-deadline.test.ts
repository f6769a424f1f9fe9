// A clean-up on the way out is waited for at most the way out's deadline (src/lifecycle.ts): a demo whose stop
// hangs must not keep pgtui from leaving after q.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withinCleanupDeadline } from '../../src/lifecycle.js';

afterEach(() => vi.useRealTimers());

describe('withinCleanupDeadline', () => {
  it('gives up on a clean-up that never ends, after the deadline', async () => {
    vi.useFakeTimers();
    let done = false;
    void withinCleanupDeadline(new Promise(() => undefined)).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(7_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(done).toBe(true);
  });

  it('ends with the clean-up when it ends first, and a failed one is no error', async () => {
    await expect(withinCleanupDeadline(Promise.resolve('x'))).resolves.toBeUndefined();
    await expect(withinCleanupDeadline(Promise.reject(new Error('stuck')))).resolves.toBeUndefined();
  });
});
