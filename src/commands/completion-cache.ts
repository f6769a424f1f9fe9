// The short-lived file shell completion reads profile and cluster names from (docs/ARCHITECTURE.md, "Why
// hand-written"): written by
// `ls`, read by the completion scripts themselves, so pressing Tab never starts pgtui or touches the network.
//
//   expires <unix seconds>
//   profile <name>
//   cluster <profile> <name>
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster } from '../api/types.js';
import type { ClusterStore } from '../state/types.js';
import type { Context } from './context.js';

export const CACHE_FILE = 'completion-cache';
/** Cluster names go stale quickly: an hour-old list is better than nothing, a day-old one misleads. */
export const CACHE_TTL_SECONDS = 3600;

/** Only names a shell word can carry unquoted; anything else is left out of completion rather than escaped. */
const PLAIN = /^[A-Za-z0-9._@:+=,/-]{1,200}$/;

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
    const [kind, a, b] = line.split(' ');
    if (kind === 'profile' && a) out.profiles.push(a);
    if (kind === 'cluster' && a && b) out.clusters.push({ profile: a, name: b });
  }
  return out;
}

export function formatCache(content: CacheContent, nowSeconds: number): string {
  const lines = [`expires ${nowSeconds + CACHE_TTL_SECONDS}`];
  for (const p of new Set(content.profiles)) if (PLAIN.test(p)) lines.push(`profile ${p}`);
  const seen = new Set<string>();
  for (const c of content.clusters) {
    const key = `${c.profile} ${c.name}`;
    if (PLAIN.test(c.profile) && PLAIN.test(c.name) && !seen.has(key)) {
      seen.add(key);
      lines.push(`cluster ${key}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes every profile's name and the clusters just listed; the clusters of profiles not listed this time
 * (`--profile`, `--provider`, a failed profile) are kept from the previous file. Never fails the command.
 */
export function rememberForCompletion(ctx: Pick<Context, 'config'>, listed: readonly Cluster[], answeredProfiles: readonly string[], now = Date.now()): void {
  try {
    const path = join(ctx.config.dir, CACHE_FILE);
    const nowSeconds = Math.floor(now / 1000);
    let previous: CacheContent = { profiles: [], clusters: [] };
    try {
      previous = parseCache(readFileSync(path, 'utf8'), nowSeconds);
    } catch {
      // no cache yet
    }
    const answered = new Set(answeredProfiles);
    const profiles = ctx.config.list().map((p) => p.name);
    const kept = previous.clusters.filter((c) => !answered.has(c.profile) && profiles.includes(c.profile));
    const text = formatCache({ profiles, clusters: [...listed.map((c) => ({ profile: c.profile, name: c.name })), ...kept] }, nowSeconds);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // A read-only or missing config directory only means no completion of names.
  }
}

/** The TUI: rewrites the cache from the store's snapshot, at most once a minute, off the render path. Returns the unsubscribe. */
export function keepCompletionCache(store: Pick<ClusterStore, 'subscribe' | 'getSnapshot'>, ctx: Pick<Context, 'config'>, everyMs = 60_000): () => void {
  let writtenAt = 0;
  return store.subscribe(() => {
    if (Date.now() - writtenAt < everyMs) return;
    const snap = store.getSnapshot();
    const answered = snap.profiles.filter((p) => p.status === 'ok').map((p) => p.profile);
    if (answered.length === 0) return;
    writtenAt = Date.now();
    setImmediate(() => rememberForCompletion(ctx, snap.clusters, answered));
  });
}
