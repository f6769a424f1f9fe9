// pgtui locks NAME: the lock tree, rooted at the head blockers; -o json nests waiters under their blockers.
import type { LockNode } from '../pg/locks.js';
import { formatAge } from '../pg/format.js';
import { oneLine } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { parseOutput, structured, type OutputFlags } from './output.js';
import { pgTarget, withPgSession, type PgCommandOptions } from './pg-session.js';

export type LocksOptions = OutputFlags & PgCommandOptions;

/** The tree as indented lines: "pid  blocks 2 (3 in all)  user  app  age  query". */
export function treeLines(roots: readonly LockNode[], wide: boolean): string[] {
  const lines: string[] = [];
  const walk = (n: LockNode, prefix: string, last: boolean, depth: number) => {
    const branch = depth === 0 ? '' : `${prefix}${last ? '└─ ' : '├─ '}`;
    const blocks = n.blocksDirect > 0 ? `blocks ${n.blocksDirect}${n.blocksTotal > n.blocksDirect ? ` (${n.blocksTotal} in all)` : ''}` : 'waiting';
    const also = n.alsoBlockedBy.length ? `  also waits for ${n.alsoBlockedBy.join(',')}` : '';
    const parts = [`${branch}${n.pid}`, blocks, oneLine(n.user ?? '-', 30), oneLine(n.app ?? '-', 30), `xact ${formatAge(n.xactAgeMs)}`, oneLine(n.state ?? '-', 30)];
    if (wide) parts.push(oneLine(n.waitEvent ?? '-', 40));
    parts.push(oneLine(n.query ?? '', wide ? 300 : 80));
    lines.push(`${parts.join('  ')}${also}${n.cycle ? '  (cycle)' : ''}`);
    const next = depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`;
    n.waiting.forEach((w, i) => walk(w, next, i === n.waiting.length - 1, depth + 1));
  };
  roots.forEach((r) => walk(r, '', true, 0));
  return lines;
}

export async function locks(ctx: Context, query: string, opts: LocksOptions): Promise<number> {
  const out = parseOutput(opts);
  const t = await pgTarget(ctx, query);
  return withPgSession(ctx, t, opts, async (session) => {
    const { loadLockTree } = await import('../pg/locks.js');
    const tree = await loadLockTree(session);
    if (out.format === 'json' || out.format === 'yaml') writeOut(await structured(out.format, tree.roots));
    else if (tree.roots.length === 0) writeOut('no session waits for another\n');
    else writeOut(`${treeLines(tree.roots, out.format === 'wide').join('\n')}\n`);
    return EXIT.ok;
  });
}
