// pgtui statements NAME: the top statements of pg_stat_statements, since its last reset or, with --interval,
// over a window measured now. Without the extension: one line saying how to enable it on this provider.
import { moduleFor } from '../api/registry.js';
import type { Statement, StatementSort } from '../pg/statements.js';
import { oneLine } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { parseSince } from './insight-args.js';
import { parseOutput, plainTable, structured, type OutputFlags } from './output.js';
import { pgTarget, withPgSession, type PgCommandOptions } from './pg-session.js';
import { formatMs } from '../present/insight.js';

export type StatementsOptions = OutputFlags & PgCommandOptions & { limit?: string; sort?: string; interval?: string };

const SORTS: readonly StatementSort[] = ['total', 'mean', 'calls'];
export const DEFAULT_HINT = 'CREATE EXTENSION pg_stat_statements; in this database, with pg_stat_statements in shared_preload_libraries';

export function statementColumns() {
  return [
    { title: 'TOTAL', value: (s: Statement) => formatMs(s.totalMs) },
    { title: 'CALLS', value: (s: Statement) => String(s.calls) },
    { title: 'MEAN', value: (s: Statement) => formatMs(s.meanMs) },
    { title: 'ROWS', value: (s: Statement) => String(s.rows) },
    { title: 'HIT', value: (s: Statement) => String(s.sharedBlksHit), wide: true },
    { title: 'READ', value: (s: Statement) => String(s.sharedBlksRead), wide: true },
    { title: 'USER', value: (s: Statement) => oneLine(s.user ?? '-', 30), wide: true },
    { title: 'DATABASE', value: (s: Statement) => oneLine(s.database ?? '-', 30), wide: true },
    { title: 'QUERY', value: (s: Statement) => oneLine(s.query, 120) },
  ];
}

export async function statements(ctx: Context, query: string, opts: StatementsOptions): Promise<number> {
  const out = parseOutput(opts);
  const limit = opts.limit === undefined ? 20 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CommandError('--limit is a whole number from 1 to 1000', EXIT.usage);
  const sort = (opts.sort ?? 'total') as StatementSort;
  if (!SORTS.includes(sort)) throw new CommandError(`--sort is one of ${SORTS.join(', ')}`, EXIT.usage);
  const intervalMs = opts.interval === undefined ? undefined : parseSince(opts.interval);
  if (intervalMs !== undefined && intervalMs > 3_600_000) throw new CommandError('--interval is at most 1h', EXIT.usage);
  const t = await pgTarget(ctx, query);
  const { loadStatements, sortStatements, statementDeltas } = await import('../pg/statements.js');
  const { PgSessionError } = await import('../pg/errors.js');
  return withPgSession(ctx, t, opts, async (session) => {
    let list: Statement[];
    try {
      const first = await loadStatements(session);
      if (intervalMs === undefined) list = first.statements;
      else {
        await new Promise((r) => setTimeout(r, intervalMs));
        list = statementDeltas(await loadStatements(session), first);
      }
      if (intervalMs === undefined && first.resetAt && out.format !== 'json' && out.format !== 'yaml') errLine(`since the last reset, ${oneLine(first.resetAt, 40)}`);
    } catch (err) {
      if (err instanceof PgSessionError && err.problem === 'missing') {
        const hint = moduleFor(t.cluster.provider).pgStatStatementsHint ?? DEFAULT_HINT;
        throw new CommandError(`${oneLine(t.cluster.name, 80)}: ${err.message}; ${hint}`, EXIT.refused);
      }
      throw err;
    }
    const top = sortStatements(list, sort).slice(0, limit);
    writeOut(out.format === 'json' || out.format === 'yaml' ? await structured(out.format, top) : `${plainTable(top, statementColumns(), out)}\n`);
    return EXIT.ok;
  });
}
