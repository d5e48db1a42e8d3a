import { liveQuery } from 'dexie';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { Sealer } from './sync/crypto.ts';
import type { OutboxItem } from './sync/types.ts';
import { db } from './db.ts';
import type { FieldKit } from './kit.ts';

export interface FieldState {
  kit: FieldKit;
  sealer: Sealer;
}

export const FieldContext = createContext<FieldState | null>(null);

/** The open session's kit; pages under the field layout render only when one is loaded. */
export function useField(): FieldState {
  const state = useContext(FieldContext);
  if (!state) throw new Error('useField outside a loaded kit');
  return state;
}

/** Re-runs an IndexedDB query whenever the tables it read change (in this tab or another). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(
    () => {
      const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
      return () => subscription.unsubscribe();
    },
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the query depends on, like useEffect itself
    deps,
  );
  return value;
}

/** Every op of the session in creation order: lists, counts and the sync page read this. */
export function useOutbox(sessionId: string): OutboxItem[] | undefined {
  return useLive(() => db.outbox.where('sessionId').equals(sessionId).sortBy('seq'), [sessionId]);
}

const subscribeOnline = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

export const fieldPaths = {
  home: '/luu-dong/',
  setup: '/luu-dong/chuan-bi',
  procedures: '/luu-dong/thu-tuc',
  procedure: (code: string) => `/luu-dong/thu-tuc/${encodeURIComponent(code)}`,
  receive: (code?: string) => `/luu-dong/nhan-ho-so${code ? `?thu-tuc=${encodeURIComponent(code)}` : ''}`,
  dossiers: '/luu-dong/ho-so',
  receipt: (opId: string) => `/luu-dong/ho-so/${encodeURIComponent(opId)}`,
  consult: '/luu-dong/tu-van',
  survey: '/luu-dong/khao-sat',
  sync: '/luu-dong/dong-bo',
  report: '/luu-dong/bao-cao',
};
