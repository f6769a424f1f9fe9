// `A` on a cluster: the sessions inside Postgres, grouped running / waiting / idle in transaction (idle ones on
// `i`), with query, transaction and backend age, wait event, user, application, client. Refreshed every 2 s
// while open (z pauses); enter shows the full query; y copies the pid, Y the query; space tags sessions and
// c / X cancel or end them after a confirmation showing the exact SQL (not on read-only profiles).
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { LineInput } from '../components/LineInput.js';
import { GROUP_ORDER, loadActivity, type Activity as ActivityData, type SessionRow } from '../../pg/activity.js';
import { formatAge, maskSqlSecrets } from '../../pg/format.js';
import { missingGrant } from '../../pg/privileges.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { copyToClipboard } from '../terminal/osc52.js';
import { useScreenKeys } from './inside-common.js';
import { ACTIVITY_SCREEN_KEYS } from '../input/pg-keys.js';
import { PasswordPrompt, PgStatus, usePgScreen, type PgScreenProps } from './pg-common.js';
import { useSessionActions } from './pg-sessions.js';

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

export function Activity(props: PgScreenProps) {
  const { cluster, height, width, active, onBack, onEditing, copy = copyToClipboard } = props;
  const pg = usePgScreen<ActivityData>(cluster, loadActivity);
  const { state } = pg;
  const [sort, setSort] = useState(0);
  const [reverse, setReverse] = useState(false);
  const [filter, setFilter] = useState('');
  const [filtering, setFiltering] = useState(false);
  const [idle, setIdle] = useState(false);

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
  const page = Math.max(1, height - 5);
  const sessions = useSessionActions(rows, page, pg, { ...props, copy });
  const { at, tagged } = sessions;

  // Cancel and terminate are bound in read-only mode too, so that the screen can say why they are off.
  useScreenKeys(ACTIVITY_SCREEN_KEYS, { ...props, readOnly: false }, {
    ...sessions.handlers,
    filter: () => {
      onEditing?.(true);
      setFiltering(true);
    },
    sort: () => setSort((n) => (n + 1) % SORTS.length),
    sortReverse: () => setReverse((r) => !r),
    idle: () => setIdle((v) => !v),
    back: () => (filter ? setFilter('') : tagged.size ? sessions.clearTags() : onBack()),
  }, !pg.asking && !filtering && !sessions.overlay);

  if (pg.asking) return <PasswordPrompt user={cluster.name} active={active} onSubmit={pg.submitPassword} onCancel={pg.dismissPassword} />;
  if (sessions.overlay) return sessions.overlay;

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
