// apply and record: sends a plan's change inside write-scope's apply (the only place writes may go out once
// requirePlans is on) and writes the journal entry with its outcome (docs/plans.md).
import { applyingPlan } from '../api/core/write-scope.js';
import { entryOf, type Journal } from './journal.js';
import type { Plan } from './types.js';

/** Where apply reports a journal that could not be written (the change itself went out). */
export type JournalProblem = (message: string) => void;

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}

export async function applyPlan<T>(plan: Plan, send: () => Promise<T>, journal?: Journal, problem?: JournalProblem): Promise<T> {
  const settled = await applyingPlan(send);
  const answer = settled.answers.at(-1);
  if (journal) {
    try {
      journal.record(entryOf(plan, settled.ok ? { ok: true } : { ok: false, error: oneLine(settled.error) }, answer));
    } catch (err) {
      problem?.(`the journal was not written: ${oneLine(err)}`);
    }
  }
  if (!settled.ok) throw settled.error;
  return settled.result;
}
