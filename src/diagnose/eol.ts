// PostgreSQL's supported versions: each major version's final-release (end of life) date from the project's
// versioning policy (5 years after its first release), and the newest minor release pgtui knows of. The
// table is data, kept by hand: docs/diagnose.md says how to update it (and which entries were confirmed). Minor releases newer than KNOWN_AT are
// not known here, so "a newer minor is available" can only err towards green.

/** @public The date the table was last checked (docs/diagnose.md). */
export const KNOWN_AT = '2026-08-13';

export interface MajorVersion {
  major: string;
  /** The final release: after this date the version gets no fixes, security ones included. */
  eol: string;
  /** The newest minor release known on KNOWN_AT (for an EOL version: its final one). */
  latestMinor: number;
}

export const POSTGRES_VERSIONS: readonly MajorVersion[] = [
  { major: '9.4', eol: '2020-02-13', latestMinor: 26 },
  { major: '9.5', eol: '2021-02-11', latestMinor: 25 },
  { major: '9.6', eol: '2021-11-11', latestMinor: 24 },
  { major: '10', eol: '2022-11-10', latestMinor: 23 },
  { major: '11', eol: '2023-11-09', latestMinor: 22 },
  { major: '12', eol: '2024-11-21', latestMinor: 22 },
  { major: '13', eol: '2025-11-13', latestMinor: 23 },
  { major: '14', eol: '2026-11-12', latestMinor: 23 },
  { major: '15', eol: '2027-11-11', latestMinor: 18 },
  { major: '16', eol: '2028-11-09', latestMinor: 14 },
  { major: '17', eol: '2029-11-08', latestMinor: 10 },
  { major: '18', eol: '2030-11-14', latestMinor: 4 },
];

export interface ParsedVersion {
  major: string;
  minor?: number;
}

/**
 * "15", "15.4", "PostgreSQL 15.4 (Debian …)", "9.6.24", "centos7-12.2-4.3.0" → major and minor. Undefined when
 * no version can be read.
 */
export function parseVersion(text: string | undefined): ParsedVersion | undefined {
  if (!text) return undefined;
  const old = /(?:^|\D)(9\.\d)(?:\.(\d+))?(?!\d)/.exec(text);
  if (old) return { major: old[1]!, minor: old[2] === undefined ? undefined : Number(old[2]) };
  const m = /(?:^|[^\d.])(\d{2})(?:\.(\d+))?(?![\d])/.exec(text);
  if (!m) return undefined;
  return { major: m[1]!, minor: m[2] === undefined ? undefined : Number(m[2]) };
}

/** server_version_num (150004) → { major: '15', minor: 4 }. */
export function versionFromNum(num: number): ParsedVersion {
  if (num >= 100000) return { major: String(Math.floor(num / 10000)), minor: num % 10000 };
  return { major: `${Math.floor(num / 10000)}.${Math.floor(num / 100) % 100}`, minor: num % 100 };
}

export function majorInfo(major: string): MajorVersion | undefined {
  return POSTGRES_VERSIONS.find((v) => v.major === major);
}
