// The scheduler-free API: diagnose one cluster now. It gathers the provider's facts and (when a connection
// can be made) Postgres's, then judges them with the pure model (health.ts). The TUI calls it on its own
// cadence; `pgtui diagnose` and `ls --health` call it once.
import type { Cluster, Provider } from '../api/core/types.js';
import { oneLine } from '../text/safe.js';
import { judgeCluster, type HealthReport } from './health.js';
import { connectCluster, type PgConnector } from './pg-connect.js';
import { collectPgFacts, type PgFacts } from './pg-facts.js';
import { collectProviderFacts } from './provider-facts.js';
import type { Thresholds } from './thresholds.js';
import type { Missing } from './types.js';

export interface DiagnoseOptions {
  thresholds: Thresholds;
  /** Try Postgres (default true); false: provider checks only. */
  postgres?: boolean;
  configDir?: string;
  connect?: PgConnector;
  signal?: AbortSignal;
  now?: () => number;
  /** Holds a slot for the whole Postgres session (fleet.ts limits how many are open at once). */
  pgGate?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export interface Diagnosis extends HealthReport {
  cluster: Cluster;
  /** Why the Postgres checks did not run, when they did not. */
  postgresSkipped?: string;
  /** When the facts were read (ISO). */
  at: string;
}

export async function readPgFacts(cluster: Cluster, provider: Provider, opts: DiagnoseOptions): Promise<PgFacts | Missing> {
  const connect = opts.connect ?? connectCluster;
  let handle;
  try {
    handle = await connect(cluster, provider, { configDir: opts.configDir, statementTimeoutMs: opts.thresholds.statementTimeoutMs });
  } catch (err) {
    return { missing: oneLine((err instanceof Error ? err.message : String(err)).slice(0, 2000), 300) };
  }
  try {
    return await collectPgFacts(handle.query, opts.thresholds.statementTimeoutMs);
  } finally {
    await handle.close();
  }
}

export async function diagnoseCluster(cluster: Cluster, provider: Provider, opts: DiagnoseOptions): Promise<Diagnosis> {
  const now = opts.now ?? Date.now;
  const [providerFacts, pg] = await Promise.all([
    collectProviderFacts(provider, cluster, opts.signal, now()),
    opts.postgres === false ? Promise.resolve(undefined) : (opts.pgGate ?? ((fn) => fn()))(() => readPgFacts(cluster, provider, opts)),
  ]);
  const report = judgeCluster({ cluster, provider: providerFacts, pg, thresholds: opts.thresholds, now: now() });
  const postgresSkipped = opts.postgres === false ? 'Postgres checks not asked for' : pg && 'missing' in pg ? pg.missing : undefined;
  return { ...report, cluster, postgresSkipped, at: new Date(now()).toISOString() };
}
