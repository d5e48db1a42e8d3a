import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, screenshots, signIn, startServer, type RunningServer } from './harness.ts';

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

describe('the system administrator records an announced day off', () => {
  it('adds it with its source, the year is no longer provisional, and withdraws it with a reason', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, server.url, 'hethong.quantri', '/can-bo/lich-nghi');
    await page.getByRole('heading', { name: 'Lịch nghỉ và ngày làm bù', level: 1 }).waitFor();
    await page.getByLabel('Năm').selectOption('2027');
    await page.getByText('Năm 2027 chưa có thông báo lịch nghỉ').waitFor();
    await page.getByLabel('Ngày', { exact: true }).fill('2027-11-24');
    await page.getByLabel('Số văn bản').fill('1234/QĐ-TTg');
    await page.getByLabel('Ngày văn bản').fill('2027-10-01');
    await page.getByLabel('Cơ quan ban hành').fill('Thủ tướng Chính phủ');
    await page.getByRole('button', { name: 'Ghi thông báo' }).click();
    await page.getByText('Đã ghi. Hạn hồ sơ từ nay tính theo lịch mới.').waitFor();
    await page.getByText('Năm 2027 đã có thông báo lịch nghỉ.').waitFor();
    await page.getByText(/Văn bản 1234\/QĐ-TTg/).waitFor();
    await screenshots(page, 'calendar-announcements');

    // The same day again is refused with the server's reason, and nothing is added.
    await page.getByLabel('Ngày', { exact: true }).fill('2027-11-24');
    await page.getByRole('button', { name: 'Ghi thông báo' }).click();
    await page.getByText(/đã là ngày nghỉ/).waitFor();
    expect(await page.getByText(/Văn bản 1234\/QĐ-TTg/).count()).toBe(1);

    await page.getByLabel('Lý do rút').fill('Nhập nhầm năm');
    await page.getByRole('button', { name: 'Rút thông báo' }).click();
    await page.getByText(/Đã rút .*Nhập nhầm năm/).waitFor();
    await page.getByText('Năm 2027 chưa có thông báo lịch nghỉ').waitFor();
    await context.close();
  });
});
