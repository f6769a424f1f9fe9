// PostgreSQL's units for memory and time settings, as postgresql.conf and ALTER SYSTEM read them: a value is a
// number with an optional unit (B, kB, MB, GB, TB; us, ms, s, min, h, d — case-sensitive, as PostgreSQL is), and a
// bare number is in the setting's base unit (work_mem in kB, min_wal_size in MB, shared_buffers in 8 kB pages,
// statement_timeout in ms, autovacuum_naptime in s). These base units are PostgreSQL's own, whoever hosts it.
// The settings spec's minimums compare in kB for memory (its min_wal_size minimum 32768 is PostgreSQL's own floor
// of two 16 MB WAL segments) and in the base unit for time
// (README.md, config --set).

export type UnitKind = 'memory' | 'time';

/** A setting's base unit: its kind and what one bare unit is worth (kB for memory, ms for time). */
export interface BaseUnit {
  kind: UnitKind;
  /** kB (memory) or ms (time) in one base unit. */
  size: number;
  name: string;
}

const KB: BaseUnit = { kind: 'memory', size: 1, name: 'kB' };
const PAGES: BaseUnit = { kind: 'memory', size: 8, name: '8kB pages' };
const MB: BaseUnit = { kind: 'memory', size: 1024, name: 'MB' };
const MS: BaseUnit = { kind: 'time', size: 1, name: 'ms' };
const S: BaseUnit = { kind: 'time', size: 1000, name: 's' };
const MIN: BaseUnit = { kind: 'time', size: 60_000, name: 'min' };

/** PostgreSQL's base units (pg_settings.unit) of the memory and time settings; every other number has none. */
export const BASE_UNITS: Readonly<Record<string, BaseUnit>> = {
  work_mem: KB,
  maintenance_work_mem: KB,
  autovacuum_work_mem: KB,
  logical_decoding_work_mem: KB,
  temp_file_limit: KB,
  shared_buffers: PAGES,
  effective_cache_size: PAGES,
  wal_buffers: PAGES,
  temp_buffers: PAGES,
  min_wal_size: MB,
  max_wal_size: MB,
  wal_keep_size: MB,
  max_slot_wal_keep_size: MB,
  statement_timeout: MS,
  lock_timeout: MS,
  idle_session_timeout: MS,
  idle_in_transaction_session_timeout: MS,
  transaction_timeout: MS,
  wal_sender_timeout: MS,
  wal_receiver_timeout: MS,
  deadlock_timeout: MS,
  autovacuum_vacuum_cost_delay: MS,
  vacuum_cost_delay: MS,
  log_min_duration_statement: MS,
  log_autovacuum_min_duration: MS,
  autovacuum_naptime: S,
  checkpoint_timeout: S,
  archive_timeout: S,
  log_rotation_age: MIN,
};

/** kB per memory unit, ms per time unit (PostgreSQL's tables in guc.c). */
const MEMORY_UNITS: Readonly<Record<string, number>> = { B: 1 / 1024, kB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3 };
const TIME_UNITS: Readonly<Record<string, number>> = { us: 1 / 1000, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

export const unitNames = (kind: UnitKind): string => Object.keys(kind === 'memory' ? MEMORY_UNITS : TIME_UNITS).join(', ');

/**
 * The value in kB (memory) or ms (time), or a reason it is not one: a unit of the wrong kind, or one PostgreSQL
 * does not know (it is case-sensitive: "mb" is refused).
 */
export function toBase(base: BaseUnit, amount: number, unit: string): number | string {
  if (!unit) return amount * base.size;
  const table = base.kind === 'memory' ? MEMORY_UNITS : TIME_UNITS;
  const factor = table[unit];
  if (factor === undefined) return `takes ${base.kind === 'memory' ? 'a memory' : 'a time'} unit (${unitNames(base.kind)}), not "${unit}"`;
  return amount * factor;
}

/** kB or ms as a person writes them: 32768 kB → "32MB", 1000 ms → "1s". */
export function showAmount(kind: UnitKind, value: number): string {
  const table = kind === 'memory' ? MEMORY_UNITS : TIME_UNITS;
  const units = Object.entries(table).filter(([, f]) => f >= 1).reverse();
  for (const [name, factor] of units) if (value !== 0 && value % factor === 0) return `${value / factor}${name}`;
  return `${value}${kind === 'memory' ? 'kB' : 'ms'}`;
}
