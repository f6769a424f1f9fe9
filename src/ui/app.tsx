// The Ink root: the header, the screen the navigation state names (./tui/navigation.ts), the bottom bar with
// its overlays (./tui/BottomBar.tsx, confirmations from ./tui/confirms.ts), the keys (./tui/key-dispatch.ts),
// and the psql handoff. The store reaches the screens through context (./tui/context.tsx).
import { Box, Text } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Cluster } from '../api/core/types.js';
import type { ClusterStore, ProfilesApi, Settings } from '../state/types.js';
import { clusterKey } from '../state/types.js';
import { useStoreSnapshot } from '../state/hooks.js';
import { ClusterTable, windowStart } from './components/ClusterTable.js';
import { SecretBox } from './components/SecretBox.js';
import { FirstRun } from './shell/FirstRun.js';
import { useStatus } from './hooks/status.js';
import { useScopedMessage } from './hooks/scoped-message.js';
import { useQuit } from './shell/quit.js';
import type { ShownSecret } from './shell/ConfirmOverlay.js';
import { copyExactToClipboard } from './terminal/osc52.js';
import { Header } from './components/StatusLine.js';
import { ClusterDetail } from './screens/ClusterDetail.js';
import { Help } from './screens/Help.js';
import { BottomBar } from './shell/BottomBar.js';
import { helpOf } from './registry/screens.js';
import { StoreProvider, useStore } from './shell/context.js';
import { FormScreen, isFormScreen } from './shell/FormScreens.js';
import { useKeyDispatch } from './shell/key-dispatch.js';
import { layoutFor } from './models/layout.js';
import { useListState } from './hooks/list-state.js';
import { columnsFor } from './models/list-view.js';
import { INITIAL_NAV, isConfirm, isInside, navigate } from './shell/navigation.js';
import { InsideScreen } from './shell/InsideScreens.js';
import { usePsqlHandoff } from './terminal/handoff.js';
import { useKeyPacing } from './input/key-pacing.js';
import { useTerminalSize } from './hooks/terminal-size.js';

export interface AppProps {
  store: ClusterStore;
  profiles: ProfilesApi;
  settings: Settings;
  readOnly: boolean;
  launchPsql: (cluster: Cluster) => Promise<number>;
  banner?: string;
  notice?: string;
}

export function App(props: AppProps) {
  return (
    <StoreProvider store={props.store} profiles={props.profiles}>
      <Shell {...props} />
    </StoreProvider>
  );
}

