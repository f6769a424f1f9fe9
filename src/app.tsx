// The Ink root: the screen stack (list → detail → create/edit/profiles), overlays (help, filter, command
// line, typed confirmation), global keys from the keymap, and the psql handoff.
import { Box, Text, useApp, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Cluster } from './api/types.js';
import { describeError } from './api/errors.js';
import type { ClusterStore, ProfilesApi, Settings } from './state/types.js';
import { clusterKey } from './state/types.js';
import { useStoreSnapshot } from './state/hooks.js';
import { ClusterTable } from './components/ClusterTable.js';
import { ConfirmTyped } from './components/ConfirmTyped.js';
import { Header } from './components/StatusLine.js';
import { KeyHints } from './components/KeyHints.js';
import { LineInput } from './components/LineInput.js';
import { actionFor, type Action } from './components/keymap.js';
import { useKeys } from './components/form/use-keys.js';
import { ClusterDetail } from './screens/ClusterDetail.js';
import { Help } from './screens/Help.js';
import { CreateCluster } from './screens/CreateCluster.js';
import { EditCluster } from './screens/EditCluster.js';
import { Profiles } from './screens/Profiles.js';
import { columnsFor, SORT_KEYS, view, warmSearch, type SortKey } from './tui/list-view.js';
import { copyToClipboard, connectionUrl } from './tui/osc52.js';
import { usePsqlHandoff } from './tui/handoff.js';
import { useKeyPacing } from './tui/key-pacing.js';

export interface AppProps {
  store: ClusterStore;
  profiles: ProfilesApi;
  settings: Settings;
  readOnly: boolean;
  launchPsql: (cluster: Cluster) => Promise<number>;
  banner?: string;
  notice?: string;
}

type Screen = 'list' | 'detail' | 'create' | 'edit' | 'profiles';
type Overlay = 'none' | 'help' | 'filter' | 'command' | 'delete' | 'restart' | 'promote' | 'reset';

function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

