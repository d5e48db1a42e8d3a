import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { buildApp } from '../../app.ts';
import { accessTable } from '../../platform/access.ts';
import { loadConfig } from '../../platform/config.ts';
import { rateLimitFor } from './rate-limits.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/**
 * Paths and methods as Fastify's router prints them (a tree: each level is indented by four
 * characters and holds the segment after its parent), independent of the access table.
 */
function printedRoutes(text: string): { url: string; methods: string[] }[] {
  const out: { url: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.*?)[├└]── (\S*) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    out.push({ url: stack.join(''), methods: m[3]!.split(', ') });
  }
  return out;
}

describe('every route declares who may call it', () => {
  it('walks the route table: each route has a rule or is a third-party/provider route', () => {
    const table = accessTable(t.app);
    const printed = printedRoutes(t.app.printRoutes({ commonPrefix: false }));
    expect(printed.length).toBeGreaterThan(20);
    for (const route of printed) {
      for (const method of route.methods) {
        // The router prints wildcard routes without their prefix; match them by the wildcard.
        const entry = route.url.endsWith('*')
          ? table.find((e) => e.url.endsWith('*') && e.method === method && (route.url === '*' || e.url.endsWith(route.url)))
          : table.find((e) => e.url === route.url && e.method === method);
        // Only the API docs UI is registered before access control is installed (and it is public).
        if (!entry && /^\/docs(\/|$)/.test(route.url)) continue;
        expect(entry, `${method} ${route.url} is missing from the access table`).toBeDefined();
        expect(entry!.access !== null || entry!.exempt, `${method} ${route.url} has no rule`).toBe(true);
      }
    }
    const rule = (url: string, method = 'GET') => table.find((e) => e.url === url && e.method === method)?.access;
    expect(rule('/api/me')).toBe('authenticated');
    expect(rule('/api/office/tokens', 'POST')).toEqual({ roles: ['commune_admin', 'system_admin'] });
    expect(rule('/auth/login')).toBe('public');
  });

  it('enforces the rules: anonymous callers get 401 from every non-public route', async () => {
    const guarded = accessTable(t.app).filter((e) => e.access !== null && e.access !== 'public' && e.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(5);
    for (const e of guarded) {
      const url = e.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*/g, 'x');
      const r = await t.app.inject({ method: e.method as 'GET', url });
      expect(r.statusCode, `${e.method} ${e.url}`).toBe(401);
    }
  });

  it('refuses to start when a route forgets its rule', async () => {
    const app = await buildApp(t.ctx);
    void app.register(async (scope) => {
      scope.get('/api/forgotten', async () => 'open to everyone');
    });
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten declares no access rule/);
    await app.close().catch(() => undefined);
  });
});

describe('rate limits', () => {
  let limited: TestContext;
  beforeAll(async () => {
    const identity = { ...loadConfig({}).identity, rateLimitLoginPerMinute: 2, rateLimitLookupPerMinute: 3 };
    limited = await startTestApp({ config: { identity } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('covers login and public look-up routes, not the rest', () => {
    const cfg = limited.config.identity;
    expect(rateLimitFor('/auth/login', cfg)?.max).toBe(2);
    expect(rateLimitFor('/dev-idp/interaction/:uid/login', cfg)?.max).toBe(2);
    expect(rateLimitFor('/api/lookup', cfg)?.max).toBe(3);
    expect(rateLimitFor('/api/units/resolve', cfg)?.max).toBe(3);
    expect(rateLimitFor('/api/units', cfg)).toBeUndefined();
  });

  async function hitUntilLimited(url: string, method: 'GET' | 'POST' = 'GET') {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await limited.app.inject({ method, url, remoteAddress: '203.0.113.7' })).statusCode);
    return statuses;
  }

  it('answers 429 problem+json in Vietnamese and English once the address exceeds the limit', async () => {
    const statuses = await hitUntilLimited(`/api/units/resolve?address=${encodeURIComponent('Xã Long Hòa, huyện Phú Tân')}`);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    const r = await limited.app.inject({ method: 'GET', url: '/api/units/resolve?address=Ph%C3%BA%20L%C3%A2m', remoteAddress: '203.0.113.7' });
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.headers['retry-after']).toBeDefined();
    expect(r.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(r.json().detailVi).toMatch(/thử lại/);
    // Another address is not affected.
    expect((await limited.app.inject({ method: 'GET', url: '/api/units/resolve?address=Ph%C3%BA%20L%C3%A2m', remoteAddress: '198.51.100.9' })).statusCode).toBe(
      200,
    );
  });

  it('limits the dossier look-up, the login start and the provider login form', async () => {
    expect((await hitUntilLimited('/api/lookup?code=X')).slice(3)).toEqual([429, 429, 429]);
    expect((await hitUntilLimited('/auth/login')).slice(2)).toEqual([429, 429, 429, 429]);
    expect((await hitUntilLimited('/dev-idp/interaction/abc/login', 'POST')).slice(2)).toEqual([429, 429, 429, 429]);
  });
});
