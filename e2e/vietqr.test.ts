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

// Nguyễn Văn An of Xã Phú Lâm pays a civil-status extract copy by bank transfer (VietQR); the
// receptionist of the commune imports the bank statement, the transfer confirms the payment, an
// unknown line is settled with a reason, and the day is reconciled.
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

describe('fees by bank transfer (VietQR), matched from the bank statement', () => {
  it('the citizen sees a scannable QR; the desk imports the statement, settles what did not match and reconciles', async () => {
    const citizen = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await signIn(citizen, server.url, CITIZEN, '/ho-so-cua-toi');
    const submitted = await officeCall<{ code: string }>(citizen, page, 'POST', `${server.url}/api/dossiers`, {
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
    await card.getByRole('button', { name: 'Chuyển khoản bằng mã VietQR' }).click();
    const message = (await card.getByTestId('vietqr-message').textContent())!.trim();
    expect(message).toMatch(/^MC[0-9A-F]{16}$/);
    await card.getByText('TÀI KHOẢN DEMO — không chuyển tiền thật vào tài khoản này.').waitFor();
    await checkAccessibility(page, findings);
    // The QR drawn on the screen decodes (zbarimg) to a payload carrying the reference.
    const png = await card.locator('figure.vietqr img').screenshot();
    const decoded = (await runToolOnBytes('zbarimg', (file) => ['--raw', '-q', file], png, 'qr.png')).stdout.trim();
    expect(decoded).toContain(message);
    expect(decoded).toMatch(/^000201010212.*0010A000000727.*6304[0-9A-F]{4}$/);
    await screenshots(page, 'payment-vietqr');

    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const office = await signIn(desk, server.url, RECEPTIONIST, '/can-bo');
    await office.goto(`${server.url}/can-bo/doi-soat`);
    await office.getByRole('heading', { name: 'Chuyển khoản và đối soát', level: 1 }).waitFor();
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const csv = `Ngày,Số tiền,Nội dung,Mã giao dịch\n${day},8000,NGUYEN VAN AN CK ${message},FTE2E0001\n${day},50000,CHUYEN NHAM,FTE2E0002\n`;
    await office.getByLabel(/^Sao kê ngân hàng/).setInputFiles({ name: 'saoke.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await office.getByRole('button', { name: 'Nhập sao kê' }).click();
    await office.getByText('2 dòng có: 2 mới, 0 đã có, 1 khớp tự động, 1 cần xử lý.').waitFor();
    const row = office.locator('table.recon-table tr').filter({ hasText: 'FTE2E0002' });
    await row.getByText('Không rõ hồ sơ').waitFor();
    await checkAccessibility(office, findings);
    await screenshots(office, 'office-transfers');
    await row.getByLabel('Lý do (ghi nhật ký)').fill('Chuyển nhầm, đã báo ngân hàng hoàn lại');
    await row.getByRole('combobox').selectOption('not_ours');
    await row.getByRole('button', { name: 'Xử lý' }).click();
    await office.getByText('Không còn khoản nào cần xử lý.').waitFor();

    await office.getByRole('button', { name: 'Đối soát', exact: true }).click();
    await office.getByText(/^Cổng: \d+ dòng, ngân hàng: \d+ dòng/).waitFor();
    // The wrongly sent transfer is still a line of the day, until a person settles it there too.
    await office.locator('ul.recon-findings > li').filter({ hasText: 'FTE2E0002' }).getByText('Mã không rõ').waitFor();
    await screenshots(office, 'office-reconciliation');

    // The citizen's panel now says paid, with the receipt.
    await page.goto(`${server.url}/ho-so-cua-toi`);
    await card.getByRole('link', { name: /^Tải biên lai số \d{7}\/\d{4}$/ }).waitFor();
    await desk.close();
    await citizen.close();
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
