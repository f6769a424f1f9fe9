// Constants of the IONOS DBaaS PostgreSQL v1 API (docs/ionos.md §3, spec 1.0.5): one global endpoint,
// sizes in MB, the documented enums. Patterns shared with v2 come from ../ionos-shared/catalog.ts.
export { DAYS, TIME_PATTERN, UUID_PATTERN, addressProblem } from '../ionos-shared/catalog.js';

export const IONOS_V1_URL = 'https://api.ionos.com/databases/postgresql';
export const PORT = 5432;
export const PAGE_LIMIT = 100;
export const PAGE_CONCURRENCY = 8;

/** The spec's x-extensible-enum plus terraform's additions; the API may add more. */
export const V1_LOCATIONS = ['de/fra', 'de/txl', 'gb/lhr', 'es/vit', 'us/ewr', 'us/las', 'gb/bhx', 'fr/par', 'us/mci'] as const;
export const BACKUP_LOCATIONS = ['de', 'eu-south-2', 'eu-central-2'] as const;
export const STORAGE_TYPES = ['HDD', 'SSD Standard', 'SSD Premium'] as const;
/** SYNCHRONOUS is deprecated: refused on create, still seen on old clusters and accepted in PATCH. */
export const CREATE_SYNC_MODES = ['ASYNCHRONOUS', 'STRICTLY_SYNCHRONOUS'] as const;
export const SYNC_MODES = ['ASYNCHRONOUS', 'SYNCHRONOUS', 'STRICTLY_SYNCHRONOUS'] as const;
export const POOL_MODES = ['transaction', 'session'] as const;

export const LIMITS = {
  instances: [1, 5],
  cores: [1, 62],
  /** MB, multiple of 1024. */
  ram: [2048, 245_760],
  /** MB. */
  storageSize: [2048, 2_097_152],
} as const satisfies Record<string, readonly [number, number]>;

export const RESERVED_USERNAMES = ['postgres', 'admin', 'standby'];
export const USERNAME_PATTERN = /^[a-z_][a-z0-9_-]{0,62}$/i;
export const NAME_MAX = 63;
