// `pgtui ls --health`: the HEALTH cell of each listed cluster (its worst verdict: provider checks, plus the
// Postgres checks where pgtui knows the password), its reason for -o json, and whether any is red.
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/core/types.js';
import type { Config } from '../state/config.js';
import { oneLine } from '../text/safe.js';
import { clusterKey, diagnoseFleet } from './fleet.js';
import { thresholdsWith } from './thresholds.js';
import type { Diagnosis } from './run.js';
import type { Verdict } from './types.js';

export interface FleetHealth {
  verdict(c: Cluster): Verdict;
  json(c: Cluster): { verdict: string; reason: string } | undefined;
  anyRed: boolean;
}

/** What it needs of a command's context. */
export interface FleetContext {
  config: Pick<Config, 'dir' | 'diagnoseThresholds'>;
  profiles: Profile[];
  providerFor(p: Profile): Provider;
}

export async function fleetHealth(ctx: FleetContext, clusters: readonly Cluster[]): Promise<FleetHealth> {
  const thresholds = thresholdsWith(ctx.config.diagnoseThresholds?.() as never);
  const providerOf = (c: Cluster) => ctx.providerFor(ctx.profiles.find((p) => p.name === c.profile)!);
  const results = await diagnoseFleet(clusters, providerOf, { thresholds, configDir: ctx.config.dir });
  const of = (c: Cluster): Diagnosis | undefined => results.get(clusterKey(c));
  return {
    verdict: (c) => of(c)?.verdict ?? 'unknown',
    json: (c) => {
      const d = of(c);
      return d && { verdict: d.verdict, reason: oneLine(d.reason, 500) };
    },
    anyRed: [...results.values()].some((d) => d.verdict === 'red'),
  };
}
