// `A` on a cluster: the sessions inside Postgres, grouped running / waiting / idle in transaction (idle ones on
// `i`), with query, transaction and backend age, wait event, user, application, client. Refreshed every 2 s
// while open (z pauses); enter shows the full query; y copies the pid, Y the query; space tags sessions and
// c / X cancel or end them after a confirmation showing the exact SQL (not on read-only profiles).
import { Box, Text, type Key } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { LineInput } from '../components/LineInput.js';
import { TextViewer } from '../components/TextViewer.js';
import { useKeys } from '../input/use-keys.js';
import { GROUP_ORDER, loadActivity, type Activity as ActivityData, type SessionRow } from '../../pg/activity.js';
import { formatAge, maskSqlSecrets } from '../../pg/format.js';
import { missingGrant } from '../../pg/privileges.js';
import { signalBackends, type SignalKind } from '../../pg/signal.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { copyToClipboard } from '../terminal/osc52.js';
import type { InsideProps } from './inside-common.js';
import { ACTIVITY_SCREEN_KEYS } from '../input/pg-keys.js';
import { actionIn } from '../input/keymap.js';
import { PasswordPrompt, PgStatus, SignalConfirm, signalSummary, usePgScreen, type SignalTarget } from './pg-common.js';

export type PgScreenProps = InsideProps & {
  /** Where `y` sends text (OSC 52 to the terminal; tests look). */
  copy?: (text: string) => void;
};

const SORTS = [
  { key: 'xact', label: 'transaction age', value: (s: SessionRow) => s.xactAgeMs ?? -1 },
  { key: 'query', label: 'query age', value: (s: SessionRow) => s.queryAgeMs ?? -1 },
  { key: 'backend', label: 'backend age', value: (s: SessionRow) => s.backendAgeMs ?? -1 },
  { key: 'pid', label: 'pid', value: (s: SessionRow) => -s.pid },
  { key: 'user', label: 'user', value: (s: SessionRow) => s.user ?? '' },
] as const;

/** The sessions as shown: grouped (group order), sorted within a group, filtered; idle ones only when asked. */
/** What the filter looks in, lower-cased once per refresh rather than once per key. */
const haystacks = new WeakMap<SessionRow, string>();
const haystack = (s: SessionRow): string => {
  let h = haystacks.get(s);
  if (h === undefined) haystacks.set(s, (h = [s.pid, s.user, s.app, s.database, s.client, s.state, s.waitEvent, maskSqlSecrets(s.query ?? '')].join('\u0000').toLowerCase()));
  return h;
};

export function shownSessions(sessions: readonly SessionRow[], opts: { sort: number; reverse: boolean; filter: string; idle: boolean }): SessionRow[] {
  const by = SORTS[opts.sort]!.value;
  const needle = opts.filter.toLowerCase();
  const hit = (s: SessionRow) => !needle || haystack(s).includes(needle);
  const cmp = (a: SessionRow, b: SessionRow) => {
    const va = by(a);
    const vb = by(b);
    const c = typeof va === 'string' ? String(va).localeCompare(String(vb)) : (vb as number) - va;
    return (opts.reverse ? -c : c) || a.pid - b.pid;
  };
  return sessions
    .filter((s) => (opts.idle || s.group !== 'idle') && hit(s))
    .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || cmp(a, b));
}

/** The client column only where the query still has room beside it. */
const WIDE = 150;

function columnsLine(width: number): string {
  const client = width >= WIDE ? ` ${'CLIENT'.padEnd(15)}` : '';
  return `  ${'PID'.padStart(7)} ${'USER'.padEnd(10)} ${'APPLICATION'.padEnd(14)}${client} ${'XACT'.padStart(6)} ${'QUERY'.padStart(6)} ${'BACKEND'.padStart(7)} ${'WAIT'.padEnd(14)} QUERY`.slice(0, Math.max(10, width - 1));
}

const cell = (text: string | undefined, n: number) => oneLine(text ?? '-', n).padEnd(n).slice(0, n);

/** One session as one line, cut to the width (the query text is the server's: made safe and flattened). */
export function sessionLine(s: SessionRow, tagged: boolean, width: number): string {
  const wait = s.blockedBy.length ? `by ${s.blockedBy.slice(0, 3).join(',')}` : s.waitEvent ? `${s.waitEventType ?? ''}:${s.waitEvent}` : '';
  const client = width >= WIDE ? ` ${cell(s.client, 15)}` : '';
  const line = `${tagged ? '*' : ' '} ${String(s.pid).padStart(7)} ${cell(s.user, 10)} ${cell(s.app, 14)}${client} ${formatAge(s.xactAgeMs).padStart(6)} ${formatAge(s.queryAgeMs).padStart(6)} ${formatAge(s.backendAgeMs).padStart(7)} ${cell(wait, 14)} ${oneLine(maskSqlSecrets((s.query ?? '').slice(0, width * 4)), Math.max(1, width))}`;
  return line.slice(0, Math.max(10, width - 1));
}

