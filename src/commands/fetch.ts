// Lists every chosen profile concurrently; a failing profile (or one region of it) is reported, never fatal
// to the others. The whole listing has a deadline (--timeout, 60 s by default): paging stops there keeping what
// it has (api/paging.ts), a profile with no answer by then fails in one line, and a listing that takes longer
// than 2 s says how far it got on a terminal's stderr.
import { ApiError, describeError, isApiError } from '../api/core/errors.js';
import { withListingDeadline } from '../api/core/paging.js';
import type { Cluster, ListResult } from '../api/core/types.js';
import { noProfiles, type Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { oneLine, terminalText } from '../text/safe.js';
import { writeErr } from '../text/write.js';

/** Progress goes to `stream` made safe (its own \r and erase-line are written around it). */
function writeErrTo(stream: NodeJS.WriteStream, text: string): void {
  stream.write(text.startsWith('\r') ? `\r\u001b[K${terminalText(text.slice(4))}` : terminalText(text));
}

export interface ListingFailure {
  profile: string;
  message: string;
  kind?: string;
  /** Only part of the profile failed (one IONOS v2 region): its other clusters are listed. */
  partial?: boolean;
}

export interface Listing {
  clusters: Cluster[];
  failures: ListingFailure[];
  /** How many profiles were asked. */
  asked: number;
  /** Lists that came back incomplete or odd (unreadable items, paging stopped early, duplicate ids): one line each. */
  warnings: string[];
  /** Clusters hidden because an earlier one has the same profile and id (see list-result.ts). */
  duplicates: Cluster[];
}

/** How long a one-shot listing may take unless --timeout says otherwise. */
export const LISTING_TIMEOUT_MS = 60_000;
/** Progress is shown once a listing has taken this long, then every PROGRESS_EVERY_MS. */
const PROGRESS_AFTER_MS = 2_000;
const PROGRESS_EVERY_MS = 5_000;
/** An unpaged list gets this much past the deadline, so a paged one always stops first with what it has. */
const DEADLINE_GRACE_MS = 1_000;

export interface ListOptions {
  /** The listing's deadline, ms (default LISTING_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Where progress goes (default stderr): only a terminal gets it, as one line rewritten in place. */
  progress?: NodeJS.WriteStream;
  /** Wait for per-row extras the list answered without (ClickHouse hostnames), for output that shows them. */
  extras?: boolean;
}

const secondsText = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`);

export async function listAll(ctx: Context, opts: ListOptions = {}): Promise<Listing> {
  if (ctx.profiles.length === 0 && ctx.config.list().length === 0) throw noProfiles();
  const timeoutMs = opts.timeoutMs ?? LISTING_TIMEOUT_MS;
  const started = Date.now();
  const at = started + timeoutMs;
  const label = secondsText(timeoutMs);
  const counts = ctx.profiles.map(() => 0);
  const done = ctx.profiles.map(() => false);
  const stream = opts.progress ?? process.stderr;
  let shown = false;
  const progress = () => {
    const waiting = ctx.profiles.filter((_, i) => !done[i]).map((p) => oneLine(p.name, 40));
    const total = counts.reduce((a, b) => a + b, 0);
    const line = `pgtui: listing for ${secondsText(Math.round((Date.now() - started) / 1000) * 1000)}: ${total.toLocaleString('en')} clusters so far; waiting for ${waiting.join(', ')} (stops at ${label}, --timeout to change)`;
    writeErrTo(stream, `\r\u001b[K${line}`);
    shown = true;
  };
  let ticker: ReturnType<typeof setInterval> | undefined;
  // Only for a person watching a terminal: scripts read stderr for errors and warnings alone.
  const first = setTimeout(() => {
    if (!stream.isTTY) return;
    progress();
    ticker = setInterval(progress, PROGRESS_EVERY_MS);
    ticker.unref?.();
  }, PROGRESS_AFTER_MS);
  first.unref?.();
  const one = (i: number) => {
    const p = ctx.profiles[i]!;
    const listing = withListingDeadline({ at, label, onProgress: (n) => void (counts[i] = n) }, async () => {
      const list = await ctx.providerFor(p).list();
      return opts.extras && list.extras ? withExtras(list) : list;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ApiError(`no complete answer within ${label} (the listing's deadline; --timeout gives it longer)`, { kind: 'timeout' })), timeoutMs + DEADLINE_GRACE_MS);
      timer.unref?.();
    });
    listing.catch(() => undefined);
    return Promise.race([listing, late]).finally(() => {
      clearTimeout(timer);
      done[i] = true;
    });
  };
  let results;
  try {
    results = await Promise.allSettled(ctx.profiles.map((_, i) => one(i)));
  } finally {
    clearTimeout(first);
    clearInterval(ticker);
    if (shown) writeErrTo(stream, '\r\u001b[K');
  }
  const out: Listing = { clusters: [], failures: [], asked: ctx.profiles.length, warnings: [], duplicates: [] };
  results.forEach((r, i) => {
    const profile = ctx.profiles[i]!.name;
    const strip = (text: string) => text.replace(new RegExp(`^${profile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `), '');
    if (r.status === 'fulfilled') {
      // concat, never push(...list): a spread of 200,000 clusters overflows the call stack.
      out.clusters = out.clusters.concat(r.value.clusters);
      out.warnings = out.warnings.concat(r.value.warnings);
      out.duplicates = out.duplicates.concat(r.value.duplicates);
      for (const f of r.value.failures) {
        out.failures.push({ profile, message: `region ${f.location}: ${strip(describeError(f.error))}`, kind: f.error.kind, partial: true });
      }
    } else {
      out.failures.push({ profile, message: strip(describeError(r.reason)), kind: isApiError(r.reason) ? r.reason.kind : undefined });
    }
  });
  return out;
}

/** 0 when everything answered, 1 when every profile failed outright, 3 when some did or a list came back with warnings. */
export function listingExitCode(listing: Listing): number {
  if (listing.failures.length === 0) return listing.warnings.length > 0 ? EXIT.partial : EXIT.ok;
  const dead = new Set(listing.failures.filter((f) => !f.partial).map((f) => f.profile));
  return listing.asked > 0 && dead.size === listing.asked ? EXIT.error : EXIT.partial;
}

/** Failures and warnings on stderr, one line each. */
export function reportListing(listing: Listing, write: (line: string) => void = (l) => writeErr(l)): void {
  for (const f of listing.failures) write(`pgtui: ${oneLine(f.profile)}: ${oneLine(f.message)}\n`);
  for (const w of listing.warnings) write(`pgtui: warning: ${oneLine(w)}\n`);
}

async function withExtras(list: ListResult): Promise<ListResult> {
  const completed = new Map((await list.extras!()).map((c) => [c.id, c]));
  return { ...list, clusters: list.clusters.map((c) => completed.get(c.id) ?? c) };
}
