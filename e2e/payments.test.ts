import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeCall } from './field-harness.ts';
import {
  checkAccessibility,
  ensureWebBuilt,
  launchBrowser,
  runToolOnBytes,
  screenshots,
  signIn,
  startServer,
  type AxeFinding,
  type RunningServer,
} from './harness.ts';

// Nguyễn Văn An of Xã Phú Lâm (demo-people.json) pays for copies of a civil-status extract
// (8,000 đ, fully online) through the built-in sandbox gateway; Huỳnh Thị Mỹ Linh at the desk
// takes cash for a certified copy (2,000 đ).
const CITIZEN = '089095001234';
const RECEPTIONIST = 'phulam.tiepnhan';
const applicant = {
  idNumber: CITIZEN,
  fullName: 'Nguyễn Văn An',
  birthDate: '1995-05-12',
  sex: 'male',
  phone: '0912345678',
  unitCode: '30421',
  hamlet: null,
  addressLine: 'Ấp Phú Hữu',
};

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

async function pdfsig(bytes: Buffer): Promise<string> {
  return (await runToolOnBytes('pdfsig', (file) => [file], bytes, 'receipt.pdf')).output;
}

describe('fees: paid online through the sandbox, and in cash at the desk', () => {
  it('a citizen pays through the sandbox gateway and downloads the signed receipt', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await signIn(context, server.url, CITIZEN, '/ho-so-cua-toi');
    const submitted = await officeCall<{ code: string }>(context, page, 'POST', `${server.url}/api/dossiers`, {
      procedureCode: '2.000635',
      unitCode: '30421',
      channel: 'online',
      applicant,
      form: { recordKind: 'khai_sinh', subjectFullName: 'Nguyễn Văn An', registrationPlace: 'UBND xã Phú Lâm', copies: 1 },
      resultDelivery: 'counter',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const code = submitted.body.code;
    await page.goto(`${server.url}/ho-so-cua-toi`);
    const card = page.locator('ul.dossier-list > li').filter({ hasText: `Mã hồ sơ: ${code}` });
    await card.getByText('Chờ thanh toán').first().waitFor();
    await checkAccessibility(page, findings);
    await card.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.waitForURL((u) => u.pathname === '/sandbox/vnpay/paymentv2/vpcpay.html');
    await screenshots(page, 'payment-sandbox-gateway');
    await page.getByRole('link', { name: 'Thanh toán thành công — IPN gửi ngay' }).click();
    await page.waitForURL((u) => u.pathname === `/ho-so/${code}/thanh-toan`);
    const receiptLink = page.getByRole('link', { name: /^Tải biên lai số \d{7}\/\d{4}$/ });
    await receiptLink.waitFor();
    await page.getByText('Đã thanh toán').first().waitFor();
    await checkAccessibility(page, findings);
    await screenshots(page, 'payment-paid');
    const [download] = await Promise.all([page.waitForEvent('download'), receiptLink.click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfsig(bytes)).toContain('Signature Validation: Signature is Valid.');
    await context.close();
  });

  it('a receptionist takes cash at the counter and the receipt is issued', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, server.url, RECEPTIONIST, '/can-bo');
    const submitted = await officeCall<{ code: string }>(context, page, 'POST', `${server.url}/api/dossiers`, {
      procedureCode: '2.000815',
      unitCode: '30421',
      channel: 'counter',
      applicant,
      form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
      resultDelivery: 'counter',
      consent: { method: 'signature' },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const code = submitted.body.code;
    await page.goto(`${server.url}/can-bo/ho-so/${code}`);
    const take = page.getByRole('button', { name: /^Thu tiền mặt/ });
    await take.waitFor();
    await take.click();
    await page.getByRole('link', { name: /^Tải biên lai số \d{7}\/\d{4}$/ }).waitFor();
    expect(await page.getByText('Tiền mặt tại quầy').count()).toBeGreaterThan(0);
    await checkAccessibility(page, findings);
    await screenshots(page, 'office-cash-taken');
    await context.close();
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
