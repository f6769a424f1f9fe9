// `Q` on a cluster's detail: the slow query patterns of a window, worst (most total time) first; enter opens one
// pattern with its aggregate and recent executions (store.slowQueryDetail). Fetched only while open.
import { Box, Text, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { SlowQuery, SlowQueryDetail } from '../api/insight.js';
import { formatMs } from '../commands/slow.js';
import { actionFor } from '../components/keymap.js';
import { useKeys } from '../components/form/use-keys.js';
import { useStore } from '../tui/context.js';
import { errorText } from '../tui/errors.js';
import { RANGES } from '../tui/log-view.js';
import { forScreen, oneLine } from '../text/safe.js';
import { Unsupported, type InsideProps } from './inside-common.js';

/** Slow queries start with a day: patterns are rare in an hour. */
const DEFAULT_RANGE = 3;

export function SlowQueries(props: InsideProps) {
  const store = useStore();
  return store.supports(props.cluster, 'slowQueries') ? <SlowView {...props} /> : <Unsupported {...props} title="Slow queries" capability="slowQueries" />;
}

function SlowView({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit }: InsideProps) {
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
    switch (actionFor(input, key, 'slow', readOnly)) {
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

  if (open) return <PatternDetail cluster={cluster} pattern={open} height={height} width={width} active={active} onClose={() => setOpen(undefined)} />;

  const start = Math.max(0, Math.min(cursor - page + 1, list.length - page, cursor));
  const head = `${'TOTAL'.padStart(9)}  ${'CALLS'.padStart(7)}  ${'AVG'.padStart(9)}  ${'P95'.padStart(9)}  ${'ERR'.padStart(5)}  QUERY`;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Slow queries · {forScreen(cluster.name)}</Text>
        <Text dimColor> · last {RANGES[range]!.label} · worst first · enter shows one</Text>
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

function PatternDetail({ cluster, pattern, height, width, active, onClose }: { cluster: InsideProps['cluster']; pattern: SlowQuery; height: number; width: number; active: boolean; onClose: () => void }) {
  const store = useStore();
  const [detail, setDetail] = useState<SlowQueryDetail>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ctrl = new AbortController();
    store.slowQueryDetail(cluster, pattern.id, { signal: ctrl.signal }).then(
      (d) => !ctrl.signal.aborted && setDetail(d),
      (err: unknown) => !ctrl.signal.aborted && setError(errorText(err)),
    );
    return () => ctrl.abort();
  }, [store, cluster, pattern.id]);
  useKeys((_input: string, key: Key) => {
    if (key.escape) onClose();
  }, active);
  const q = detail?.query ?? pattern;
  const facts = [
    ['calls', String(q.calls)], ['total', formatMs(q.totalMs)], ['avg', formatMs(q.avgMs)], ['p95', formatMs(q.p95Ms)], ['max', formatMs(q.maxMs)],
    ['errors', String(q.errors)], ['rows', q.rows === undefined ? '-' : String(q.rows)], ['database', oneLine(q.database ?? '-', 60)], ['user', oneLine(q.user ?? '-', 60)],
  ];
  const recent = detail?.recent ?? [];
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">Slow query · {forScreen(cluster.name)} <Text dimColor>(esc back to the list)</Text></Text>
      <Text wrap="truncate-end">{oneLine(q.query, Math.max(20, (width - 1) * 3))}</Text>
      <Text wrap="truncate">{facts.map(([k, v]) => `${k} ${v}`).join('  ')}</Text>
      {error ? <Text color="red" wrap="truncate">{oneLine(error)}</Text> : <Text dimColor>{detail ? `recent executions (${recent.length})` : 'loading…'}</Text>}
      {recent.slice(0, Math.max(0, height - 5)).map((e, i) => (
        <Text key={i} wrap="truncate" color={e.error ? 'red' : undefined}>
          {oneLine(e.at, 40)}  {formatMs(e.durationMs).padStart(9)}  {e.rows === undefined ? '' : `${e.rows} rows  `}{oneLine(e.user ?? '', 40)}{e.error ? `  ${oneLine(e.error, 200)}` : ''}
        </Text>
      ))}
    </Box>
  );
}
