// One row of the confirmations table (./confirms.ts) as a typed confirmation: once the name is typed the
// intent runs and the status line reports how it went.
import type { Cluster } from '../api/types.js';
import { ConfirmTyped } from '../components/ConfirmTyped.js';
import { CONFIRMS } from './confirms.js';
import { useStore } from './context.js';
import { errorText } from './errors.js';
import type { ConfirmKind } from './navigation.js';

export interface ConfirmOverlayProps {
  kind: ConfirmKind;
  cluster: Cluster;
  onClose: () => void;
  say: (text: string, error?: boolean) => void;
}

export function ConfirmOverlay({ kind, cluster, onClose, say }: ConfirmOverlayProps) {
  const store = useStore();
  const spec = CONFIRMS[kind];
  const confirm = () => {
    onClose();
    const pending = spec.pending?.(cluster);
    if (pending) say(pending);
    spec.run(store, cluster).then(
      (done) => say(done),
      (err: unknown) => say(errorText(err), true),
    );
  };
  return <ConfirmTyped title={spec.title(cluster)} expected={spec.expected(cluster)} onConfirm={confirm} onCancel={onClose} />;
}
