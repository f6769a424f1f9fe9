// Every limit a check judges against, with its default (docs/diagnose.md explains each). config.json may
// override any of them under diagnose.thresholds; unknown keys are rejected so a typo does not silently
// leave a default in place.
import * as z from 'zod';

export const DEFAULT_THRESHOLDS = {
  /** Hours since the newest successful backup. */
  backupAgeYellowHours: 26,
  backupAgeRedHours: 48,
  /** Days before a major version's end of life when it turns yellow. */
  eolWarnDays: 180,
  /** Minor releases behind the newest one that turn yellow / red. */
  minorBehindYellow: 1,
  minorBehindRed: 3,
  /** Hours before a maintenance window when it shows as yellow. */
  maintenanceSoonHours: 24,
  /** Disk use in percent. */
  diskYellowPct: 80,
  diskRedPct: 90,
  /** Connections in use, percent of max_connections. */
  connectionsYellowPct: 75,
  connectionsRedPct: 90,
  /** Longest running query, seconds. */
  queryYellowSeconds: 300,
  queryRedSeconds: 1800,
  /** Longest open transaction, seconds. */
  transactionYellowSeconds: 900,
  transactionRedSeconds: 3600,
  /** Longest idle-in-transaction session, seconds. */
  idleInTransactionYellowSeconds: 60,
  idleInTransactionRedSeconds: 600,
  /** Blocked sessions: how many, and how long the longest has waited. */
  blockedYellowCount: 1,
  blockedRedCount: 5,
  blockedRedSeconds: 60,
  /** age(datfrozenxid) as a multiple of autovacuum_freeze_max_age, and as percent of the 2^31 wraparound limit. */
  wraparoundYellowRatio: 1,
  wraparoundRedRatio: 1.5,
  wraparoundRedPct: 50,
  /** Cache and index hit ratios, percent; judged only after this many block reads + hits. */
  hitYellowPct: 99,
  hitRedPct: 95,
  hitMinBlocks: 100_000,
  /** Replication lag: bytes and seconds. */
  replicationLagYellowBytes: 64 * 1024 * 1024,
  replicationLagRedBytes: 1024 * 1024 * 1024,
  replicationLagYellowSeconds: 60,
  replicationLagRedSeconds: 600,
  /** WAL an inactive replication slot holds back (bytes) before it is red; any inactive slot is yellow. */
  slotRetainedRedBytes: 1024 * 1024 * 1024,
  /** Sequences: percent of the range used (of the sequence or of the column it feeds, whichever is smaller). */
  sequenceYellowPct: 75,
  sequenceRedPct: 90,
  /** Vacuum overdue: dead tuples as a multiple of the autovacuum threshold (1 = at the threshold). */
  vacuumYellowRatio: 1,
  vacuumRedRatio: 10,
  /** Dead tuples below this are never overdue (tiny tables). */
  vacuumMinDeadTuples: 1000,
  /** Unused indexes (no scan since the statistics were reset): yellow from this size each, red from this total. */
  unusedIndexMinBytes: 1024 * 1024,
  unusedIndexRedBytes: 1024 * 1024 * 1024,
  /** Duplicate indexes: any is yellow, red from this total size. */
  duplicateIndexRedBytes: 1024 * 1024 * 1024,
  /** pg_stat_statements missing: yellow (default) or red. */
  statementsMissing: 'yellow' as 'yellow' | 'red',
  /** Milliseconds each Postgres check may run (statement_timeout). */
  statementTimeoutMs: 5000,
};

export type Thresholds = typeof DEFAULT_THRESHOLDS;

const num = z.number().nonnegative().optional();
const numericKeys = Object.keys(DEFAULT_THRESHOLDS).filter((k) => k !== 'statementsMissing');
export const thresholdsSchema = z.lazy(() => z.strictObject({
  ...Object.fromEntries(numericKeys.map((k) => [k, num])),
  statementsMissing: z.enum(['yellow', 'red']).optional(),
}) as unknown as z.ZodType<Partial<Thresholds>>);

export function thresholdsWith(overrides: Partial<Thresholds> | undefined): Thresholds {
  return { ...DEFAULT_THRESHOLDS, ...(overrides ?? {}) };
}
