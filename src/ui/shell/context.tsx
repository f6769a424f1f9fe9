// The store and the profiles API reach every screen through React context, not through props passed down
// App → screen. The App provides them; screen tests wrap a screen with the same provider (test/screens/render.tsx).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ClusterStore, ProfilesApi } from '../../state/types.js';

interface Services {
  store: ClusterStore;
  profiles: ProfilesApi;
}

const ServicesContext = createContext<Services | undefined>(undefined);

export function StoreProvider({ store, profiles, children }: Services & { children: ReactNode }) {
  const value = useMemo(() => ({ store, profiles }), [store, profiles]);
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('a screen was rendered outside <StoreProvider>');
  return services;
}

export const useStore = (): ClusterStore => useServices().store;
export const useProfilesApi = (): ProfilesApi => useServices().profiles;
