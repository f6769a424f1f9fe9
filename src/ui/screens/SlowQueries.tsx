// `Q` on a cluster's detail: the slow query patterns of a window, worst (most total time) first; enter opens one
// pattern with its SQL wrapped, its aggregate and recent executions (store.slowQueryDetail), and enter there shows
// the whole SQL, scrollable. `y` copies the selected query's SQL (OSC 52). Fetched only while open.
import { Box, Text, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { SlowQuery, SlowQueryDetail } from '../../api/core/insight.js';
import { formatMs } from '../../present/insight.js';
import { actionIn, back, ch, help, MOVES, quit, range, refresh, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { TextViewer } from '../components/TextViewer.js';
import { sliceRows } from '../../text/rows.js';
import { copyToClipboard } from '../terminal/osc52.js';
import { useStore } from '../shell/context.js';
import { errorText } from '../../present/errors.js';
import { RANGES } from '../models/log-view.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { Unsupported, type InsideProps } from './inside-common.js';

/** The slow queries screen's keys (its scope in the screen registry, src/ui/registry/screens.ts). */
export const SLOW_KEYS: readonly Binding[] = [
  ...MOVES,
  { action: 'open', keys: 'enter', help: 'open the slow query', hint: 'open', priority: 1, match: (_i, k) => k.return },
  back, refresh,
  { action: 'copy', keys: 'y', help: 'copy the query (OSC 52)', match: ch('y') },
  range, help, quit,
];

/** Slow queries start with a day: patterns are rare in an hour. */
const DEFAULT_RANGE = 3;

export type SlowQueriesProps = InsideProps & {
  /** Where `y` sends the SQL (OSC 52 to the terminal; tests look). */
  copy?: (text: string) => void;
};

/** The SQL copied as the provider sent it, made safe (../tui/osc52.ts strips what a shell must not get). */
const COPIED = 'sent the query to the terminal clipboard';

export function SlowQueries(props: SlowQueriesProps) {
  const store = useStore();
  return store.supports(props.cluster, 'slowQueries') ? <SlowView {...props} /> : <Unsupported {...props} title="Slow queries" capability="slowQueries" />;
}

function SlowView({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, say, copy = copyToClipboard }: SlowQueriesProps) {
  const store = useStore();
  const [range, setRange] = useState(DEFAULT_RANGE);
  const [rows, setRows] = useState<SlowQuery[]>();
  const [error, setError] = useState<string>();
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<SlowQuery>();
  const [reload, setReload] = useState(0);
  const cursorRef = useRef(0);

  useEffect(() => {
    const ctrl = new AbortController();
    const to = Date.now();
    setError(undefined);
    store.slowQueries(cluster, { from: new Date(to - RANGES[range]!.ms), to: new Date(to) }, { signal: ctrl.signal }).then(
      (r) => !ctrl.signal.aborted && setRows(r.slice().sort((a, b) => b.totalMs - a.totalMs)),
      (err: unknown) => !ctrl.signal.aborted && setError(errorText(err)),
    );
    return () => ctrl.abort();
  }, [store, cluster.profile, cluster.id, range, reload]); // eslint-disable-line react-hooks/exhaustive-deps

  const list = rows ?? [];
  const page = Math.max(1, height - 4);
  const moveTo = (i: number) => {
    cursorRef.current = Math.max(0, Math.min(list.length - 1, i));
    setCursor(cursorRef.current);
  };
  useKeys((input: string, key: Key) => {
    switch (actionIn(SLOW_KEYS, input, key, readOnly)) {
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
        return moveTo(list.length - 1);
      case 'open':
        return list[cursorRef.current] ? setOpen(list[cursorRef.current]) : undefined;
      case 'copy':
        if (!list[cursorRef.current]) return undefined;
        copy(list[cursorRef.current]!.query);
        return say?.(COPIED);
      case 'range':
        return setRange((r) => (r + 1) % RANGES.length);
      case 'refresh':
        return setReload((n) => n + 1);
      case 'back':
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
      default:
        return undefined;
    }
  }, active && !open);

  if (open) {
    const onCopy = (sql: string) => {
      copy(sql);
      say?.(COPIED);
    };
    return <PatternDetail cluster={cluster} pattern={open} height={height} width={width} active={active} onClose={() => setOpen(undefined)} onCopy={onCopy} onHelp={onHelp} onQuit={onQuit} readOnly={readOnly} />;
  }

  const start = Math.max(0, Math.min(cursor - page + 1, list.length - page, cursor));
  const head = `${'TOTAL'.padStart(9)}  ${'CALLS'.padStart(7)}  ${'AVG'.padStart(9)}  ${'P95'.padStart(9)}  ${'ERR'.padStart(5)}  QUERY`;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Slow queries · {forScreen(cluster.name)}</Text>
        <Text dimColor> · last {RANGES[range]!.label} · worst first · enter shows one · y copies its SQL</Text>
      </Text>
      {error ? <Text color="red" wrap="truncate">{oneLine(error)}</Text> : <Text dimColor>{rows ? ' ' : 'loading…'}</Text>}
      <Text bold wrap="truncate">{head}</Text>
      {rows && list.length === 0 ? <Text dimColor>no slow query patterns in the last {RANGES[range]!.label}</Text> : null}
      {list.slice(Math.max(0, start), Math.max(0, start) + page).map((r, i) => {
        const at = Math.max(0, start) + i;
        const line = `${formatMs(r.totalMs).padStart(9)}  ${String(r.calls).padStart(7)}  ${formatMs(r.avgMs).padStart(9)}  ${formatMs(r.p95Ms).padStart(9)}  ${String(r.errors).padStart(5)}  ${oneLine(r.query, 500)}`;
        return (
          <Text key={r.id} wrap="truncate" inverse={at === cursor}>
            {line.slice(0, Math.max(10, width - 1))}
          </Text>
        );
      })}
    </Box>
  );
}

/** Rows of SQL the pattern screen shows before "enter shows all". */
const SQL_ROWS = 6;

interface PatternDetailProps {
  cluster: InsideProps['cluster'];
  pattern: SlowQuery;
  height: number;
  width: number;
  active: boolean;
  readOnly: boolean;
  onClose: () => void;
  onCopy: (sql: string) => void;
  onHelp: () => void;
  onQuit: () => void;
}

function PatternDetail({ cluster, pattern, height, width, active, readOnly, onClose, onCopy, onHelp, onQuit }: PatternDetailProps) {
  const store = useStore();
  const [detail, setDetail] = useState<SlowQueryDetail>();
  const [error, setError] = useState<string>();
  const { id, database, user, operation } = pattern;
  const [whole, setWhole] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    // The API names a pattern by its id together with the database, user and operation it was listed under.
    store.slowQueryDetail(cluster, { id, database, user, operation }, { signal: ctrl.signal }).then(
      (d) => !ctrl.signal.aborted && setDetail(d),
      (err: unknown) => !ctrl.signal.aborted && setError(errorText(err)),
    );
    return () => ctrl.abort();
  }, [store, cluster, id, database, user, operation]);
  const q = detail?.query ?? pattern;
  const sql = oneLine(q.query, 100_000);
  useKeys((input: string, key: Key) => {
    switch (actionIn(SLOW_KEYS, input, key, readOnly)) {
      case 'open':
        return setWhole(true);
      case 'copy':
        return onCopy(q.query);
      case 'back':
        return onClose();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
      default:
        return undefined;
    }
  }, active && !whole);
  if (whole) return <TextViewer title={`Slow query · ${forScreen(cluster.name)}`} text={sql} height={height} width={width} active={active} onClose={() => setWhole(false)} onCopy={() => onCopy(q.query)} />;
  const facts = [
    ['calls', String(q.calls)], ['total', formatMs(q.totalMs)], ['avg', formatMs(q.avgMs)], ['p95', formatMs(q.p95Ms)], ['max', formatMs(q.maxMs)],
    ['errors', String(q.errors)], ['rows', q.rows === undefined ? '-' : String(q.rows)], ['database', oneLine(q.database ?? '-', 60)], ['user', oneLine(q.user ?? '-', 60)],
  ];
  const sqlRows = sliceRows(sql, width, true, { words: true, maxRows: Math.max(1, Math.min(SQL_ROWS, height - 6)) });
  const recent = detail?.recent ?? [];
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold wrap="truncate">Slow query · {forScreen(cluster.name)} <Text dimColor>({sqlRows.at(-1)?.cut ? 'enter shows all the SQL · ' : 'enter shows the SQL · '}y copies it · esc back)</Text></Text>
      {sqlRows.map((r, i) => (
        <Text key={i} wrap="truncate">
          {sql.slice(r.start, r.end)}
          {r.cut ? '…' : ''}
        </Text>
      ))}
      <Text wrap="truncate">{facts.map(([k, v]) => `${k} ${v}`).join('  ')}</Text>
      {error ? <Text color="red" wrap="truncate">{oneLine(error)}</Text> : <Text dimColor>{detail ? `recent executions (${recent.length})` : 'loading…'}</Text>}
      {recent.slice(0, Math.max(0, height - 4 - sqlRows.length)).map((e, i) => (
        <Text key={i} wrap="truncate" color={e.error ? 'red' : undefined}>
          {oneLine(e.at, 40)}  {formatMs(e.durationMs).padStart(9)}  {e.rows === undefined ? '' : `${e.rows} rows  `}{oneLine(e.user ?? '', 40)}{e.error ? `  ${oneLine(e.error, 200)}` : ''}
        </Text>
      ))}
    </Box>
  );
}
