// `L` on a cluster: who blocks whom, rooted at the head blockers (sessions that block others and wait for no
// one), each with the number of sessions it blocks directly and in all. A waiter with several blockers sits
// under each (src/pg/locks.ts). Refreshed every 2 s (z pauses); space tags, c / X cancel or end the tagged
// sessions (or the one under the cursor) after a confirmation with the exact SQL; enter shows the query.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { formatAge, maskSqlSecrets } from '../../pg/format.js';
import { loadLockTree, type LockNode, type LockTree as LockTreeData } from '../../pg/locks.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { copyToClipboard } from '../terminal/osc52.js';
import { LOCKS_SCREEN_KEYS } from '../input/pg-keys.js';
import { PasswordPrompt, PgStatus, usePgScreen, type PgScreenProps } from './pg-common.js';
import { useScreenKeys } from './inside-common.js';
import { useSessionActions } from './pg-sessions.js';

interface TreeLine {
  node: LockNode;
  depth: number;
}

/** The tree depth first, as lines (bounded by the model's node budget). */
export function treeLines(roots: readonly LockNode[]): TreeLine[] {
  const out: TreeLine[] = [];
  const walk = (n: LockNode, depth: number) => {
    out.push({ node: n, depth });
    for (const w of n.waiting) walk(w, depth + 1);
  };
  roots.forEach((r) => walk(r, 0));
  return out;
}

/** One node as one line, cut to the width: the head says how many it blocks; a waiter says who else holds it. */
export function nodeLine({ node: n, depth }: TreeLine, tagged: boolean, width: number): string {
  const indent = depth === 0 ? '' : `${'  '.repeat(Math.min(depth - 1, 10))}└ `;
  const blocks = n.blocksTotal > 0 ? `blocks ${n.blocksTotal} (${n.blocksDirect} directly)` : '';
  const also = n.alsoBlockedBy.length && depth > 0 ? `also waits for ${n.alsoBlockedBy.slice(0, 5).join(',')}` : '';
  const facts = [blocks, also, n.cycle ? 'cycle' : '', `${oneLine(n.user ?? '?', 20)}`, oneLine(n.app ?? '', 24), n.state ? oneLine(n.state, 24) : '', n.waitEvent ? oneLine(n.waitEvent, 30) : '', `xact ${formatAge(n.xactAgeMs)}`, `query ${formatAge(n.queryAgeMs)}`]
    .filter(Boolean)
    .join('  ');
  const line = `${tagged ? '*' : ' '} ${indent}${n.pid}  ${facts}  ${oneLine(maskSqlSecrets((n.query ?? '').slice(0, width * 4)), Math.max(1, width))}`;
  return line.slice(0, Math.max(10, width - 1));
}

export function LockTree(props: PgScreenProps) {
  const { cluster, height, width, active, copy = copyToClipboard } = props;
  const pg = usePgScreen<LockTreeData>(cluster, loadLockTree);
  const { state } = pg;
  const lines = useMemo(() => treeLines(state.data?.roots ?? []), [state.data]);
  const nodes = useMemo(() => lines.map((l) => l.node), [lines]);
  const page = Math.max(1, height - 3);
  const sessions = useSessionActions(nodes, page, pg, { ...props, copy });
  const { at, tagged } = sessions;
  // Cancel and terminate are bound in read-only mode too, so that the screen can say why they are off.
  useScreenKeys(LOCKS_SCREEN_KEYS, { ...props, readOnly: false }, sessions.handlers, !pg.asking && !sessions.overlay);

  if (pg.asking) return <PasswordPrompt user={cluster.name} active={active} onSubmit={pg.submitPassword} onCancel={pg.dismissPassword} />;
  if (sessions.overlay) return sessions.overlay;
  const data = state.data;
  const summary = data ? `${data.roots.length} head blocker${data.roots.length === 1 ? '' : 's'} · ${data.waiters} waiting` : '';
  const start = Math.max(0, Math.min(at - Math.floor(page / 2), lines.length - page));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Lock tree · {forScreen(cluster.name, 80)}</Text>
        <Text dimColor> · {summary}</Text>
      </Text>
      <PgStatus state={state} width={width} extra={tagged.size ? `${tagged.size} tagged` : undefined} />
      {data && lines.length === 0 ? <Text dimColor>no session waits for another</Text> : null}
      {lines.slice(start, start + page).map((l, i) => (
        <Text key={start + i} wrap="truncate" inverse={start + i === at} bold={l.depth === 0} color={l.depth === 0 ? 'red' : 'yellow'}>
          {nodeLine(l, tagged.has(l.node.pid), width)}
        </Text>
      ))}
    </Box>
  );
}