export function Activity({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, say, onEditing, copy = copyToClipboard }: PgScreenProps) {
  const pg = usePgScreen<ActivityData>(cluster, loadActivity);
  const { state } = pg;
  const [sort, setSort] = useState(0);
  const [reverse, setReverse] = useState(false);
  const [filter, setFilter] = useState('');
  const [filtering, setFiltering] = useState(false);
  const [idle, setIdle] = useState(false);
  const [cursor, setCursor] = useState(0);
  const cursorRef = useRef(0);
  const [tagged, setTagged] = useState<ReadonlySet<number>>(new Set());
  const [full, setFull] = useState<SessionRow>();
  const [confirm, setConfirm] = useState<{ kind: SignalKind; targets: SignalTarget[] }>();

  const rows = useMemo(() => shownSessions(state.data?.sessions ?? [], { sort, reverse, filter, idle }), [state.data, sort, reverse, filter, idle]);
  const counts = useMemo(() => GROUP_ORDER.map((g) => `${state.data?.sessions.filter((s) => s.group === g).length ?? 0} ${g}`).join(' · '), [state.data]);
  // A header line per group, then its sessions; the window keeps the cursor's session in view.
  const lines = useMemo(() => {
    const out: Array<{ group?: string; row?: SessionRow; index?: number }> = [];
    rows.forEach((r, i) => {
      if (i === 0 || rows[i - 1]!.group !== r.group) out.push({ group: r.group });
      out.push({ row: r, index: i });
    });
    return out;
  }, [rows]);
  const at = Math.min(cursor, Math.max(0, rows.length - 1));
  const page = Math.max(1, height - 5);
  const moveTo = (i: number) => {
    cursorRef.current = Math.max(0, Math.min(rows.length - 1, i));
    setCursor(cursorRef.current);
  };
  const current = () => rows[Math.min(cursorRef.current, rows.length - 1)];
  const ask = (kind: SignalKind) => {
    const picked = tagged.size ? rows.filter((r) => tagged.has(r.pid)) : current() ? [current()!] : [];
    // Tagged sessions that ended meanwhile are not shown any more: the confirmation lists only live ones.
    if (picked.length) setConfirm({ kind, targets: picked.map((r) => ({ pid: r.pid, user: r.user, app: r.app, query: r.query })) });
  };

  useKeys((input: string, key: Key) => {
    const action = actionIn(ACTIVITY_SCREEN_KEYS, input, key, false);
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
        return moveTo(rows.length - 1);
      case 'open':
        return current() ? setFull(current()) : undefined;
      case 'tag': {
        const s = current();
        if (!s) return;
        setTagged((t) => {
          const next = new Set(t);
          if (!next.delete(s.pid)) next.add(s.pid);
          return next;
        });
        return moveTo(cursorRef.current + 1);
      }
      case 'cancelQuery':
        return ask('cancel');
      case 'terminate':
        return ask('terminate');
      case 'filter':
        onEditing?.(true);
        return setFiltering(true);
      case 'sort':
        return setSort((n) => (n + 1) % SORTS.length);
      case 'sortReverse':
        return setReverse((r) => !r);
      case 'idle':
        return setIdle((v) => !v);
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
        if (filter) return setFilter('');
        if (tagged.size) return setTagged(new Set());
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
    }
  }, active && !pg.asking && !filtering && !full && !confirm);

  if (pg.asking) return <PasswordPrompt user={cluster.name} active={active} onSubmit={pg.submitPassword} onCancel={pg.dismissPassword} />;
  if (full) {
    const cut = full.queryLength !== undefined && full.query !== undefined && full.queryLength > full.query.length;
    const title = `Query of ${full.pid} · ${forScreen(cluster.name, 80)}${cut ? ` (first ${full.query!.length} of ${full.queryLength} characters)` : ''}`;
    return <TextViewer title={title} text={oneLine(maskSqlSecrets(full.query ?? ''), 100_000)} height={height} width={width} active={active} onClose={() => setFull(undefined)} onCopy={() => copy(maskSqlSecrets(full.query ?? ''))} />;
  }
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
  const extra = [
    `sort ${SORTS[sort]!.label}${reverse ? ' (reversed)' : ''}`,
    filter ? `filter "${oneLine(filter, 40)}"` : '',
    tagged.size ? `${tagged.size} tagged` : '',
    data?.truncated ? 'more sessions than shown' : '',
  ].filter(Boolean).join(' · ');
  const cursorLine = Math.max(0, lines.findIndex((l) => l.index === at));
  const start = Math.max(0, Math.min(cursorLine - Math.floor(page / 2), lines.length - page));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Activity · {forScreen(cluster.name, 80)}</Text>
        <Text dimColor> · {counts}</Text>
      </Text>
      <PgStatus state={state} width={width} extra={extra} />
      {data?.limitedView ? <Text color="yellow" wrap="truncate">{oneLine(missingGrant('pg_monitor', pg.session()?.user), width)}</Text> : null}
      {filtering ? (
        <LineInput prompt="/" value={filter} onChange={setFilter} onSubmit={() => { setFiltering(false); onEditing?.(false); }} onCancel={() => { setFilter(''); setFiltering(false); onEditing?.(false); }} isActive={active} />
      ) : null}
      <Text bold wrap="truncate">{columnsLine(width)}</Text>
      {data && rows.length === 0 ? <Text dimColor>{filter ? 'no session matches the filter' : idle ? 'no sessions' : 'no running, waiting or idle-in-transaction sessions (i shows idle ones)'}</Text> : null}
      {lines.slice(start, start + page).map((l, i) =>
        l.row ? (
          <Text key={`s${l.row.pid}`} wrap="truncate" inverse={l.index === at} color={l.row.group === 'waiting' ? 'yellow' : l.row.group === 'idle in transaction' ? 'magenta' : undefined}>
            {sessionLine(l.row, tagged.has(l.row.pid), width)}
          </Text>
        ) : (
          <Text key={`g${l.group}${i}`} bold dimColor wrap="truncate">
            {l.group}
          </Text>
        ),
      )}
    </Box>
  );
}
