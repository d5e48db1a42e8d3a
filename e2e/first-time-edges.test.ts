import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAccessibility,
  chooseDemoAccount,
  ensureWebBuilt,
  launchBrowser,
  samplePdf,
  screenshots,
  signIn,
  startServer,
  type AxeFinding,
  type RunningServer,
} from './harness.ts';
import { alignClock, fieldDay, planSessionToday } from './field-harness.ts';
import { OUTREACH_OFFICIAL, downloadKit, goTo, recordConsultation, signInToField } from './field-steps.ts';

/**
 * Issue #18: the rough edges a first-time user hits, each checked as a browser fact at the size it
 * was seen (a 360×740 phone, a 1280 px desk), on one server with the demo week's dossiers.
 * Demo people (packages/server/data/demo-people.json): Nguyễn Văn An (0912345678) of Xã Phú Lâm.
 */
const CITIZEN = '089095001234';
const PHONE = { width: 360, height: 740 };

let server: RunningServer;
let browser: Browser;
const findings: AxeFinding[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  // Outreach sessions exist on working days only: on a weekend the server runs on the next one.
  const { clockStart } = fieldDay();
  server = await startServer({ DEMO_DOSSIERS: 'true', ...(clockStart ? { MOTCUA_CLOCK_START: clockStart } : {}) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const audit = (page: Page) => checkAccessibility(page, findings);
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe('a citizen on a phone', () => {
  it('finds a procedure from an everyday phrase, with the results on screen, and no internal notes', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const search = page.getByLabel('Bạn cần làm thủ tục gì?');
    await search.fill('lam giay khai sinh cho con');
    const first = page.locator('.results a').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Đăng ký khai sinh');
    // Visible without scrolling: the field buttons no longer sit between the box and the results.
    const box = await first.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await search.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT');
    await audit(page);
    await screenshots(page, 'edges-search');

    // A procedure whose catalog entry carries checking notes: the citizen sees none of them.
    await page.goto(`${server.url}/thu-tuc/1.004772`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/chưa đối chiếu|Chưa xác minh|Xem ghi chú/i);
    expect(text).toContain('Xã sẽ thông báo');
    await audit(page);

    // A link a person follows to something missing or expired gets a page, not problem+json.
    for (const [url, heading] of [
      ['/lich-luu-dong/99999', 'Không tìm thấy trang'],
      ['/api/me', 'Phiên đăng nhập đã hết hạn'],
    ] as const) {
      const answer = await page.goto(`${server.url}${url}`);
      expect(answer?.headers()['content-type']).toMatch(/^text\/html/);
      await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.title.length > 0])).toEqual(['vi', true]);
      await audit(page);
    }
    await context.close();
  });

  it('checks a document on a readable verification page, and looks a dossier up typed with spaces', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await signIn(context, server.url, CITIZEN, '/ho-so-cua-toi');
    const card = page
      .locator('ul.dossier-list > li')
      .filter({ hasText: /Mã hồ sơ: 000\.19\.01\.H91-/ })
      .first();
    await card.waitFor();
    const code = (await card.locator('.dossier-card__head strong').first().innerText()).trim();

    // The page every QR code leads to, with a report (a file not issued here: three rows, a long hash).
    await page.goto(`${server.url}/verify`);
    await page.locator('input[type=file]').setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: samplePdf('khong phai van ban Motcua') });
    await page.getByRole('button', { name: 'Kiểm tra / Check' }).click();
    await page.getByText('Mã băm SHA-256').waitFor();
    // 3,300 px before: every value wrapped two or three letters per line beside its label.
    expect(await pageHeight(page)).toBeLessThan(1400);
    const value = page.locator('dd').first();
    expect((await value.boundingBox())?.width ?? 0).toBeGreaterThan(250);
    await audit(page);
    await screenshots(page, 'edges-verify');
    await page.getByRole('link', { name: /Về Cổng dịch vụ công/ }).click();
    await page.getByLabel('Bạn cần làm thủ tục gì?').waitFor();

    // The look-up, as people type it from the paper receipt.
    await page.goto(`${server.url}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(code.replace(/-/g, ' '));
    await page.getByLabel('Số điện thoại hoặc số CCCD của người nộp').fill('0912 345 678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await audit(page);
    await screenshots(page, 'edges-lookup');
    await context.close();
  });
});

describe('the outreach team on a phone', () => {
  it('sees who the app works as, a clear sign once the sign-in expired, signs in again without losing work, and logs out', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    await alignClock(context);
    const page = await context.newPage();
    await signInToField(page, server.url);
    const { day } = await planSessionToday(context, page, server.url, 'Đợt kiểm tra đăng nhập');
    await page.goto(`${server.url}/luu-dong/`);
    await downloadKit(page, day);
    await page.getByText('Đăng nhập: Trương Văn Lộc').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await audit(page);
    await screenshots(page, 'edges-field-account');

    // Work done offline, then the web session and the offline code both run out (four days later).
    await context.setOffline(true);
    await goTo(page, 'Tư vấn');
    await recordConsultation(page, '30421-07', '1.004194', 2);
    await page.getByText(/Làm việc bằng mã offline, còn hạn đến/).waitFor();
    await context.clearCookies();
    await page.clock.install({ time: Date.now() + 4 * 24 * 3600_000 });
    await context.setOffline(false);
    await page.reload();
    const sign = page.getByText('Phiên đăng nhập đã hết hạn.');
    await sign.waitFor();
    expect(await page.locator('.field-account').innerText()).toContain('1 mục chưa gửi vẫn được lưu an toàn trên máy này');
    await audit(page);
    await screenshots(page, 'edges-field-expired');

    // Signing in again comes back to the same page with the work still there, and sends it.
    await page.getByRole('link', { name: 'Đăng nhập lại' }).click();
    await chooseDemoAccount(page, server.url, OUTREACH_OFFICIAL);
    await page.getByText('Đăng nhập: Trương Văn Lộc').waitFor();
    await goTo(page, 'Đồng bộ');
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.locator('[data-testid=sync-item][data-state=applied]').waitFor();

    // The day's report fits the phone: its table scrolls in its own region, the page does not.
    await goTo(page, 'Báo cáo');
    await page.getByRole('region', { name: 'Theo thôn, ấp' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await audit(page);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByText('Đăng nhập bằng tài khoản cán bộ để tải bộ công cụ làm việc không cần mạng.').waitFor();
    await audit(page);
    await context.close();
  });
});

describe('the desk', () => {
  it('shows the actual work first, filters as one types, finds by procedure name; the approver has a tile', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const desk = await signIn(context, server.url, 'phulam.tiepnhan', '/can-bo/ho-so');
    await desk.locator('.queue-table').waitFor();
    const states = async () => desk.locator('.queue-table tbody td:nth-child(4) .badge').allInnerTexts();
    expect((await states()).join('|')).not.toMatch(/Đã trả kết quả|Đã rút hồ sơ|Không được tiếp nhận/i);
    // A click, then wait: the checkbox follows the URL, which React Router updates in a transition
    // (check() reads the box right after its click and failed on a loaded machine).
    const showFinished = desk.getByLabel(/Hiện cả hồ sơ đã xong/);
    await showFinished.click();
    await expect.poll(() => showFinished.isChecked()).toBe(true);
    await expect.poll(async () => (await states()).some((s) => /Đã trả kết quả/i.test(s))).toBe(true);
    await showFinished.click();
    await expect.poll(() => showFinished.isChecked()).toBe(false);

    // No Enter: the list follows the typing. (The demo week has stay registrations, no births.)
    await desk.getByLabel('Tìm theo mã hồ sơ, tên, số CCCD hoặc tên thủ tục').fill('tam tru');
    await expect.poll(() => new URL(desk.url()).searchParams.get('q')).toBe('tam tru');
    await expect
      .poll(async () => {
        const names = await desk.locator('.queue-table tbody td:nth-child(3)').allInnerTexts();
        return names.length > 0 && names.every((n) => /tạm trú/i.test(n)); // by the procedure's name, typed without diacritics
      })
      .toBe(true);
    await audit(desk);
    await screenshots(desk, 'edges-queue');
    await context.close();

    const approverContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const approver = await signIn(approverContext, server.url, 'phulam.lanhdao', '/can-bo');
    const tile = approver.getByRole('link', { name: /Chờ bạn phê duyệt/ });
    await tile.waitFor();
    await tile.click();
    await expect.poll(() => new URL(approver.url()).searchParams.get('state')).toBe('pending_approval');
    await audit(approver);
    await approverContext.close();
  });

  it('finds no serious accessibility violation on any page above', () => {
    expect(findings).toEqual([]);
  });
});
