// Diagnose many clusters at once (`pgtui diagnose --all`, `pgtui ls --health`): every profile in parallel, a
// few clusters of each at a time (each provider call still waits for its slot in the profile's request budget,
// src/api/core/budget.ts, so the fakes' and the real services' rate limits hold), and at most a few Postgres
// connections open at once, never more than one per cluster.
import type { Cluster, Provider } from '../api/core/types.js';
import { diagnoseCluster, type DiagnoseOptions, type Diagnosis } from './run.js';

/** Clusters of one profile diagnosed at the same time. */
export const PER_PROFILE = 4;
/** Postgres sessions open at the same time, over every profile. */
export const PG_SESSIONS = 4;

/** A counting semaphore: run(fn) waits for one of `size` slots. */
export function limiter(size: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let free = size;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

export const clusterKey = (c: Pick<Cluster, 'profile' | 'id'>) => `${c.profile}/${c.id}`;

export async function diagnoseFleet(clusters: readonly Cluster[], providerOf: (c: Cluster) => Provider, opts: DiagnoseOptions): Promise<Map<string, Diagnosis>> {
  const pgSlots = limiter(PG_SESSIONS);
  const perProfile = new Map<string, ReturnType<typeof limiter>>();
  const out = new Map<string, Diagnosis>();
  await Promise.all(
    clusters.map((c) => {
      let slot = perProfile.get(c.profile);
      if (!slot) perProfile.set(c.profile, (slot = limiter(PER_PROFILE)));
      return slot(async () => {
        const d = await diagnoseCluster(c, providerOf(c), { ...opts, pgGate: pgSlots });
        out.set(clusterKey(c), d);
      });
    }),
  );
  return out;
}
