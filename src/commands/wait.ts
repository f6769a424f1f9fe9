// pgtui wait NAME|ID --for ready|deleted: poll until the cluster gets there, fails, or time runs out.
import { describeError, isApiError } from '../api/core/errors.js';
import type { Cluster, Provider } from '../api/core/types.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { findCluster } from './get.js';
import { parseDuration } from './duration.js';
import { oneLine } from '../text/safe.js';
import { errLine } from '../text/write.js';

export async function wait(ctx: Context, query: string, opts: { for: string; timeout: string; interval: string }): Promise<number> {
  if (opts.for !== 'ready' && opts.for !== 'deleted') throw new CommandError(`--for must be ready or deleted, not ${opts.for}`, EXIT.usage);
  const timeoutMs = parseDuration(opts.timeout);
  const intervalMs = Math.max(200, parseDuration(opts.interval));
  let cluster: Cluster;
  try {
    cluster = await findCluster(ctx, query);
  } catch (err) {
    if (opts.for === 'deleted' && err instanceof CommandError && err.code === EXIT.notFound) return EXIT.ok;
    throw err;
  }
  const provider = ctx.providerFor(ctx.profiles.find((p) => p.name === cluster.profile)!);
  return pollUntil(provider, cluster, opts.for, { timeoutMs, intervalMs, timeoutText: opts.timeout });
}

/** --timeout and --interval of the commands that take --wait. */
export function waitOptions(opts: { timeout?: string; interval?: string }): PollOptions {
  const timeoutText = opts.timeout ?? '30m';
  return { timeoutMs: parseDuration(timeoutText), intervalMs: Math.max(200, parseDuration(opts.interval ?? '2s')), timeoutText };
}

export interface PollOptions {
  timeoutMs: number;
  intervalMs: number;
  /** How the timeout is named in the message ("10m"). */
  timeoutText: string;
}

/** Polls `provider.get` until the cluster is ready or gone, printing each new phase on stderr; the exit code. */
export async function pollUntil(provider: Provider, start: Cluster, target: 'ready' | 'deleted', opts: PollOptions): Promise<number> {
  const { intervalMs } = opts;
  const deadline = Date.now() + opts.timeoutMs;
  let cluster = start;
  let last = '';
  for (;;) {
    const where = `${cluster.phase} (${cluster.state})`;
    if (where !== last) {
      errLine(`${cluster.name}: ${where}`);
      last = where;
    }
    if (target === 'ready' && cluster.phase === 'ready') return EXIT.ok;
    if (cluster.phase === 'failed') {
      errLine(`pgtui: ${cluster.profile}: ${cluster.name} failed${cluster.stateMessage ? `: ${cluster.stateMessage}` : ''}`);
      return EXIT.failed;
    }
    if (Date.now() + intervalMs > deadline) {
      errLine(`pgtui: ${cluster.name} is still ${cluster.phase} after ${opts.timeoutText}`);
      return EXIT.timeout;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
    try {
      cluster = await provider.get(cluster.id);
    } catch (err) {
      if (isApiError(err, 'not-found')) {
        if (target === 'deleted') {
          errLine(`${cluster.name}: deleted`);
          return EXIT.ok;
        }
        throw new CommandError(`${oneLine(cluster.name)} was deleted`, EXIT.notFound);
      }
      // A transient failure: report it and keep waiting until the deadline.
      errLine(`pgtui: ${cluster.profile}: ${describeError(err)}`);
    }
  }
}
