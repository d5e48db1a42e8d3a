import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeCall } from './field-harness.ts';
import {
  checkAccessibility,
  E2E_WAIT_MS,
  ensureWebBuilt,
  launchBrowser,
  screenshots,
  signIn,
  startServer,
  type AxeFinding,
  type RunningServer,
} from './harness.ts';

// Demo people: Nguyễn Văn An (0912345678) of Xã Phú Lâm (30421); Huỳnh Thị Mỹ Linh at its desk.
const AN = {
  idNumber: '089095001234',
  fullName: 'Nguyễn Văn An',
  birthDate: '1995-03-12',
  sex: 'male',
  phone: '0912345678',
  unitCode: '30421',
  hamlet: null,
  addressLine: 'Ấp Phú Lâm 1',
};
const RECEPTIONIST = 'phulam.tiepnhan';

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

/** A copy certified at the counter and completed on the spot, then (`handOver`) handed over: that notice goes out by SMS. */
async function certifiedAtCounter(desk: Page, handOver: boolean): Promise<string> {
  const context = desk.context();
  const body = {
    procedureCode: '2.000815',
    unitCode: '30421',
    channel: 'counter',
    applicant: AN,
    form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
    resultDelivery: 'counter',
    consent: { method: 'signature' },
  };
  const made = await officeCall<{ code: string }>(context, desk, 'POST', `${server.url}/api/dossiers`, body);
  expect(made.status).toBe(201);
  const done = await officeCall(context, desk, 'POST', `${server.url}/api/dossiers/${made.body.code}/actions`, { action: 'complete_on_spot' });
  expect(done.status).toBe(200);
  if (handOver) {
    const back = { action: 'return_result', method: 'counter', recipientName: AN.fullName, signatureRef: `sig-${made.body.code}` };
    expect((await officeCall(context, desk, 'POST', `${server.url}/api/dossiers/${made.body.code}/actions`, back)).status).toBe(200);
  }
  return made.body.code;
}

/** The rating link of the dossier's SMS in the SMS stand-in's log, once the worker has sent it. */
async function ratingLinkFromSms(code: string): Promise<string> {
  const file = path.join(server.dataDir, 'sms.log');
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
        const sms = lines.map((l) => JSON.parse(l) as { to: string; text: string }).find((m) => m.text.includes(code) && m.text.includes('/danh-gia/'));
        link = sms?.text.match(/https?:\/\/\S+\/danh-gia\/[A-Za-z0-9_-]+/)?.[0];
        return link;
      },
      { timeout: E2E_WAIT_MS },
    )
    .toBeTruthy();
  return link!;
}

async function rateOnPage(page: Page, overall: string) {
  await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng', level: 1 }).waitFor();
  await page.getByRole('group', { name: 'Mức độ hài lòng chung' }).getByLabel(overall).check();
  await page.getByRole('group', { name: 'Thái độ, tinh thần phục vụ của cán bộ' }).getByLabel('Rất hài lòng (5)').check();
  await checkAccessibility(page, findings);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();
}

describe('the citizen rates a dossier', () => {
  it('from the link in the SMS of the result handed over without logging in, once; and at the desk kiosk from its QR link', async () => {
    const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const desk = await signIn(deskContext, server.url, RECEPTIONIST, '/can-bo');
    const code = await certifiedAtCounter(desk, true);
    const link = await ratingLinkFromSms(code);

    // A phone that never logged in opens the link.
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByText(`Hồ sơ ${code}`).waitFor();
    await screenshots(page, 'rating-from-notice-link');
    await rateOnPage(page, 'Hài lòng (4)');
    // The link is spent: opening it again says so.
    await page.goto(link);
    await page.getByText('Đường dẫn đánh giá này đã được dùng.').waitFor();
    await phone.close();

    // At the desk: a second dossier, the kiosk form opened from the dossier page.
    const second = await certifiedAtCounter(desk, false);
    await desk.goto(`${server.url}/can-bo/ho-so/${second}`);
    await desk.getByRole('button', { name: 'Mở phiếu đánh giá tại quầy' }).click();
    const kioskLink = desk.getByRole('link', { name: 'Mở phiếu đánh giá' });
    await kioskLink.waitFor();
    await desk.locator('.kiosk-qr svg').waitFor();
    await screenshots(desk, 'rating-kiosk-qr');
    const href = await kioskLink.getAttribute('href');
    const tablet = await browser.newContext({ viewport: { width: 800, height: 1200 }, locale: 'vi-VN' });
    const kiosk = await tablet.newPage();
    await kiosk.goto(href!);
    await rateOnPage(kiosk, 'Rất hài lòng (5)');
    await kiosk.getByText('Xin trả máy cho cán bộ').waitFor();
    await tablet.close();

    // The commune's figures count both ratings, by level, with nobody named.
    const figures = await officeCall<{ ratings: number; criteria: { criterion: string; counts: number[] }[] }>(
      deskContext,
      desk,
      'GET',
      `${server.url}/api/ratings/figures?unit=30421`,
    );
    expect(figures.body.ratings).toBe(2);
    expect(figures.body.criteria.find((c) => c.criterion === 'overall')?.counts).toEqual([0, 0, 0, 1, 1]);
    expect(JSON.stringify(figures.body)).not.toContain(AN.idNumber);
    await deskContext.close();
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
