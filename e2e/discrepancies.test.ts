import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, ROOT, screenshots, signIn, startServer, type RunningServer } from './harness.ts';

// Xã Phú Lâm's generated extracts (scripts/discrepancies/demo.ts) with planted discrepancies of every type.
const DATA = path.join(ROOT, 'packages/server/data/discrepancies');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer({ DEMO_DOSSIERS: 'false' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the desk compares the civil-status book with the population data', () => {
  it('imports both files, opens a hamlet’s list and turns a name discrepancy into a correction dossier', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, server.url, 'phulam.tiepnhan', '/can-bo/sai-lech');
    await page.getByRole('heading', { name: 'Đối chiếu hộ tịch – dân cư', level: 1 }).waitFor();
    await page.locator('input[name="civil_status"]').setInputFiles(path.join(DATA, 'phu-lam-ho-tich.csv'));
    await page.locator('input[name="population"]').setInputFiles(path.join(DATA, 'phu-lam-dan-cu.csv'));
    await page.getByRole('button', { name: 'Tải lên và đối chiếu' }).click();
    await page.getByText(/phu-lam-dan-cu\.csv: \d+ dòng đã lưu/).waitFor();

    // A hamlet that has a name discrepancy (the generator spreads them over the hamlets).
    const names = await (await page.request.get(`${server.url}/api/office/discrepancies?unit=30421&type=name`)).json();
    const hamlet = names.items.find((d: { hamletName: string | null }) => d.hamletName).hamletName as string;
    await page.getByRole('link', { name: hamlet, exact: true }).click();
    await page.waitForURL((u) => u.search.includes('thon='));
    await page.locator('select').nth(1).selectOption('name');
    await page.waitForURL((u) => u.search.includes('loai=name'));
    await page.getByRole('heading', { level: 2, name: /^\d+ sai lệch$/ }).waitFor();
    const card = page.locator('li.disc-card[data-type="name"]').first();
    await card.waitFor();
    expect(await card.locator('.disc-differs').count()).toBeGreaterThan(0);
    await screenshots(page, 'discrepancies-hamlet');
    await card.getByLabel('Số điện thoại người dân').fill('0912000111');
    await card.getByRole('button', { name: 'Tạo hồ sơ cải chính' }).click();
    const made = page.getByText(/Đã lập hồ sơ 000\.19\.01\.H91-/).first();
    await made.waitFor();
    expect(await made.innerText()).toMatch(/^Đã lập hồ sơ 000\.19\.01\.H91-\d{6}-\d{4}$/);
    await context.close();
  });
});
