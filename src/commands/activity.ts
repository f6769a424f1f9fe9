// pgtui activity NAME: the cluster's sessions, grouped running / waiting / idle in transaction / idle.
import type { SessionRow } from '../pg/activity.js';
import { formatAge } from '../pg/format.js';
import { oneLine } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { parseOutput, plainTable, structured, type OutputFlags, type PlainColumn } from './output.js';
import { pgTarget, withPgSession, type PgCommandOptions } from './pg-session.js';

export type ActivityOptions = OutputFlags & PgCommandOptions & { all?: boolean };

const dash = (v: string | undefined, max = 60) => (v ? oneLine(v, max) : '-');

const COLUMNS: PlainColumn<SessionRow>[] = [
  { title: 'PID', value: (s) => String(s.pid) },
  { title: 'GROUP', value: (s) => s.group },
  { title: 'AGE', value: (s) => formatAge(s.group === 'idle in transaction' ? s.xactAgeMs : s.group === 'idle' ? s.backendAgeMs : s.queryAgeMs) },
  { title: 'USER', value: (s) => dash(s.user, 30) },
  { title: 'APP', value: (s) => dash(s.app, 30) },
  { title: 'WAIT', value: (s) => (s.waitEvent ? oneLine(`${s.waitEventType ?? ''}:${s.waitEvent}`, 40) : '-') },
  { title: 'BLOCKED_BY', value: (s) => (s.blockedBy.length ? s.blockedBy.join(',') : '-'), wide: true },
  { title: 'CLIENT', value: (s) => dash(s.client, 50), wide: true },
  { title: 'DATABASE', value: (s) => dash(s.database, 40), wide: true },
  { title: 'QUERY_AGE', value: (s) => formatAge(s.queryAgeMs), wide: true },
  { title: 'XACT_AGE', value: (s) => formatAge(s.xactAgeMs), wide: true },
  { title: 'BACKEND_AGE', value: (s) => formatAge(s.backendAgeMs), wide: true },
  { title: 'XMIN_AGE', value: (s) => (s.xminAge === undefined ? '-' : String(s.xminAge)), wide: true },
  { title: 'QUERY', value: (s) => dash(s.query, 100) },
];

export async function activity(ctx: Context, query: string, opts: ActivityOptions): Promise<number> {
  const out = parseOutput(opts);
  const t = await pgTarget(ctx, query);
  return withPgSession(ctx, t, opts, async (session) => {
    const { loadActivity } = await import('../pg/activity.js');
    const result = await loadActivity(session);
    if (result.limitedView) {
      const { missingGrant } = await import('../pg/privileges.js');
      errLine(`pgtui: note: other users' queries are hidden; ${missingGrant('pg_monitor', session.user)}`);
    }
    if (result.truncated) errLine(`pgtui: note: more sessions than pgtui fetches; the oldest transactions first`);
    // Idle sessions are the bulk of a busy server and rarely the question: shown with --all (always in JSON).
    const shown = opts.all || out.format === 'json' || out.format === 'yaml' ? result.sessions : result.sessions.filter((s) => s.group !== 'idle');
    if (out.format === 'json' || out.format === 'yaml') writeOut(await structured(out.format, shown));
    else writeOut(`${plainTable(shown, COLUMNS, out)}\n`);
    return EXIT.ok;
  });
}
