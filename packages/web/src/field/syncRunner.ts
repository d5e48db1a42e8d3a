import { readBrowserCookie, CSRF_COOKIE, CSRF_HEADER } from '../api/client.ts';
import { fieldNow, noteReading } from './clock.ts';
import { dexieStore } from './db.ts';
import type { FieldKit } from './kit.ts';
import type { Sealer } from './sync/crypto.ts';
import { syncSession, type SyncOutcome } from './sync/engine.ts';
import type { FieldFetch } from './sync/http.ts';

/**
 * Field calls carry the offline credential and NO cookies: a live session cookie without the CSRF
 * header would be refused, and the credential alone is what works days later. Once it has
 * expired, the official signs in again and the same calls go with the session (cookie + CSRF).
 */
function fieldFetch(kit: FieldKit, mode: 'credential' | 'session'): FieldFetch {
  return (path, init) => {
    const headers = { ...init.headers };
    if (mode === 'credential') headers[kit.credential.header] = kit.credential.token;
    else {
      const csrf = readBrowserCookie(CSRF_COOKIE);
      if (csrf) headers[CSRF_HEADER] = csrf;
    }
    return fetch(path, {
      method: init.method,
      headers,
      body: init.body as BodyInit | undefined,
      credentials: mode === 'credential' ? 'omit' : 'same-origin',
      cache: 'no-store',
    });
  };
}

let running: Promise<SyncOutcome> | null = null;
let last: SyncOutcome | null = null;
const listeners = new Set<(busy: boolean) => void>();

export const syncBusy = () => running !== null;
/** How the latest run ended (automatic or not), for the sync page. */
export const lastOutcome = () => last;
export function onSyncBusy(listener: (busy: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * One sync at a time per device: a second request (the button pressed while the automatic sync
 * on reconnect runs) joins the running one; Web Locks keep two tabs from sending at once.
 */
export function runSync(kit: FieldKit, sealer: Sealer, manual: boolean): Promise<SyncOutcome> {
  if (running) return running;
  const once = async (): Promise<SyncOutcome> => {
    const expired = Date.parse(kit.credential.expiresAt) <= fieldNow().getTime();
    const go = (mode: 'credential' | 'session') =>
      syncSession({
        store: dexieStore,
        sealer,
        fetch: fieldFetch(kit, mode),
        sessionId: kit.session.id,
        maxOpsPerBatch: kit.sync.maxOpsPerBatch,
        respectBackoff: !manual,
        onClock: noteReading,
      });
    const first = await go(expired ? 'session' : 'credential');
    // A refused credential (expired, revoked with a re-issued kit): a signed-in session still works.
    if (!first.auth || expired) return first;
    const second = await go('session');
    return {
      ...second,
      applied: first.applied + second.applied,
      duplicate: first.duplicate + second.duplicate,
      rejected: first.rejected + second.rejected,
      conflict: first.conflict + second.conflict,
      revived: first.revived + second.revived,
    };
  };
  const locked = (): Promise<SyncOutcome> => (navigator.locks ? navigator.locks.request('motcua-field-sync', () => once()).then((r) => r) : once());
  const current = locked()
    .then((outcome) => (last = outcome))
    .finally(() => {
      running = null;
      listeners.forEach((l) => l(false));
    });
  running = current;
  listeners.forEach((l) => l(true));
  return current;
}
