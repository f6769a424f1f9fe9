// Whether a cluster's profile is protected (docs/plans.md): its changes want the cluster's name typed.
import type { Cluster } from '../../api/core/types.js';
import type { ClusterStore } from '../../state/types.js';

export function isProtected(store: Pick<ClusterStore, 'getSnapshot'>, cluster: Pick<Cluster, 'profile'>): boolean {
  return store.getSnapshot().profiles.find((p) => p.profile === cluster.profile)?.protection === 'protected';
}
