// pgtui journal [--cluster NAME] [--since 24h] [-o json]: the plans pgtui applied, oldest first, read from the
// journal in the state directory (docs/plans.md). Filters are exact: a cluster's name or id, never a prefix.
import type { JournalEntry } from '../plan/journal.js';
import { safeJson } from '../text/safe.js';
import { outLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { parseDuration } from './duration.js';

export interface JournalOptions {
  cluster?: string;
  since?: string;
  output?: string;
  json?: boolean;
}

export function filterEntries(entries: readonly JournalEntry[], opts: { cluster?: string; since?: string }, now = Date.now()): JournalEntry[] {
  const from = opts.since ? now - parseDuration(opts.since) : undefined;
  return entries.filter((e) => (!opts.cluster || e.cluster.name === opts.cluster || e.cluster.id === opts.cluster) && (from === undefined || Date.parse(e.time) >= from));
}

export function journal(ctx: Context, opts: JournalOptions): number {
  if (opts.output && opts.output !== 'json' && opts.output !== 'table') throw new CommandError(`-o must be json or table, not ${opts.output}`, EXIT.usage);
  const entries = filterEntries(ctx.journal.read(), opts);
  if (opts.json || opts.output === 'json') {
    writeOut(`${safeJson(entries)}\n`);
    return EXIT.ok;
  }
  if (entries.length === 0) {
    outLine(`no changes recorded${opts.cluster || opts.since ? ' that match' : ''} (${ctx.journal.path})`);
    return EXIT.ok;
  }
  outLine('TIME                      OUTCOME  PROFILE  PLAN              SUMMARY');
  for (const e of entries) outLine(`${e.time.padEnd(24)}  ${e.outcome.padEnd(7)}  ${e.profile}  ${e.hash}  ${e.summary}${e.requestId ? `  request ${e.requestId}` : ''}${e.error ? `  error: ${e.error}` : ''}`);
  return EXIT.ok;
}
