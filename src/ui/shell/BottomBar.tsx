// The line(s) under the list and detail screens: the filter or command prompt, a typed confirmation, or the
// key hints when nothing is open.
import { useState, type Dispatch } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { KeyHints } from '../components/KeyHints.js';
import { LineInput } from '../components/LineInput.js';
import { ConfirmOverlay, type ShownSecret } from './ConfirmOverlay.js';
import { useStore } from './context.js';
import type { Status } from '../hooks/status.js';
import type { ListState } from '../hooks/list-state.js';
import { isConfirm, type NavEvent, type NavState } from './navigation.js';
import { rowOf } from '../registry/screens.js';

export interface BottomBarProps {
  nav: NavState;
  dispatch: Dispatch<NavEvent>;
  list: ListState;
  /** The cluster the keys act on (the detail screen's, or the one under the cursor). */
  target?: Cluster;
  readOnly: boolean;
  width: number;
  runCommand: (typed: string) => void;
  status: Pick<Status, 'busy'>;
  onSecret: (shown: ShownSecret) => void;
}

export function BottomBar({ nav, dispatch, list, target, readOnly, width, runCommand, status, onSecret }: BottomBarProps) {
  const store = useStore();
  const close = () => dispatch({ type: 'close' });
  const { overlay } = nav;
  if (overlay === 'filter') {
    return <LineInput prompt="/" value={list.filter} selectOnOpen onChange={list.setFilter} onSubmit={close} onCancel={() => {
      list.clearFilter();
      close();
    }} />;
  }
  if (overlay === 'command') return <CommandLine onClose={close} runCommand={runCommand} />;
  if (isConfirm(overlay)) return target ? <ConfirmOverlay key={overlay} kind={overlay} cluster={target} onClose={close} status={status} onSecret={onSecret} /> : null;
  // A screen with a form draws its own keys.
  if (overlay === 'none' && !rowOf(nav.screen).ownFooter) return <KeyHints bindings={rowOf(nav.screen).keys} readOnly={readOnly} width={width} supports={target ? (cap) => store.supports(target, cap) : undefined} />;
  return null;
}

/** The `:` prompt; it starts empty every time it opens. */
function CommandLine({ onClose, runCommand }: { onClose: () => void; runCommand: (typed: string) => void }) {
  const [command, setCommand] = useState('');
  return <LineInput prompt=":" value={command} onChange={setCommand} onSubmit={(typed) => {
    onClose();
    runCommand(typed);
  }} onCancel={onClose} />;
}
