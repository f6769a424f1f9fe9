// The screens inside one cluster, opened from its detail screen or the list's row: logs, metrics, slow queries,
// settings, the raw object, backups and restore, health. Each has its own keys while it is open (its keymap scope)
// and fetches only then.
import type { Dispatch } from 'react';
import type { Cluster } from '../api/types.js';
import { Logs } from '../screens/Logs.js';
import { Metrics } from '../screens/Metrics.js';
import { SlowQueries } from '../screens/SlowQueries.js';
import { Settings } from '../screens/Settings.js';
import { RawView } from '../screens/RawView.js';
import { Backups } from '../screens/Backups.js';
import { Health } from '../screens/Health.js';
import type { InsideScreen as Screen, NavEvent } from './navigation.js';
import type { Status } from './status.js';

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
  const common = { ...rest, onBack: () => dispatch({ type: 'back' }), onHelp: () => dispatch({ type: 'overlay', overlay: 'help' }), onQuit };
  switch (screen) {
    case 'logs':
      return <Logs {...common} />;
    case 'metrics':
      return <Metrics {...common} />;
    case 'slow':
      return <SlowQueries {...common} />;
    case 'settings':
      return <Settings {...common} />;
    case 'raw':
      return <RawView {...common} />;
    case 'backups':
      return <Backups {...common} />;
    case 'health':
      return <Health {...common} />;
  }
}
