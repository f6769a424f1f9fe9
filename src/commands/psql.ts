// pgtui psql NAME|ID [-- psql args]: straight into psql; the exit code is psql's.
import type { Config } from '../state/config.js';
import type { Context } from './context.js';
import { findCluster } from './get.js';
import { connectCluster } from '../psql/launch.js';
import { verifiedConnection } from '../pg/tls.js';
import { errLine } from '../text/write.js';

export async function psql(ctx: Context, query: string, extraArgs: string[]): Promise<number> {
  const cluster = await findCluster(ctx, query);
  const provider = ctx.providerFor(ctx.profiles.find((p) => p.name === cluster.profile)!);
  const settings = ctx.config.settings();
  const verified = await verifiedConnection(provider, cluster, provider.connection(cluster), ctx.config.dir);
  if (verified.note) errLine(verified.note);
  const conn = verified.conn;
  const warning = storedLoginWarning(ctx.config, conn.password);
  if (warning) process.stderr.write(`${warning}\n`);
  return connectCluster(cluster, conn, { psqlPath: settings.psqlPath, extraArgs: [...(settings.psqlArgs ?? []), ...extraArgs] });
}

/** The line saying psql goes without the stored login because secrets.json could not be read, if so (also the TUI's `p`). */
export function storedLoginWarning(config: Pick<Config, 'secretsProblem'>, password: string | undefined): string | undefined {
  const problem = password ? undefined : config.secretsProblem();
  return problem && `pgtui: warning: ${problem}; psql connects without the stored login`;
}
