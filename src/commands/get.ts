// pgtui get NAME|ID: one cluster, every field.
import type { Cluster } from '../api/types.js';
import { formatAge, sanitize } from '../format.js';
import { oneLine, safeJson } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { listAll, listingExitCode, reportListing } from './fetch.js';
import { resolveCluster } from './resolve.js';
import { jsonClusters } from './table.js';

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

export async function get(ctx: Context, query: string, opts: { json?: boolean; raw?: boolean }): Promise<number> {
  const c = await findCluster(ctx, query);
  if (opts.json) {
    writeOut(`${safeJson(jsonClusters([c], Boolean(opts.raw))[0])}\n`);
    return EXIT.ok;
  }
  const rows: Array<[string, string | number | undefined]> = [
    ['name', c.name], ['id', c.id], ['profile', c.profile], ['provider', c.provider], ['phase', c.phase], ['state', c.state],
    ['message', c.stateMessage], ['version', c.version], ['location', c.location], ['size', c.size], ['storage', c.storage],
    ['instances', c.instances], ['host', c.host], ['port', c.port], ['database', c.database], ['user', c.user],
    ['created', c.createdAt ? `${c.createdAt} (${formatAge(c.createdAt)} ago)` : undefined],
  ];
  const width = rows.reduce((w, [k]) => Math.max(w, k.length), 0);
  for (const [k, v] of rows) if (v !== undefined && v !== '') writeOut(`${k.padEnd(width)}  ${sanitize(String(v))}\n`);
  return EXIT.ok;
}
