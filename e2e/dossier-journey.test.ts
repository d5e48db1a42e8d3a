import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_PNG,
  checkAccessibility,
  chooseDemoAccount,
  ensureWebBuilt,
  launchBrowser,
  runToolOnBytes,
  samplePdf,
  screenshots,
  signIn,
  startServer,
  type AxeFinding,
  type RunningServer,
} from './harness.ts';

// Demo people (packages/server/data/demo-people.json), all of Xã Phú Lâm (30421).
const CITIZEN = '089095001234'; // Nguyễn Văn An, phone 0912345678
const CITIZEN_PHONE = '0912345678';
const RECEPTIONIST = 'phulam.tiepnhan';
const SPECIALIST = 'phulam.chuyenvien';
const APPROVER = 'phulam.lanhdao';

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

async function next(page: Page) {
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
}

/** Opens one allowed action's form on the office dossier page and submits it after `fill`. */
async function act(page: Page, actionLabel: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const details = page.locator('details.action-form').filter({ has: page.locator('summary', { hasText: actionLabel }) });
  await expect.poll(() => details.count()).toBe(1);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await fill(details);
  await details.locator('button[type="submit"]').click();
  await page.getByText(`Đã thực hiện: ${actionLabel}.`).waitFor();
}

async function officeDossier(page: Page, code: string) {
  await page.goto(`${server.url}/can-bo/ho-so/${code}`);
  await page.getByRole('heading', { name: 'Đăng ký khai sinh' }).waitFor();
}

