// pgtui cancel NAME PID… / pgtui terminate NAME PID…: pg_cancel_backend / pg_terminate_backend for each pid,
// after showing the sessions and the exact SQL and asking (or --yes). Refused under --read-only or on a
// read-only profile (exit 7); the cluster by its exact name or id; the result per pid. Planned and journalled like
// every change (docs/plans.md): --dry-run, and --confirm NAME with --yes on a protected profile.
import type { SignalKind, SignalResult } from '../pg/signal.js';
import { formatAge } from '../pg/format.js';
import { oneLine } from '../text/safe.js';
import { errLine, writeErr, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { shellArg } from '../api/core/provider-module.js';
import { applyPlan } from '../plan/apply.js';
import { planOf } from '../plan/build.js';
import { confirmed, showPlan } from './plan-flow.js';
import { CommandError, EXIT } from './exit-codes.js';
import { refuseReadOnly } from './guard.js';
import { parseOutput, plainTable, structured, type OutputFlags } from './output.js';
import { pgTarget, withPgSession, type PgCommandOptions } from './pg-session.js';

export type SignalOptions = OutputFlags & PgCommandOptions & { yes?: boolean; readOnly?: boolean; confirm?: string; dryRun?: boolean };

const VERB: Record<SignalKind, { done: string; not: string }> = {
  cancel: { done: 'cancelled', not: 'not cancelled' },
  terminate: { done: 'terminated', not: 'not terminated' },
};

export async function signal(ctx: Context, kind: SignalKind, query: string, pidArgs: string[], opts: SignalOptions): Promise<number> {
  const out = parseOutput(opts);
  const { parsePid, signalSql, signalBackends } = await import('../pg/signal.js');
  const pids = pidArgs.map((a) => {
    const pid = parsePid(a);
    if (pid === undefined) throw new CommandError(`not a pid: ${oneLine(a, 40)}`, EXIT.usage);
    return pid;
  });
  if (pids.length === 0) throw new CommandError(`${kind}: give at least one pid (see pgtui activity NAME)`, EXIT.usage);
  if (opts.readOnly) refuseReadOnly(true, ctx.profiles[0]!, kind);
  const t = await pgTarget(ctx, query, true);
  refuseReadOnly(opts.readOnly, t.profile, kind);
  return withPgSession(ctx, t, opts, async (session) => {
    const { loadActivity } = await import('../pg/activity.js');
    const sessions = new Map((await loadActivity(session)).sessions.map((s) => [s.pid, s]));
    const lines = [`${kind} on ${oneLine(t.cluster.name, 80)} (${oneLine(t.profile.name, 60)}):`];
    for (const pid of pids) {
      const s = sessions.get(pid);
      lines.push(s ? `  ${pid}  ${s.group}  ${formatAge(s.xactAgeMs ?? s.backendAgeMs)}  ${oneLine(s.user ?? '-', 30)}  ${oneLine(s.app ?? '-', 30)}  ${oneLine(s.query ?? '', 80)}` : `  ${pid}  (not a session pgtui can see)`);
    }
    lines.push('SQL:', ...pids.map((pid) => `  ${signalSql(kind, pid)};`));
    writeErr(`${lines.join('\n')}\n`);
    // The plan (docs/plans.md): no HTTP request to show; the same SQL as a psql line, the protection's confirmation, the journal.
    const plan = planOf({
      operation: kind,
      profile: t.profile,
      cluster: { id: t.cluster.id, name: t.cluster.name },
      changes: pids.map((pid) => ({ key: String(pid), label: `pid ${pid}`, from: sessions.get(pid)?.group ?? 'not seen', to: kind === 'cancel' ? 'query cancelled' : 'session ended' })),
      tool: `psql -c ${shellArg(pids.map((pid) => `${signalSql(kind, pid)};`).join(' '))}`,
    });
    showPlan(plan, opts);
    if (opts.dryRun) return EXIT.ok;
    if (!(await confirmed(plan, opts, { question: `${kind === 'cancel' ? 'Cancel the queries of' : 'Terminate'} ${pids.length} session${pids.length > 1 ? 's' : ''}? [y/N] `, declined: VERB[kind].not }))) return EXIT.ok;
    const results: SignalResult[] = await applyPlan(plan, () => signalBackends(session, kind, pids), ctx.journal, (m) => errLine(`pgtui: warning: ${m}`));
    if (out.format === 'json' || out.format === 'yaml') writeOut(await structured(out.format, results));
    else writeOut(`${plainTable(results, [{ title: 'PID', value: (r) => String(r.pid) }, { title: 'RESULT', value: (r) => (r.ok ? VERB[kind].done : `${VERB[kind].not}: ${oneLine(r.message ?? '', 300)}`) }], out)}\n`);
    const ok = results.filter((r) => r.ok).length;
    if (ok < results.length) errLine(`pgtui: ${results.length - ok} of ${results.length} ${VERB[kind].not}`);
    return ok === results.length ? EXIT.ok : ok > 0 ? EXIT.partial : EXIT.error;
  });
}
