// pgtui diagnose NAME | --all: health checks on one cluster or every cluster (docs/diagnose.md). Exit 0 / 1 / 2
// for green / yellow / red (nothing judged: 0); usage errors keep their codes (docs/diagnose.md says why 2
// is shared).
import type { Cluster } from '../api/core/types.js';
import { colorEnabled, sanitize } from '../present/format.js';
import { safeJson } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { listAll, reportListing } from './fetch.js';
import { byProfileAndName } from '../text/order.js';

export interface DiagnoseCommandOptions {
  all?: boolean;
  output?: string;
  json?: boolean;
  md?: boolean;
  /** --no-postgres: provider checks only. */
  postgres?: boolean;
}

/** NAME|ID, exactly: an id, else a name; never a prefix (diagnose names its target, as changes do). */
export function exactCluster(clusters: readonly Cluster[], query: string): Cluster {
  const byId = clusters.filter((c) => c.id === query);
  const matches = byId.length ? byId : clusters.filter((c) => c.name === query);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CommandError(`no cluster named exactly ${sanitize(query)}; try pgtui ls`, EXIT.notFound);
  const lines = matches.slice(0, 20).map((c) => `  ${sanitize(c.name)}  ${sanitize(c.profile)}  ${sanitize(c.id)}`);
  throw new CommandError(`${matches.length} clusters are named ${sanitize(query)}; use an id or --profile:\n${lines.join('\n')}`, EXIT.usage);
}

export async function diagnose(ctx: Context, query: string | undefined, opts: DiagnoseCommandOptions): Promise<number> {
  const format = opts.md ? 'md' : opts.json ? 'json' : (opts.output ?? 'table');
  if (!['table', 'json', 'md'].includes(format)) throw new CommandError(`-o is table or json (or --md), not ${sanitize(format)}`, EXIT.usage);
  if (Boolean(opts.all) === Boolean(query)) throw new CommandError(opts.all ? 'give a NAME or --all, not both' : 'give a cluster NAME, or --all for every cluster', EXIT.usage);
  const { thresholdsWith } = await import('../diagnose/thresholds.js');
  const { diagnoseFleet, clusterKey } = await import('../diagnose/fleet.js');
  const { exitCodeOf, worst } = await import('../diagnose/health.js');
  const report = await import('./diagnose-report.js');
  const thresholds = thresholdsWith(ctx.config.diagnoseThresholds?.() as never);

  const listing = await listAll(ctx);
  reportListing(listing);
  let targets: Cluster[];
  if (query) {
    const found = exactCluster(listing.clusters, query);
    const profile = ctx.profiles.find((p) => p.name === found.profile)!;
    targets = [await ctx.providerFor(profile).get(found.id)];
  } else {
    targets = [...listing.clusters].sort(byProfileAndName);
    if (listing.failures.length > 0 && listing.failures.length >= listing.asked) throw new CommandError('no profile answered: nothing to diagnose', EXIT.error);
  }
  const providerOf = (c: Cluster) => ctx.providerFor(ctx.profiles.find((p) => p.name === c.profile)!);
  const results = await diagnoseFleet(targets, providerOf, { thresholds, postgres: opts.postgres !== false, configDir: ctx.config.dir });
  const diagnoses = targets.map((c) => results.get(clusterKey(c))!);
  // Worst cluster first with --all.
  const rank = { red: 0, yellow: 1, unknown: 2, green: 3 } as const;
  diagnoses.sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  const now = new Date();
  if (format === 'json') writeOut(`${safeJson(report.reportJson(diagnoses, now))}\n`);
  else if (format === 'md') writeOut(report.reportMarkdown(diagnoses, now));
  else if (diagnoses.length === 0) errLine('pgtui: no clusters to diagnose');
  else {
    const color = colorEnabled(process.stdout);
    writeOut(report.reportText(diagnoses, color), { colour: color });
  }
  for (const f of listing.failures) errLine(`pgtui: ${f.profile}: its clusters were not diagnosed`);
  return exitCodeOf(worst(diagnoses.map((d) => d.verdict)));
}
