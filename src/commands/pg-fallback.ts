// Where a provider's API has no slow queries, settings or metrics, `slow`, `config` and `metrics` answer from
// Postgres itself (docs/postgres.md, "Fallbacks"): pg_stat_statements, pg_settings (read-only) and
// pg_stat_database deltas. The provider's own API stays first where it has the feature.
import type { Capability } from '../api/core/capabilities.js';
import { supports } from '../api/core/capabilities.js';
import { moduleFor } from '../api/registry.js';
import type { MetricSeries, SlowQuery } from '../api/core/insight.js';
import { oneLine } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { pgTarget, withPgSession, type PgTarget } from './pg-session.js';
import { DEFAULT_HINT } from './statements.js';

export type FallbackTarget = PgTarget & { postgres: boolean };

/** The cluster, and whether its provider's API lacks `capability` (then Postgres answers). */
export async function targetOrPostgres(ctx: Context, query: string, capability: Capability): Promise<FallbackTarget> {
  const t = await pgTarget(ctx, query);
  return { ...t, postgres: !supports(t.provider, t.cluster, capability) };
}

/** pg_stat_statements as slow query patterns (no window: since its last reset, said on stderr). */
export async function slowFromPostgres(ctx: Context, t: PgTarget): Promise<SlowQuery[]> {
  const { loadStatements } = await import('../pg/statements.js');
  const { PgSessionError } = await import('../pg/errors.js');
  return withPgSession(ctx, t, {}, async (session) => {
    try {
      const sample = await loadStatements(session);
      errLine(`pgtui: from pg_stat_statements (the provider's API has no slow queries), since ${sample.resetAt ? `its reset ${oneLine(sample.resetAt, 40)}` : 'its last reset'}`);
      return sample.statements.map((s) => ({ id: s.queryId, query: s.query, database: s.database, user: s.user, calls: s.calls, errors: 0, totalMs: s.totalMs, avgMs: s.meanMs, rows: s.rows }));
    } catch (err) {
      if (err instanceof PgSessionError && err.problem === 'missing') {
        throw new CommandError(`${oneLine(t.cluster.name, 80)}: ${err.message}; ${moduleFor(t.cluster.provider).pgStatStatementsHint ?? DEFAULT_HINT}`, EXIT.refused);
      }
      throw err;
    }
  });
}

/** pg_stat_database, sampled `samples` times `intervalMs` apart: TPS, connections, cache hit, deadlocks, temp bytes. */
export async function metricsFromPostgres(ctx: Context, t: PgTarget, samples = 3, intervalMs = 1_000): Promise<MetricSeries[]> {
  const { sampleCounters, countersToSeries } = await import('../pg/db-stats.js');
  return withPgSession(ctx, t, {}, async (session) => {
    errLine(`pgtui: from pg_stat_database (the provider's API has no metrics), over the next ${Math.round(((samples - 1) * intervalMs) / 1000)} s`);
    const taken = [await sampleCounters(session)];
    for (let i = 1; i < samples; i++) {
      await new Promise((r) => setTimeout(r, intervalMs));
      taken.push(await sampleCounters(session));
    }
    return countersToSeries(taken);
  });
}

/** pg_settings, read-only: NAME VALUE UNIT SOURCE PENDING_RESTART (or JSON). */
export async function configFromPostgres(ctx: Context, t: PgTarget, opts: { json?: boolean; set?: string[] }): Promise<number> {
  if (opts.set?.length) throw new CommandError(`settings of ${oneLine(t.cluster.name, 80)} cannot be changed through its API (pg_settings is shown read-only)`, EXIT.refused);
  const { loadSettings } = await import('../pg/settings.js');
  const settings = await withPgSession(ctx, t, {}, (session) => loadSettings(session));
  if (opts.json) {
    const { safeJson } = await import('../text/safe.js');
    writeOut(`${safeJson(settings)}\n`);
    return EXIT.ok;
  }
  const { plainTable } = await import('./output.js');
  const table = plainTable(settings, [
    { title: 'NAME', value: (s) => oneLine(s.name, 80) },
    { title: 'VALUE', value: (s) => oneLine(s.value, 120) || '""' },
    { title: 'UNIT', value: (s) => oneLine(s.unit ?? '-', 10) },
    { title: 'SOURCE', value: (s) => oneLine(s.source ?? '-', 30) },
    { title: 'PENDING_RESTART', value: (s) => (s.pendingRestart ? 'yes' : '-') },
  ], { format: 'table', headers: true });
  errLine(`pgtui: from pg_settings (read-only: the provider's API has no settings)`);
  writeOut(`${table}\n`);
  return EXIT.ok;
}
