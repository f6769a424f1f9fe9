// Lists every chosen profile concurrently; a failing profile (or one region of it) is reported, never fatal
// to the others.
import { describeError, isApiError } from '../api/errors.js';
import type { Cluster, ListResult } from '../api/types.js';
import { noProfiles, type Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { oneLine } from '../text/safe.js';
import { writeErr } from '../text/write.js';

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

/** `extras`: wait for per-row extras the list answered without (ClickHouse hostnames), for output that shows them. */
export async function listAll(ctx: Context, opts: { extras?: boolean } = {}): Promise<Listing> {
  if (ctx.profiles.length === 0 && ctx.config.list().length === 0) throw noProfiles();
  const results = await Promise.allSettled(ctx.profiles.map(async (p) => {
    const list = await ctx.providerFor(p).list();
    return opts.extras && list.extras ? withExtras(list) : list;
  }));
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
