// One row of the confirmations table (./confirms.ts) as a typed confirmation: once the name is typed the
// intent runs with a spinner on the status line until it is done (./status.ts); a secret it returns opens in a box.
import type { Cluster } from '../../api/core/types.js';
import { ConfirmTyped } from '../components/ConfirmTyped.js';
import { CONFIRMS } from '../registry/confirms.js';
import { useStore } from './context.js';
import type { ConfirmKind } from './navigation.js';
import type { Status } from '../hooks/status.js';

export interface ShownSecret {
  secret: string;
  title: string;
  note: string;
}

export interface ConfirmOverlayProps {
  kind: ConfirmKind;
  cluster: Cluster;
  onClose: () => void;
  status: Pick<Status, 'busy'>;
  onSecret: (shown: ShownSecret) => void;
}

export function ConfirmOverlay({ kind, cluster, onClose, status, onSecret }: ConfirmOverlayProps) {
  const store = useStore();
  const spec = CONFIRMS[kind];
  const confirm = () => {
    onClose();
    const done = spec.run(store, cluster).then((result) => {
      if (typeof result === 'string') return result;
      onSecret(result);
      return { text: `the password of ${cluster.name} is reset` };
    });
    status.busy(spec.pending(cluster), done, spec.watch?.(cluster));
  };
  return <ConfirmTyped title={spec.title(cluster)} expected={spec.expected(cluster)} untouched={spec.untouched} onConfirm={confirm} onCancel={onClose} />;
}
