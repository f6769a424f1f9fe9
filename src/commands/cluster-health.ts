// pgtui df / test / failover NAME|ID (Crunchy PGO): disk use per volume, whether each instance and endpoint can
// be reached, and the replicas a failover could promote. Other providers: exit 7 with the reason.
import { oneLine, safeJson } from '../text/safe.js';
import { errLine, writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { targetWith } from './insight-args.js';
import { formatValue } from '../present/insight.js';

function table(head: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
  const line = (r: string[]) => r.map((v, i) => (i === r.length - 1 ? v : right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[head, ...rows].map(line).join('\n')}\n`;
}

export async function df(ctx: Context, query: string, opts: { json?: boolean }): Promise<number> {
  const { cluster, provider } = await targetWith(ctx, query, 'diskUsage');
  const rows = await provider.diskUsage!(cluster);
  if (opts.json) {
    writeOut(`${safeJson(rows)}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    errLine(`${oneLine(cluster.name)}: no volumes reported (a cluster that is shut down has none mounted)`);
    return EXIT.ok;
  }
  const pct = (r: (typeof rows)[number]) => (r.capacityBytes > 0 ? `${Math.round((r.usedBytes / r.capacityBytes) * 100)}%` : '-');
  writeOut(table(['VOLUME', 'KIND', 'USED', 'SIZE', 'USE%', 'POD'], rows.map((r) => [oneLine(r.volume, 80), r.kind, formatValue(r.usedBytes, 'bytes'), formatValue(r.capacityBytes, 'bytes'), pct(r), oneLine(r.pod, 80)]), new Set([2, 3, 4])));
  return EXIT.ok;
}

/** Exit 0 when everything answers, 5 when an instance or endpoint does not. */
export async function test(ctx: Context, query: string, opts: { json?: boolean }): Promise<number> {
  const { cluster, provider } = await targetWith(ctx, query, 'reachability');
  const checks = await provider.reachability!(cluster);
  const down = checks.filter((c) => !c.available).length;
  if (opts.json) writeOut(`${safeJson(checks)}\n`);
  else writeOut(table(['WHAT', 'ROLE', 'STATUS', 'NAME'], checks.map((c) => [c.what, oneLine(c.role, 20), c.available ? 'UP' : 'DOWN', oneLine(c.name, 120)])));
  if (down > 0) errLine(`pgtui: ${oneLine(cluster.name)}: ${down} of ${checks.length} not reachable`);
  return down > 0 || checks.length === 0 ? EXIT.failed : EXIT.ok;
}

export async function failoverTargets(ctx: Context, query: string, opts: { json?: boolean }): Promise<number> {
  const { cluster, provider } = await targetWith(ctx, query, 'failover');
  const targets = await provider.failoverTargets!(cluster);
  if (opts.json) {
    writeOut(`${safeJson(targets)}\n`);
    return EXIT.ok;
  }
  if (targets.length === 0) {
    errLine(`${oneLine(cluster.name)}: no replica to fail over to`);
    return EXIT.ok;
  }
  writeOut(table(['TARGET', 'STATUS', 'LAG', 'TIMELINE', 'NODE'], targets.map((t) => [oneLine(t.name, 80), oneLine(t.status, 20), t.lagMB === undefined ? '-' : `${t.lagMB} MB`, String(t.timeline ?? '-'), oneLine(t.node ?? '-', 80)]), new Set([2, 3])));
  return EXIT.ok;
}
