// The request budget: one per credential (docs/polling-store.md "Request budget"). Every HTTP request waits
// here for a slot. At most `requests` are sent in any window of `windowMs` (a sliding log, so it stays under
// the provider's limit whether the provider counts fixed windows, sliding windows or a token bucket), and
// each priority may only fill part of the window, so what the user asked for always finds a slot:
//   user        (create, delete, edit, psql's lookup, `r`, one-shot commands)  the whole window
//   watch       (transitional clusters, the detail screen's cluster)           WATCH_SHARE of it
//   background  (the inventory refresh)                                        BACKGROUND_SHARE of it
// A 429 pauses the whole budget for the provider's Retry-After / X-RateLimit-Reset, never longer than
// budget-delay.ts allows; a person asking again (`r`) ends the pause early.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from './errors.js';
import { clampPause, MAX_TIMER_MS } from './budget-delay.js';

export type Priority = 'user' | 'watch' | 'background';
export interface Limits {
  requests: number;
  windowMs: number;
}

const ORDER: readonly Priority[] = ['user', 'watch', 'background'];
export const WATCH_SHARE = 0.8;
export const BACKGROUND_SHARE = 0.5;
/** Sent-to-received skew allowance: a request sent at the edge of our window may arrive inside the server's. */
const SKEW_MS = 250;

interface Waiter {
  priority: Priority;
  resolve: () => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** The priority (and a request counter) of whatever runs inside `withPriority`; 'user' outside any. */
export interface RequestContext {
  priority: Priority;
  /** Requests sent inside this context: the poller learns a list's page count from it. */
  sent: number;
  /** Requests of this context waiting for a slot now (a poll waiting for the budget is not a silent server). */
  waiting?: number;
}
const context = new AsyncLocalStorage<RequestContext>();

export function withPriority<T>(priority: Priority, fn: () => Promise<T>, ctx: RequestContext = { priority, sent: 0 }): Promise<T> {
  return context.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return context.getStore();
}

export interface Notice {
  /** "rate limited by ClickHouse, retrying in 4 s" */
  text: string;
  until: number;
}

export class Budget {
  private sent: number[] = [];
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<(n: Notice | undefined) => void>();
  /** Requests sent and 429s seen over the budget's life (bench, tests). */
  readonly stats = { sent: 0, throttled: 0 };

  constructor(
    readonly label: string,
    public limits: Limits,
  ) {}

  /** Requests per minute a priority may use at most. */
  perMinute(priority: Priority): number {
    return (this.cap(priority) * 60_000) / this.window();
  }

  cap(priority: Priority): number {
    const n = this.limits.requests;
    if (priority === 'user') return n;
    return Math.max(1, Math.floor(n * (priority === 'watch' ? WATCH_SHARE : BACKGROUND_SHARE)));
  }

  window(): number {
    return this.limits.windowMs + SKEW_MS;
  }

  /** Resolves when a request of this priority may be sent (and counts it as sent). */
  acquire(priority: Priority, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new ApiError('request cancelled', { kind: 'timeout' }));
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { priority, resolve, reject, signal };
      if (signal) {
        w.onAbort = () => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new ApiError('request cancelled', { kind: 'timeout' }));
          this.pump();
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      this.queue.push(w);
      this.pump();
    });
  }

  /** The provider said 429: nobody on this credential sends anything for `ms`. */
  throttled(ms: number): void {
    this.stats.throttled++;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + clampPause(ms));
    this.pump();
  }

  /** A person asked again (`r`): the provider's pause ends now; another 429 pauses again. */
  userRetry(): void {
    if (this.pausedUntil === 0) return;
    this.pausedUntil = 0;
    this.pump();
  }

  /** Tests: forget a 429's pause (the window of sends stays: the provider still counts them). */
  unpause(): void {
    this.pausedUntil = 0;
    this.pump();
  }

  onNotice(fn: (n: Notice | undefined) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** How many requests were sent in the current window. */
  inWindow(now = Date.now()): number {
    this.prune(now);
    return this.sent.length;
  }

  private prune(now: number): void {
    const from = now - this.window();
    let i = 0;
    while (i < this.sent.length && this.sent[i]! <= from) i++;
    if (i > 0) this.sent.splice(0, i);
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    this.prune(now);
    let notice: Notice | undefined;
    while (this.queue.length > 0) {
      if (now < this.pausedUntil) {
        if (this.queue.some((w) => w.priority === 'user')) {
          notice = { text: `rate limited by ${this.label}, retrying in ${Math.ceil((this.pausedUntil - now) / 1000)} s`, until: this.pausedUntil };
        }
        this.wake(this.pausedUntil - now);
        break;
      }
      const next = this.pick();
      if (!next) {
        // The oldest send leaves the window: the next slot opens then.
        const oldest = this.sent[0];
        this.wake(oldest === undefined ? 50 : oldest + this.window() - now + 1);
        break;
      }
      this.queue.splice(this.queue.indexOf(next), 1);
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
      this.sent.push(now);
      this.stats.sent++;
      next.resolve();
    }
    for (const l of [...this.listeners]) l(notice);
  }

  /** The first waiter of the highest priority whose share of the window is not used up. */
  private pick(): Waiter | undefined {
    for (const p of ORDER) {
      if (this.sent.length >= this.cap(p)) continue;
      const w = this.queue.find((q) => q.priority === p);
      if (w) return w;
    }
    return undefined;
  }

  private wake(ms: number): void {
    this.timer = setTimeout(() => this.pump(), Math.min(MAX_TIMER_MS, Math.max(1, ms)));
  }
}

/** Budgets are per credential and process-wide: the store, the screens and a command share one. */
const budgets = new Map<string, Budget>();

export function budgetFor(key: string, label: string, limits: Limits): Budget {
  let b = budgets.get(key);
  if (!b) budgets.set(key, (b = new Budget(label, limits)));
  else b.limits = limits;
  return b;
}

/** Tests and the bench: forget every budget (their windows and pauses). */
export function resetBudgets(): void {
  budgets.clear();
}

/** @public every budget by key (bench/limits.ts reads their counters). */
export function allBudgets(): ReadonlyMap<string, Budget> {
  return budgets;
}
