// The field app on a phone whose clock runs 30 minutes fast (issue #10): the kit and every sync
// answer carry the server's clock, the app corrects its own, receipts carry the server's time,
// and every dossier reaches the server under the code on its receipt. A refusal that needs a
// person is never counted as sent, and says what to do.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROCEDURES, officeCall, planSessionToday, startFieldServer, type FieldServer } from './field-harness.ts';
import { APPLICANTS, completeOnSpot, downloadKit, goTo, receiveDossier, recordConsultation, signInToField, syncAll } from './field-steps.ts';
import { checkAccessibility, ensureWebBuilt, launchBrowser, screenshots, type AxeFinding } from './harness.ts';

const PHONE_AHEAD_MS = 30 * 60_000;

let browser: Browser;
const findings: AxeFinding[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone at 360 px whose clock is 30 minutes ahead of the server's. */
async function fastPhone(server: FieldServer): Promise<{ context: BrowserContext; page: Page }> {
  // Requests go straight to the network (no worker): this test is about time, not offline start.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', serviceWorkers: 'block' });
  await context.clock.install({ time: new Date(server.serverNow() + PHONE_AHEAD_MS) });
  return { context, page: await context.newPage() };
}

const header = (page: Page) => page.locator('.field-status');
const vnDay = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));

