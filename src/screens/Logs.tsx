// `l` on a cluster's detail: its log lines, newest at the bottom. Follow is on by default (a poll at most every
// 5 s, at the budget's watch priority, only while this screen is mounted); scrolling back pauses it and G / End
// resumes. `/` searches, `s` filters by severity, `w` wraps, `t` changes the time range, `r` reloads it. The model is
// ../tui/log-view.ts: only the lines that fit are drawn, so a key costs the same with 100,000 lines loaded.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Key } from 'ink';
import { LOG_LIMIT_MAX } from '../api/insight.js';
import { actionFor } from '../components/keymap.js';
import { useKeys } from '../components/form/use-keys.js';
import { LineInput } from '../components/LineInput.js';
import { useStore } from '../tui/context.js';
import { errorText } from '../tui/errors.js';
import { bottomOf, filterEntries, LogBuffer, RANGES, scrollAnchor, SEVERITY_LEVELS, viewOf, visibleWindow, type SeverityLevel } from '../tui/log-view.js';
import { forScreen, oneLine } from '../text/safe.js';
import { Unsupported, type InsideProps } from './inside-common.js';

/** Follow polls at most this often. */
export const FOLLOW_EVERY_MS = 5_000;
/** Each follow poll re-reads this far back, so lines stored late still show (duplicates are dropped). */
const OVERLAP_MS = 30_000;
const FOLLOW_PAGE = 2_000;

export type LogsProps = InsideProps & {
  /** Follow's poll interval; tests shorten it. */
  pollMs?: number;
};

const SEVERITY_COLOR: Record<string, string> = { WARNING: 'yellow', ERROR: 'red', FATAL: 'red', PANIC: 'red' };

export function Logs(props: LogsProps) {
  const store = useStore();
  const { cluster } = props;
  return store.supports(cluster, 'logs') ? <LogsView {...props} /> : <Unsupported {...props} title="Logs" capability="logs" />;
}

