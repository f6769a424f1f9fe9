// The one way pgtui reads and writes files that steer it or hold secrets: the config, secrets.json, the CA
// copies, the completion cache and V8's code cache (docs/ARCHITECTURE.md, "Files pgtui trusts"). A file is
// trusted only when it is a regular file of the current user, reached without following a symbolic link, not
// writable (or, for secrets, not readable) by group or others, and no bigger than the caller's cap. Writes go to a
// fresh temp file (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600), are fsynced and renamed over the target, so a planted
// symlink is replaced rather than followed and a reader sees the old or the new content, never half of one. A
// directory is trusted when it is the user's own, not a symlink and not writable by others.
//
// Kept free of other pgtui modules: scripts/build.mjs also bundles it alone as dist/trusted-file.cjs for the
// launcher (bin/compile-cache.js), which runs before any bundle.
import { crc32, sha256 } from '../text/hash.js';
import { chmodSync, closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Why a file or directory was not trusted; `message` is one line naming the path and the fix. */
export class UntrustedFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'UntrustedFileError';
  }
}

export interface ReadOptions {
  /** Bigger files are refused (a config or cache is small; a huge one is a mistake or an attack). */
  maxBytes: number;
  /** Mode bits that make the file untrusted: 0o077 (default) for secrets and caches, 0o022 for the config. */
  forbiddenMode?: number;
  /** How the path is shown in messages. */
  show?: (path: string) => string;
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;
const uid = () => process.getuid?.();
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);

// O_NONBLOCK: opening a planted FIFO must not wait for a writer; it changes nothing for a regular file.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * The file's bytes, or undefined when there is no file. Throws UntrustedFileError when it is a symlink, not a
 * regular file, someone else's, too open, or bigger than `maxBytes`; other I/O errors are thrown as they are.
 */
export function readTrusted(path: string, opts: ReadOptions): Buffer | undefined {
  const show = opts.show ?? ((p: string) => p);
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new UntrustedFileError(`${show(path)} is a symbolic link; pgtui does not follow links to its own files: remove it`, path);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UntrustedFileError(`${show(path)} is not a regular file: remove it`, path);
    const me = uid();
    if (me !== undefined) {
      if (st.uid !== me) throw new UntrustedFileError(`${show(path)} is owned by uid ${st.uid}, not by you (uid ${me}); pgtui will not use it: remove it, or sudo chown ${me} ${show(path)}`, path);
      const forbidden = opts.forbiddenMode ?? 0o077;
      if (st.mode & forbidden) throw new UntrustedFileError(`${show(path)} is open to group or others (mode ${octal(st.mode)}); pgtui will not use it: chmod 600 ${show(path)}`, path);
    }
    if (st.size > opts.maxBytes) throw new UntrustedFileError(`${show(path)} is ${sizeText(st.size)}, more than the ${sizeText(opts.maxBytes)} pgtui reads; it is not a file pgtui wrote: move it away`, path);
    // Read at most the cap even if the file grows meanwhile.
    const buf = Buffer.allocUnsafe(Math.min(st.size, opts.maxBytes) + 1);
    let got = 0;
    for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, got);
    if (got > opts.maxBytes) throw new UntrustedFileError(`${show(path)} grew past ${sizeText(opts.maxBytes)} while being read: move it away`, path);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The reason `dir` may not be trusted, or undefined when it is the user's own, a real directory, not writable by others. */
export function untrustedDir(dir: string): string | undefined {
  let st;
  try {
    st = lstatSync(dir);
  } catch (err) {
    return `${dir}: ${(err as NodeJS.ErrnoException).code ?? 'cannot stat'}`;
  }
  if (st.isSymbolicLink()) return `${dir} is a symbolic link`;
  if (!st.isDirectory()) return `${dir} is not a directory`;
  const me = uid();
  if (me === undefined) return undefined;
  if (st.uid !== me) return `${dir} is owned by uid ${st.uid}, not by you (uid ${me})`;
  if (st.mode & 0o022) return `${dir} is writable by group or others (mode ${octal(st.mode)})`;
  return undefined;
}

/** Creates `dir` (0700) if missing; throws UntrustedFileError when it is not one pgtui may keep files in. Tightens a readable one. */
export function ensureTrustedDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const why = untrustedDir(dir);
  if (why) throw new UntrustedFileError(`${why}; pgtui will not keep files there`, dir);
  try {
    if (lstatSync(dir).mode & 0o077) chmodSync(dir, 0o700);
  } catch {
    // best effort: nobody else can write it anyway
  }
}

/** Whether a process with this id is running (a pid named by a temp file left by a crash is not). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Files `<prefix><pid>…` in `dir` left by a process killed mid-write (temp files, a lock's pid file). */
export function removeOrphans(dir: string, prefix: string): void {
  try {
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(prefix)) continue;
      const pid = Number(/^\d+/.exec(entry.slice(prefix.length))?.[0]);
      if (pid && !processAlive(pid)) unlinkSync(join(dir, entry));
    }
  } catch {
    // tidying only
  }
}

export interface WriteOptions {
  /** fsync the file and its directory (default true); a cache that carries its own checksum may skip it. */
  sync?: boolean;
}

/**
 * Replaces `path` with `data` atomically, mode 0600, in a directory that must be trusted (ensureTrustedDir).
 * The temp file is created with O_EXCL|O_NOFOLLOW, so nothing planted under its name is followed or reused.
 */
export function writeTrusted(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  const dir = dirname(path);
  ensureTrustedDir(dir);
  removeOrphans(dir, `${basename(path)}.tmp-`);
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const fd = openSync(tmp, CREATE_FLAGS, 0o600);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      if (opts.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw err;
  }
  if (opts.sync === false) return;
  try {
    const dfd = openSync(dir, 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // some filesystems refuse directory fsync; the rename is still atomic
  }
}

// A sealed file: MAGIC, then a CRC-32 over (key, payload), then the payload. The key names what the payload was
// made for (for the code cache: the bundle's checksum, Node version, architecture), so a damaged file and a
// file made for something else are both refused by the same check. A checksum, not a signature: what it guards
// is the user's own 0600 file in their own 0700 directory (readTrusted), against accidents, not against someone
// who can write there. (pgtui-sealed-1 files, sealed with SHA-256, are refused and written anew.)
const MAGIC = Buffer.from('pgtui-sealed-2\n');
const DIGEST = 4;

function digest(key: string, payload: Uint8Array): Buffer {
  const sum = Buffer.alloc(DIGEST);
  sum.writeUInt32BE(crc32(payload, crc32(`${key}\0`)));
  return sum;
}

export function seal(payload: Uint8Array, key: string): Buffer {
  return Buffer.concat([MAGIC, digest(key, payload), payload]);
}

/** The payload of a sealed file made for `key`, or undefined when it is damaged, truncated or for another key. */
export function unseal(file: Buffer, key: string): Buffer | undefined {
  if (file.length < MAGIC.length + DIGEST || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const sum = file.subarray(MAGIC.length, MAGIC.length + DIGEST);
  const payload = file.subarray(MAGIC.length + DIGEST);
  return sum.equals(digest(key, payload)) ? payload : undefined;
}

/** A CRC-32 of `data` as 8 hex digits: notices damage and mismatches, proves nothing (seal, above). */
export const checksum = (data: string | Uint8Array): string => crc32(data).toString(16).padStart(8, '0');

/** A short, stable, file-name-safe id for any text (a path, a profile and cluster id pair). */
export function nameHash(...parts: string[]): string {
  const h = sha256();
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 24);
}
