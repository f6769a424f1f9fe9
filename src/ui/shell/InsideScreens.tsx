// The screen inside one cluster that the navigation state names, drawn by its registry row's component
// (./inside-screens.ts). Each has its own keys while it is open and fetches only then.
import type { Dispatch } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { rowOf, type InsideScreen as Screen } from '../registry/screens.js';
import type { NavEvent } from './navigation.js';
import type { Status } from '../hooks/status.js';

export interface InsideScreenProps {
  screen: Screen;
  cluster: Cluster;
  height: number;
  width: number;
  readOnly: boolean;
  active: boolean;
  dispatch: Dispatch<NavEvent>;
  say: (text: string, error?: boolean) => void;
  busy: Status['busy'];
  onQuit: () => void;
  onEditing?: (editing: boolean) => void;
}

export function InsideScreen({ screen, dispatch, onQuit, ...rest }: InsideScreenProps) {
  const Component = rowOf(screen).inside!.component;
  return <Component {...rest} onBack={() => dispatch({ type: 'back' })} onHelp={() => dispatch({ type: 'overlay', overlay: 'help' })} onQuit={onQuit} />;
}