function LogsView({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, pollMs = FOLLOW_EVERY_MS }: LogsProps) {
  const store = useStore();
  const [range, setRange] = useState(1);
  const [live, setLive] = useState(true);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [search, setSearch] = useState('');
  const [searching, setSearching] = useState(false);
  const [level, setLevel] = useState<SeverityLevel>('all');
  const [wrap, setWrap] = useState(false);
  /** seq of the bottom line while scrolled back; undefined follows the newest line. */
  const [anchor, setAnchor] = useState<number>();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [reload, setReload] = useState(0);
  const buffer = useRef(new LogBuffer());

  // `f` turns following off and on without reloading: the poll chain reads these refs.
  const liveRef = useRef(live);
  liveRef.current = live;
  const resume = useRef<() => void>(undefined);

  // The window of the range, then (while live) a poll every 5 s from the newest line on. A new range starts over.
  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** No poll is scheduled or in flight (following is off, or the first load has not answered yet). */
    let stopped = true;
    let loaded = false;
    buffer.current = new LogBuffer();
    setAnchor(undefined);
    setLoading(true);
    setError(undefined);
    const to = Date.now();
    const first = store.logs(cluster, { from: new Date(to - RANGES[range]!.ms), to: new Date(to), limit: LOG_LIMIT_MAX }, { signal: ctrl.signal });
    const poll = () => {
      stopped = !liveRef.current;
      if (stopped) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!liveRef.current) {
          stopped = true;
          return;
        }
        const now = Date.now();
        const from = Math.min(buffer.current.newest || now, now) - OVERLAP_MS;
        store.logs(cluster, { from: new Date(from), to: new Date(now), limit: FOLLOW_PAGE }, { signal: ctrl.signal, poll: true }).then(
          (page) => {
            if (ctrl.signal.aborted) return;
            if (buffer.current.add(page.lines)) bump();
            setError(undefined);
            poll();
          },
          (err: unknown) => {
            if (ctrl.signal.aborted) return;
            setError(errorText(err));
            poll();
          },
        );
      }, pollMs);
    };
    resume.current = () => {
      if (stopped && loaded && !ctrl.signal.aborted) poll();
    };
    const done = () => {
      loaded = true;
      setLoading(false);
      poll();
    };
    first.then(
      (page) => {
        if (ctrl.signal.aborted) return;
        buffer.current.add(page.lines);
        setNote(page.truncated ? `only the newest ${page.lines.length} lines of the range` : page.note);
        bump();
        done();
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(errorText(err));
        done();
      },
    );
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [store, cluster.profile, cluster.id, range, pollMs, reload]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (live) resume.current?.();
  }, [live]);

  const entries = buffer.current.entries;
  const version = buffer.current.version;
  // Walks the buffer only when the filters or the lines change, never for a scroll key.
  const picked = useMemo(() => filterEntries(entries, search, level), [entries, version, search, level]); // eslint-disable-line react-hooks/exhaustive-deps
  const view = useMemo(() => viewOf(entries, picked), [entries, picked, version]); // eslint-disable-line react-hooks/exhaustive-deps

  const rows = Math.max(1, height - 2 - (searching ? 1 : 0));
  const bottom = bottomOf(view, anchor);
  const shown = bottom < 0 ? [] : visibleWindow(view, bottom, rows, width, wrap);
  const following = live && anchor === undefined;

  // Keys read the latest view through a ref: several keys can arrive in one read (docs/ARCHITECTURE.md, Inputs).
  const latest = useRef({ view, anchor, rows });
  latest.current = { view, anchor, rows };
  const move = (delta: number) => {
    const next = scrollAnchor(latest.current.view, latest.current.anchor, delta);
    latest.current.anchor = next;
    setAnchor(next);
  };
  useKeys((input: string, key: Key) => {
    const page = Math.max(1, latest.current.rows - 1);
    switch (actionFor(input, key, 'logs', readOnly)) {
      case 'up':
        return move(-1);
      case 'down':
        return move(1);
      case 'pageUp':
        return move(-page);
      case 'pageDown':
        return move(page);
      case 'top':
        return move(-Infinity);
      case 'bottom':
        latest.current.anchor = undefined;
        setAnchor(undefined);
        return live ? undefined : setLive(true);
      case 'search':
        return setSearching(true);
      case 'severity':
        return setLevel((l) => SEVERITY_LEVELS[(SEVERITY_LEVELS.indexOf(l) + 1) % SEVERITY_LEVELS.length]!);
      case 'wrap':
        return setWrap((w) => !w);
      case 'range':
        return setRange((r) => (r + 1) % RANGES.length);
      case 'follow':
        return setLive((l) => !l);
      case 'refresh':
        return setReload((n) => n + 1);
      case 'back':
        if (search) return setSearch('');
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
      default:
        return undefined;
    }
  }, active && !searching);

  const state = !live ? 'follow off (f)' : following ? 'following' : 'paused (G follows)';
  const filters = [level !== 'all' ? `severity ≥ ${level}` : '', search ? `"${oneLine(search, 40)}": ${view.length} match${view.length === 1 ? '' : 'es'}` : ''].filter(Boolean).join(' · ');
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Logs · {forScreen(cluster.name)}</Text>
        <Text dimColor> · last {RANGES[range]!.label} · {entries.length.toLocaleString('en')} lines · </Text>
        <Text color={following ? 'green' : 'yellow'}>{state}</Text>
        {filters ? <Text dimColor> · {filters}</Text> : null}
        {wrap ? <Text dimColor> · wrap</Text> : null}
      </Text>
      {error ? <Text color="red" wrap="truncate">{oneLine(error)}</Text> : note ? <Text dimColor wrap="truncate">{oneLine(note)}</Text> : <Text dimColor>{loading ? 'loading…' : ' '}</Text>}
      <Box flexDirection="column" height={rows} overflowY="hidden">
        {!loading && view.length === 0 ? <Text dimColor>{search || level !== 'all' ? 'no line matches' : `no log lines in the last ${RANGES[range]!.label}`}</Text> : null}
        {shown.map((e) => (
          <Text key={e.seq} wrap={wrap ? 'wrap' : 'truncate'} color={SEVERITY_COLOR[e.severity]}>
            {forScreen(e.text, wrap ? width * rows : width)}
          </Text>
        ))}
      </Box>
      {searching ? (
        <LineInput prompt="/" value={search} selectOnOpen onChange={(v) => {
          setSearch(v);
          setAnchor(undefined);
        }} onSubmit={() => setSearching(false)} onCancel={() => {
          setSearch('');
          setSearching(false);
        }} />
      ) : null}
    </Box>
  );
}
