// One cluster as a mutating command prints it when done: key/value lines, or JSON/YAML with -o/--json.
import type { Cluster } from '../api/types.js';
import { formatAge, sanitize } from '../format.js';
import { CommandError, EXIT } from './exit-codes.js';
import { structured } from './output.js';
import { jsonClusters } from './table.js';

export function clusterRows(c: Cluster): Array<[string, string | number | undefined]> {
  return [
    ['name', c.name], ['id', c.id], ['profile', c.profile], ['provider', c.provider], ['phase', c.phase], ['state', c.state],
    ['message', c.stateMessage], ['version', c.version], ['location', c.location], ['size', c.size], ['storage', c.storage],
    ['instances', c.instances], ['host', c.host], ['port', c.port], ['database', c.database], ['user', c.user],
    ['created', c.createdAt ? `${c.createdAt} (${formatAge(c.createdAt)} ago)` : undefined],
  ];
}

export function keyValueLines(c: Cluster, all = false): string {
  const rows = clusterRows(c);
  const width = rows.reduce((w, [k]) => Math.max(w, k.length), 0);
  return rows
    .filter(([, v]) => all || (v !== undefined && v !== ''))
    .map(([k, v]) => `${k.padEnd(width)}  ${sanitize(String(v ?? '-'))}\n`)
    .join('');
}

/** --json, -o json|yaml, or the key/value lines. */
export async function clusterOutput(c: Cluster, opts: { json?: boolean; output?: string }): Promise<string> {
  const format = opts.json ? 'json' : (opts.output ?? 'table');
  if (format === 'json' || format === 'yaml') return structured(format, jsonClusters([c], false)[0]);
  if (format !== 'table' && format !== 'wide') throw new CommandError(`-o is one of table, wide, json, yaml, not ${format}`, EXIT.usage);
  return keyValueLines(c, format === 'wide');
}