export function App({ store, profiles, readOnly, launchPsql, banner, notice }: AppProps) {
  const { exit } = useApp();
  useKeyPacing();
  const snapshot = useStoreSnapshot(store);
  const { columns: width, rows: height } = useTerminalSize();
  const [screen, setScreen] = useState<Screen>('list');
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [filter, setFilter] = useState('');
  const [command, setCommand] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [reverse, setReverse] = useState(false);
  const [cursorKey, setCursorKey] = useState<string>();
  const [detailKey, setDetailKey] = useState<string>();
  const [scroll, setScroll] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(notice ? { text: notice, error: false } : undefined);
  const detailLines = useRef(0);

  const rows = useMemo(() => view(snapshot.clusters, filter, sort, reverse), [snapshot.clusters, filter, sort, reverse]);
  // After the frame is out, prepare the filter's search text for new or changed clusters (idle time, not a keystroke's).
  useEffect(() => {
    const timer = setTimeout(() => warmSearch(snapshot.clusters), 50);
    return () => clearTimeout(timer);
  }, [snapshot.clusters]);
  const stale = useMemo(() => new Set(snapshot.staleProfiles ?? []), [snapshot.staleProfiles]);
  const cols = useMemo(() => columnsFor(width), [width]);
  const rowIndex = useMemo(() => new Map(rows.map((c, i) => [clusterKey(c), i])), [rows]);
  const cursor = cursorKey ? rowIndex.get(cursorKey) ?? 0 : 0;
  // Keys can arrive several per read (fast typing, a slow SSH link): between renders the handler reads the
  // cursor and rows from refs that every move updates at once, never from this render's closure.
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const selected: Cluster | undefined = rows[cursor] ?? rows[0];
  const detail = detailKey ? snapshot.clusters.find((c) => clusterKey(c) === detailKey) : undefined;
  const target = screen === 'detail' ? detail : selected;
  const isReadOnly = (c?: Cluster) => readOnly || Boolean(c && snapshot.profiles.find((p) => p.profile === c.profile)?.readOnly);

  const say = useCallback((text: string, error = false) => setMessage({ text, error }), []);
  const handoff = usePsqlHandoff(store, launchPsql, say);

  // A cluster that disappeared (deleted) closes its detail screen.
  useEffect(() => {
    if (screen === 'detail' && detailKey && !detail) {
      setScreen('list');
      say('the cluster is gone');
    }
  }, [screen, detailKey, detail, say]);

  const move = (to: (from: number) => number) => {
    const all = rowsRef.current;
    const i = Math.max(0, Math.min(all.length - 1, to(cursorRef.current)));
    const c = all[i];
    if (!c) return;
    cursorRef.current = i;
    setCursorKey(clusterKey(c));
  };
  const current = (): Cluster | undefined => (screen === 'detail' ? detail : rowsRef.current[cursorRef.current] ?? rowsRef.current[0]);
  const failing = snapshot.profiles.filter((p) => p.status === 'error' || p.warning).length;
  const headerLines = 1 + Math.min(failing, 3) + (failing > 3 ? 1 : 0) + (message ? 1 : 0);
  const bottomLines = overlay === 'delete' || overlay === 'restart' || overlay === 'promote' || overlay === 'reset' ? 6 : 1;
  // One line short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every render.
  const frameHeight = Math.max(4, height - 1);
  const listHeight = Math.max(1, frameHeight - headerLines - bottomLines - 1);

  const run = (cmd: string) => {
    const c = cmd.trim().replace(/^:/, '');
    if (c === 'q' || c === 'quit' || c === 'q!') return exit();
    if (c === 'profiles' || c === 'profile') return setScreen('profiles');
    if (c === 'create' || c === 'new') return readOnly ? say('read-only mode: create is disabled', true) : setScreen('create');
    if (c === 'help') return setOverlay('help');
    if (c) say(`unknown command :${c} (try :profiles, :create, :q)`, true);
  };

  const act = (action: Action) => {
    const target = current();
    const page = Math.max(1, (screen === 'detail' ? frameHeight - headerLines - bottomLines - 1 : listHeight) - 1);
    switch (action) {
      case 'down':
        return screen === 'detail' ? setScroll((s) => Math.min(s + 1, Math.max(0, detailLines.current - 1))) : move((i) => i + 1);
      case 'up':
        return screen === 'detail' ? setScroll((s) => Math.max(0, s - 1)) : move((i) => i - 1);
      case 'top':
        return screen === 'detail' ? setScroll(0) : move(() => 0);
      case 'bottom':
        return screen === 'detail' ? setScroll(Math.max(0, detailLines.current - page)) : move(() => Infinity);
      case 'pageDown':
        return screen === 'detail' ? setScroll((s) => Math.min(s + page, Math.max(0, detailLines.current - page))) : move((i) => i + page);
      case 'pageUp':
        return screen === 'detail' ? setScroll((s) => Math.max(0, s - page)) : move((i) => i - page);
      case 'open':
        if (!target) return;
        setDetailKey(clusterKey(target));
        setScroll(0);
        setRevealed(false);
        return setScreen('detail');
      case 'back':
        if (screen === 'detail') return setScreen('list');
        if (filter) return setFilter('');
        return setMessage(undefined);
      case 'filter':
        return setOverlay('filter');
      case 'command':
        setCommand('');
        return setOverlay('command');
      case 'help':
        return setOverlay('help');
      case 'refresh':
        store.refresh();
        return say('refreshing…');
      case 'sort':
        setSort((s) => SORT_KEYS[(SORT_KEYS.indexOf(s) + 1) % SORT_KEYS.length]!);
        return;
      case 'sortReverse':
        return setReverse((r) => !r);
      case 'create':
        return setScreen('create');
      case 'edit':
        return target && !isReadOnly(target) ? setScreen('edit') : undefined;
      case 'delete':
        return target && !isReadOnly(target) ? setOverlay('delete') : undefined;
      case 'psql':
        return target ? handoff.open(target) : undefined;
      case 'copy':
        if (!target) return;
        try {
          const conn = store.provider(target.profile)?.connection(target);
          if (!conn?.host) return say(`${target.name} has no host yet`, true);
          copyToClipboard(connectionUrl(conn));
          return say(`copied the connection string of ${target.name} (without the password)`);
        } catch (err) {
          return say(describeError(err), true);
        }
      case 'reveal':
        return setRevealed((r) => !r);
      case 'restart':
      case 'promote':
      case 'resetPassword':
        if (!target) return;
        return store.supports(target, action) ? setOverlay(action === 'resetPassword' ? 'reset' : action) : say(store.unsupportedReason(target, action), true);
      case 'profiles':
        return setScreen('profiles');
      case 'quit':
        return exit();
    }
  };

  const keysActive = (screen === 'list' || screen === 'detail') && overlay === 'none' && !handoff.active;
  useKeys((input, key) => {
    if (key.ctrl && input === 'c') return exit();
    const action = actionFor(input, key, screen === 'detail' ? 'detail' : 'list', isReadOnly(current()));
    if (action) act(action);
  }, keysActive);
  useKeys((input, key) => {
    if (key.escape || input === '?' || input === 'q') setOverlay('none');
  }, overlay === 'help' && !handoff.active);

  const confirmed = (what: 'delete' | 'restart' | 'promote' | 'reset') => {
    const c = target;
    setOverlay('none');
    if (!c) return;
    if (what === 'delete') {
      say(`deleting ${c.name}…`);
      store.remove(c).then(() => say(`${c.name} is being deleted`), (err: unknown) => say(describeError(err), true));
    } else if (what === 'promote') {
      store.promote(c).then(() => say(`${c.name} is being promoted to a primary`), (err: unknown) => say(describeError(err), true));
    } else if (what === 'restart') {
      store.restart(c).then(() => say(`${c.name} is restarting`), (err: unknown) => say(describeError(err), true));
    } else {
      store.resetPassword(c).then(
        (pw) => say(`new password for ${c.name} (shown once, stored for psql): ${pw}`),
        (err: unknown) => say(describeError(err), true),
      );
    }
  };

  if (handoff.active) return <Text> </Text>;

  const header = (
    <Header banner={banner} readOnly={readOnly} shown={rows.length} total={snapshot.clusters.length} filter={filter} profiles={snapshot.profiles} width={width} message={message} notice={snapshot.notice} />
  );

  if (screen === 'create') {
    return (
      <Box flexDirection="column">
        {header}
        <CreateCluster store={store} profiles={snapshot.profiles.map((p) => p.profile)} onCancel={() => setScreen('list')} onDone={(c) => {
          setCursorKey(clusterKey(c));
          setScreen('list');
          say(`creating ${c.name}…`);
        }} />
      </Box>
    );
  }
  if (screen === 'edit' && target) {
    return (
      <Box flexDirection="column">
        {header}
        <EditCluster store={store} cluster={target} onCancel={() => setScreen('detail')} onDone={(c) => {
          setScreen('detail');
          say(`change sent to ${c.name}; it shows updating until the provider is done`);
        }} />
      </Box>
    );
  }
  if (screen === 'profiles') {
    return (
      <Box flexDirection="column">
        {header}
        <Profiles store={store} profilesApi={profiles} onBack={() => setScreen('list')} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={frameHeight}>
      {header}
      <Box flexDirection="column" flexGrow={1} overflowY="hidden">
      {overlay === 'help' ? (
        <Help readOnly={readOnly} height={frameHeight - headerLines - bottomLines} width={width} />
      ) : screen === 'detail' && detail ? (
        <ClusterDetail store={store} cluster={detail} revealed={revealed} scroll={scroll} height={frameHeight - headerLines - bottomLines} width={width} onLines={(n) => (detailLines.current = n)} />
      ) : (
        <ClusterTable rows={rows} columns={cols} cursor={cursor} height={listHeight} stale={stale} />
      )}
      </Box>
      {overlay === 'filter' ? (
        <LineInput prompt="/" value={filter} onChange={(v) => {
          setFilter(v);
          setCursorKey(undefined);
        }} onSubmit={() => setOverlay('none')} onCancel={() => {
          setFilter('');
          setOverlay('none');
        }} />
      ) : null}
      {overlay === 'command' ? (
        <LineInput prompt=":" value={command} onChange={setCommand} onSubmit={(v) => {
          setOverlay('none');
          run(v);
        }} onCancel={() => setOverlay('none')} />
      ) : null}
      {overlay === 'delete' && target ? (
        <ConfirmTyped title={`Delete ${target.name} (${target.profile})? This destroys its data.`} expected={target.name} onConfirm={() => confirmed('delete')} onCancel={() => setOverlay('none')} />
      ) : null}
      {overlay === 'restart' && target ? (
        <ConfirmTyped title={`Restart ${target.name}? Connections will drop.`} expected={target.name} onConfirm={() => confirmed('restart')} onCancel={() => setOverlay('none')} />
      ) : null}
      {overlay === 'promote' && target ? (
        <ConfirmTyped title={`Promote ${target.name} to a standalone primary? It stops following its source for good.`} expected={target.name} onConfirm={() => confirmed('promote')} onCancel={() => setOverlay('none')} />
      ) : null}
      {overlay === 'reset' && target ? (
        <ConfirmTyped title={`Reset the password of ${target.name}? The old one stops working.`} expected={target.name} onConfirm={() => confirmed('reset')} onCancel={() => setOverlay('none')} />
      ) : null}
      {overlay === 'none' ? <KeyHints scope={screen === 'detail' ? 'detail' : 'list'} readOnly={isReadOnly(target)} width={width} /> : null}
    </Box>
  );
}
