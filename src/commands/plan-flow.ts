// The one path of every mutating one-shot (docs/plans.md): build the plan (the exact request captured, not
// sent) → show it → confirm it as the profile's protection asks → apply it → record it in the journal.
// `--dry-run` stops after show; `-o json` shows the plan as JSON. Protection: read-only refuses; protected wants
// the cluster's exact name, typed on a terminal or given as --confirm NAME next to --yes (a mismatch, or --yes
// alone, exits 7 with nothing sent); normal asks y/N (delete: the typed name) unless --yes.
import { createInterface } from 'node:readline/promises';
import { protectionOf } from '../api/core/protection.js';
import { applyPlan } from '../plan/apply.js';
import { buildPlan, type PlanInput } from '../plan/build.js';
import { planLines } from '../plan/show.js';
import type { Plan } from '../plan/types.js';
import { sanitize } from '../present/format.js';
import { displayText, oneLine, safeJson } from '../text/safe.js';
import { errLine, writeErr, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';

export interface PlanFlags {
  yes?: boolean;
  /** The cluster's exact name, required with --yes on a protected profile. */
  confirm?: string;
  dryRun?: boolean;
  output?: string;
  json?: boolean;
  readOnly?: boolean;
}

export interface Ask {
  /** The y/N question (normal profiles). */
  question: string;
  /** Ask for the typed name even on a normal profile (delete). */
  typeName?: boolean;
  /** What is said when the person declines ("not restarted"). */
  declined: string;
}

const wantsJson = (f: PlanFlags) => f.output === 'json' || f.json === true;

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    // sanitize, not oneLine: the trailing space after "[y/N]" stays (scripts and people wait for it).
    return (await rl.question(sanitize(question))).trim();
  } finally {
    rl.close();
  }
}

/** Throws exit 7 (nothing sent) or 2 (no --yes without a terminal); false when the person declined. */
export async function confirmed(plan: Plan, flags: PlanFlags, how: Ask): Promise<boolean> {
  const name = plan.cluster.name;
  if (plan.protection === 'read-only') throw new CommandError(`profile ${plan.profile} is read-only: ${plan.operation} is disabled; nothing sent`, EXIT.refused);
  if (flags.confirm !== undefined && flags.confirm !== name) throw new CommandError(`--confirm ${oneLine(flags.confirm, 80)} does not match the cluster's name ${oneLine(name, 80)}; nothing sent`, EXIT.refused);
  if (plan.protection === 'protected') {
    if (flags.yes) {
      if (flags.confirm === undefined) throw new CommandError(`profile ${plan.profile} is protected: --yes needs --confirm ${oneLine(name, 80)} too; nothing sent`, EXIT.refused);
      return true;
    }
    if (!process.stdin.isTTY) throw new CommandError(`profile ${plan.profile} is protected: add --yes --confirm ${oneLine(name, 80)}; nothing sent`, EXIT.refused);
    const typed = await ask(`Profile ${plan.profile} is protected. Type the cluster's name (${name}) to go ahead: `);
    if (typed !== name) throw new CommandError('the name did not match; nothing sent', EXIT.refused);
    return true;
  }
  if (flags.yes) return true;
  if (!process.stdin.isTTY) throw new CommandError(`${how.declined}: add --yes to run without a prompt, or --dry-run to only show the plan`, EXIT.usage);
  if (how.typeName) {
    if ((await ask(`${how.question} Type its name to confirm: `)) === name) return true;
    writeErr(`${how.declined}: the name did not match\n`);
    return false;
  }
  if (/^y(es)?$/i.test(await ask(how.question))) return true;
  writeErr(`${how.declined}\n`);
  return false;
}

export type PlanRun<T> = { applied: false; code: number; plan: Plan } | { applied: true; result: T; plan: Plan };

/**
 * Build → show → confirm → apply → record. `send` is the provider call; it runs once against the capture (the
 * first write stopped, reads sent) and, once confirmed, for real. `planTo` says where the shown plan goes when
 * the command is not a dry run: stdout for edit and config (the plan is their output), stderr otherwise.
 */
export async function runPlanned<T>(ctx: Context, input: Omit<PlanInput, 'send'>, send: () => Promise<T>, flags: PlanFlags, how: Ask, planTo: 'stdout' | 'stderr' = 'stderr'): Promise<PlanRun<T>> {
  if (flags.readOnly) throw new CommandError(`--read-only: ${input.operation} is disabled`, EXIT.refused);
  if (protectionOf(input.profile) === 'read-only') throw new CommandError(`profile ${input.profile.name} is read-only: ${input.operation} is disabled`, EXIT.refused);
  const plan = await buildPlan({ ...input, send });
  showPlan(plan, flags, planTo);
  if (flags.dryRun) return { applied: false, code: EXIT.ok, plan };
  if (!(await confirmed(plan, flags, how))) return { applied: false, code: EXIT.ok, plan };
  const result = await applyPlan(plan, send, ctx.journal, (m) => errLine(`pgtui: warning: ${m}`));
  return { applied: true, result, plan };
}

/** Where the plan goes: stdout on a dry run (and for edit/config, whose output it is), else stderr. */
export function showPlan(plan: Plan, flags: PlanFlags, planTo: 'stdout' | 'stderr' = 'stderr'): void {
  // The plan is the output of a dry run (and of edit/config): JSON with -o json. Otherwise stdout is the
  // command's result (the cluster, a password) and the plan goes to stderr as text.
  const toStdout = flags.dryRun || planTo === 'stdout';
  if (toStdout && wantsJson(flags)) writeOut(`${safeJson(plan)}\n`);
  else if (toStdout) writeOut(`${planLines(plan).map((l) => displayText(l)).join('\n')}\n`);
  else writeErr(`${planLines(plan).map((l) => displayText(l)).join('\n')}\n`);
}
