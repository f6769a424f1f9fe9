// NAME|ID → one cluster: exact id, then exact name; never a prefix (a mistyped or stale name in a script must not
// hit another cluster), though names that start with the query are suggested. A cluster whose profile lists its
// id more than once (see api/list-result.ts) is ambiguous: no action could tell the copies apart.
import type { Cluster } from '../api/core/types.js';
import { sanitize } from '../present/format.js';
import { CommandError, EXIT } from './exit-codes.js';

const keyOf = (c: Cluster) => `${c.profile}/${c.id}`;
/** The candidates as aligned columns (NAME PROFILE ID STATE), indented under the message. */
function lines(clusters: readonly Cluster[]): string[] {
  const rows = clusters.map((c) => [c.name, c.profile, c.id, c.state].map((v) => sanitize(v)));
  const widths = [0, 1, 2].map((i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), 0));
  return rows.map((r) => `  ${r.map((v, i) => (i < 3 ? v.padEnd(widths[i]!) : v)).join('  ')}`.trimEnd());
}

export function resolveCluster(clusters: readonly Cluster[], query: string, duplicates: readonly Cluster[] = []): Cluster {
  const all = duplicates.length > 0 ? clusters.concat(duplicates) : clusters;
  const byId = all.filter((c) => c.id === query);
  const unique = new Set(byId.map(keyOf));
  if (byId.length >= 1 && unique.size === 1) return single(byId[0]!, all, duplicates);
  const matches = all.filter((c) => c.name === query);
  if (matches.length === 1) return single(matches[0]!, all, duplicates);
  if (matches.length === 0) throw notFound(all, query);
  throw new CommandError(`${matches.length} clusters match ${sanitize(query)}; use an id or --profile:\n${lines(matches.slice(0, 20)).join('\n')}`, EXIT.usage);
}

function single(found: Cluster, all: readonly Cluster[], duplicates: readonly Cluster[]): Cluster {
  const key = keyOf(found);
  if (!duplicates.some((d) => keyOf(d) === key)) return found;
  const same = all.filter((c) => keyOf(c) === key);
  throw new CommandError(
    `${sanitize(found.profile)} lists ${same.length} clusters with the id ${sanitize(found.id)}; pgtui cannot tell them apart (a fault of the provider's list):\n${lines(same.slice(0, 20)).join('\n')}`,
    EXIT.usage,
  );
}

/** Not found, with the names that start with the query (or the one that does) as a suggestion. */
function notFound(all: readonly Cluster[], query: string): CommandError {
  const near = query === '' ? [] : all.filter((c) => c.name.startsWith(query) || c.id.startsWith(query));
  const q = sanitize(query);
  if (near.length === 0) return new CommandError(`no cluster named ${q}; try pgtui ls`, EXIT.notFound);
  if (near.length === 1) {
    const c = near[0]!;
    const what = c.name.startsWith(query) ? c.name : c.id;
    return new CommandError(`no cluster named ${q}; did you mean ${sanitize(what)}? (names and ids must be exact)`, EXIT.notFound);
  }
  const more = near.length > 20 ? `\n  … and ${near.length - 20} more` : '';
  return new CommandError(`no cluster named ${q} (names and ids must be exact); did you mean one of these?\n${lines(near.slice(0, 20)).join('\n')}${more}`, EXIT.notFound);
}
