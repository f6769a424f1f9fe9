// React bindings for the cluster store. The store itself never imports React.
import { useCallback, useSyncExternalStore } from 'react';
import type { Cluster } from '../api/types.js';
import { clusterKey, type ClusterStore, type ProfileHealth, type StoreSnapshot, type Transition } from './types.js';

export function useStoreSnapshot(store: ClusterStore): StoreSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

export function useClusters(store: ClusterStore): readonly Cluster[] {
  return useStoreSnapshot(store).clusters;
}

export function useProfileHealth(store: ClusterStore): readonly ProfileHealth[] {
  return useStoreSnapshot(store).profiles;
}

/** The cluster with this key, or undefined once it is gone. Stable identity while it is unchanged. */
export function useCluster(store: ClusterStore, key: string): Cluster | undefined {
  const get = useCallback(() => store.getSnapshot().clusters.find((c) => clusterKey(c) === key), [store, key]);
  return useSyncExternalStore(store.subscribe, get, get);
}

const NO_TRANSITIONS: readonly Transition[] = Object.freeze([]);

/** useSyncExternalStore re-renders forever if the snapshot is a new object each call: "none" is one array. */
export function useTimeline(store: ClusterStore, key: string): readonly Transition[] {
  const get = useCallback(() => {
    const t = store.timeline(key);
    return t.length === 0 ? NO_TRANSITIONS : t;
  }, [store, key]);
  return useSyncExternalStore(store.subscribe, get, get);
}
