// pgtui logs NAME|ID: a window of the cluster's log lines, oldest first; --follow keeps printing new ones like
// `tail -f`, polling at a modest interval within the provider's rate limit, printing each line once, with
// bounded memory however long it runs and whatever the server sends.
import { describeError } from '../api/core/errors.js';
import { LOG_LIMIT_MAX, type LogLine, type LogQuery } from '../api/core/insight.js';
import type { Cluster, Provider } from '../api/core/types.js';
import { oneLine, safeJson } from '../text/safe.js';
import { errLine, outLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { parseSince, targetWith, timeWindow, type WindowOptions } from './insight-args.js';
import { formatLine, SeenLines } from '../present/insight.js';

export interface LogsOptions extends WindowOptions {
  grep?: string;
  severity?: string;
  limit?: string;
  follow?: boolean;
  interval?: string;
  json?: boolean;
}

/** Poll interval bounds for --follow: ClickHouse allows 10 requests per 10 s per key, shared with everything else. */
export const FOLLOW_DEFAULT = '5s';
export const FOLLOW_MIN_MS = 2_000;
/** Lines asked per follow poll. */
const FOLLOW_PAGE = 1_999; // asked as 2000 (one more says "truncated"): one request per poll
/** Re-read this far back on every poll: lines that reach the provider's store late are still printed. */
const FOLLOW_OVERLAP_MS = 30_000;
/** Hard cap on the keys remembered for de-duplication (the overlap window normally keeps far fewer). */
/** Consecutive failed polls after which --follow gives up. */
const FOLLOW_MAX_FAILURES = 5;

const SEVERITIES = ['DEBUG', 'INFO', 'NOTICE', 'LOG', 'WARNING', 'ERROR', 'FATAL', 'PANIC'];

function limitOf(text: string | undefined): number {
  if (text === undefined) return 1000;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > LOG_LIMIT_MAX) throw new CommandError(`--limit must be between 1 and ${LOG_LIMIT_MAX}`, EXIT.usage);
  return n;
}

function severityOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const s = text.trim().toUpperCase();
  if (!SEVERITIES.includes(s)) throw new CommandError(`--severity must be one of ${SEVERITIES.join(', ')}`, EXIT.usage);
  return s;
}

function print(lines: readonly LogLine[], json: boolean): void {
  if (json) {
    if (lines.length) writeOut(lines.map((l) => safeJson(l, 0)).join('\n') + '\n');
  } else for (const l of lines) outLine(formatLine(l));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function follow(provider: Provider, cluster: Cluster, base: Omit<LogQuery, 'from' | 'to' | 'limit'>, seen: SeenLines, start: number, intervalMs: number, json: boolean): Promise<number> {
  let newest = start;
  let failures = 0;
  // Ends by a signal, a closed stdout (lifecycle.ts) or repeated failures.
  for (;;) {
    await sleep(intervalMs);
    const to = Date.now();
    const from = Math.min(newest, to) - FOLLOW_OVERLAP_MS;
    try {
      const page = await provider.logs!(cluster, { ...base, from: new Date(from), to: new Date(to), limit: FOLLOW_PAGE });
      failures = 0;
      const fresh = seen.fresh(page.lines);
      print(fresh, json);
      if (page.truncated) errLine(`pgtui: more than ${FOLLOW_PAGE} lines in ${intervalMs / 1000}s; older ones in between were skipped`);
      for (const l of fresh) newest = Math.max(newest, Math.min(Date.parse(l.at), to));
      seen.prune(Math.min(newest, to) - FOLLOW_OVERLAP_MS * 2);
    } catch (err) {
      failures++;
      errLine(`pgtui: ${oneLine(describeError(err))}${failures < FOLLOW_MAX_FAILURES ? '; retrying' : ''}`);
      if (failures >= FOLLOW_MAX_FAILURES) return EXIT.error;
    }
  }
}

export async function logs(ctx: Context, query: string, opts: LogsOptions): Promise<number> {
  const limit = limitOf(opts.limit);
  const severity = severityOf(opts.severity);
  if (opts.follow && opts.to) throw new CommandError('--follow reads up to now: leave out --to', EXIT.usage);
  const intervalMs = parseSince(opts.interval ?? FOLLOW_DEFAULT);
  if (intervalMs < FOLLOW_MIN_MS) throw new CommandError(`--interval must be at least ${FOLLOW_MIN_MS / 1000}s`, EXIT.usage);
  const window = timeWindow(opts, '1h');
  const { cluster, provider } = await targetWith(ctx, query, 'logs');
  const base = { grep: opts.grep || undefined, severity };
  const page = await provider.logs!(cluster, { ...base, ...window, limit });
  if (page.note) errLine(`pgtui: ${page.note}`);
  if (page.truncated) errLine(`pgtui: showing the newest ${limit} lines of the window; --limit or a shorter --since for more`);
  const json = Boolean(opts.json);
  if (!opts.follow) {
    print(page.lines, json);
    return EXIT.ok;
  }
  const seen = new SeenLines();
  print(seen.fresh(page.lines), json);
  return follow(provider, cluster, base, seen, window.to.getTime(), intervalMs, json);
}
