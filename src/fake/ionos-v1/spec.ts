// The IONOS v1 fake's own copy of the API's constants, written from the v1 OpenAPI spec 1.0.5
// (test/contract/specs/ionos-postgresql-v1.yaml) and docs/ionos.md §3, never imported from the client.
// test/contract/constants.test.ts checks this file against the spec and the client's catalog against both.

export const VERSIONS: readonly string[] = ['12', '13', '14', '15', '16'];
/** Location's x-extensible-enum (the fake seeds only these; any string is accepted, as the enum is extensible). */
export const LOCATIONS: readonly string[] = ['de/fra', 'de/txl', 'gb/lhr', 'es/vit', 'us/ewr', 'us/las'];
/** BackupLocation's x-extensible-enum. */
export const BACKUP_LOCATIONS: readonly string[] = ['de', 'eu-south-2', 'eu-central-2'];
/** StorageType; `SSD` is the deprecated alias of `SSD Premium`. */
export const STORAGE_TYPES: readonly string[] = ['HDD', 'SSD', 'SSD Standard', 'SSD Premium'];
/** State (1.0.5; DEGRADED came later, docs/ionos.md §3.5). */
export const STATES: readonly string[] = ['AVAILABLE', 'BUSY', 'DESTROYING', 'FAILED', 'UNKNOWN'];
/** CreateSynchronizationMode; SYNCHRONOUS is deprecated: refused on create, still valid in PATCH. */
export const CREATE_SYNC_MODES: readonly string[] = ['ASYNCHRONOUS', 'STRICTLY_SYNCHRONOUS'];
export const SYNC_MODES: readonly string[] = ['ASYNCHRONOUS', 'SYNCHRONOUS', 'STRICTLY_SYNCHRONOUS'];
export const DAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The spec's minimum/maximum (ram and storage in MB). The spec gives cores and ram no maximum: 62 cores and 240 GB are
 * ionosctl's v2 limits, applied to the same clusters (docs/ionos.md §7: v1 MB = v2 GB × 1024).
 */
export const LIMITS = {
  instances: [1, 5],
  cores: [1, 62],
  ram: [2048, 245_760],
  storageSize: [2048, 2_097_152],
} as const satisfies Record<string, readonly [number, number]>;
/** ram: multipleOf. */
export const RAM_STEP = 1024;

/** DBUser.password minLength (1.0.5). */
export const PASSWORD_MIN = 10;
export const RESERVED_USERNAMES: readonly string[] = ['postgres', 'admin', 'standby'];
