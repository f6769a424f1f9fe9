// The full-screen screens the navigation state can show instead of the list: create, edit, profiles, journal. Each
// returns to where it came from and reports on the status line.
import type { Dispatch } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { clusterKey } from '../../state/types.js';
import { CreateCluster } from '../screens/CreateCluster.js';
import { changeSentText, EditCluster } from '../screens/EditCluster.js';
import { Profiles } from '../screens/Profiles.js';
import { Journal } from '../screens/Journal.js';
import type { NavEvent, NavState } from './navigation.js';
import { isForm } from '../registry/screens.js';
import { differsFrom, untilSettled, type Status } from '../hooks/status.js';

export interface FormScreenProps {
  nav: NavState;
  dispatch: Dispatch<NavEvent>;
  /** Profile names, offered by the create form. */
  profiles: string[];
  /** The cluster being edited. */
  target?: Cluster;
  /** Puts the list cursor on a cluster (the one just created). */
  select: (key: string) => void;
  say: (text: string, error?: boolean) => void;
  /** Work in flight on the status line (./status.ts): a create runs until the cluster is ready. */
  busy: Status['busy'];
  onQuit: () => void;
  /** The profiles screen says whether one of its forms is open. */
  onEditing: (editing: boolean) => void;
}

/** The form for the current screen, or null on the list and detail screens. */
export function FormScreen({ nav, dispatch, profiles, target, select, busy, onQuit, onEditing }: FormScreenProps) {
  switch (nav.screen) {
    case 'create':
      return <CreateCluster profiles={profiles} onCancel={() => dispatch({ type: 'show', screen: 'list' })} onDone={(c) => {
        select(clusterKey(c));
        dispatch({ type: 'show', screen: 'list' });
        busy(`creating ${c.name}…`, undefined, untilSettled(c, (now) => (now.phase === 'ready' ? { text: `${c.name} is ready` } : { text: `${c.name} is ${now.phase}`, error: now.phase === 'failed' }), false));
      }} />;
    case 'edit':
      return target ? <EditCluster cluster={target} onCancel={() => dispatch({ type: 'show', screen: 'detail' })} onDone={(c) => {
        dispatch({ type: 'show', screen: 'detail' });
        busy(changeSentText(c), undefined, untilSettled(c, (now) => ({ text: `${c.name}: change applied; it is ${now.phase}`, error: now.phase === 'failed' }), true, differsFrom(target)));
      }} /> : null;
    case 'journal':
      return <Journal onBack={() => dispatch({ type: 'show', screen: 'list' })} onQuit={onQuit} />;
    case 'profiles':
      return <Profiles onBack={() => dispatch({ type: 'show', screen: 'list' })} onQuit={onQuit} onEditing={onEditing} />;
    default:
      return null;
  }
}

export const isFormScreen = (nav: NavState) => isForm(nav.screen);
