// React bindings for the cluster store. The store itself never imports React.
import { useCallback, useSyncExternalStore } from 'react';
import type { ClusterStore, StoreSnapshot, Transition } from './types.js';

export function useStoreSnapshot(store: ClusterStore): StoreSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
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
