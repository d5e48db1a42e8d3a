/** What an outreach official does in the field app, as browser steps (used by field-offline.test.ts). */
import type { Page } from 'playwright-core';
import { SAMPLE_PNG, chooseDemoAccount, samplePdf } from './harness.ts';

export const OUTREACH_OFFICIAL = 'phulam.luudong';

export interface ApplicantSpec {
  procedure: '2.000815' | '1.004873';
  idNumber: string;
  fullName: string;
  phone: string;
  hamlet: string;
}

export const APPLICANTS: ApplicantSpec[] = [
  { procedure: '2.000815', idNumber: '089052003311', fullName: 'Võ Văn Tư', phone: '0978112233', hamlet: '30421-09' },
  { procedure: '2.000815', idNumber: '089190004567', fullName: 'Trần Thị Bích Ngọc', phone: '0987654321', hamlet: '30421-06' },
  { procedure: '1.004873', idNumber: '089095001234', fullName: 'Nguyễn Văn An', phone: '0912345678', hamlet: '30421-07' },
  { procedure: '1.004873', idNumber: '089201009876', fullName: 'Lê Thị Hồng', phone: '0903111222', hamlet: '30421-08' },
  { procedure: '1.004873', idNumber: '089188007654', fullName: 'Phạm Minh Trí', phone: '0934555666', hamlet: '30421-09' },
];

export async function signInToField(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/auth/login?returnTo=${encodeURIComponent('/luu-dong/')}`);
  await chooseDemoAccount(page, baseUrl, OUTREACH_OFFICIAL);
}

/** Picks today's session on the setup page and waits for its home page. */
export async function downloadKit(page: Page, day: string): Promise<void> {
  const [y, m, d] = day.split('-');
  const button = page.getByRole('button', { name: new RegExp(`Tải bộ công cụ: .*${d}/${m}/${y}`) });
  await button.waitFor({ timeout: 20_000 }).catch(async () => {
    throw new Error(`no kit button for ${day}; the page says:\n${await page.locator('main').innerText()}`);
  });
  await button.click();
  await page
    .getByText('Điểm tập trung: Nhà văn hóa ấp Phú Long 2', { exact: true })
    .waitFor({ timeout: 20_000 })
    .catch(async () => {
      throw new Error(`the kit did not open; the page says:\n${await page.locator('main').innerText()}`);
    });
}

export async function goTo(page: Page, navLabel: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng tiếp nhận lưu động' }).getByRole('link', { name: navLabel, exact: true }).click();
}

/** Fills the intake form (applicant, the procedure's own form, two files) and returns the code on the receipt. */
export async function receiveDossier(page: Page, a: ApplicantSpec, index: number): Promise<{ code: string; due: string }> {
  await goTo(page, 'Nhận hồ sơ');
  await page.locator('#procedure').selectOption(a.procedure);
  await page.locator('#applicant-idNumber').fill(a.idNumber);
  await page.locator('#applicant-fullName').fill(a.fullName);
  await page.locator('#applicant-birthDate').fill('1980-05-0' + ((index % 9) + 1));
  await page.locator('label[for="applicant-sex"]').click();
  await page.locator('#applicant-phone').fill(a.phone);
  await page.locator('#applicant-hamlet').selectOption(a.hamlet);
  await page.locator('#applicant-addressLine').fill(`Số ${10 + index}, tổ 3`);
  if (a.procedure === '2.000815') {
    await page.locator('#form-documents-0-documentName').fill('Giấy khai sinh');
    await page.locator('#form-documents-0-pages').fill('1');
    await page.locator('#form-documents-0-copies').fill('2');
  } else {
    await page.getByText('Chưa đăng ký kết hôn với ai', { exact: true }).click();
    await page.getByText('Mục đích khác', { exact: true }).click();
    await page.locator('#form-purposeDetail').fill('Vay vốn ngân hàng');
    await page.locator('#form-copies').fill('1');
  }
  await page.getByTestId('attachment-files').setInputFiles([
    { name: `cccd-${index}.png`, mimeType: 'image/png', buffer: SAMPLE_PNG },
    { name: `giay-to-${index}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(`Field dossier ${index}`) },
  ]);
  await page.getByRole('button', { name: 'Tiếp nhận và cấp mã hồ sơ' }).click();
  const code = (await page.getByTestId('receipt-code').textContent({ timeout: 15_000 }))!.trim();
  const due = (await page.getByTestId('receipt-due').textContent())!.trim();
  return { code, due };
}

export async function completeOnSpot(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Giải quyết, trả kết quả tại chỗ' }).click();
  // It asks first (issue #18): the hand-over cannot be undone.
  await page.getByRole('button', { name: 'Xác nhận đã giải quyết và trả kết quả' }).click();
  await page.getByTestId('receipt-due').getByText('Đã giải quyết và trả kết quả tại chỗ.').waitFor();
}

export async function recordConsultation(page: Page, hamlet: string, topicCode: string, people: number): Promise<void> {
  await page.locator('#consult-hamlet').selectOption(hamlet);
  await page.locator('#consult-topic').selectOption(topicCode);
  await page.locator('#consult-people').fill(String(people));
  await page.getByRole('button', { name: 'Ghi nhận lượt tư vấn' }).click();
  await page.getByText(`Đã ghi nhận ${people} người.`).waitFor();
}

export async function recordSurvey(page: Page, hamlet: string, ratings: [number, number, number], comment: string): Promise<void> {
  await page.locator('#survey-hamlet').selectOption(hamlet);
  for (const [i, aspect] of ['overall', 'staff', 'convenience'].entries()) {
    await page.locator(`input[name="rating-${aspect}"][value="${ratings[i]}"]`).check();
  }
  await page.locator('#survey-comment').fill(comment);
  await page.getByRole('button', { name: 'Ghi nhận phiếu khảo sát' }).click();
  await page.getByText('Cảm ơn! Đã ghi nhận phiếu khảo sát.').waitFor();
}

/** Presses "Đồng bộ ngay" (or joins the automatic sync) and waits until no item is waiting. */
export async function syncAll(page: Page, expected: number): Promise<void> {
  await goTo(page, 'Đồng bộ');
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  if ((await button.count()) > 0 && (await button.isEnabled())) await button.click();
  await page.waitForFunction(
    (n) => {
      const items = [...document.querySelectorAll('[data-testid="sync-item"]')];
      return items.length === n && items.every((i) => ['applied', 'duplicate'].includes(i.getAttribute('data-state') ?? ''));
    },
    expected,
    { timeout: 90_000 },
  );
}
