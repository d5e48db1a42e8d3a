import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, signIn, startServer, type RunningServer } from './harness.ts';

/**
 * The strict Content-Security-Policy (issue #10) must not break any page: every web app, the
 * server-rendered pages, the development sign-in and Swagger UI are opened in Chromium and every
 * `securitypolicyviolation` (and console CSP message) is collected; there must be none.
 */
let server: RunningServer;
let browser: Browser;
const violations: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer({ DEMO_DOSSIERS: 'true' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function watched(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`console on ${m.location().url}: ${m.text()}`);
  });
  return context;
}

async function settle(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  for (const v of found) violations.push(`${what} (${page.url()}): ${v}`);
}

describe('pages under the Content-Security-Policy', () => {
  it('the portal, sign-in and a citizen’s dossiers', async () => {
    const context = await watched();
    const page = await context.newPage();
    const res = await page.goto(`${server.url}/`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await settle(page, 'home');
    await page.goto(`${server.url}/thu-tuc/1.004873`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await settle(page, 'procedure');
    await page.goto(`${server.url}/khong-co-trang-nay`);
    await settle(page, 'web 404');
    const citizen = await signIn(context, server.url, '089095001234', '/ho-so-cua-toi');
    await citizen.getByRole('heading', { level: 1 }).first().waitFor();
    await settle(citizen, 'my dossiers');
    await context.close();
  });

  it('the office app, with an attachment shown in its frame', async () => {
    const context = await watched();
    const page = await signIn(context, server.url, 'phulam.tiepnhan', '/can-bo/ho-so');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await settle(page, 'office queue');
    const first = page.locator('a[href^="/can-bo/ho-so/"]').first();
    await first.waitFor();
    {
      await first.click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const view = page.locator('.attachment button').first();
      if (await view.count()) {
        await view.click();
        await page.locator('.doc-viewer').first().waitFor();
      }
      await settle(page, 'office dossier');
    }
    await page.goto(`${server.url}/can-bo/so-lieu`);
    await settle(page, 'office insights');
    await context.close();
  });

  it('the field app (service worker) and the server-rendered pages', async () => {
    const context = await watched();
    const page = await signIn(context, server.url, 'phulam.luudong', '/luu-dong/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || document.readyState === 'complete');
    await settle(page, 'field app');
    for (const p of ['/verify', '/lich-luu-dong/30421', '/docs']) {
      await page.goto(`${server.url}${p}`);
      await settle(page, p);
    }
    // Swagger UI really rendered (its scripts ran under the policy).
    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .info').first().waitFor();
    await settle(page, '/docs rendered');
    await context.close();
  });

  it('found no violation anywhere', () => {
    expect(violations).toEqual([]);
  });
});
