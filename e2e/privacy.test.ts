import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, ensureWebBuilt, launchBrowser, screenshots, signIn, startServer, type AxeFinding, type RunningServer } from './harness.ts';

// Demo people (packages/server/data/demo-people.json): Nguyễn Văn An of Xã Phú Lâm (30421) has
// demo dossiers there; Huỳnh Thị Mỹ Linh works its one-stop desk; Phan Quốc Bảo follows the province.
const CITIZEN = '089095001234';
const RECEPTIONIST = 'phulam.tiepnhan';

let server: RunningServer;
let browser: Browser;
const findings: AxeFinding[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer({ DEMO_DOSSIERS: 'true' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const audit = (page: Page) => checkAccessibility(page, findings);

describe('a citizen sees who opened their dossier and takes all their data away', () => {
  it("shows the desk official's view in Hồ sơ của tôi and downloads everything as one file", async () => {
    const citizenContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN', acceptDownloads: true });
    const citizen = await signIn(citizenContext, server.url, CITIZEN, '/ho-so-cua-toi');
    await citizen.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();
    const card = citizen
      .locator('ul.dossier-list > li')
      .filter({ hasText: /Mã hồ sơ: 000\.19\.01\.H91-/ })
      .first();
    await card.waitFor();
    const code = (await card.locator('.dossier-card__head strong').innerText()).trim();
    const log = card.locator('details.access-log');
    await log.locator('summary').waitFor();
    expect(await log.locator('summary').innerText()).toBe('Ai đã xem hồ sơ này: 0 lượt');
    await audit(citizen);

    // The desk opens the dossier in the office app.
    const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const desk = await signIn(deskContext, server.url, RECEPTIONIST, `/can-bo/ho-so/${code}`);
    await desk.getByText(code).first().waitFor();
    await desk.getByText('Nguyễn Văn An').first().waitFor();
    await deskContext.close();

    // The citizen reloads and unfolds "who viewed this dossier".
    await citizen.reload();
    const again = citizen.locator('ul.dossier-list > li').filter({ hasText: `Mã hồ sơ: ${code}` });
    const summary = again.locator('details.access-log summary');
    await expect.poll(async () => (await summary.count()) > 0 && /: [1-9]\d* lượt$/.test(await summary.innerText())).toBe(true);
    await summary.click();
    const entry = again.locator('.access-log__list li').filter({ hasText: 'Đã xem: Chi tiết hồ sơ (nhân thân, liên lạc, tờ khai)' }).first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('Huỳnh Thị Mỹ Linh');
    expect(text).toContain('tiếp nhận');
    expect(text).toContain('Xã Phú Lâm');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await audit(citizen);
    await entry.scrollIntoViewIfNeeded();
    await screenshots(citizen, 'my-dossiers-access-log');

    // "Download all my data": a real file download of JSON about this citizen only.
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('link', { name: 'Tải về toàn bộ dữ liệu của tôi' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^motcua-du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = JSON.parse(fs.readFileSync(file!, 'utf8'));
    expect(data.subject).toEqual({ idNumber: CITIZEN, fullName: 'Nguyễn Văn An' });
    expect(data.dossiers.map((d: { code: string }) => d.code)).toContain(code);
    expect(data.dossiers.every((d: { applicant: { idNumber: string } }) => d.applicant.idNumber === CITIZEN)).toBe(true);
    expect(data.accessLog.some((e: { dossierCode: string; viewer: { name: string } }) => e.dossierCode === code && e.viewer.name === 'Huỳnh Thị Mỹ Linh')).toBe(
      true,
    );
    expect(data.sessions.length).toBeGreaterThan(0);
    await citizen.locator('#my-data-title').scrollIntoViewIfNeeded();
    await screenshots(citizen, 'my-dossiers-my-data');
    await citizenContext.close();

    // The province viewer is offered figures only: no dossier list, and the dossier is not found.
    const provinceContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const province = await signIn(provinceContext, server.url, 'angiang.theodoi', '/can-bo');
    await province.getByText('bạn xem số liệu tổng hợp, không mở hồ sơ của công dân').waitFor();
    expect(await province.getByRole('navigation').getByRole('link', { name: 'Hồ sơ', exact: true }).count()).toBe(0);
    await audit(province);
    await screenshots(province, 'office-province-figures-only');
    const res = await province.request.get(`${server.url}/api/dossiers/${code}`);
    expect(res.status()).toBe(404);
    await provinceContext.close();

    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
