// `L` on a cluster: who blocks whom, rooted at the head blockers (sessions that block others and wait for no
// one), each with the number of sessions it blocks directly and in all. A waiter with several blockers sits
// under each (src/pg/locks.ts). Refreshed every 2 s (z pauses); space tags, c / X cancel or end the tagged
// sessions (or the one under the cursor) after a confirmation with the exact SQL; enter shows the query.
import { Box, Text, type Key } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { TextViewer } from '../components/TextViewer.js';
import { useKeys } from '../input/use-keys.js';
import { formatAge, maskSqlSecrets } from '../../pg/format.js';
import { loadLockTree, type LockNode, type LockTree as LockTreeData } from '../../pg/locks.js';
import { signalBackends, type SignalKind } from '../../pg/signal.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { copyToClipboard } from '../terminal/osc52.js';
import type { PgScreenProps } from './Activity.js';
import { LOCKS_SCREEN_KEYS } from '../input/pg-keys.js';
import { actionIn } from '../input/keymap.js';
import { PasswordPrompt, PgStatus, SignalConfirm, signalSummary, usePgScreen, type SignalTarget } from './pg-common.js';

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

export function LockTree({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, say, copy = copyToClipboard }: PgScreenProps) {
  const pg = usePgScreen<LockTreeData>(cluster, loadLockTree);
  const { state } = pg;
  const lines = useMemo(() => treeLines(state.data?.roots ?? []), [state.data]);
  const [cursor, setCursor] = useState(0);
  const cursorRef = useRef(0);
  const [tagged, setTagged] = useState<ReadonlySet<number>>(new Set());
  const [full, setFull] = useState<LockNode>();
  const [confirm, setConfirm] = useState<{ kind: SignalKind; targets: SignalTarget[] }>();
  const at = Math.min(cursor, Math.max(0, lines.length - 1));
  const page = Math.max(1, height - 3);
  const moveTo = (i: number) => {
    cursorRef.current = Math.max(0, Math.min(lines.length - 1, i));
    setCursor(cursorRef.current);
  };
  const current = () => lines[Math.min(cursorRef.current, lines.length - 1)]?.node;
  const ask = (kind: SignalKind) => {
    const byPid = new Map(lines.map((l) => [l.node.pid, l.node]));
    const picked = tagged.size ? [...tagged].filter((p) => byPid.has(p)).map((p) => byPid.get(p)!) : current() ? [current()!] : [];
    if (picked.length) setConfirm({ kind, targets: picked.map((n) => ({ pid: n.pid, user: n.user, app: n.app, query: n.query })) });
  };
  useKeys((input: string, key: Key) => {
    const action = actionIn(LOCKS_SCREEN_KEYS, input, key, false);
    if (readOnly && (action === 'cancelQuery' || action === 'terminate')) return say?.('read-only profile: cancel and terminate are off', true);
    switch (action) {
      case 'down':
        return moveTo(cursorRef.current + 1);
      case 'up':
        return moveTo(cursorRef.current - 1);
      case 'pageDown':
        return moveTo(cursorRef.current + page);
      case 'pageUp':
        return moveTo(cursorRef.current - page);
      case 'top':
        return moveTo(0);
      case 'bottom':
        return moveTo(lines.length - 1);
      case 'open':
        return current() ? setFull(current()) : undefined;
      case 'tag': {
        const n = current();
        if (!n) return;
        setTagged((t) => {
          const next = new Set(t);
          if (!next.delete(n.pid)) next.add(n.pid);
          return next;
        });
        return moveTo(cursorRef.current + 1);
      }
      case 'cancelQuery':
        return ask('cancel');
      case 'terminate':
        return ask('terminate');
      case 'pause':
        return state.paused ? pg.view.resume() : pg.view.pause();
      case 'copy':
        if (!current()) return;
        copy(String(current()!.pid));
        return say?.(`sent pid ${current()!.pid} to the terminal clipboard`);
      case 'copyQuery':
        if (!current()?.query) return;
        copy(maskSqlSecrets(current()!.query!));
        return say?.('sent the query to the terminal clipboard');
      case 'refresh':
        return void pg.view.refresh();
      case 'back':
        if (tagged.size) return setTagged(new Set());
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
    }
  }, active && !pg.asking && !full && !confirm);

  if (pg.asking) return <PasswordPrompt user={cluster.name} active={active} onSubmit={pg.submitPassword} onCancel={pg.dismissPassword} />;
  if (full) return <TextViewer title={`Query of ${full.pid} · ${forScreen(cluster.name, 80)}`} text={oneLine(maskSqlSecrets(full.query ?? ''), 100_000)} height={height} width={width} active={active} onClose={() => setFull(undefined)} onCopy={() => copy(maskSqlSecrets(full.query ?? ''))} />;
  if (confirm) {
    const run = async (kind: SignalKind, pids: number[]) => {
      const session = pg.session();
      if (!session) throw new Error(`${cluster.name}: not connected`);
      return signalBackends(session, kind, pids);
    };
    const done = (results?: Awaited<ReturnType<typeof run>>) => {
      if (results) {
        const s = signalSummary(confirm.kind, results);
        say?.(s.text, s.error);
        setTagged(new Set());
        void pg.view.refresh();
      }
      setConfirm(undefined);
    };
    return <SignalConfirm kind={confirm.kind} targets={confirm.targets} width={width} height={height} active={active} run={run} onDone={done} />;
  }
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
