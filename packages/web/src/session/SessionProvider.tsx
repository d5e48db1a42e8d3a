import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { createSessionStore, type SessionState, type SessionStore } from './store.ts';

const SessionContext = createContext<SessionStore | null>(null);

/** Holds the app's one session store; pass `store` to inject another (tests, previews). */
export function SessionProvider({ children, store }: { children: ReactNode; store?: SessionStore }) {
  const [own] = useState(() => store ?? createSessionStore(api));
  return <SessionContext.Provider value={own}>{children}</SessionContext.Provider>;
}

export type Session = SessionState & Pick<SessionStore, 'refresh' | 'signOut'>;

/**
 * The signed-in person, loaded on first use only: pages that never ask (the offline field app)
 * never call /api/me.
 */
export function useSession(): Session {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession outside SessionProvider');
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useEffect(() => {
    void store.ensureLoaded();
  }, [store]);
  return { ...state, refresh: store.refresh, signOut: store.signOut };
}
