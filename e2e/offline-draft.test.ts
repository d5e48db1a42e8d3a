import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, ensureWebBuilt, launchBrowser, screenshots, signIn, startServer, type AxeFinding, type RunningServer } from './harness.ts';

const CITIZEN = '089190004567'; // Trần Thị Bích Ngọc, Xã Phú Lâm
const WIZARD = '/nop-ho-so/1.001193';

let server: RunningServer;
let browser: Browser;
const findings: AxeFinding[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const next = (page: Page) => page.getByRole('button', { name: /Tiếp tục/ }).click();

describe('the wizard on a bad connection', () => {
  it('keeps every answer through a dropped network and a reload, and a lost submit answer never files twice', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await signIn(context, server.url, CITIZEN, WIZARD);
    await page.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();
    // This citizen reads with large, high-contrast text: the whole test runs that way at 360 px.
    await page.getByRole('button', { name: /Chữ to, rõ/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.display)).toBe('large');
    await checkAccessibility(page, findings);
    await screenshots(page, 'wizard-large-text');
    await next(page);
    await page.getByLabel('Họ, chữ đệm và tên người được khai sinh').fill('Lê Minh Khang');

    // The network goes; the citizen keeps typing and moving on. Nothing needs the server here.
    await context.setOffline(true);
    await page.getByText('Mất kết nối mạng.').waitFor();
    await checkAccessibility(page, findings);
    await screenshots(page, 'wizard-offline');
    await page.getByLabel('Ngày, tháng, năm sinh người được khai sinh').fill('2025-09-02');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Dân tộc người được khai sinh').fill('Kinh');
    await page.getByLabel('Nơi sinh người được khai sinh').fill('Bệnh viện Đa khoa An Giang');
    await next(page);
    await page.getByRole('heading', { name: 'Thông tin người mẹ' }).waitFor();
    await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Bích Ngọc');

    // Reloading without a network fails like any page would…
    await expect(page.reload()).rejects.toThrow();
    // …and when the connection is back the citizen returns to the same step with everything kept.
    await context.setOffline(false);
    await page.goto(`${server.url}${WIZARD}`);
    await page.getByText('Đã mở lại bản khai bạn đang làm dở.').waitFor();
    await page.getByRole('heading', { name: 'Thông tin người mẹ' }).waitFor();
    expect(await page.getByLabel('Họ, chữ đệm và tên người mẹ').inputValue()).toBe('Trần Thị Bích Ngọc');
    await page.getByRole('button', { name: /Quay lại/ }).click();
    expect(await page.getByLabel('Họ, chữ đệm và tên người được khai sinh').inputValue()).toBe('Lê Minh Khang');
    expect(await page.getByLabel('Nơi sinh người được khai sinh').inputValue()).toBe('Bệnh viện Đa khoa An Giang');
    expect(await page.getByLabel('Nam', { exact: true }).isChecked()).toBe(true);
    await checkAccessibility(page, findings);

    // Finish the form.
    await next(page);
    await page.getByLabel('Ngày, tháng, năm sinh người mẹ').fill('1990-07-21');
    await page.getByLabel('Dân tộc người mẹ').fill('Kinh');
    await page.getByLabel('Nơi cư trú người mẹ').fill('Ấp Long Hoà 2, xã Phú Lâm');
    await next(page);
    await next(page); // father: optional
    await page.getByLabel('Giấy chứng sinh', { exact: true }).check();
    await page.getByLabel('Mẹ', { exact: true }).check();
    await next(page);
    await next(page); // documents: none, a warning later
    await page.getByLabel('Nhận bản điện tử').check();
    await next(page);
    await page.getByText('Còn thiếu giấy tờ bắt buộc').waitFor();

    // The first submit reaches the server but its answer is lost on the way back.
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/api/dossiers', async (route) => {
      attempts += 1;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const response = await route.fetch();
      if (attempts === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByText('Chưa nộp được hồ sơ.').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByText('Đã nộp hồ sơ thành công').waitFor();
    expect(attempts).toBe(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);

    // One dossier, not two; and the draft is gone once filed.
    const mine = await page.evaluate(async () => (await (await fetch('/api/me/dossiers')).json()) as { items: { procedureCode: string }[] });
    expect(mine.items.filter((d) => d.procedureCode === '1.001193')).toHaveLength(1);
    expect(await page.evaluate(() => localStorage.getItem('motcua.draft.1.001193'))).toBeNull();

    await context.close();
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
