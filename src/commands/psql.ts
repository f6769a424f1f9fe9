// pgtui psql NAME|ID [-- psql args]: straight into psql; the exit code is psql's.
import type { Context } from './context.js';
import { findCluster } from './get.js';
import { connectCluster } from '../psql.js';

export async function psql(ctx: Context, query: string, extraArgs: string[]): Promise<number> {
  const cluster = await findCluster(ctx, query);
  const provider = ctx.providerFor(ctx.profiles.find((p) => p.name === cluster.profile)!);
  const settings = ctx.config.settings();
  const conn = provider.connection(cluster);
  const problem = ctx.config.secretsProblem();
  if (problem) process.stderr.write(`pgtui: warning: ${problem}; psql connects without the stored login\n`);
  return connectCluster(cluster, conn, { psqlPath: settings.psqlPath, extraArgs: [...(settings.psqlArgs ?? []), ...extraArgs] });
}
