// What a screen holds while it is open (docs/postgres.md, "Screens"): one session, opened on the first refresh,
// a refresh every `intervalMs` (never two at once; the next starts after the last ends), pause/resume, and an
// immutable snapshot for useSyncExternalStore. A failed refresh keeps the last data and says why in one line;
// a lost connection is opened again on the next refresh.
import { asPgError, type PgProblem } from './errors.js';
import type { PgSession } from './session.js';
import { loadStatements, statementDeltas, type Statement, type StatementsSample } from './statements.js';

export interface PgViewState<T> {
  data?: T;
  /** One safe line: why the last refresh failed. */
  error?: string;
  problem?: PgProblem;
  loading: boolean;
  paused: boolean;
  updatedAt?: number;
  /** Queries sent by this view (the bench's and the tests' count). */
  queries: number;
}

export interface PgView<T> {
  getSnapshot(): PgViewState<T>;
  subscribe(listener: () => void): () => void;
  pause(): void;
  resume(): void;
  /** Refreshes now (waits for one already running). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export interface PgViewOptions {
  /** Default 2000 ms. */
  intervalMs?: number;
  /** Start paused (no timer until resume). */
  paused?: boolean;
}

export function createPgView<T>(open: () => Promise<PgSession>, load: (session: PgSession) => Promise<T>, opts: PgViewOptions = {}): PgView<T> {
  const intervalMs = opts.intervalMs ?? 2_000;
  let state: PgViewState<T> = { loading: false, paused: opts.paused ?? false, queries: 0 };
  const listeners = new Set<() => void>();
  let session: PgSession | undefined;
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const set = (patch: Partial<PgViewState<T>>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!closed && !state.paused) timer = setTimeout(() => void refresh(), intervalMs);
  };
  const counting = (s: PgSession): PgSession => ({
    ...s,
    query: (sql, params) => {
      state = { ...state, queries: state.queries + 1 };
      return s.query(sql, params);
    },
    close: () => s.close(),
  });
  const once = async () => {
    // Only the first load is shown ("connecting…"); telling the screen about later ones would draw every frame twice
    // per refresh for nothing (docs/postgres.md, "Bench").
    if (state.data === undefined && state.error === undefined) set({ loading: true });
    else state = { ...state, loading: true };
    try {
      session ??= counting(await open());
      const data = await load(session);
      if (!closed) set({ data, error: undefined, problem: undefined, loading: false, updatedAt: Date.now() });
    } catch (err) {
      const e = asPgError(err, 'postgres');
      // The connection is gone or was never made: open a new one next time.
      if (e.problem === 'connect' || e.problem === 'password' || e.problem === 'unreachable') {
        await session?.close();
        session = undefined;
      }
      if (!closed) set({ error: e.message, problem: e.problem, loading: false });
    }
  };
  function refresh(): Promise<void> {
    if (closed) return Promise.resolve();
    running ??= once().finally(() => {
      running = undefined;
      schedule();
    });
    return running;
  }
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pause() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      set({ paused: true });
    },
    resume() {
      set({ paused: false });
      void refresh();
    },
    refresh,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      await session?.close();
      session = undefined;
      listeners.clear();
    },
  };
}

export interface StatementsView {
  /** Counters since the screen opened (its first sample is the baseline). */
  sinceOpen: Statement[];
  /** Counters since pg_stat_statements was last reset. */
  sinceReset: Statement[];
  resetAt?: string;
  openedAt: number;
}

/** The load function of a statements screen: one query per refresh, the first sample kept as the baseline. */
export function statementsSinceOpen(): (session: PgSession) => Promise<StatementsView> {
  let baseline: StatementsSample | undefined;
  return async (session) => {
    const sample = await loadStatements(session);
    baseline ??= sample;
    return { sinceOpen: statementDeltas(sample, baseline), sinceReset: sample.statements, resetAt: sample.resetAt, openedAt: baseline.at };
  };
}
