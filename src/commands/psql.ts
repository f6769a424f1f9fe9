// pgtui psql NAME|ID [-- psql args]: straight into psql; the exit code is psql's.
import type { Context } from './context.js';
import { findCluster } from './get.js';
import { connectCluster } from '../psql.js';

export async function psql(ctx: Context, query: string, extraArgs: string[]): Promise<number> {
  const cluster = await findCluster(ctx, query);
  const provider = ctx.providerFor(ctx.profiles.find((p) => p.name === cluster.profile)!);
  const settings = ctx.config.settings();
  return connectCluster(cluster, provider.connection(cluster), { psqlPath: settings.psqlPath, extraArgs: [...(settings.psqlArgs ?? []), ...extraArgs] });
}
