// Constants of the IONOS DBaaS PostgreSQL v2 API (docs/ionos.md §4): the nine regional endpoints,
// the documented enums and the ionosctl flag limits the real API does not publish.
import type { IonosV2Profile } from './profile.js';
import { hasUnsafe } from '../../text/safe.js';
import { DAYS, TIME_PATTERN, UUID_PATTERN, addressProblem } from '../ionos-shared/catalog.js';

// Shared with IONOS v1 (../ionos-shared/catalog.ts).
export { DAYS, TIME_PATTERN, UUID_PATTERN, addressProblem };

export const IONOS_V2_URL_TEMPLATE = 'https://postgresql.%s.ionos.com';

/** One regional endpoint each (docs/ionos.md §4.1). de/fra/2 shares de/fra's endpoint, so it is not a separate region here. */
export const V2_LOCATIONS = ['de/txl', 'de/fra', 'fr/par', 'es/vit', 'gb/lhr', 'gb/bhx', 'us/las', 'us/mci', 'us/ewr'] as const;

export const V2_STATES = ['PROVISIONING', 'AVAILABLE', 'UPDATING', 'DESTROYING', 'FAILED'] as const;
export const REPLICATION_MODES = ['ASYNCHRONOUS', 'STRICTLY_SYNCHRONOUS'] as const;
export const POOLERS = ['DISABLED', 'TRANSACTION', 'SESSION'] as const;

/** ionosctl's flag help (the SDK models carry no bounds). ram and storage in GB. */
export const LIMITS = {
  count: [1, 5],
  cores: [1, 62],
  ram: [4, 240],
  storageSize: [10, 4096],
  retentionDays: [1, 35],
} as const satisfies Record<string, readonly [number, number]>;

export const PORT = 5432;
/** The documented default page size; every list pages until a short page. */
export const PAGE_LIMIT = 100;

export const NAME_PATTERN = /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,16}$/;
export const DATABASE_PATTERN = /^[a-zA-Z0-9_]{1,63}$/;

export const PASSWORD_MAX = 128;

/**
 * At least 8 characters with a lowercase and an uppercase letter, a digit and one of @$!%*?& (docs/ionos.md §4.4). pgtui adds:
 * no control characters (psql gets the password through a one-line PGPASSFILE entry) and at most 128 characters.
 */
export function passwordProblem(pw: string): string | undefined {
  if (pw.length < 8) return 'at least 8 characters';
  if (pw.length > PASSWORD_MAX) return `at most ${PASSWORD_MAX} characters`;
  if (hasUnsafe(pw)) return 'no control characters';
  if (!/[a-z]/.test(pw) || !/[A-Z]/.test(pw) || !/\d/.test(pw) || !/[@$!%*?&]/.test(pw)) {
    return 'needs a lowercase and an uppercase letter, a digit and one of @$!%*?&';
  }
  return undefined;
}


/** The locations a profile covers (default: all nine). */
export function profileLocations(profile: IonosV2Profile): string[] {
  const wanted = profile.locations?.map((l) => l.trim()).filter(Boolean);
  return wanted && wanted.length > 0 ? [...new Set(wanted)] : [...V2_LOCATIONS];
}

/** The base URL of one location: the profile's endpoint map, else its template with "de/txl" → "de-txl". */
export function endpointFor(profile: IonosV2Profile, location: string): string {
  const explicit = profile.endpoints?.[location];
  if (explicit) return explicit;
  const template = profile.apiUrl || IONOS_V2_URL_TEMPLATE;
  const slug = location.replace(/\//g, '-');
  return template.includes('%s') ? template.replace('%s', slug) : template;
}
