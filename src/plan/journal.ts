// record: one JSON line per applied plan in $XDG_STATE_HOME/pgtui/journal.jsonl (docs/plans.md). The file is the
// user's own 0600 file in an own 0700 directory, opened O_APPEND|O_NOFOLLOW and checked with fstat before each
// write; at JOURNAL_MAX_BYTES it moves to journal.1.jsonl (one old file kept), so it stays bounded. A line holds
// the plan's summary and hash, never a request body: secrets have no way in (test/plan/journal.test.ts).
import { closeSync, constants, fchmodSync, fstatSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { displayText } from '../text/safe.js';
import { ensureTrustedDir, readTrusted, UntrustedFileError } from '../files/trusted-file.js';
import type { ImpactKind, Plan } from './types.js';

const JOURNAL_FILE = 'journal.jsonl';
const JOURNAL_OLD = 'journal.1.jsonl';
export const JOURNAL_MAX_BYTES = 1024 * 1024;
const LINE_MAX = 8 * 1024;

export interface JournalEntry {
  time: string;
  profile: string;
  provider: string;
  cluster: { id?: string; name: string };
  operation: string;
  summary: string;
  hash: string;
  impacts: ImpactKind[];
  /** The provider's request id, where its answer carried one. */
  requestId?: string;
  /** HTTP status of the write's answer. */
  status?: number;
  outcome: 'ok' | 'error';
  /** One line. */
  error?: string;
}

export interface Journal {
  readonly path: string;
  /** Appends one entry; a journal that cannot be written throws (the caller reports it; the change was sent). */
  record(entry: JournalEntry): void;
  /** Every entry, oldest first (the rotated file first). */
  read(): JournalEntry[];
}

/** $XDG_STATE_HOME/pgtui when XDG_STATE_HOME is absolute (the XDG spec ignores a relative one), else ~/.local/state/pgtui. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'pgtui');
  let home = env.HOME && isAbsolute(env.HOME) ? env.HOME : undefined;
  if (!home) {
    try {
      home = userInfo().homedir;
    } catch {
      home = homedir();
    }
  }
  return join(home, '.local', 'state', 'pgtui');
}

/** The journal entry of an applied plan. */
export function entryOf(plan: Plan, outcome: { ok: true } | { ok: false; error: string }, answer?: { status: number; requestId?: string }): JournalEntry {
  return {
    time: new Date().toISOString(),
    profile: plan.profile,
    provider: plan.provider,
    cluster: plan.cluster,
    operation: plan.operation,
    summary: plan.summary,
    hash: plan.hash,
    impacts: plan.impacts.map((i) => i.kind),
    ...(answer?.requestId ? { requestId: answer.requestId } : {}),
    ...(answer ? { status: answer.status } : {}),
    outcome: outcome.ok ? 'ok' : 'error',
    ...(outcome.ok ? {} : { error: displayText(outcome.error).slice(0, 500) }),
  };
}

const APPEND = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

function append(path: string, text: string): void {
  let line = text;
  let fd: number;
  try {
    fd = openSync(path, APPEND, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new UntrustedFileError(`${path} is a symbolic link; pgtui does not follow links to its own files: remove it`, path);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    const me = process.getuid?.();
    if (!st.isFile()) throw new UntrustedFileError(`${path} is not a regular file: remove it`, path);
    if (me !== undefined && st.uid !== me) throw new UntrustedFileError(`${path} is owned by uid ${st.uid}, not by you: remove it`, path);
    if (st.mode & 0o077) fchmodSync(fd, 0o600);
    // A line torn by a crash mid-write is ended first, so this entry starts a line of its own.
    const last = Buffer.alloc(1);
    if (st.size > 0 && readSync(fd, last, 0, 1, st.size - 1) === 1 && last[0] !== 0x0a) line = `\n${line}`;
    writeSync(fd, line);
  } finally {
    closeSync(fd);
  }
}

function parse(text: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as JournalEntry;
      if (e && typeof e === 'object' && typeof e.time === 'string' && typeof e.summary === 'string') out.push(e);
    } catch {
      // a torn last line (a crash mid-write) is skipped
    }
  }
  return out;
}

export function openJournal(dir: string = stateDir()): Journal {
  const path = join(dir, JOURNAL_FILE);
  const old = join(dir, JOURNAL_OLD);
  return {
    path,
    record(entry) {
      let line = `${JSON.stringify(entry)}\n`;
      if (line.length > LINE_MAX) line = `${JSON.stringify({ ...entry, summary: entry.summary.slice(0, 400), error: entry.error?.slice(0, 400) })}\n`;
      ensureTrustedDir(dir);
      let size = 0;
      try {
        size = statSync(path).size;
      } catch {
        // no journal yet
      }
      if (size > 0 && size + Buffer.byteLength(line) > JOURNAL_MAX_BYTES) renameSync(path, old);
      append(path, line);
    },
    read() {
      const cap = JOURNAL_MAX_BYTES + LINE_MAX;
      return [old, path].flatMap((p) => parse(readTrusted(p, { maxBytes: cap })?.toString('utf8') ?? ''));
    },
  };
}
