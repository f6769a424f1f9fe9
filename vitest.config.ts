import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup-budgets.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // End-to-end tests drive tmux and PostgreSQL; keep them from fighting over the 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
