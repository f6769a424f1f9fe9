// pgtui get NAME|ID: one cluster, every field.
import type { Cluster } from '../api/core/types.js';
import { oneLine } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { clusterKey } from '../state/types.js';
import { CommandError, EXIT } from './exit-codes.js';
import { listAll, listingExitCode, reportListing } from './fetch.js';
import { keyValueLines } from './print-cluster.js';
import { resolveCluster } from './resolve.js';
import { parseOutput, structured, type OutputFlags } from './output.js';
import { jsonClusters, renderTable } from './table.js';

/** Finds the cluster by NAME|ID across the chosen profiles, then fetches its full record. */
export async function findCluster(ctx: Context, query: string): Promise<Cluster> {
  const listing = await listAll(ctx);
  reportListing(listing);
  let found: Cluster;
  try {
    found = resolveCluster(listing.clusters, query, listing.duplicates);
  } catch (err) {
    if (err instanceof CommandError && err.code === EXIT.notFound && listing.failures.length > 0) {
      throw new CommandError(`no cluster named ${oneLine(query)} in the profiles that answered`, listingExitCode(listing) === EXIT.error ? EXIT.error : EXIT.notFound);
    }
    throw err;
  }
  const profile = ctx.profiles.find((p) => p.name === found.profile)!;
  return ctx.providerFor(profile).get(found.id);
}

export async function get(ctx: Context, query: string, opts: OutputFlags & { raw?: boolean; watch?: boolean }): Promise<number> {
  const out = parseOutput(opts);
  const c = await findCluster(ctx, query);
  if (opts.watch) {
    // As one row of the ls table (or one JSON object a line), then a line each time it changes.
    const key = clusterKey(c);
    const profiles = ctx.profiles.filter((p) => p.name === c.profile);
    return (await import('./watch.js')).watchClusters({ ...ctx, profiles }, { out, keep: (x) => clusterKey(x) === key, focus: key, raw: opts.raw });
  }
  if (out.format === 'json' || out.format === 'yaml') {
    writeOut(await structured(out.format, jsonClusters([c], Boolean(opts.raw))[0]));
    return EXIT.ok;
  }
  if (out.cols) {
    // --cols: the cluster as one row of the ls table.
    writeOut(`${renderTable([c], { color: false, wide: true, cols: out.cols, headers: out.headers })}\n`);
    return EXIT.ok;
  }
  // -o wide also shows the fields the provider left empty; --no-headers has nothing to drop here.
  writeOut(keyValueLines(c, out.format === 'wide'));
  return EXIT.ok;
}
