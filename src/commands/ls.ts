// pgtui ls: every cluster of every profile, as a table or JSON.
import { isProviderKind, PROVIDER_KINDS } from '../api/registry.js';
import { colorEnabled, sanitize } from '../format.js';
import { writeOut } from '../text/write.js';
import { rememberForCompletion } from './completion-cache.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { listAll, listingExitCode, reportListing } from './fetch.js';
import { parseSince } from './insight-args.js';
import { parseOutput, structured, type OutputFlags } from './output.js';
import { jsonClusters, renderTable } from './table.js';

export interface LsOptions extends OutputFlags {
  provider?: string;
  filter?: string;
  raw?: boolean;
  /** The listing's deadline ("60s", "5m"). */
  timeout?: string;
}

export async function ls(ctx: Context, opts: LsOptions): Promise<number> {
  const out = parseOutput(opts);
  if (opts.provider && !isProviderKind(opts.provider)) throw new CommandError(`--provider is one of ${PROVIDER_KINDS.join(', ')}, not ${sanitize(opts.provider)}`, EXIT.usage);
  const asked = ctx.profiles.filter((p) => !opts.provider || p.kind === opts.provider);
  const timeoutMs = opts.timeout === undefined ? undefined : parseSince(opts.timeout);
  const listing = await listAll({ ...ctx, profiles: asked }, { timeoutMs });
  const needle = opts.filter?.toLowerCase();
  const clusters = listing.clusters
    .filter((c) => !needle || [c.name, c.profile, c.provider, c.state, c.phase, c.id].some((v) => v.toLowerCase().includes(needle)))
    .sort((a, b) => a.profile.localeCompare(b.profile) || a.name.localeCompare(b.name));
  reportListing(listing);
  const failed = new Set(listing.failures.map((f) => f.profile));
  rememberForCompletion(ctx, listing.clusters, asked.map((p) => p.name).filter((n) => !failed.has(n)));
  if (out.format === 'json' || out.format === 'yaml') {
    writeOut(await structured(out.format, jsonClusters(clusters, Boolean(opts.raw))));
  } else if (clusters.length > 0 || listing.failures.length === 0) {
    const tty = Boolean(process.stdout.isTTY);
    const color = colorEnabled(process.stdout);
    writeOut(`${renderTable(clusters, { width: tty ? process.stdout.columns || 80 : undefined, color, wide: out.format === 'wide', cols: out.cols, headers: out.headers })}\n`, { colour: color });
  }
  return listingExitCode(listing);
}
