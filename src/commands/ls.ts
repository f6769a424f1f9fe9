// pgtui ls: every cluster of every profile, as a table or JSON.
import { isProviderKind, PROVIDER_KINDS } from '../api/registry.js';
import { colorEnabled, sanitize } from '../present/format.js';
import { writeOut } from '../text/write.js';
import { rememberForCompletion } from './completion-cache.js';
import { noProfiles, type Context } from './context.js';
import type { Cluster } from '../api/core/types.js';
import { CommandError, EXIT } from './exit-codes.js';
import { listAll, listingExitCode, reportListing } from './fetch.js';
import { parseOutput, pickColumns, structured, type OutputFlags } from './output.js';
import { columnTitles, jsonClusters, renderTable } from './table.js';
import { parseSince } from './insight-args.js';
import { byProfileAndName } from '../text/order.js';

export interface LsOptions extends OutputFlags {
  provider?: string;
  filter?: string;
  raw?: boolean;
  /** A HEALTH column (docs/diagnose.md); exit 2 when a cluster is red. */
  health?: boolean;
  /** Keep printing changes (kubectl -w): src/commands/watch.ts. */
  watch?: boolean;
  /** The listing's deadline ("60s", "5m"). */
  timeout?: string;
}

/** -o, --json, --wide and --cols of a cluster table (ls, get), checked before anything is loaded or sent. */
export function checkOutput(opts: OutputFlags & { health?: boolean }): void {
  const out = parseOutput(opts);
  if (out.cols) pickColumns(columnTitles(Boolean(opts.health)).map((title) => ({ title })), out.cols);
}

/** Every usage error of ls, before the config, the demo or any request. */
export function checkLs(opts: LsOptions): void {
  checkOutput(opts);
  if (opts.provider && !isProviderKind(opts.provider)) throw new CommandError(`--provider is one of ${PROVIDER_KINDS.join(', ')}, not ${sanitize(opts.provider)}`, EXIT.usage);
}

export async function ls(ctx: Context, opts: LsOptions): Promise<number> {
  checkLs(opts);
  const out = parseOutput(opts);
  const asked = ctx.profiles.filter((p) => !opts.provider || p.kind === opts.provider);
  const needle = opts.filter?.toLowerCase();
  const matches = (c: Cluster) => !needle || [c.name, c.profile, c.provider, c.state, c.phase, c.id].some((v) => v.toLowerCase().includes(needle));
  if (opts.watch) {
    if (asked.length === 0 && ctx.config.list().length === 0) throw noProfiles();
    return (await import('./watch.js')).watchClusters({ ...ctx, profiles: asked }, { out, keep: matches, raw: opts.raw });
  }
  // Hostnames some lists lack are waited for only when the output shows them.
  const showsHost = out.format !== 'table' || Boolean(out.cols?.includes('HOST'));
  const timeoutMs = opts.timeout === undefined ? undefined : parseSince(opts.timeout);
  const listing = await listAll({ ...ctx, profiles: asked }, { extras: showsHost, timeoutMs });
  const clusters = listing.clusters
    .filter(matches)
    .sort(byProfileAndName);
  reportListing(listing);
  const health = opts.health ? await (await import('../diagnose/ls-health.js')).fleetHealth(ctx, clusters) : undefined;
  const failed = new Set(listing.failures.map((f) => f.profile));
  rememberForCompletion(ctx, listing.clusters, asked.map((p) => p.name).filter((n) => !failed.has(n)));
  if (out.format === 'json' || out.format === 'yaml') {
    const rows = jsonClusters(clusters, Boolean(opts.raw));
    writeOut(await structured(out.format, health ? rows.map((r, i) => ({ ...(r as object), health: health.json(clusters[i]!) })) : rows));
  } else if (clusters.length > 0 || listing.failures.length === 0) {
    const tty = Boolean(process.stdout.isTTY);
    const color = colorEnabled(process.stdout);
    writeOut(`${renderTable(clusters, { width: tty ? process.stdout.columns || 80 : undefined, color, wide: out.format === 'wide', cols: out.cols, headers: out.headers, health: health?.verdict })}\n`, { colour: color });
  }
  return health?.anyRed ? EXIT.usage /* 2: red, docs/diagnose.md */ : listingExitCode(listing);
}
