// The health model (docs/diagnose.md): a pure function from a cluster, what its provider says, what Postgres
// says (when a connection could be made) and the thresholds to a report with one verdict. No I/O and no timers
// here, so the TUI can call it on whatever cadence it polls and a test can call it with plain objects.
import { PG_CHECKS } from './pg-checks.js';
import { PROVIDER_CHECKS } from './provider-checks.js';
import type { HealthInput } from './input.js';

export type { HealthInput };
import { VERDICT_RANK, type CheckDef, type CheckResult, type Verdict } from './types.js';


export interface HealthReport {
  /** The worst verdict of every check; 'unknown' only counts when nothing is worse and nothing is green. */
  verdict: Verdict;
  /** The check(s) behind the verdict, in one line ("backup-age: newest backup 3 days ago"). */
  reason: string;
  /** Worst first, then in the order of the check table. */
  checks: CheckResult[];
}

/** Every check, provider ones first: the table docs/diagnose.md documents. */
export const CHECKS: ReadonlyArray<CheckDef<HealthInput>> = [...PROVIDER_CHECKS, ...PG_CHECKS];

export function worst(verdicts: Iterable<Verdict>): Verdict {
  let out: Verdict | undefined;
  for (const v of verdicts) if (out === undefined || VERDICT_RANK[v] > VERDICT_RANK[out]) out = v;
  return out ?? 'unknown';
}

export function runChecks(input: HealthInput, checks: ReadonlyArray<CheckDef<HealthInput>> = CHECKS): CheckResult[] {
  return checks.map((c) => {
    try {
      return { id: c.id, title: c.title, source: c.source, ...c.judge(input, input.thresholds, input.now, input.cluster) };
    } catch (err) {
      return { id: c.id, title: c.title, source: c.source, verdict: 'unknown' as const, evidence: `the check failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300), action: '' };
    }
  });
}

/** Worst first; stable within a verdict. */
export function sortWorstFirst(checks: readonly CheckResult[]): CheckResult[] {
  return checks.map((c, i) => [c, i] as const).sort((a, b) => VERDICT_RANK[b[0].verdict] - VERDICT_RANK[a[0].verdict] || a[1] - b[1]).map(([c]) => c);
}

export function judgeCluster(input: HealthInput): HealthReport {
  const checks = sortWorstFirst(runChecks(input));
  const judged = checks.filter((c) => c.verdict !== 'unknown');
  const verdict = judged.length > 0 ? worst(judged.map((c) => c.verdict)) : 'unknown';
  const behind = checks.filter((c) => c.verdict === verdict);
  const reason = verdict === 'green' ? 'every check passed' : behind.slice(0, 2).map((c) => `${c.id}: ${c.evidence}`).join('; ') + (behind.length > 2 ? `; +${behind.length - 2} more` : '');
  return { verdict, reason, checks };
}

/** The exit code of `pgtui diagnose` and `ls --health`: 0 green (or nothing judged), 1 yellow, 2 red. */
export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'red' ? 2 : verdict === 'yellow' ? 1 : 0;
}
