// Small, careful file I/O for pgtui's config: atomic replace (temp file + fsync + rename, mode 0600) and a
// lock file around read-modify-write, so a crash never leaves a half-written file and two pgtui processes
// saving at once never lose each other's change.
import { chmodSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../api/core/errors.js';
import { processAlive, readTrusted, removeOrphans, UntrustedFileError, writeTrusted } from '../files/trusted-file.js';

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by umask and ignored for existing dirs; the config dir must not be world-readable.
  try {
    const mode = statSync(dir).mode & 0o777;
    if (mode & 0o077) chmodSync(dir, 0o700);
  } catch {
    // best effort: a dir we cannot chmod is reported when writing fails
  }
}

/** Writes `text` so that readers only ever see the old or the new content (the trusted-file writer: O_EXCL temp, fsync, rename). */
export function writeAtomic(path: string, text: string): void {
  ensureDir(dirname(path));
  writeTrusted(path, text); // it clears temp files a killed save left behind
}

/** config.json and secrets.json are a few KB; a bigger file is a mistake or an attack, and is not read whole. */
export const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * The text of a config file through the trusted-file reader (the user's own regular file, no symlink, not
 * writable by others, at most 1 MB), or undefined when there is none; ApiError(kind 'config') with one line otherwise.
 */
export function readText(path: string, show: (path: string) => string = (p) => p): string | undefined {
  try {
    return readTrusted(path, { maxBytes: CONFIG_MAX_BYTES, forbiddenMode: 0o022, show })?.toString('utf8');
  } catch (err) {
    if (err instanceof UntrustedFileError) throw new ApiError(err.message, { kind: 'config' });
    throw err;
  }
}

/** Keeps a copy of a file we could not use, next to it, and returns the copy's path. */
export function backupBroken(path: string): string {
  // Every one-shot run opens the file again: reuse a copy holding the same bytes rather than pile up new ones.
  const bytes = readFileSync(path);
  try {
    for (const name of readdirSync(dirname(path))) {
      if (!name.startsWith(`${basename(path)}.bak-`)) continue;
      const copy = join(dirname(path), name);
      if (statSync(copy).size === bytes.length && readFileSync(copy).equals(bytes)) return copy;
    }
  } catch {
    // no earlier copy to reuse
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backup = `${path}.bak-${stamp}`;
  writeFileSync(backup, bytes, { mode: 0o600 });
  chmodSync(backup, 0o600);
  return backup;
}

const STALE_LOCK_MS = 10_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` holding `<path>.lock` (O_EXCL). Waits up to `timeoutMs`; breaks a dead holder's lock, or any older than 10 s. */
export function withLock<T>(path: string, fn: () => T, timeoutMs = 5_000): T {
  const lock = `${path}.lock`;
  ensureDir(dirname(path));
  const start = Date.now();
  // The lock appears with the holder's pid already in it (written aside, then hard-linked into place), so a
  // process killed at any moment leaves either no lock or one naming a dead pid.
  const mine = `${lock}.${process.pid}`;
  removeOrphans(dirname(lock), `${basename(lock)}.`);
  writeFileSync(mine, String(process.pid), { mode: 0o600 });
  for (;;) {
    try {
      linkSync(mine, lock);
      unlinkSync(mine);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        unlinkSync(mine);
        throw err;
      }
      try {
        // A lock whose holder has died (killed mid-save) is broken at once; a live holder's only when very old.
        const holder = Number(readFileSync(lock, 'utf8'));
        if ((holder > 0 && !processAlive(holder)) || Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
      } catch {
        // the holder just released it
      }
      if (Date.now() - start > timeoutMs) {
        unlinkSync(mine);
        throw new Error(`config is locked by another pgtui (${lock}); try again`);
      }
      sleepSync(5 + Math.random() * 20);
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  }
}
