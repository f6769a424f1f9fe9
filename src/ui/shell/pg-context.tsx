// How a Postgres screen opens its session (docs/postgres.md, "Screens"): where `p` connects, verify-full with the
// cached CA when the App knows the config directory, and the password the user typed this run (memory only).
// The session module (and with it the driver) is imported only when a screen opens one.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Cluster } from '../../api/core/types.js';
import type { PgSession } from '../../pg/session.js';
import { clusterKey } from '../../state/types.js';
import { useStore } from './context.js';

export type PgOpener = (cluster: Cluster, password?: string) => Promise<PgSession>;

interface PgServices {
  configDir?: string;
  /** Tests: open sessions another way. */
  open?: PgOpener;
}

const PgContext = createContext<PgServices>({});

export function PgProvider({ configDir, open, children }: PgServices & { children: ReactNode }) {
  const value = useMemo(() => ({ configDir, open }), [configDir, open]);
  return <PgContext.Provider value={value}>{children}</PgContext.Provider>;
}

/** Passwords typed at the prompt this run, per cluster: asked once, never written anywhere. */
const typed = new Map<string, string>();
export const typedPassword = (cluster: Cluster): string | undefined => typed.get(clusterKey(cluster));
export const rememberPassword = (cluster: Cluster, password: string): void => void typed.set(clusterKey(cluster), password);
export const forgetPassword = (cluster: Cluster): void => void typed.delete(clusterKey(cluster));

export function usePgOpener(): PgOpener {
  const store = useStore();
  const { configDir, open } = useContext(PgContext);
  return useMemo<PgOpener>(
    () =>
      open ??
      (async (cluster, password) => {
        // --demo: openPgSession waits for the demo's PostgreSQL and its logins before it reads the connection.
        const { openPgSession, PgSessionError } = await import('../../pg/session.js');
        const provider = store.provider(cluster.profile);
        if (!provider) throw new PgSessionError(`no provider for profile ${cluster.profile}`, 'unreachable');
        return openPgSession(cluster, provider, { configDir, password });
      }),
    [store, configDir, open],
  );
}
