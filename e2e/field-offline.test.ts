import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAR_HAMLETS, alignClock, connectOutcome, officeCall, planSessionToday, startFieldServer, type FieldServer } from './field-harness.ts';
import { APPLICANTS, completeOnSpot, downloadKit, goTo, receiveDossier, recordConsultation, recordSurvey, signInToField, syncAll } from './field-steps.ts';
import { checkAccessibility, ensureWebBuilt, launchBrowser, screenshots, type AxeFinding } from './harness.ts';

interface SessionReport {
  received: number;
  completedOnSpot: number;
  scheduledForReturn: number;
  consulted: number;
  surveys: number;
  averages: { overall: number | null };
}
interface QueueItem {
  code: string;
  state: string;
  channel: string;
}

let browser: Browser;
const findings: AxeFinding[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newFieldContext(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  await alignClock(context);
  return context;
}

/** The dossiers of Xã Phú Lâm taken in on the outreach channel, as the office sees them. */
async function outreachDossiers(context: BrowserContext, page: Page, url: string): Promise<QueueItem[]> {
  const r = await officeCall<{ items: QueueItem[] }>(context, page, 'GET', `${url}/api/office/dossiers?unit=30421&channel=outreach&limit=100`);
  expect(r.status).toBe(200);
  return r.body.items;
}

describe('outreach field app offline', () => {
  let server: FieldServer;
  beforeAll(async () => {
    server = await startFieldServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('installs, downloads the kit, works a whole session offline (with a reload), then syncs exactly once', async () => {
    const context = await newFieldContext();
    const page = await context.newPage();
    await signInToField(page, server.url);
    const planned = await planSessionToday(context, page, server.url, 'Lưu động kiểm thử e2e');
    await page.goto(`${server.url}/luu-dong/`);

    // Installed PWA: an activated worker controls the page; the manifest is the field app's.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/luu-dong/`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration('/luu-dong/'))?.active?.state === 'activated');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const manifest = await (await page.request.get(`${server.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: 'Motcua – Tiếp nhận lưu động', start_url: '/luu-dong/', display: 'standalone' });
    await checkAccessibility(page, findings);

    await downloadKit(page, planned.day);
    await page.getByText('Ứng dụng đã sẵn sàng mở khi không có mạng.').waitFor();
    await checkAccessibility(page, findings);

    // ---- The network goes away.
    await context.setOffline(true);
    await page.getByText('Không có mạng', { exact: false }).first().waitFor();
    await goTo(page, 'Thủ tục');
    await page.getByLabel('Tìm thủ tục (gõ không dấu cũng được)').fill('chung thuc ban sao');
    await page.getByRole('link', { name: /Chứng thực bản sao từ bản chính/ }).click();
    await page.getByRole('heading', { name: 'Giấy tờ cần mang theo' }).waitFor();
    await checkAccessibility(page, findings);

    const received: { code: string; due: string }[] = [];
    for (const [i, a] of APPLICANTS.entries()) {
      received.push(await receiveDossier(page, a, i));
      if (i === 0) {
        await checkAccessibility(page, findings);
        await screenshots(page, 'field-receipt');
      }
      if (a.procedure === '2.000815') await completeOnSpot(page);
    }
    const codes = received.map((r) => r.code);
    expect(new Set(codes).size).toBe(5);
    for (const code of codes) expect(code).toMatch(new RegExp(`^000\\.19\\.01\\.H91-${planned.day.slice(2).replace(/-/g, '')}-9\\d{3}$`));

    await goTo(page, 'Tư vấn');
    for (const [hamlet, topic, people] of [
      [FAR_HAMLETS[0], '1.004194', 3],
      [FAR_HAMLETS[1], '1.004873', 4],
      [FAR_HAMLETS[2], '2.000815', 2],
      [FAR_HAMLETS[3], '1.002755', 3],
    ] as const) {
      await recordConsultation(page, hamlet, topic, people);
    }
    await page.getByRole('heading', { name: 'Hôm nay đã tư vấn 12 người' }).waitFor();
    await checkAccessibility(page, findings);

    await goTo(page, 'Khảo sát');
    for (const [i, ratings] of (
      [
        [5, 5, 4],
        [4, 5, 5],
        [3, 4, 4],
        [5, 4, 5],
      ] as [number, number, number][]
    ).entries()) {
      await recordSurvey(page, FAR_HAMLETS[i]!, ratings, i === 0 ? 'Cán bộ nhiệt tình, không phải đi xa' : '');
    }
    await checkAccessibility(page, findings);

    // ---- Reload with no network: the worker serves the app, IndexedDB still has everything.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await goTo(page, 'Hồ sơ đã nhận');
    await expect.poll(() => page.getByTestId('field-dossier').count()).toBe(5);
    for (const code of codes) await page.getByRole('link', { name: code }).waitFor();
    await checkAccessibility(page, findings);
    await goTo(page, 'Báo cáo');
    const report = page.getByTestId('field-report');
    await expect.poll(async () => (await report.textContent())?.replace(/\s+/g, ' ')).toContain('5Hồ sơ tiếp nhận');
    expect(await report.textContent()).toContain('2Giải quyết tại chỗ');
    expect(await report.textContent()).toContain('12Người được tư vấn');
    expect(await report.textContent()).toContain('4Phiếu khảo sát');
    await checkAccessibility(page, findings);
    await goTo(page, 'Đồng bộ');
    await expect.poll(() => page.locator('[data-testid="sync-item"][data-state="queued"]').count()).toBe(15);
    await checkAccessibility(page, findings);
    await screenshots(page, 'field-sync-offline');

    // ---- Back in range: sync, watching what is sent so it can be replayed afterwards.
    const sent: { body: string; credential: string }[] = [];
    const watch = (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/office/outreach/sync')) {
        sent.push({ body: request.postData() ?? '', credential: request.headers()['x-outreach-credential'] ?? '' });
      }
    };
    context.on('request', watch);
    await context.setOffline(false);
    await syncAll(page, 15);
    context.off('request', watch);
    await checkAccessibility(page, findings);
    await screenshots(page, 'field-sync-done');

    // The server has exactly these five dossiers, under the same codes, two settled on the spot.
    const dossiers = await outreachDossiers(context, page, server.url);
    expect(dossiers.map((d) => d.code).sort()).toEqual([...codes].sort());
    expect(
      dossiers
        .filter((d) => d.state === 'result_ready')
        .map((d) => d.code)
        .sort(),
    ).toEqual([codes[0], codes[1]].sort());
    const expectReport = async () => {
      const r = await officeCall<SessionReport>(context, page, 'GET', `${server.url}/api/office/outreach/sessions/${planned.sessionId}/report`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ received: 5, completedOnSpot: 2, scheduledForReturn: 3, consulted: 12, surveys: 4 });
    };
    await expectReport();
    // Synced records are gone from the device: no applicant name is left on the list.
    await goTo(page, 'Hồ sơ đã nhận');
    await expect.poll(() => page.getByText('Đã đồng bộ — thông tin cá nhân đã xóa khỏi máy').count()).toBe(5);

    // ---- Replay every batch as sent: all duplicates, nothing new on the server.
    expect(sent.length).toBeGreaterThan(0);
    let replayed = 0;
    for (const batch of sent) {
      const r = await officeCall<{ results: { status: string }[] }>(context, page, 'POST', `${server.url}/api/office/outreach/sync`, JSON.parse(batch.body), {
        'x-outreach-credential': batch.credential,
      });
      expect(r.status).toBe(200);
      expect(new Set(r.body.results.map((x) => x.status))).toEqual(new Set(['duplicate']));
      replayed += r.body.results.length;
    }
    expect(replayed).toBeGreaterThanOrEqual(15);
    expect((await outreachDossiers(context, page, server.url)).length).toBe(5);
    await expectReport();
    await context.close();
  });

  it('no serious or critical accessibility violations on the field pages', () => {
    expect(findings).toEqual([]);
  });
});

describe('connection lost in the middle of a sync', () => {
  let server: FieldServer;
  beforeAll(async () => {
    server = await startFieldServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('the server dies after applying a batch whose answer never arrives; after a restart every item is applied exactly once', async () => {
    // Route interception needs requests to bypass the worker; offline start is the other test's job.
    const context = await newFieldContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await signInToField(page, server.url);
    const planned = await planSessionToday(context, page, server.url, 'Lưu động kiểm thử mất kết nối');
    await page.goto(`${server.url}/luu-dong/`);
    await downloadKit(page, planned.day);

    await context.setOffline(true);
    const codes: string[] = [];
    for (const [i, a] of APPLICANTS.slice(0, 3).entries()) {
      codes.push((await receiveDossier(page, a, i)).code);
      if (a.procedure === '2.000815') await completeOnSpot(page);
    }
    await goTo(page, 'Tư vấn');
    for (const people of [1, 2, 3, 4, 5, 6]) await recordConsultation(page, FAR_HAMLETS[people % 4]!, '1.004194', people);
    // 3 dossiers + 2 completions + 6 consultations
    const total = 11;

    // The first sync batch reaches the server and is applied; then the server process is killed
    // and the browser never gets the answer.
    let cut = false;
    let appliedBeforeCut = 0;
    let killed: Error | 'ok' | null = null;
    const bootBefore = server.bootId();
    await page.route('**/api/office/outreach/sync', async (route) => {
      if (cut) return route.continue();
      cut = true;
      // Forwarded as the browser sent it (credential header, no cookies: route.fetch would add the
      // context's session cookie, which without a CSRF header the server refuses).
      const request = route.request();
      const answer = await fetch(request.url(), { method: 'POST', headers: request.headers(), body: request.postData() ?? undefined });
      appliedBeforeCut = ((await answer.json()) as { results: { status: string }[] }).results.filter((r) => r.status === 'applied').length;
      // The whole process group, proven gone: the port refuses connections (kill() checks).
      killed = await server.kill().then(
        () => 'ok' as const,
        (e: Error) => e,
      );
      await route.abort('connectionreset');
    });
    await goTo(page, 'Đồng bộ');
    await context.setOffline(false); // coming back in range starts the sync by itself
    await page.getByText('Mất kết nối giữa chừng', { exact: false }).waitFor({ timeout: 60_000 });
    await expect.poll(() => cut, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => killed, { timeout: 60_000 }).not.toBeNull();
    expect(killed).toBe('ok');
    expect(await connectOutcome(Number(new URL(server.url).port))).toBe('ECONNREFUSED');
    await expect.poll(() => page.locator('[data-testid="sync-item"][data-state="sending"]').count()).toBe(0);
    const settledBefore = await page.locator('[data-testid="sync-item"][data-state="applied"]').count();
    expect(appliedBeforeCut).toBeGreaterThan(0); // the server did apply the batch…
    expect(settledBefore).toBeLessThan(total); // …but the device, which never got the answer, keeps it queued

    await server.restart();
    expect(server.bootId()).not.toBe(bootBefore); // a new process, not the old one still answering
    await syncAll(page, total);
    const duplicates = await page.locator('[data-testid="sync-item"][data-state="duplicate"]').count();
    expect(duplicates).toBe(appliedBeforeCut); // the lost batch, answered from the server's record

    const dossiers = await outreachDossiers(context, page, server.url);
    expect(dossiers.map((d) => d.code).sort()).toEqual([...codes].sort());
    const r = await officeCall<SessionReport>(context, page, 'GET', `${server.url}/api/office/outreach/sessions/${planned.sessionId}/report`);
    expect(r.body).toMatchObject({ received: 3, completedOnSpot: 2, consulted: 21, surveys: 0 });
    await context.close();
  });
});
