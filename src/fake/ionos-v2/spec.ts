// The IONOS v2 fake's own copy of the API's constants, written from docs/ionos.md §4 (the SDK v3.1.0 models and
// ionosctl's flag help; no raw v2 spec exists) and never imported from the client. test/contract/constants.test.ts
// checks this file against test/contract/specs/ionos-postgresql-v2.json and the client's catalog against both.

/** One endpoint per location (docs/ionos.md §4.1); `de/fra/2` is served by `de/fra`, so it has none of its own. */
export const LOCATIONS: readonly string[] = ['de/txl', 'de/fra', 'fr/par', 'es/vit', 'gb/lhr', 'gb/bhx', 'us/las', 'us/mci', 'us/ewr'];

/** PostgresClusterStates (GA 2.0.0). */
export const STATES: readonly string[] = ['PROVISIONING', 'AVAILABLE', 'UPDATING', 'DESTROYING', 'FAILED'];
export const REPLICATION_MODES: readonly string[] = ['ASYNCHRONOUS', 'STRICTLY_SYNCHRONOUS'];
/** STRICTLY_SYNCHRONOUS is "Only supported for clusters with at least 3 instances". */
export const STRICT_SYNC_MIN_INSTANCES = 3;
export const POOLERS: readonly string[] = ['DISABLED', 'TRANSACTION', 'SESSION'];
export const DAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** ionosctl's flag help (the SDK models carry no bounds); ram and storage in GB. */
export const LIMITS = {
  count: [1, 5],
  cores: [1, 62],
  ram: [4, 240],
  storageSize: [10, 4096],
} as const satisfies Record<string, readonly [number, number]>;
/** backup.retentionDays is an integer with no published range; the fake only refuses fewer than one day. */
export const RETENTION_MIN_DAYS = 1;

export const NAME_PATTERN = /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,16}$/;
export const DATABASE_PATTERN = /^[a-zA-Z0-9_]{1,63}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The API's rule (docs/ionos.md §4.4): at least 8 characters with a lowercase and an uppercase letter, a digit and one of @$!%*?&. */
export const PASSWORD_MIN = 8;
export const PASSWORD_SPECIALS = '@$!%*?&';

export function passwordProblem(pw: string): string | undefined {
  if (pw.length < PASSWORD_MIN) return `at least ${PASSWORD_MIN} characters`;
  if (!/[a-z]/.test(pw) || !/[A-Z]/.test(pw) || !/\d/.test(pw) || ![...PASSWORD_SPECIALS].some((c) => pw.includes(c))) {
    return `needs a lowercase and an uppercase letter, a digit and one of ${PASSWORD_SPECIALS}`;
  }
  return undefined;
}

/** `connection.primaryInstanceAddress`: "IP/prefix", outside the unavailable range 10.208.0.0/12. */
export function addressProblem(cidr: string): string | undefined {
  const m = CIDR_PATTERN.exec(cidr);
  if (!m) return 'an address with prefix, e.g. 192.168.1.100/24';
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255) || Number(m[5]) > 32) return 'not a valid IPv4 address and prefix';
  if (octets[0] === 10 && (octets[1]! & 0xf0) === 208) return '10.208.0.0/12 is reserved by IONOS';
  return undefined;
}