describe('a phone clock 30 minutes fast', () => {
  let server: FieldServer;
  beforeAll(async () => {
    server = await startFieldServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('syncs every dossier under the code on its receipt, dated by the server’s time', async () => {
    const { context, page } = await fastPhone(server);
    await signInToField(page, server.url);
    const planned = await planSessionToday(context, page, server.url, 'Lưu động — đồng hồ máy nhanh');
    await page.goto(`${server.url}/luu-dong/`);
    await downloadKit(page, planned.day);

    // The kit measured the offset: the app says so, and works on the server's time.
    await goTo(page, 'Đồng bộ');
    await page.getByText(/Đồng hồ của máy này nhanh hơn máy chủ khoảng (29|30|31) phút/).waitFor();
    const phoneAhead = await page.evaluate(() => Date.now());
    expect(phoneAhead - server.serverNow()).toBeGreaterThan(PHONE_AHEAD_MS - 60_000);

    await context.setOffline(true);
    const receipts: { code: string; due: string; serverTime: number }[] = [];
    for (const [i, a] of APPLICANTS.slice(0, 3).entries()) {
      const serverTime = server.serverNow();
      receipts.push({ ...(await receiveDossier(page, a, i)), serverTime });
      if (i === 0) await completeOnSpot(page);
    }
    await goTo(page, 'Tư vấn');
    await recordConsultation(page, '30421-07', '1.004194', 2);
    await expect.poll(() => header(page).textContent()).toContain('5 mục chờ gửi');

    await context.setOffline(false);
    await syncAll(page, 5);
    await expect.poll(() => header(page).textContent()).toContain('0 mục chờ gửi');
    expect(await header(page).textContent()).not.toContain('cần xử lý');
    await page.getByText('Máy chủ đã ghi nhận 5/5 mục').waitFor();
    await checkAccessibility(page, findings);
    await screenshots(page, 'field-clock-fast-synced');

    for (const r of receipts) {
      const d = await officeCall<{ code: string; receivedAt: string; dueAt: string; channel: string }>(
        context,
        page,
        'GET',
        `${server.url}/api/dossiers/${r.code}`,
      );
      expect(d.status).toBe(200);
      expect(d.body.channel).toBe('outreach');
      // Dated by the server's clock (within the test's own timing), not the phone's 30 minutes ahead.
      expect(Math.abs(Date.parse(d.body.receivedAt) - r.serverTime)).toBeLessThan(3 * 60_000);
      // The appointment on the receipt is the server's.
      if (r.due !== 'Đã giải quyết và trả kết quả tại chỗ.') expect(r.due).toContain(vnDay(d.body.dueAt));
    }
    await context.close();
  });

  it('no serious or critical accessibility violations', () => {
    expect(findings).toEqual([]);
  });
});

describe('a refusal that needs a person', () => {
  let server: FieldServer;
  beforeAll(async () => {
    server = await startFieldServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('is not counted as sent, says what to do and that the citizen holds the code, and is dropped only on a second, informed step', async () => {
    const { context, page } = await fastPhone(server);
    await signInToField(page, server.url);
    const planned = await planSessionToday(context, page, server.url, 'Lưu động — đổi thủ tục giữa buổi');
    await page.goto(`${server.url}/luu-dong/`);
    await downloadKit(page, planned.day);

    await context.setOffline(true);
    const copy = await receiveDossier(page, APPLICANTS[0]!, 0); // 2.000815, still offered
    const marital = await receiveDossier(page, APPLICANTS[2]!, 2); // 1.004873, about to be withdrawn

    // Meanwhile the office re-plans the round without 1.004873: the server will refuse that receipt for good.
    await context.setOffline(false);
    const round = await officeCall<Record<string, unknown> & { version: number }>(
      context,
      page,
      'GET',
      `${server.url}/api/office/outreach/rounds/${planned.roundId}`,
    );
    const { unitCode, title, meetingPoint, rules, hamletCodes, teamUserIds, version } = round.body;
    const replanned = await officeCall(context, page, 'PUT', `${server.url}/api/office/outreach/rounds/${planned.roundId}`, {
      unitCode,
      title,
      meetingPoint,
      rules,
      hamletCodes,
      teamUserIds,
      version,
      procedureCodes: DEMO_PROCEDURES.filter((c) => c !== '1.004873'),
    });
    expect(replanned.status).toBe(200);

    await goTo(page, 'Đồng bộ');
    const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
    if (await button.isEnabled()) await button.click();
    const item = (code: string) => page.locator('[data-testid="sync-item"]').filter({ hasText: code });
    await expect.poll(() => item(copy.code).getAttribute('data-state'), { timeout: 60_000 }).toBe('applied');
    await expect.poll(() => item(marital.code).getAttribute('data-state'), { timeout: 60_000 }).toBe('rejected');
    expect(await item(marital.code).getAttribute('data-code')).toBe('procedure_not_offered');

    // Not sent: the header and the progress count only what the server applied.
    await expect.poll(() => header(page).textContent()).toContain('1 mục cần xử lý');
    expect(await header(page).textContent()).toContain('0 mục chờ gửi');
    await page.getByText('Máy chủ đã ghi nhận 1/2 mục').waitFor();
    expect(await page.getByText('Tất cả đã được máy chủ ghi nhận.').count()).toBe(0);
    // What to do, and the citizen's receipt.
    await item(marital.code).getByTestId('sync-todo').getByText('không thuộc buổi lưu động', { exact: false }).waitFor();
    await item(marital.code).getByText(`Công dân đang giữ giấy hẹn mã ${marital.code}`, { exact: false }).waitFor();
    await checkAccessibility(page, findings);
    await screenshots(page, 'field-sync-refused');

    // Dropping it takes a second step that says what dropping means.
    await item(marital.code).getByRole('button', { name: 'Bỏ thao tác này' }).click();
    await item(marital.code).getByText(`Bỏ hồ sơ ${marital.code}?`, { exact: false }).waitFor();
    await checkAccessibility(page, findings);
    await screenshots(page, 'field-sync-discard-confirm');
    await item(marital.code).getByRole('button', { name: 'Giữ lại' }).click();
    await item(marital.code).getByRole('button', { name: 'Bỏ thao tác này' }).click();
    await item(marital.code).getByRole('button', { name: 'Bỏ hồ sơ này' }).click();
    await page.getByText('Đã bỏ 1 mục, không gửi về máy chủ.').waitFor();
    await expect.poll(() => item(marital.code).count()).toBe(0);
    await context.close();
  });

  it('no serious or critical accessibility violations', () => {
    expect(findings).toEqual([]);
  });
});