function Shell({ readOnly, launchPsql, banner, notice }: AppProps) {
  const store = useStore();
  // The root that re-renders on every key: key pacing counts its renders.
  useKeyPacing();
  const snapshot = useStoreSnapshot(store);
  const { columns: width, rows: height } = useTerminalSize();
  const [nav, dispatch] = useReducer(navigate, INITIAL_NAV);
  const list = useListState(snapshot.clusters, snapshot.health);
  const status = useStatus(snapshot.clusters, notice);
  const { say, message } = status;
  const clearMessage = status.clear;
  const [secret, setSecret] = useState<ShownSecret>();
  const handoff = usePsqlHandoff(store, launchPsql, say);
  // Refusals and warnings about one place go when the user leaves it (./tui/scoped-message.ts).
  const place = `${nav.screen} ${nav.detailKey && nav.screen !== 'list' ? nav.detailKey : list.selected ? clusterKey(list.selected) : ''}`;
  const sayHere = useScopedMessage(place, status);
  const quit = useQuit(nav, sayHere, !handoff.active);
  const detailLines = useRef(0);

  const stale = useMemo(() => new Set(snapshot.staleProfiles ?? []), [snapshot.staleProfiles]);
  const cols = useMemo(() => columnsFor(width, snapshot.health), [width, snapshot.health]);
  const detail = nav.detailKey ? snapshot.clusters.find((c) => clusterKey(c) === nav.detailKey) : undefined;
  const onCluster = nav.screen === 'detail' || nav.screen === 'edit' || isInside(nav.screen);
  const target = onCluster ? detail : list.selected;
  const isReadOnly = (c?: Cluster) => readOnly || Boolean(c && snapshot.profiles.find((p) => p.profile === c.profile)?.readOnly);
  const failing = snapshot.profiles.filter((p) => p.status === 'error' || p.warning).length;
  const layout = layoutFor(height, failing, Boolean(message), isConfirm(nav.overlay));
  // The window of rows on screen, worked out here so the header can say where it is ("1–20 of 21").
  const windowRef = useRef(0);
  const start = windowStart(list.cursor, Math.max(1, layout.listHeight), list.rows.length, windowRef.current);
  windowRef.current = start;
  const position = list.rows.length > layout.listHeight ? `${start + 1}–${Math.min(list.rows.length, start + layout.listHeight)}` : undefined;

  // A cluster that disappeared (deleted) closes its detail screen, or its edit form.
  useEffect(() => {
    if (onCluster && nav.detailKey && !detail) {
      dispatch({ type: 'gone' });
      say('the cluster is gone');
    }
  }, [onCluster, nav.detailKey, detail, say]);

  const { runCommand } = useKeyDispatch({ store, nav, dispatch, list, detail, layout, detailLines, readOnly, isReadOnly, say: sayHere, tell: say, busy: status.busy, clearMessage, handoff, columns: cols, modal: Boolean(secret), quit: quit.now });

  if (handoff.active) return <Text> </Text>;

  const header = (
    <Header banner={banner} readOnly={readOnly} shown={list.rows.length} total={snapshot.clusters.length} filter={list.filter} faults={list.faultsOnly} profiles={snapshot.profiles} width={width} message={message} notice={snapshot.notice} position={nav.screen === 'list' ? position : undefined} />
  );

  if (isFormScreen(nav)) {
    return (
      <Box flexDirection="column">
        {header}
        <FormScreen nav={nav} dispatch={dispatch} profiles={snapshot.profiles.map((p) => p.profile)} target={target} select={list.select} say={say} busy={status.busy} onQuit={quit.now} onEditing={quit.setEditing} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={layout.frameHeight}>
      {header}
      <Box flexDirection="column" flexGrow={1} overflowY="hidden">
        {secret ? (
          <SecretBox {...secret} width={width} onCopy={() => {
            copyExactToClipboard(secret.secret);
            say('sent the password to the terminal clipboard');
          }} onClose={() => setSecret(undefined)} />
        ) : nav.overlay === 'help' ? (
          <Help entries={helpOf(nav.screen, readOnly)} height={layout.bodyHeight} width={width}
            onClose={() => dispatch({ type: 'close' })} active={!handoff.active} />
        ) : isInside(nav.screen) && detail ? (
          <InsideScreen screen={nav.screen} cluster={detail} height={layout.bodyHeight} width={width} readOnly={isReadOnly(detail)} active={nav.overlay === 'none' && !handoff.active}
            dispatch={dispatch} say={say} busy={status.busy} onQuit={quit.now} onEditing={quit.setEditing} />
        ) : nav.screen === 'detail' && detail ? (
          <ClusterDetail cluster={detail} health={snapshot.health?.get(clusterKey(detail))} revealed={nav.revealed} scroll={nav.scroll} height={layout.bodyHeight} width={width} onLines={(n) => (detailLines.current = n)} />
        ) : (
          <ClusterTable rows={list.rows} columns={cols} cursor={list.cursor} height={layout.listHeight} stale={stale} sort={{ key: list.sort, reverse: list.reverse }} start={start}
            empty={snapshot.profiles.length === 0 ? <FirstRun /> : list.faultsOnly && !list.filter && snapshot.clusters.length > 0 ? 'no faults: every cluster is green (F shows them all)' : list.filter ? `no cluster matches "${list.filter}" (esc clears the filter)` : undefined} />
        )}
      </Box>
      {secret ? null : <BottomBar nav={nav} dispatch={dispatch} list={list} target={target} readOnly={isReadOnly(target)} width={width} runCommand={runCommand} status={status} onSecret={setSecret} />}
    </Box>
  );
}

