import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { TestBrowser, formAction, freePort } from './test-browser.ts';

let t: TestContext;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await startTestApp({ config: { port, publicUrl: base } });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
});

/** Walks the real redirect flow: app → built-in provider → login page → (automatic consent) → app. */
async function logIn(browser: TestBrowser, form: Record<string, string>, returnTo = '/ho-so-cua-toi') {
  const toPage = await browser.follow(`${base}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(toPage.res.status).toBe(200);
  expect(new URL(toPage.url).pathname).toMatch(/^\/dev-idp\/interaction\//);
  const html = await toPage.res.text();
  const submitted = await browser.request(formAction(html, toPage.url, form.identifier ? 1 : 0), { form });
  expect(submitted.status).toBe(303);
  const back = await browser.follow(new URL(submitted.headers.get('location')!, toPage.url).href, (next) => next.pathname === returnTo.split('?')[0]);
  return { html, landed: back.url, setCookies: back.res.headers.getSetCookie() };
}

describe('OpenID Connect login against the built-in development provider', () => {
  it('publishes discovery at /dev-idp with the app-relative issuer', async () => {
    const r = await fetch(`${base}/dev-idp/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    const doc = (await r.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(`${base}/dev-idp`);
    expect(doc.authorization_endpoint).toBe(`${base}/dev-idp/auth`);
    expect(doc.code_challenge_methods_supported).toContain('S256');
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['id_number', 'commune_code', 'motcua_official']));
  });

  it('logs a citizen in by picking a demo person; /api/me shows the CCCD and address', async () => {
    const browser = new TestBrowser();
    expect((await browser.request(`${base}/api/me`)).status).toBe(401);
    const { html, landed, setCookies } = await logIn(browser, { account: '089095001234' });
    const session = setCookies.find((c) => c.startsWith('motcua_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i); // http publicUrl; https turns Secure on
    expect(setCookies.find((c) => c.startsWith('motcua_csrf='))).not.toMatch(/HttpOnly/i);
    expect(html).toContain('lang="vi"');
    expect(html).toMatch(/không phải VNeID/);
    expect(landed).toBe(`${base}/ho-so-cua-toi`);
    expect(browser.cookie('motcua_session')).toBeTruthy();
    expect(browser.cookie('motcua_csrf')).toBeTruthy();
    const me = await browser.request(`${base}/api/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      kind: 'citizen',
      idNumber: '089095001234',
      fullName: 'Nguyễn Văn An',
      birthdate: '1995-03-12',
      communeCode: '30421',
      address: { locality: 'Xã Phú Lâm' },
    });
  });

  it('logs an official in with username and demo password; /api/me shows roles and units', async () => {
    const browser = new TestBrowser();
    await logIn(browser, { identifier: 'hoadien.quantri', password: 'motcua-demo' }, '/can-bo');
    const me = await (await browser.request(`${base}/api/me`)).json();
    expect(me).toMatchObject({
      kind: 'official',
      username: 'hoadien.quantri',
      fullName: 'Ngô Thị Tuyết Mai',
      roles: ['commune_admin'],
      unitCodes: ['30790'],
      via: 'session',
    });
  });

  it('refuses a wrong password on the provider page and never reaches the app', async () => {
    const browser = new TestBrowser();
    const page = await browser.follow(`${base}/auth/login`);
    const r = await browser.request(formAction(await page.res.text(), page.url, 1), { form: { identifier: '089095001234', password: 'sai-mat-khau' } });
    expect(r.status).toBe(401);
    expect(await r.text()).toMatch(/role="alert"/);
    expect(browser.cookie('motcua_session')).toBeUndefined();
  });

  it('sends people only back to a path on this site', async () => {
    const browser = new TestBrowser();
    const { landed } = await logIn(browser, { account: '091201002345' }, '/');
    expect(landed).toBe(`${base}/`);
    const evil = new TestBrowser();
    const toPage = await evil.follow(`${base}/auth/login?returnTo=${encodeURIComponent('//evil.example/x')}`);
    const submitted = await evil.request(formAction(await toPage.res.text(), toPage.url), { form: { account: '091201002345' } });
    const back = await evil.follow(
      new URL(submitted.headers.get('location')!, toPage.url).href,
      (next) => next.origin !== new URL(base).origin || (!next.pathname.startsWith('/dev-idp') && !next.pathname.startsWith('/auth')),
    );
    expect(back.url).toBe(`${base}/`);
  });

  it('refuses a callback replayed without the login cookie, and logs out', async () => {
    const browser = new TestBrowser();
    await logIn(browser, { account: '089190004567' });
    const bare = await fetch(`${base}/auth/callback?code=abc&state=def`, { redirect: 'manual' });
    expect(bare.status).toBe(400);
    const csrf = browser.cookie('motcua_csrf')!;
    const out = await browser.request(`${base}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(browser.cookie('motcua_session')).toBeUndefined();
    expect((await browser.request(`${base}/api/me`)).status).toBe(401);
    // The provider still remembers the person, but the next login asks again (shared counters).
    const again = await browser.follow(`${base}/auth/login`);
    expect(again.res.status).toBe(200);
    expect(new URL(again.url).pathname).toMatch(/^\/dev-idp\/interaction\//);
  });
});
