// Who may have touched the config directory, checked before anything in it is read — what ssh does with ~/.ssh
// (StrictModes): a directory or file owned by someone else, or writable by group or others, could hold
// credentials or profiles planted by another user, so it is refused with the reason and the fix. Modes that are
// only too open for reading (0755, 0644) are tightened on every read, not only when pgtui writes.
import { chmodSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ApiError } from '../api/core/errors.js';

export const CONFIG_FILES = ['config.json', 'secrets.json'] as const;

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Tightening is best effort: on a read-only mount nobody else can change the files either. */
function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // left as it is
  }
}

function refuse(message: string): ApiError {
  return new ApiError(message, { kind: 'config' });
}

/** The directories above `dir` as they really are (symlinks resolved in the part that exists), nearest first. */
function parentsOf(dir: string): string[] {
  let real = resolve(dir);
  const missing: string[] = [];
  for (;;) {
    try {
      real = join(realpathSync(real), ...missing.reverse());
      break;
    } catch {
      if (dirname(real) === real) break;
      missing.push(basename(real));
      real = dirname(real);
    }
  }
  const out: string[] = [];
  for (let p = dirname(real); ; p = dirname(p)) {
    out.push(p);
    if (dirname(p) === p) return out;
  }
}

/**
 * ssh's StrictModes for the directories above the config directory: whoever may rename entries in one of them
 * can swap the config directory for their own. Each must be owned by root or the user and not writable by group
 * or others, unless it has the sticky bit (/tmp: others may not rename what they do not own).
 */
function checkParents(dir: string, uid: number, show: (path: string) => string): void {
  for (const p of parentsOf(dir)) {
    const st = statOrUndefined(p);
    if (!st) continue;
    if (st.uid !== 0 && st.uid !== uid) {
      throw refuse(`${show(p)}, above the config directory, is owned by uid ${st.uid}, not by you (uid ${uid}) or root; its owner could replace pgtui's config: use --config-dir elsewhere`);
    }
    if (st.mode & 0o022 && !(st.mode & 0o1000)) {
      throw refuse(`${show(p)}, above the config directory, is writable by group or others (mode ${octal(st.mode)}); they could replace pgtui's config: chmod go-w ${show(p)}`);
    }
  }
}

/**
 * Throws ApiError(kind 'config') when `dir` or a config file in it is not safe to read; tightens modes that are
 * merely readable by others. `show` turns a path into what the message prints (e.g. with ~ for HOME).
 */
export function checkConfigDir(dir: string, show: (path: string) => string = (p) => p): void {
  const uid = process.getuid?.();
  if (uid === undefined) return; // no POSIX owners or modes (Windows)
  checkParents(dir, uid, show);
  const st = statOrUndefined(dir);
  if (!st) return; // created 0700 on the first save
  if (!st.isDirectory()) throw refuse(`config directory ${show(dir)} is not a directory`);
  if (st.uid !== uid) {
    throw refuse(`config directory ${show(dir)} is owned by uid ${st.uid}, not by you (uid ${uid}); pgtui will not read credentials from it: sudo chown -R ${uid} ${show(dir)}, or use --config-dir`);
  }
  if (st.mode & 0o022) {
    throw refuse(`config directory ${show(dir)} is writable by ${st.mode & 0o020 ? 'group' : ''}${(st.mode & 0o022) === 0o022 ? ' and ' : ''}${st.mode & 0o002 ? 'others' : ''} (mode ${octal(st.mode)}); pgtui will not read credentials from it: chmod 700 ${show(dir)}`);
  }
  if (st.mode & 0o077) tighten(dir, 0o700);
  for (const name of CONFIG_FILES) {
    const path = join(dir, name);
    const f = statOrUndefined(path);
    if (!f) continue;
    if (!f.isFile()) throw refuse(`config file ${show(path)} is not a regular file`);
    if (f.uid !== uid) throw refuse(`config file ${show(path)} is owned by uid ${f.uid}, not by you (uid ${uid}); pgtui will not read it: sudo chown ${uid} ${show(path)}, or remove it`);
    if (f.mode & 0o022) throw refuse(`config file ${show(path)} is writable by group or others (mode ${octal(f.mode)}); pgtui will not read it: chmod 600 ${show(path)}`);
    if (f.mode & 0o077) tighten(path, 0o600);
  }
}
