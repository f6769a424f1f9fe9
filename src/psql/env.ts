// What psql inherits, and what becomes of the password file it is given.
//
// psql needs none of pgtui's provider credentials: every variable a provider module reads for its environment
// profiles (CLICKHOUSE_CLOUD_API_SECRET, IONOS_PASSWORD, PGOUSERPASS, …) is left out of psql's environment, so
// it is not in psql's /proc/PID/environ nor passed on to what psql runs (\!). The list is derived from the
// modules themselves (their envHint line and the variables their fromEnv reads), so a new provider is covered
// without touching this file. PGPASSWORD goes too: it would leak into sessions of other clusters.
//
// The password reaches psql through a 0600 PGPASSFILE (libpq refuses anything but a regular file, so a FIFO will
// not do). On Linux the file is unlinked before psql starts: psql inherits it open as fd 3 and reads it as
// PGPASSFILE=/dev/fd/3 (which reopens the deleted file, for \c too), so nothing is left on disk however pgtui or
// psql end. Elsewhere the file stays in a private directory named after pgtui's pid until psql ends. Either way,
// a pgtui that starts psql sweeps directories of the same user whose pgtui is gone (killed mid-write).
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerModules } from '../api/registry.js';
import { processAlive } from '../state/trusted-file.js';

let providerVars: Set<string> | undefined;

/** Every environment variable a provider module reads or names for its credentials. */
export function providerEnvNames(): Set<string> {
  if (providerVars) return providerVars;
  const names = new Set<string>();
  for (const m of providerModules()) {
    for (const name of m.envHint?.match(/\b[A-Z][A-Z0-9_]*[A-Z0-9]\b/g) ?? []) names.add(name);
    // What fromEnv reads, with every variable missing and with every variable set (it reads further then).
    for (const present of [false, true]) {
      const seen = new Proxy({} as NodeJS.ProcessEnv, {
        get: (_t, key) => (typeof key === 'string' && names.add(key), present ? 'https://pgtui.invalid' : undefined),
        has: (_t, key) => (typeof key === 'string' && names.add(key), present),
      });
      try {
        m.fromEnv?.(seen, { home: '/nonexistent', read: () => { throw new Error('not read'); } });
      } catch {
        // only the names it asked for matter
      }
    }
  }
  for (const basic of ['HOME', 'PATH', 'USER', 'LANG', 'TERM']) names.delete(basic);
  return (providerVars = names);
}

/** `env` for psql: without provider credentials and PGPASSWORD, with PGAPPNAME. */
export function psqlEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const drop = providerEnvNames();
  const out: NodeJS.ProcessEnv = { PGAPPNAME: 'pgtui' };
  for (const [key, value] of Object.entries(env)) if (!drop.has(key) && key !== 'PGPASSWORD' && key !== 'PGAPPNAME') out[key] = value;
  out.PGAPPNAME = 'pgtui';
  return out;
}

export const PASS_DIR_PREFIX = 'pgtui-psql-';

/** The prefix of this process's password directories: `pgtui-psql-<pid>-`. */
export const passDirPrefix = () => join(tmpdir(), `${PASS_DIR_PREFIX}${process.pid}-`);

/** Directories named older pgtui's way (no pid) are swept when they are this old. */
const UNNAMED_STALE_MS = 12 * 3600_000;

/** Removes password directories of this user whose pgtui is no longer running. Never throws. */
export function sweepStalePassDirs(dir = tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  const uid = process.getuid?.();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(PASS_DIR_PREFIX)) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      const pid = /^pgtui-psql-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1];
      const stale = pid ? !processAlive(Number(pid)) : /^pgtui-psql-[A-Za-z0-9]{6}$/.test(name) && now - st.mtimeMs > UNNAMED_STALE_MS;
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // someone else's or already gone
    }
  }
  return removed;
}
