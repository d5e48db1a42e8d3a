import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loadConfig } from '../../platform/config.ts';
import { TestBrowser, formAction, freePort, hiddenInputs } from './test-browser.ts';

/**
 * A different provider entirely: a separate oidc-provider on its own port with its stock
 * development login and consent pages, its own client and its own people. The app is pointed at
 * it only through OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET.
 */
let other: Server;
let otherIssuer: string;
let t: TestContext;
let base: string;

beforeAll(async () => {
  const [idpPort, appPort] = [await freePort(), await freePort()];
  otherIssuer = `http://127.0.0.1:${idpPort}`;
  base = `http://127.0.0.1:${appPort}`;
  const provider = new Provider(otherIssuer, {
    clients: [
      {
        client_id: 'motcua-province',
        client_secret: 'a-different-secret',
        redirect_uris: [`${base}/auth/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'birthdate'], vneid: ['id_number', 'commune_code'] },
    scopes: ['openid', 'profile', 'vneid'],
    // The stock pages take any login name; the "person" behind it is made up here.
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        claims: async () => ({ sub, id_number: '001099012345', name: `Hà Minh ${sub}`, birthdate: '1999-01-01', commune_code: '00004' }),
      };
    },
  });
  other = provider.listen(idpPort);

  const identity = loadConfig({ OIDC_ISSUER: otherIssuer, OIDC_CLIENT_ID: 'motcua-province', OIDC_CLIENT_SECRET: 'a-different-secret' }).identity;
  t = await startTestApp({ config: { port: appPort, publicUrl: base, identity } });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => other?.close(resolve));
});

describe('a configured external OpenID Connect provider', () => {
  it('logs a citizen in through the other provider without code changes', async () => {
    const browser = new TestBrowser();
    const login = await browser.follow(`${base}/auth/login?returnTo=/ho-so`);
    expect(new URL(login.url).origin).toBe(otherIssuer);
    expect(login.res.status).toBe(200);
    const loginHtml = await login.res.text();
    const afterLogin = await browser.request(formAction(loginHtml, login.url), { form: { ...hiddenInputs(loginHtml), login: 'tester', password: 'anything' } });
    expect(afterLogin.status).toBe(303);

    const consent = await browser.follow(new URL(afterLogin.headers.get('location')!, login.url).href);
    expect(consent.res.status).toBe(200);
    const consentHtml = await consent.res.text();
    const afterConsent = await browser.request(formAction(consentHtml, consent.url), { form: hiddenInputs(consentHtml) });
    expect(afterConsent.status).toBe(303);

    const back = await browser.follow(new URL(afterConsent.headers.get('location')!, consent.url).href, (next) => next.pathname === '/ho-so');
    expect(back.url).toBe(`${base}/ho-so`);
    const me = await browser.request(`${base}/api/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'citizen', subject: 'tester', idNumber: '001099012345', fullName: 'Hà Minh tester', communeCode: '00004' });
  });

  it('has no built-in provider then', async () => {
    for (const path of ['/dev-idp/.well-known/openid-configuration', '/dev-idp/auth', '/dev-idp/interaction/x']) {
      expect((await fetch(`${base}${path}`, { redirect: 'manual' })).status, path).toBe(404);
    }
  });
});
