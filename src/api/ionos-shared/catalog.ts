// What the IONOS v1 and v2 APIs document alike: weekdays, time and UUID formats, the address rule.

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** "IP/prefix" with a sane address, outside the reserved 10.208.0.0/12. */
export function addressProblem(cidr: string): string | undefined {
  const m = CIDR_PATTERN.exec(cidr);
  if (!m) return 'an address with prefix, e.g. 192.168.1.100/24';
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255) || Number(m[5]) > 32) return 'not a valid IPv4 address and prefix';
  if (octets[0] === 10 && (octets[1]! & 0xf0) === 208) return '10.208.0.0/12 is reserved by IONOS';
  return undefined;
}
