import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insights } from '@motcua/core/api';
import { officeCall } from './field-harness.ts';
import { checkAccessibility, ensureWebBuilt, launchBrowser, screenshots, signIn, startServer, type AxeFinding, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
const findings: AxeFinding[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  // The demo dossiers give the province's communes something to rank.
  server = await startServer({ DEMO_DOSSIERS: 'true' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

describe("leaders' dashboard and the public transparency page", () => {
  it('a province viewer reads the ranking and its charts, downloads the Excel report; anyone opens the public page from home', async () => {
    const today = vnToday();
    const from = `${today.slice(0, 4)}-01-01`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await signIn(context, server.url, 'angiang.theodoi', `/can-bo/so-lieu?don-vi=91&tu=${from}&den=${today}`);
    await page.getByRole('heading', { level: 1, name: /An Giang/ }).waitFor();

    // The ranking on screen is the API's, weakest first.
    const api = await officeCall<Insights>(context, page, 'GET', `${server.url}/api/insights/91?from=${from}&to=${today}`);
    expect(api.status).toBe(200);
    const ranked = api.body.breakdown.rows;
    expect(ranked.length).toBeGreaterThan(0);
    const ranking = page.locator('table[data-breakdown="insights-ranking"]');
    await ranking.getByRole('rowheader').first().waitFor();
    expect(await ranking.getByRole('rowheader').allInnerTexts()).toEqual(ranked.map((r) => r.name));
    await page.locator('[data-figure="ranking-summary"]').getByText(ranked[0]!.name).waitFor();

    // Charts are drawn (Chartist loaded on demand), each named by its summary, each with its table.
    for (const id of ['chart-trend', 'chart-channels', 'chart-ranking']) await page.locator(`[data-chart="${id}"] svg`).first().waitFor();
    const rankingChart = page.locator('[data-chart="chart-ranking"]');
    const scored = ranked.filter((r) => r.total !== null && r.scoredMax);
    await rankingChart.getByRole('img', { name: new RegExp(`yếu nhất là ${scored[0]!.name}`) }).waitFor();
    await rankingChart.getByText('Xem bảng số liệu của biểu đồ').click();
    expect(await rankingChart.getByRole('table').getByRole('rowheader').allInnerTexts()).toEqual(scored.slice(0, 15).map((r) => r.name));
    await page.locator('[data-chart="chart-channels"]').getByText('Xem bảng số liệu của biểu đồ').click();
    await checkAccessibility(page, findings);
    await screenshots(page, 'insights-dashboard');

    // The Excel report of the same period: a summary sheet and one sheet per Decision 766 group.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="excel"]').click()]);
    expect(download.suggestedFilename()).toBe(`chi-so-766-91-${from}-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheets = workbook.worksheets.map((w) => w.name);
    expect(sheets.slice(0, 6)).toEqual(['Tổng hợp', ...api.body.groups.map((g, i) => `${i + 1}. ${g.name}`.slice(0, 31))]);
    expect(sheets).toContain('Xếp hạng');
    const rankingSheet = JSON.stringify(workbook.getWorksheet('Xếp hạng')!.getSheetValues());
    for (const r of ranked) expect(rankingSheet).toContain(r.name);

    // Large-text mode: the charts are drawn again at the larger size and stay readable on a phone.
    await page.getByRole('button', { name: 'Chữ to, rõ' }).click();
    await page.locator('[data-chart="chart-ranking"] svg').first().waitFor();
    await screenshots(page, 'insights-dashboard-large');
    await context.close();

    // ---- Anyone: the public transparency page, from the portal's home page.
    const visitorContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const visitor = await visitorContext.newPage();
    await visitor.goto(server.url);
    await visitor.getByRole('link', { name: 'Xem điểm chất lượng phục vụ của xã, tỉnh' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Công khai chất lượng phục vụ' }).waitFor();
    await visitor.getByLabel('Tên xã, phường hoặc tỉnh').fill('An Giang');
    await visitor.getByRole('link', { name: api.body.unit.fullName, exact: true }).click();
    await visitor.getByRole('heading', { level: 1, name: `Công khai chất lượng phục vụ – ${api.body.unit.fullName}` }).waitFor();
    const groups = visitor.locator('table[data-public="groups"]');
    expect(await groups.getByRole('rowheader').allInnerTexts()).toEqual(api.body.groups.map((g) => g.name));
    const communes = visitor.locator('table[data-public="communes"]');
    await communes.getByRole('rowheader').first().waitFor();
    expect(await communes.getByRole('rowheader').allInnerTexts()).toEqual(ranked.map((r) => r.name));
    await visitor.locator('[data-chart="public-trend"] svg').first().waitFor();
    await checkAccessibility(visitor, findings);
    await screenshots(visitor, 'transparency-province');
    await visitorContext.close();

    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
