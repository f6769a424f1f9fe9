// NAME|ID → one cluster: exact id, then exact name, then a unique name prefix.
import type { Cluster } from '../api/types.js';
import { CommandError, EXIT } from './exit-codes.js';
import { oneLine } from '../text/safe.js';

export function resolveCluster(clusters: readonly Cluster[], query: string): Cluster {
  const byId = clusters.filter((c) => c.id === query);
  if (byId.length === 1) return byId[0]!;
  const byName = clusters.filter((c) => c.name === query);
  const matches = byName.length > 0 ? byName : clusters.filter((c) => c.name.startsWith(query) || c.id.startsWith(query));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CommandError(`no cluster named ${oneLine(query)}; try pgtui ls`, EXIT.notFound);
  const lines = matches.slice(0, 20).map((c) => `  ${oneLine(c.name)}  ${c.profile}  ${oneLine(c.id)}`);
  throw new CommandError(`${matches.length} clusters match ${oneLine(query)}; use an id or --profile:\n${lines.join('\n')}`, EXIT.usage);
}
