// Lists every chosen profile concurrently; a failing profile is reported, never fatal to the others.
import { describeError, isApiError } from '../api/errors.js';
import type { Cluster } from '../api/types.js';
import type { Context } from './context.js';

export interface Listing {
  clusters: Cluster[];
  failures: Array<{ profile: string; message: string; kind?: string }>;
}

export async function listAll(ctx: Context): Promise<Listing> {
  const results = await Promise.allSettled(ctx.profiles.map((p) => ctx.providerFor(p).list()));
  const out: Listing = { clusters: [], failures: [] };
  results.forEach((r, i) => {
    const profile = ctx.profiles[i]!.name;
    if (r.status === 'fulfilled') out.clusters.push(...r.value);
    else out.failures.push({ profile, message: describeError(r.reason).replace(new RegExp(`^${profile}: `), ''), kind: isApiError(r.reason) ? r.reason.kind : undefined });
  });
  return out;
}