describe('a birth registration from search to returned result', () => {
  it('citizen submits, desk asks for more, citizen supplements, office finishes, everyone sees it', async () => {
    // ---- Citizen: find the procedure without diacritics, sign in with the e-ID, fill the wizard.
    const citizenContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const citizen = await citizenContext.newPage();
    await citizen.goto(server.url);
    await citizen.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
    const result = citizen.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
    await result.waitFor();
    await audit(citizen);
    await screenshots(citizen, 'home-search');
    await result.click();
    await citizen.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await audit(citizen);
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.getByRole('link', { name: 'Đăng nhập để nộp hồ sơ' }).click();
    await audit(citizen); // the development e-ID page
    await chooseDemoAccount(citizen, server.url, CITIZEN);
    expect(new URL(citizen.url()).pathname).toBe('/nop-ho-so/1.001193');
    // The header now says who is signed in and offers the way out instead of "Đăng nhập".
    const citizenHeader = citizen.locator('header.site-header');
    await citizenHeader.getByText('Nguyễn Văn An').waitFor();
    await citizenHeader.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    expect(await citizenHeader.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);

    // Step 1: applicant, prefilled from the e-ID.
    await expect.poll(() => citizen.getByLabel('Số CCCD').inputValue()).toBe(CITIZEN);
    expect(await citizen.getByLabel('Số điện thoại').inputValue()).toBe(CITIZEN_PHONE);
    await citizen.getByLabel('Thôn, ấp, tổ dân phố').selectOption({ label: 'Ấp Phú Lâm 1' });
    await audit(citizen);
    await screenshots(citizen, 'wizard-applicant');
    await next(citizen);

    // Step 2: the child. Continuing with blanks shows plain-language errors first.
    await citizen.getByRole('heading', { name: 'Người được khai sinh' }).waitFor();
    await next(citizen);
    await citizen.getByRole('alert').filter({ hasText: 'chỗ cần sửa' }).waitFor();
    expect(await citizen.getByText('Vui lòng điền mục này.').count()).toBeGreaterThan(0);
    await audit(citizen);
    await screenshots(citizen, 'wizard-errors');
    await citizen.getByLabel('Họ, chữ đệm và tên người được khai sinh').fill('Nguyễn Thị Bình');
    await citizen.getByLabel('Ngày, tháng, năm sinh người được khai sinh').fill('2025-10-20');
    await citizen.getByLabel('Nữ', { exact: true }).check();
    await citizen.getByLabel('Dân tộc người được khai sinh').fill('Kinh');
    await citizen.getByLabel('Nơi sinh người được khai sinh').fill('Trạm Y tế xã Phú Lâm');
    await next(citizen);

    // Step 3: the mother; a short CCCD is explained, not echoed as a pattern.
    await citizen.getByRole('heading', { name: 'Thông tin người mẹ' }).waitFor();
    await citizen.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Bích Ngọc');
    await citizen.getByLabel('Ngày, tháng, năm sinh người mẹ').fill('1990-07-21');
    await citizen.getByLabel('Dân tộc người mẹ').fill('Kinh');
    await citizen.getByLabel(/Số định danh cá nhân \(CCCD\) người mẹ/).fill('0891900');
    await citizen.getByLabel('Nơi cư trú người mẹ').fill('Ấp Phú Lâm 1, xã Phú Lâm, An Giang');
    await next(citizen);
    await citizen.getByText('Số CCCD phải gồm đúng 12 chữ số.').first().waitFor();
    await citizen.getByLabel(/Số định danh cá nhân \(CCCD\) người mẹ/).fill('089190004567');
    await next(citizen);

    // Step 4: the father is optional.
    await citizen.getByRole('heading', { name: 'Thông tin người cha' }).waitFor();
    await next(citizen);

    // Step 5: evidence and requests.
    await citizen.getByRole('heading', { name: 'Giấy tờ và yêu cầu' }).waitFor();
    await citizen.getByLabel('Giấy chứng sinh', { exact: true }).check();
    await citizen.getByLabel('Cha', { exact: true }).check();
    await audit(citizen);
    await next(citizen);

    // Documents: two uploads with a progress bar, then listed as done.
    await citizen.getByRole('heading', { name: 'Giấy tờ kèm theo' }).waitFor();
    await citizen
      .getByLabel(/^Chụp ảnh hoặc chọn tệp cho: Giấy chứng sinh/)
      .setInputFiles({ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: SAMPLE_PNG });
    await citizen
      .getByLabel(/^Chụp ảnh hoặc chọn tệp \(PDF\): Giấy tờ tùy thân/)
      .setInputFiles({ name: 'cccd-nguoi-di-khai.pdf', mimeType: 'application/pdf', buffer: samplePdf('CCCD') });
    await citizen.getByRole('button', { name: 'Bỏ tệp giay-chung-sinh.png' }).waitFor();
    await citizen.getByRole('button', { name: 'Bỏ tệp cccd-nguoi-di-khai.pdf' }).waitFor();
    await audit(citizen);
    await screenshots(citizen, 'wizard-documents');
    await next(citizen);

    // Delivery, then the review page.
    await citizen.getByLabel('Nhận tại Bộ phận Một cửa').check();
    await next(citizen);
    await citizen.getByRole('heading', { name: 'Kiểm tra và nộp' }).waitFor();
    await citizen.getByText('Nguyễn Thị Bình').waitFor();
    await audit(citizen);
    await screenshots(citizen, 'wizard-review');
    await citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    // Receipt: code, appointment, QR to the public look-up.
    await citizen.getByText('Đã nộp hồ sơ thành công').waitFor();
    const code = (await citizen.locator('.receipt__code').innerText()).trim();
    expect(code).toMatch(/^[A-Za-z0-9._-]+-\d{6}-\d{4,}$/);
    await citizen.locator('.receipt__qr svg').waitFor();
    await citizen.getByText('Ngày hẹn trả kết quả').waitFor();
    await audit(citizen);
    await screenshots(citizen, 'receipt');

    // ---- Receptionist: find it with the keyboard, receive it, ask for one more paper.
    const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const desk = await signIn(deskContext, server.url, RECEPTIONIST, '/can-bo');
    await desk.getByRole('heading', { name: /Hôm nay/ }).waitFor();
    await desk.locator('.stat__value').first().waitFor();
    await audit(desk);
    await screenshots(desk, 'office-dashboard');
    await desk.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await desk.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await desk.locator('.queue-table').waitFor();
    await desk.keyboard.press('/');
    await desk.keyboard.type(code);
    await desk.keyboard.press('Enter');
    await desk.getByRole('link', { name: code }).waitFor();
    await audit(desk);
    await screenshots(desk, 'office-queue');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('j');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.textContent)).toBe(code);
    await desk.keyboard.press('Enter');
    await desk.getByRole('heading', { name: 'Đăng ký khai sinh' }).waitFor();
    expect(new URL(desk.url()).pathname).toBe(`/can-bo/ho-so/${code}`);
    // Documents open inline.
    await desk.getByRole('button', { name: 'Xem giay-chung-sinh.png' }).click();
    await desk.locator('img.doc-viewer').waitFor();
    await desk.getByRole('button', { name: 'Xem cccd-nguoi-di-khai.pdf' }).click();
    await desk.locator('iframe.doc-viewer').waitFor();
    // Exactly the actions the server allows a receptionist on a submitted dossier.
    const offered = await desk.locator('details.action-form summary').allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining(['Tiếp nhận hồ sơ', 'Từ chối tiếp nhận', 'Yêu cầu bổ sung']));
    await audit(desk);
    await screenshots(desk, 'office-dossier');
    await act(desk, 'Tiếp nhận hồ sơ');
    await act(desk, 'Yêu cầu bổ sung', async (form) => {
      await form.getByLabel('Văn bản ủy quyền nếu nộp thay (trừ ông, bà, người thân thích)').check();
      await form.getByLabel('Lý do').fill('Người đi khai là ông nội, cần văn bản ủy quyền của cha mẹ.');
    });
    await desk.getByRole('link', { name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' }).click();
    await desk.getByText('Văn bản ủy quyền nếu nộp thay').waitFor();
    // The results module signs form 02 in the background; the slip page, left open, links the PDF
    // by itself once it is issued (it polls the dossier's progress): no reload.
    const signedPdf = desk.getByRole('link', { name: /PDF có chữ ký số/ });
    await signedPdf.first().waitFor({ timeout: 60_000 });
    const pdf = await desk.request.get(`${server.url}${await signedPdf.first().getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await audit(desk);
    await screenshots(desk, 'office-slip-supplement');

    // ---- Citizen: the supplement request shows in "Hồ sơ của tôi"; upload and send.
    await citizen.goto(`${server.url}/ho-so-cua-toi`);
    const card = citizen.locator('.dossier-list > li').filter({ hasText: code });
    await card.getByRole('heading', { name: 'Cần bổ sung giấy tờ' }).waitFor();
    await card.getByText('Văn bản ủy quyền nếu nộp thay').waitFor();
    await audit(citizen);
    await card
      .getByLabel(/^Chụp ảnh hoặc chọn tệp cho: Cần bổ sung giấy tờ/)
      .setInputFiles({ name: 'van-ban-uy-quyen.pdf', mimeType: 'application/pdf', buffer: samplePdf('Uy quyen') });
    await card.getByRole('button', { name: 'Bỏ tệp van-ban-uy-quyen.pdf' }).waitFor();
    await card.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await card.getByText('Đã gửi giấy tờ bổ sung.').waitFor();

    // ---- Office: the receptionist assigns by name (no ids to know), then propose, approve, ready, return.
    await officeDossier(desk, code);
    await act(desk, 'Giao chuyên viên', async (form) => {
      await form.getByLabel('Chuyên viên xử lý').selectOption({ label: 'Đặng Minh Khoa' });
    });

    const specialistContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const specialist = await signIn(specialistContext, server.url, SPECIALIST, `/can-bo/ho-so/${code}`);
    await act(specialist, 'Đề xuất kết quả', async (form) => {
      await form.getByLabel('Đồng ý giải quyết').check();
      await form.getByLabel('Ghi chú').fill('Hồ sơ đầy đủ, đề nghị cấp Giấy khai sinh.');
    });

    const approverContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const approver = await signIn(approverContext, server.url, APPROVER, `/can-bo/ho-so/${code}`);
    await act(approver, 'Phê duyệt');

    // The results module signs the result and marks it ready on its own (outbox worker). The desk's
    // page, open since the assignment and never reloaded, follows: it offers the return and links
    // the signed result once the server has them.
    const startedAt = await desk.evaluate(() => performance.timeOrigin);
    await desk.locator('details.action-form summary', { hasText: 'Trả kết quả' }).waitFor({ timeout: 60_000 });
    const extractLink = desk.getByRole('link', { name: /Trích lục khai sinh/ }).first();
    await extractLink.waitFor({ timeout: 60_000 });
    expect(await desk.evaluate(() => performance.timeOrigin)).toBe(startedAt); // the same document: no navigation
    // The result is the Trích lục khai sinh (Circular 04/2020/TT-BTP, civil-forms.ts): the form's
    // items in the form's order under the register number, signed so that pdfsig validates it.
    const extract = await desk.request.get(new URL((await extractLink.getAttribute('href'))!, server.url).href);
    expect(extract.status()).toBe(200);
    const extractPdf = await extract.body();
    const extractText = (await runToolOnBytes('pdftotext', (file) => [file, '-'], extractPdf, 'trich-luc.pdf')).stdout.replace(/\s+/g, ' ');
    let at = 0;
    for (const item of [
      'Số: ',
      'Quyển số: ',
      'TRÍCH LỤC KHAI SINH',
      'Họ, chữ đệm, tên: Nguyễn Thị Bình',
      'Ngày, tháng, năm sinh: 20/10/2025',
      'Giới tính: Nữ',
      'Dân tộc: Kinh',
      'Nơi sinh: Trạm Y tế xã Phú Lâm',
      'Họ, chữ đệm, tên người mẹ: Trần Thị Bích Ngọc',
      'Năm sinh: 1990',
      'Nơi đăng ký khai sinh: Ủy ban nhân dân xã Phú Lâm',
      'NGƯỜI KÝ TRÍCH LỤC',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thanh Tùng',
    ]) {
      const i = extractText.indexOf(item, at);
      expect(i, `"${item}" in order in: ${extractText}`).toBeGreaterThanOrEqual(0);
      at = i + item.length;
    }
    expect(extractText).toMatch(/Số: \d+ Quyển số: 01\/\d{4}/);
    const pdfsig = await runToolOnBytes('pdfsig', (file) => [file], extractPdf, 'trich-luc.pdf');
    expect(pdfsig.stdout).toContain('Signature is Valid.');
    expect(pdfsig.stdout).toContain('Total document signed');
    // The return panel: the way the citizen asked for (at the counter) is preselected; the
    // recipient signs on the screen with the mouse.
    await act(desk, 'Trả kết quả', async (form) => {
      expect(await form.getByLabel('Nhận tại Bộ phận Một cửa').isChecked()).toBe(true);
      await form.getByLabel('Họ tên người nhận').fill('Nguyễn Văn An');
      await form.getByLabel('Số CCCD của người nhận').fill(CITIZEN);
      await audit(desk);
      const pad = form.getByRole('img', { name: 'Chữ ký người nhận' });
      await pad.scrollIntoViewIfNeeded(); // mouse coordinates are the viewport's
      const box = (await pad.boundingBox())!;
      await desk.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
      await desk.mouse.down();
      for (const [fx, fy] of [
        [0.25, 0.3],
        [0.4, 0.7],
        [0.55, 0.3],
        [0.7, 0.7],
        [0.85, 0.4],
      ] as const) {
        await desk.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 4 });
      }
      await desk.mouse.up();
    });
    await desk.locator('.dossier-head').getByText('Đã trả kết quả').waitFor();
    const returned = await desk.request.get(`${server.url}/api/dossiers/${code}`);
    expect(((await returned.json()) as { state: string }).state).toBe('returned');

    // ---- Citizen's timeline tells the whole story.
    await citizen.goto(`${server.url}/ho-so-cua-toi`);
    const timeline = citizen.getByRole('list', { name: `Diễn biến hồ sơ ${code}` });
    await timeline.waitFor();
    const steps = await timeline.locator('li > strong').allInnerTexts();
    expect(steps).toEqual([
      'Nộp hồ sơ',
      'Tiếp nhận hồ sơ',
      'Yêu cầu bổ sung giấy tờ',
      'Nộp bổ sung giấy tờ',
      'Giao chuyên viên xử lý',
      'Chuyên viên đề xuất kết quả',
      'Lãnh đạo phê duyệt',
      'Đã có kết quả',
      'Trả kết quả',
    ]);
    const authenticity = citizen.locator('.dossier-list > li').filter({ hasText: code }).getByRole('link', { name: 'Kiểm tra tính xác thực' });
    await authenticity.waitFor();
    // The link carries the document's h token, so the check succeeds (issue #18: it used to omit it).
    const verifyHref = (await authenticity.getAttribute('href')) ?? '';
    expect(verifyHref).toMatch(/\?h=[0-9a-f]+$/);
    const verdict = await citizen.request.get(verifyHref, { headers: { accept: 'application/json' } });
    expect(((await verdict.json()) as { verdict: string }).verdict).toBe('authentic');
    await audit(citizen);
    await screenshots(citizen, 'my-dossiers');
    // Logging out ends the session on the server and brings the citizen home, anonymous.
    await citizen.locator('header.site-header').getByRole('button', { name: 'Đăng xuất' }).click();
    await citizen.waitForURL(`${server.url}/`);
    await citizen.locator('header.site-header').getByRole('link', { name: 'Đăng nhập' }).waitFor();
    expect((await citizen.request.get(`${server.url}/api/me`)).status()).toBe(401);

    // ---- The approver's figures: today in Vietnam holds exactly the dossier this journey filed
    // (the demo week's dossiers were all received on earlier working days).
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await approver.getByRole('navigation', { name: 'Điều hướng cho cán bộ' }).getByRole('link', { name: 'Số liệu' }).click();
    await approver.getByRole('heading', { level: 1, name: /^Số liệu tổng hợp – Xã Phú Lâm/ }).waitFor();
    await approver.locator('[data-figure="received"] .stat__value').waitFor();
    await audit(approver);
    await approver.getByLabel('Từ ngày').fill(today);
    await approver.getByLabel('Đến ngày').fill(today);
    await approver.getByRole('button', { name: 'Xem số liệu' }).click();
    const [y, m, d] = today.split('-');
    await approver.getByRole('status').getByText(`Số liệu từ ngày ${d}/${m}/${y} đến ngày ${d}/${m}/${y}.`).waitFor();
    expect(await approver.locator('[data-figure="received"] .stat__value').innerText()).toBe('1');
    expect(await approver.locator('[data-figure="onlineRate"] .stat__value').innerText()).toBe('1/1 = 100%');
    expect(await approver.locator('tr[data-channel="online"] td').first().innerText()).toBe('1');
    expect(await approver.locator('tr[data-channel="counter"] td').first().innerText()).toBe('0');
    await approver.locator('[data-figure="outreach"]').getByText('0 tiếp nhận, 0 giải quyết tại chỗ, 0 hẹn trả; 0 lượt người được hướng dẫn').waitFor();
    expect(new URL(approver.url()).searchParams.get('tu')).toBe(today);
    await audit(approver);
    await screenshots(approver, 'office-insights');

    // The province viewer sees the same dossier in the row of Phú Lâm, in a real table.
    const provinceContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const province = await signIn(provinceContext, server.url, 'angiang.theodoi', `/can-bo/so-lieu?tu=${today}&den=${today}`);
    const communes = province.getByRole('table', { name: 'Số liệu từng xã, phường trong tỉnh' });
    const phuLam = communes.getByRole('row').filter({ has: province.getByRole('rowheader', { name: /Phú Lâm/ }) });
    await phuLam.waitFor();
    expect(await phuLam.getByRole('cell').first().innerText()).toBe('1');
    await audit(province);
    await screenshots(province, 'office-insights-province');
    await provinceContext.close();

    // ---- Anyone with the code and phone number: the public look-up (where the QR code leads).
    const publicContext = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const visitor = await publicContext.newPage();
    await visitor.goto(`${server.url}/tra-cuu?ma=${code}`);
    expect(await visitor.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    await visitor.getByLabel('Số điện thoại hoặc số CCCD của người nộp').fill(CITIZEN_PHONE);
    await visitor.getByRole('button', { name: 'Tra cứu' }).click();
    await visitor.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await visitor.getByText('Đã trả kết quả').waitFor();
    await audit(visitor);
    await screenshots(visitor, 'lookup');

    for (const context of [citizenContext, deskContext, specialistContext, approverContext, publicContext]) await context.close();
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
