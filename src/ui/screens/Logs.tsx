// `l` on a cluster's detail: its log lines, newest at the bottom. Follow is on by default (a poll at most every
// 5 s, at the budget's watch priority, only while this screen is mounted); scrolling back pauses it and G / End
// resumes. `/` searches (matches marked; `a` shows all lines or only the matches, `n`/`N` jump between them), `s`
// filters by severity, `w` wraps, `t` changes the time range, `r` reloads it. The line at the bottom is the selected
// one: enter shows it whole, `y` copies it. The model is ../tui/log-view.ts and the rows ../tui/log-lines.ts: only
// the rows that fit are drawn, each cut to the width, so a key costs the same with 100,000 lines loaded.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Key } from 'ink';
import { LOG_LIMIT_MAX } from '../../api/core/insight.js';
import { actionIn, back, ch, help, MOVES, quit, range, refresh, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { LineInput } from '../components/LineInput.js';
import { TextViewer } from '../components/TextViewer.js';
import { COMPACT_BELOW, dayOf, nextMatch, screenRows } from '../models/log-lines.js';
import { copyToClipboard } from '../terminal/osc52.js';
import { useStore } from '../shell/context.js';
import { errorText } from '../../present/errors.js';
import { bottomOf, filterEntries, LogBuffer, positionOf, RANGES, scrollAnchor, SEVERITY_LEVELS, viewOf, type LogEntry, type SeverityLevel } from '../models/log-view.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { Unsupported, type InsideProps } from './inside-common.js';

/** The logs screen's keys (its scope in the screen registry, src/ui/registry/screens.ts). */
export const LOGS_KEYS: readonly Binding[] = [
  ...MOVES,
  { action: 'open', keys: 'enter', help: 'the whole log line', hint: 'open', priority: 1, match: (_i, k) => k.return },
  back, refresh,
  { action: 'copy', keys: 'y', help: 'copy the log line (OSC 52)', match: ch('y') },
  { action: 'search', keys: '/', help: 'logs: search', hint: 'search', priority: 1, match: ch('/') },
  { action: 'severity', keys: 's', help: 'logs: severity', hint: 'severity', priority: 2, match: ch('s') },
  { action: 'nextMatch', keys: 'n', help: 'logs: next search match', match: ch('n') },
  { action: 'prevMatch', keys: 'N', help: 'logs: previous search match', match: ch('N') },
  { action: 'allLines', keys: 'a', help: 'logs: all lines (matches marked) / only the matches', match: ch('a') },
  { action: 'wrap', keys: 'w', help: 'logs: wrap', hint: 'wrap', priority: 3, match: ch('w') },
  range,
  { action: 'follow', keys: 'f', help: 'logs: follow', hint: 'follow', priority: 3, match: ch('f') },
  help, quit,
];

/** Follow polls at most this often. */
export const FOLLOW_EVERY_MS = 5_000;
/** Each follow poll re-reads this far back, so lines stored late still show (duplicates are dropped). */
const OVERLAP_MS = 30_000;
const FOLLOW_PAGE = 2_000;

export type LogsProps = InsideProps & {
  /** Follow's poll interval; tests shorten it. */
  pollMs?: number;
  /** Where `y` sends a line (OSC 52 to the terminal; tests look). */
  copy?: (text: string) => void;
};

const SEVERITY_COLOR: Record<string, string> = { WARNING: 'yellow', ERROR: 'red', FATAL: 'red', PANIC: 'red' };

export function Logs(props: LogsProps) {
  const store = useStore();
  const { cluster } = props;
  return store.supports(cluster, 'logs') ? <LogsView {...props} /> : <Unsupported {...props} title="Logs" capability="logs" />;
}

function LogsView({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, say, pollMs = FOLLOW_EVERY_MS, copy = copyToClipboard }: LogsProps) {
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
  /** With a search: every line, matches marked (n/N jump), instead of only the matching lines. */
  const [allLines, setAllLines] = useState(false);
  /** The line shown whole (enter). */
  const [opened, setOpened] = useState<LogEntry>();
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
        // The count in the title grows as follow adds lines: the note names the limit of one read, not a count.
        setNote(page.truncated ? `older lines of the range not loaded: one read returns at most ${page.lines.length.toLocaleString('en')} lines` : page.note);
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
  const picked = useMemo(() => filterEntries(entries, allLines ? '' : search, level), [entries, version, search, level, allLines]); // eslint-disable-line react-hooks/exhaustive-deps
  const view = useMemo(() => viewOf(entries, picked), [entries, picked, version]); // eslint-disable-line react-hooks/exhaustive-deps
  // The matching lines, for n/N and the count, when the view shows every line.
  const matches = useMemo(() => (allLines && search.trim() ? viewOf(entries, filterEntries(entries, search, level)) : view), [entries, version, search, level, allLines, view]); // eslint-disable-line react-hooks/exhaustive-deps

  const rows = Math.max(1, height - 2 - (searching ? 1 : 0));
  const bottom = bottomOf(view, anchor);
  const compact = width < COMPACT_BELOW;
  const needle = search.trim().toLowerCase();
  const shown = bottom < 0 ? [] : screenRows(view, bottom, { width, rows, wrap, compact, needle });
  const following = live && anchor === undefined;
  const selected = bottom < 0 ? undefined : view.at(bottom);

  // Keys read the latest view through a ref: several keys can arrive in one read (docs/ARCHITECTURE.md, Inputs).
  const latest = useRef({ view, anchor, rows, matches });
  latest.current = { view, anchor, rows, matches };
  const setBottom = (next: number | undefined) => {
    latest.current.anchor = next;
    setAnchor(next);
  };
  const move = (delta: number) => setBottom(scrollAnchor(latest.current.view, latest.current.anchor, delta));
  /** The next (1) or previous (-1) matching line becomes the selected one at the bottom. */
  const jump = (dir: 1 | -1) => {
    const { view: v, anchor: a, matches: m } = latest.current;
    if (!needle) return say?.('no search to jump in: / searches');
    if (v.length === 0 || m.length === 0) return say?.('no line matches');
    const to = nextMatch(m, v.at(bottomOf(v, a)).seq, dir);
    if (to < 0) return say?.(dir > 0 ? 'no match below: G goes to the newest line' : 'no match above');
    const pos = positionOf(v, m.at(to).seq);
    return setBottom(pos >= v.length - 1 ? undefined : v.at(pos).seq);
  };
  useKeys((input: string, key: Key) => {
    const page = Math.max(1, latest.current.rows - 1);
    const { view: v, anchor: a } = latest.current;
    const current = v.length ? v.at(bottomOf(v, a)) : undefined;
    switch (actionIn(LOGS_KEYS, input, key, readOnly)) {
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
      case 'nextMatch':
        return jump(1);
      case 'prevMatch':
        return jump(-1);
      case 'allLines':
        return search.trim() ? setAllLines((x) => !x) : say?.('a shows all lines around the matches of a search: / searches');
      case 'open':
        return current ? setOpened(current) : undefined;
      case 'copy':
        if (!current) return undefined;
        copy(current.text);
        return say?.('sent the log line to the terminal clipboard');
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
        if (search) {
          setAllLines(false);
          return setSearch('');
        }
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
      default:
        return undefined;
    }
  }, active && !searching && !opened);

  if (opened) {
    return <TextViewer title={`Log line · ${forScreen(cluster.name)}`} text={opened.text} color={SEVERITY_COLOR[opened.severity]} height={height} width={width} active={active} onClose={() => setOpened(undefined)} onCopy={(t) => {
      copy(t);
      say?.('sent the log line to the terminal clipboard');
    }} />;
  }

  const state = !live ? 'follow off (f)' : following ? 'following' : 'paused (G follows)';
  const found = `"${oneLine(search, 40)}": ${matches.length.toLocaleString('en')} match${matches.length === 1 ? '' : 'es'}${allLines ? ' · all lines' : ''}`;
  const filters = [level !== 'all' ? `severity ≥ ${level}` : '', search ? found : ''].filter(Boolean).join(' · ');
  // Compact lines carry the time only: the day of the top line is in the title, a date row marks each new day.
  const topLine = shown.find((r) => r.entry)?.entry;
  const day = compact && topLine ? dayOf(topLine.text) : undefined;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Logs · {forScreen(cluster.name)}</Text>
        <Text dimColor> · last {RANGES[range]!.label}{day ? ` · ${day}` : ''} · {entries.length.toLocaleString('en')} lines · </Text>
        <Text color={following ? 'green' : 'yellow'}>{state}</Text>
        {filters ? <Text dimColor> · {filters}</Text> : null}
        {wrap ? <Text dimColor> · wrap</Text> : null}
      </Text>
      {error ? <Text color="red" wrap="truncate">{oneLine(error)}</Text> : note ? <Text dimColor wrap="truncate">{oneLine(note)}</Text> : <Text dimColor>{loading ? 'loading…' : ' '}</Text>}
      <Box flexDirection="column" height={rows} overflowY="hidden">
        {!loading && view.length === 0 ? <Text dimColor>{search || level !== 'all' ? 'no line matches' : `no log lines in the last ${RANGES[range]!.label}`}</Text> : null}
        {shown.map((r) =>
          r.kind === 'day' ? (
            <Text key={r.key} dimColor wrap="truncate">{r.segments[0]!.text}</Text>
          ) : (
            <Text key={r.key} wrap="truncate" color={SEVERITY_COLOR[r.entry!.severity]} inverse={!following && r.entry === selected}>
              {r.segments.map((g, i) => (g.match ? <Text key={i} backgroundColor="yellow" color="black">{g.text}</Text> : g.text))}
            </Text>
          ),
        )}
      </Box>
      {searching ? (
        <LineInput prompt="/" value={search} selectOnOpen onChange={(v) => {
          setSearch(v);
          if (!v.trim()) setAllLines(false);
          setAnchor(undefined);
        }} onSubmit={() => setSearching(false)} onCancel={() => {
          setSearch('');
          setAllLines(false);
          setSearching(false);
        }} />
      ) : null}
    </Box>
  );
}
