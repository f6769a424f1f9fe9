// One cluster as a mutating command prints it when done: key/value lines, or JSON/YAML with -o/--json.
import type { Cluster } from '../api/core/types.js';
import { sanitize } from '../present/format.js';
import { lineFields, lineValue } from '../present/cluster-fields.js';
import { CommandError, EXIT } from './exit-codes.js';
import { structured } from './output.js';
import { jsonClusters } from './table.js';

function clusterRows(c: Cluster): Array<[string, string | number | undefined]> {
  return lineFields().map((f) => [f.line!.label, lineValue(f, c)]);
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
