// Request budgets are process-wide (one per credential, src/api/core/budget.ts): each test starts with fresh ones, so
// a 429 injected by one test does not pause the next test's requests.
import { afterEach } from 'vitest';
import { resetBudgets } from '../src/api/core/budget.js';

afterEach(() => resetBudgets());
