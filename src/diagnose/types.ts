// The health model's shapes (docs/diagnose.md): a check judges facts into a verdict with its evidence and the
// next action. Facts come from the provider's API (provider-facts.ts) and from Postgres (pg-facts.ts); judging
// is pure, so the TUI, `pgtui diagnose` and `ls --health` share it.
import type { Cluster } from '../api/core/types.js';
import type { Thresholds } from './thresholds.js';

/** Worst last: the order verdicts sort in ("worst first" reverses it). 'unknown': the check could not look. */
export type Verdict = 'green' | 'unknown' | 'yellow' | 'red';
export const VERDICT_RANK: Record<Verdict, number> = { green: 0, unknown: 1, yellow: 2, red: 3 };

export type CheckSource = 'provider' | 'postgres';

export interface CheckResult {
  /** Stable id, e.g. "backup-age" (docs/diagnose.md lists them). */
  id: string;
  title: string;
  source: CheckSource;
  verdict: Verdict;
  /** What the check saw, in one line, with the numbers ("42 of 100 connections (42%)"). */
  evidence: string;
  /** The next action in one line; empty when there is nothing to do. */
  action: string;
  /** The numbers behind the evidence, for -o json. */
  values?: Record<string, number | string | boolean | null | undefined>;
}

/**
 * Runs one read-only statement and returns its rows. The Postgres connection layer supplies it (pg-adapter.ts
 * today); checks only ever see this function.
 */
export type PgQuery = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A fact that could not be read: the reason, in one line. */
export interface Missing {
  missing: string;
}
export type Fact<T> = T | Missing;
export const isMissing = (v: unknown): v is Missing => typeof v === 'object' && v !== null && 'missing' in v;

export interface CheckDef<F> {
  id: string;
  title: string;
  source: CheckSource;
  judge(facts: F, t: Thresholds, now: number, cluster: Cluster): Omit<CheckResult, 'id' | 'title' | 'source'>;
}
