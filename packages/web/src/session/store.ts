import { toApiError, type ApiClient, type ApiError } from '../api/client.ts';
import type { Me } from '@motcua/core/api';

/** Who is using the app, as the header and the pages that need a login see it. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; me: Me }
  /** /api/me failed for another reason than "not signed in" (offline, server error). */
  | { status: 'error'; error: ApiError };

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Loads once; later calls reuse the answer (or the request in flight). */
  ensureLoaded(): Promise<void>;
  /** Asks the server again, e.g. when a page got a 401 because the session expired. */
  refresh(): Promise<void>;
  /**
   * Ends the session on the server (the client sends the CSRF header). Throws, and stays signed
   * in, if the server did not confirm: on a shared office computer "looks logged out" is not enough.
   */
  signOut(): Promise<void>;
}

/**
 * One answer to /api/me for the whole app, so navigating between pages does not ask again.
 * Login is a full-page OIDC redirect, so the app starts fresh (and asks once) after it.
 */
export function createSessionStore(client: ApiClient): SessionStore {
  let state: SessionState = { status: 'loading' };
  let started = false;
  let inFlight: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const load = (): Promise<void> => {
    started = true;
    inFlight ??= client
      .get<Me>('/api/me')
      .then(
        (me) => set({ status: 'signedIn', me }),
        (error: unknown) => {
          const apiError = toApiError(error);
          set(apiError.status === 401 ? { status: 'anonymous' } : { status: 'error', error: apiError });
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ensureLoaded: () => (started ? (inFlight ?? Promise.resolve()) : load()),
    refresh: () => (inFlight ? inFlight.then(load) : load()),
    async signOut() {
      await client.post('/auth/logout');
      set({ status: 'anonymous' });
    },
  };
}
