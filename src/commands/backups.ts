// pgtui backups NAME|ID: the cluster's backups, where the provider's API lists them.
import type { Backup } from '../api/core/types.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { findCluster } from './get.js';
import { refuseUnsupported } from './guard.js';
import { parseOutput, plainTable, structured, type OutputFlags, type PlainColumn } from './output.js';

const COLUMNS: PlainColumn<Backup>[] = [
  { title: 'ID', value: (b) => b.id },
  { title: 'CREATED', value: (b) => b.createdAt ?? '-' },
  { title: 'EARLIEST', value: (b) => b.earliestRecoveryTargetTime ?? '-' },
  { title: 'LATEST', value: (b) => b.latestRecoveryTargetTime ?? '-' },
  { title: 'VERSION', value: (b) => b.version ?? '-' },
  { title: 'SIZE', value: (b) => (b.sizeMB === undefined ? '-' : `${b.sizeMB} MB`) },
  { title: 'LOCATION', value: (b) => b.location ?? '-', wide: true },
  { title: 'ACTIVE', value: (b) => (b.active === undefined ? '-' : b.active ? 'yes' : 'no'), wide: true },
  { title: 'CLUSTER', value: (b) => b.clusterId, wide: true },
];

export async function backups(ctx: Context, query: string, opts: OutputFlags): Promise<number> {
  const out = parseOutput(opts);
  const cluster = await findCluster(ctx, query);
  const provider = ctx.providerFor(ctx.profiles.find((p) => p.name === cluster.profile)!);
  refuseUnsupported(provider, cluster, 'backups');
  const list = (await provider.backups!(cluster.id)).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  if (out.format === 'json' || out.format === 'yaml') {
    writeOut(await structured(out.format, list.map(({ raw: _raw, ...rest }) => rest)));
  } else {
    writeOut(`${plainTable(list, COLUMNS, out)}\n`);
  }
  return EXIT.ok;
}
