import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client.ts';
import { createSessionStore } from './store.ts';

const citizen = {
  kind: 'citizen',
  subject: 's',
  idNumber: '089095001234',
  fullName: 'Nguyễn Văn An',
  birthdate: null,
  gender: null,
  phoneNumber: null,
  address: null,
  communeCode: '30421',
};

/** A fake server: /api/me answers from `me` (null = 401), /auth/logout needs the CSRF header. */
function fakeServer(options: { logoutStatus?: number } = {}) {
  const calls: { method: string; path: string; csrf: string | null }[] = [];
  let me: object | null = citizen;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ method: init?.method ?? 'GET', path, csrf: headers['x-csrf-token'] ?? null });
    if (path === '/api/me') return me ? json(200, me) : json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 });
    if (path === '/auth/logout') {
      if (options.logoutStatus) return json(options.logoutStatus, { type: 'about:blank', title: 'Error', status: options.logoutStatus });
      if (headers['x-csrf-token'] !== 'tok') return json(403, { type: 'about:blank', title: 'Forbidden', status: 403 });
      me = null;
      return new Response(null, { status: 204 });
    }
    return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
  };
  const client = createApiClient({ fetch: fetch as typeof globalThis.fetch, readCookie: (name) => (name === 'motcua_csrf' ? 'tok' : null) });
  return { client, calls, meCalls: () => calls.filter((c) => c.path === '/api/me').length };
}

describe('session store', () => {
  it('asks /api/me once however many parts of the page want it', async () => {
    const server = fakeServer();
    const store = createSessionStore(server.client);
    expect(store.getState().status).toBe('loading');
    await Promise.all([store.ensureLoaded(), store.ensureLoaded()]);
    await store.ensureLoaded();
    expect(store.getState()).toEqual({ status: 'signedIn', me: citizen });
    expect(server.meCalls()).toBe(1);
    await store.refresh();
    expect(server.meCalls()).toBe(2);
  });

  it('logs out with the CSRF header and tells listeners the visitor is anonymous', async () => {
    const server = fakeServer();
    const store = createSessionStore(server.client);
    await store.ensureLoaded();
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getState().status));
    await store.signOut();
    expect(server.calls.find((c) => c.path === '/auth/logout')).toEqual({ method: 'POST', path: '/auth/logout', csrf: 'tok' });
    expect(seen).toEqual(['anonymous']);
    await store.refresh();
    expect(store.getState().status).toBe('anonymous');
  });

  it('stays signed in when the server did not confirm the logout', async () => {
    const server = fakeServer({ logoutStatus: 503 });
    const store = createSessionStore(server.client);
    await store.ensureLoaded();
    await expect(store.signOut()).rejects.toMatchObject({ status: 503 });
    expect(store.getState().status).toBe('signedIn');
  });

  it('tells "not signed in" apart from "could not ask"', async () => {
    const offline = createSessionStore(
      createApiClient({
        fetch: (async () => {
          throw new TypeError('Failed to fetch');
        }) as typeof fetch,
      }),
    );
    await offline.ensureLoaded();
    expect(offline.getState()).toMatchObject({ status: 'error', error: { status: 0 } });
  });
});
