// pgtui ls: every cluster of every profile, as a table or JSON.
import { isProviderKind, PROVIDER_KINDS } from '../api/registry.js';
import { colorEnabled, sanitize } from '../format.js';
import { safeJson } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { listAll, listingExitCode, reportListing } from './fetch.js';
import { jsonClusters, renderTable } from './table.js';

export interface LsOptions {
  provider?: string;
  filter?: string;
  json?: boolean;
  raw?: boolean;
  wide?: boolean;
}

export async function ls(ctx: Context, opts: LsOptions): Promise<number> {
  if (opts.provider && !isProviderKind(opts.provider)) throw new CommandError(`--provider is one of ${PROVIDER_KINDS.join(', ')}, not ${sanitize(opts.provider)}`, EXIT.usage);
  const listing = await listAll({ ...ctx, profiles: ctx.profiles.filter((p) => !opts.provider || p.kind === opts.provider) });
  const needle = opts.filter?.toLowerCase();
  const clusters = listing.clusters
    .filter((c) => !needle || [c.name, c.profile, c.provider, c.state, c.phase, c.id].some((v) => v.toLowerCase().includes(needle)))
    .sort((a, b) => a.profile.localeCompare(b.profile) || a.name.localeCompare(b.name));
  reportListing(listing);
  if (opts.json) {
    writeOut(`${safeJson(jsonClusters(clusters, Boolean(opts.raw)))}\n`);
  } else if (clusters.length > 0 || listing.failures.length === 0) {
    const tty = Boolean(process.stdout.isTTY);
    const color = colorEnabled(process.stdout);
    writeOut(`${renderTable(clusters, { width: tty ? process.stdout.columns || 80 : undefined, color, wide: Boolean(opts.wide) })}\n`, { colour: color });
  }
  return listingExitCode(listing);
}
