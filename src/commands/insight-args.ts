// What logs, metrics, slow and config share: the time window from --since / --from / --to, and the cluster with
// a provider that has the feature (or one line saying why not, exit 7).
import type { Capability } from '../api/core/capabilities.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import { supports, unsupportedReason } from '../api/core/capabilities.js';
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/core/types.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { findCluster } from './get.js';
import { isDuration, parsePositiveDuration } from './duration.js';

/** --since and the like: a positive duration in ms (./duration.ts, the one grammar). */
export const parseSince = parsePositiveDuration;

/** An RFC 3339 time ("2026-11-30T01:00:00Z"), a date, or a duration back from now ("2h"). */
export function parseTime(text: string, now: number): Date {
  if (isDuration(text)) return new Date(now - parseSince(text));
  const t = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (Number.isNaN(t)) throw new CommandError(`not a time: ${text} (try 2026-11-30T01:00:00Z or 2h)`, EXIT.usage);
  return new Date(t);
}

export interface WindowOptions {
  since?: string;
  from?: string;
  to?: string;
}

export function timeWindow(opts: WindowOptions, defaultSince: string, now = Date.now()): { from: Date; to: Date } {
  if (opts.since && (opts.from || opts.to)) throw new CommandError('give --since or --from/--to, not both', EXIT.usage);
  const to = opts.to ? parseTime(opts.to, now) : new Date(now);
  const from = opts.from ? parseTime(opts.from, now) : new Date(to.getTime() - parseSince(opts.since ?? defaultSince));
  if (from.getTime() >= to.getTime()) throw new CommandError('the window is empty: --from must be before --to', EXIT.usage);
  return { from, to };
}

export interface Target {
  cluster: Cluster;
  profile: Profile;
  provider: Provider;
}

/** The cluster NAME|ID names, and its provider, which must have `capability` for it. */
export async function targetWith(ctx: Context, query: string, capability: Capability): Promise<Target> {
  const cluster = await findCluster(ctx, query);
  const profile = ctx.profiles.find((p) => p.name === cluster.profile)!;
  const provider = ctx.providerFor(profile);
  if (!supports(provider, cluster, capability)) throw new CommandError(unsupportedReason(provider, cluster, capability, PROVIDER_LABELS[cluster.provider]), EXIT.refused);
  return { cluster, profile, provider };
}
