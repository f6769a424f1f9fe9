// The short-lived file shell completion reads profile and cluster names from (docs/ARCHITECTURE.md, "Why
// hand-written"): written by
// `ls`, read by the completion scripts themselves, so pressing Tab never starts pgtui or touches the network.
// Fields are separated by a tab, so names with spaces (every ClickHouse demo name) complete too:
//
//   expires <unix seconds>
//   profile<TAB><name>
//   cluster<TAB><profile><TAB><name>
//
// It is written and read through the trusted-file reader/writer (the user's own 0600 file, no symlink); the
// scripts check the same before reading it and never let the shell evaluate a name (completion.ts).
import { join } from 'node:path';
import type { Cluster } from '../api/core/types.js';
import type { ClusterStore } from '../state/types.js';
import type { Context } from './context.js';
import { hasUnsafe } from '../text/safe.js';
import { readTrusted, writeTrusted } from '../files/trusted-file.js';

export const CACHE_FILE = 'completion-cache';
/** Cluster names go stale quickly: an hour-old list is better than nothing, a day-old one misleads. */
export const CACHE_TTL_SECONDS = 3600;

/** The cache is small; a bigger file is not one pgtui wrote. */
const CACHE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Names completion may offer: no control, bidi or line-separator characters (a tab or newline would also break
 * the file's lines), not starting with `-` (the shell would pass it as an option), at most 200 characters.
 * The scripts quote what they insert, so spaces and shell characters are fine.
 */
export const completable = (name: string) => name.length > 0 && name.length <= 200 && !name.startsWith('-') && !hasUnsafe(name) && !name.includes('\t');

export interface CacheContent {
  profiles: string[];
  clusters: Array<{ profile: string; name: string }>;
}

export function parseCache(text: string, nowSeconds: number): CacheContent {
  const lines = text.split('\n');
  const expires = /^expires (\d+)$/.exec(lines[0] ?? '');
  const out: CacheContent = { profiles: [], clusters: [] };
  if (!expires || Number(expires[1]) <= nowSeconds) return out;
  for (const line of lines.slice(1)) {
    const [kind, a, b] = line.split('\t');
    if (kind === 'profile' && a && completable(a)) out.profiles.push(a);
    if (kind === 'cluster' && a && b && completable(a) && completable(b)) out.clusters.push({ profile: a, name: b });
  }
  return out;
}

export function formatCache(content: CacheContent, nowSeconds: number): string {
  const lines = [`expires ${nowSeconds + CACHE_TTL_SECONDS}`];
  for (const p of new Set(content.profiles)) if (completable(p)) lines.push(`profile\t${p}`);
  const seen = new Set<string>();
  for (const c of content.clusters) {
    const key = `${c.profile}\t${c.name}`;
    if (completable(c.profile) && completable(c.name) && !seen.has(key)) {
      seen.add(key);
      lines.push(`cluster\t${key}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const namesOf = (text: string) => text.slice(text.indexOf('\n') + 1);

/**
 * The same names in a file with more than half its hour left need no rewrite: a `pgtui ls` run after run (a
 * script, `watch`) then only reads the file.
 */
function stillCurrent(previousText: string, text: string, nowSeconds: number): boolean {
  const expires = /^expires (\d+)\n/.exec(previousText);
  return Boolean(expires) && Number(expires![1]) - nowSeconds > CACHE_TTL_SECONDS / 2 && namesOf(previousText) === namesOf(text);
}

/**
 * Writes every profile's name and the clusters just listed; the clusters of profiles not listed this time
 * (`--profile`, `--provider`, a failed profile) are kept from the previous file. Never fails the command.
 */
export function rememberForCompletion(ctx: Pick<Context, 'config'>, listed: readonly Cluster[], answeredProfiles: readonly string[], now = Date.now()): void {
  try {
    const path = join(ctx.config.dir, CACHE_FILE);
    const nowSeconds = Math.floor(now / 1000);
    let previousText = '';
    try {
      previousText = readTrusted(path, { maxBytes: CACHE_MAX_BYTES })?.toString('utf8') ?? '';
    } catch {
      // none, or not one to trust: it is replaced below
    }
    const answered = new Set(answeredProfiles);
    const profiles = ctx.config.list().map((p) => p.name);
    // Names kept from the file only for profiles that did not answer this time (none, usually: then unread).
    const unanswered = profiles.some((p) => !answered.has(p));
    const kept = unanswered ? parseCache(previousText, nowSeconds).clusters.filter((c) => !answered.has(c.profile) && profiles.includes(c.profile)) : [];
    const text = formatCache({ profiles, clusters: [...listed.map((c) => ({ profile: c.profile, name: c.name })), ...kept] }, nowSeconds);
    if (!stillCurrent(previousText, text, nowSeconds)) writeTrusted(path, text, { sync: false });
  } catch {
    // A read-only or missing config directory only means no completion of names.
  }
}

/** The TUI: rewrites the cache from the store's snapshot, at most once a minute, off the render path. Returns the unsubscribe. */
export function keepCompletionCache(store: Pick<ClusterStore, 'subscribe' | 'getSnapshot'>, ctx: Pick<Context, 'config'>, everyMs = 60_000): () => void {
  let writtenAt = 0;
  const check = () => {
    if (Date.now() - writtenAt < everyMs) return;
    const snap = store.getSnapshot();
    const answered = snap.profiles.filter((p) => p.status === 'ok').map((p) => p.profile);
    if (answered.length === 0) return;
    writtenAt = Date.now();
    setImmediate(() => rememberForCompletion(ctx, snap.clusters, answered));
  };
  const unsubscribe = store.subscribe(check);
  check(); // what the store already holds (the TUI starts this once its first lists are in)
  return unsubscribe;
}
