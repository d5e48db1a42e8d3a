import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loadConfig } from '../../platform/config.ts';
import { TestBrowser, formAction, freePort, hiddenInputs } from './test-browser.ts';

/**
 * Every way the identity provider's side of a login can fail ends in a problem a citizen can read
 * (4xx, or 503 "try later"), never a 500. The provider is a real oidc-provider on its own port (as
 * VNeID would be), made to fail at one step at a time by a Koa middleware in front of it.
 */
type Mode = 'ok' | 'userinfo-challenge' | 'userinfo-broken' | 'token-refused' | 'token-unreachable' | 'no-cccd';
let mode: Mode = 'ok';
let idp: Server;
let issuer: string;
let t: TestContext;
let base: string;

beforeAll(async () => {
  const [idpPort, appPort] = [await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${idpPort}`;
  base = `http://127.0.0.1:${appPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'motcua-test',
        client_secret: 'test-secret',
        redirect_uris: [`${base}/auth/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], vneid: ['id_number'] },
    scopes: ['openid', 'profile', 'vneid'],
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        claims: async () => (mode === 'no-cccd' ? { sub, name: 'Không Có Số' } : { sub, id_number: '001099012345', name: 'Hà Minh Thư' }),
      };
    },
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === '/me' && mode === 'userinfo-challenge') {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer error="invalid_token", error_description="access token revoked"');
      return;
    }
    if (ctx.path === '/me' && mode === 'userinfo-broken') {
      ctx.status = 502;
      ctx.body = '<html>Bad Gateway</html>';
      return;
    }
    if (ctx.path === '/token' && mode === 'token-refused') {
      ctx.status = 400;
      ctx.body = { error: 'invalid_grant', error_description: 'grant request is invalid' };
      return;
    }
    if (ctx.path === '/token' && mode === 'token-unreachable') {
      ctx.req.socket.destroy();
      return;
    }
    await next();
  });
  idp = provider.listen(idpPort);
  const identity = loadConfig({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'motcua-test', OIDC_CLIENT_SECRET: 'test-secret' }).identity;
  t = await startTestApp({ config: { port: appPort, publicUrl: base, identity } });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

/** Logs in at the provider's stock pages and returns the app's answer to the callback. */
async function loginWith(m: Mode): Promise<{ status: number; body: Record<string, unknown>; browser: TestBrowser }> {
  mode = 'ok';
  const browser = new TestBrowser();
  const login = await browser.follow(`${base}/auth/login`);
  const loginHtml = await login.res.text();
  const afterLogin = await browser.request(formAction(loginHtml, login.url), { form: { ...hiddenInputs(loginHtml), login: `citizen-${m}`, password: 'x' } });
  const consent = await browser.follow(new URL(afterLogin.headers.get('location')!, login.url).href);
  const consentHtml = await consent.res.text();
  const afterConsent = await browser.request(formAction(consentHtml, consent.url), { form: hiddenInputs(consentHtml) });
  const toCallback = await browser.follow(new URL(afterConsent.headers.get('location')!, consent.url).href, (next) => next.pathname === '/auth/callback');
  mode = m;
  const res = await browser.request(toCallback.url);
  mode = 'ok';
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : { text }, browser };
}

describe('identity provider failures during login', () => {
  it('logs in when nothing fails (the harness works)', async () => {
    const r = await loginWith('ok');
    expect(r.status).toBe(303);
    expect(r.browser.cookie('motcua_session')).toBeTruthy();
  });

  it('a user-info call refused with a WWW-Authenticate challenge is "login failed", not a 500', async () => {
    const r = await loginWith('userinfo-challenge');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'login_failed', detailVi: 'Đăng nhập không thành công, vui lòng thử lại.' });
    expect(r.browser.cookie('motcua_session')).toBeUndefined();
  });

  it('a provider whose user-info endpoint is broken (5xx) is "unavailable, try later"', async () => {
    const r = await loginWith('userinfo-broken');
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'identity_provider_unavailable' });
  });

  it('a refused code exchange is "login failed"', async () => {
    const r = await loginWith('token-refused');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'login_failed' });
  });

  it('a token endpoint that hangs up is "unavailable, try later"', async () => {
    const r = await loginWith('token-unreachable');
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'identity_provider_unavailable' });
  });

  it('claims without a CCCD are a clear 400', async () => {
    const r = await loginWith('no-cccd');
    expect(r.status).toBe(400);
    expect(String(r.body.detailVi)).toMatch(/CCCD/);
  });

  it('a login the person cancelled at the provider says so', async () => {
    const browser = new TestBrowser();
    const start = await browser.request(`${base}/auth/login`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await browser.request(`${base}/auth/callback?error=access_denied&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(issuer)}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'login_cancelled' });
  });

  it('a provider that cannot be reached at all is "unavailable, try later"', async () => {
    const dead = await startTestApp({
      config: {
        publicUrl: base,
        identity: loadConfig({ OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }).identity,
      },
    });
    try {
      const r = await dead.app.inject({ method: 'GET', url: '/auth/login' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ code: 'identity_provider_unavailable' });
    } finally {
      await dead.close();
    }
  });
});
