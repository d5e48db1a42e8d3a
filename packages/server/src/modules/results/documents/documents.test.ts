import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages, runTool } from '../../../testing/system-tools.ts';
import { scratchDir } from '../../../testing/scratch.ts';
import { receiptInput, resultInput, VERIFY_URL } from './fixtures.ts';
import { MissingPlaceholderError, renderApology, renderReceipt, renderRefusal, renderResult, renderSupplementRequest } from './index.ts';

const dir = scratchDir('motcua-docs-');
let n = 0;

function save(pdf: Uint8Array): string {
  const path = join(dir, `doc-${n++}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** pdftotext output with runs of whitespace collapsed (wrapping may break lines anywhere). */
async function text(pdf: Uint8Array, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const { code, stdout } = await runTool('pdftotext', [...range, save(pdf), '-']);
  expect(code).toBe(0);
  return stdout.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  await ensureDebianPackages({ pdftotext: 'poppler-utils', pdftoppm: 'poppler-utils', zbarimg: 'zbar-tools' });
}, 300_000);

describe('receipt (form 01)', () => {
  it('keeps Vietnamese diacritics intact in extracted text', async () => {
    const t = await text(await renderReceipt(receiptInput()));
    expect(t).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(t.toLowerCase()).toContain('giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(t).toContain('Nguyễn Thị Hoà');
    expect(t).toContain('Xã Phú Lâm');
    expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(t).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(t).toContain('ỦY BAN NHÂN DÂN XÃ PHÚ LÂM');
    expect(t).toContain('Mã hồ sơ: 000.19.01.H91-261123-0001');
    expect(t).toContain('Phú Lâm, ngày 23 tháng 11 năm 2026');
    // 09:00 UTC is 16:00 in Vietnam.
    expect(t).toContain('16 giờ 00 phút, ngày 24 tháng 11 năm 2026');
    expect(t).toContain('Giấy chứng nhận kết hôn của cha mẹ');
  });

  it('prints "(dự kiến)" beside an appointment in a year not yet announced, and nothing otherwise', async () => {
    const provisional = (await text(await renderReceipt({ ...receiptInput(), appointmentProvisional: true }))).replace(/\s+/g, ' ');
    expect(provisional).toContain('ngày 24 tháng 11 năm 2026 (dự kiến).');
    expect(await text(await renderReceipt(receiptInput()))).not.toContain('dự kiến');
  });

  it('carries a QR code that decodes to the verification URL', async () => {
    const path = save(await renderReceipt(receiptInput()));
    const prefix = join(dir, 'qr');
    expect((await runTool('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, prefix])).code).toBe(0);
    // stdout only: zbarimg warns on stderr when no D-Bus is running.
    const { code, stdout } = await runTool('zbarimg', ['--raw', '-q', `${prefix}.png`]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(VERIFY_URL);
  });

  it('flows a long document list onto a second page with the table header repeated', async () => {
    const short = await PDFDocument.load(await renderReceipt(receiptInput(3)));
    expect(short.getPageCount()).toBe(1);
    const pdf = await renderReceipt(receiptInput(30));
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    const page2 = await text(pdf, 2);
    expect(page2).toContain('Tên giấy tờ');
    expect(page2).toContain('Giấy chứng sinh (bộ 8)');
    expect(page2).toContain('Trang 2/2');
    expect(page2).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('omits the applicant signature for online submissions', async () => {
    const t = await text(await renderReceipt({ ...receiptInput(), channel: 'online' }));
    expect(t).not.toContain('NGƯỜI NỘP HỒ SƠ');
    expect(t).toContain('Trực tuyến qua Cổng dịch vụ công');
  });
});

describe('forms 02–04', () => {
  const base = receiptInput();

  it('supplement request lists each missing item and the reason', async () => {
    const t = await text(
      await renderSupplementRequest({
        ...base,
        missingItems: ['Bản sao Giấy chứng nhận kết hôn', 'Giấy chứng sinh bản chính'],
        reason: 'Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con.',
      }),
    );
    expect(t).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(t).toContain('1. Bản sao Giấy chứng nhận kết hôn');
    expect(t).toContain('2. Giấy chứng sinh bản chính');
    expect(t).toContain('Lý do: Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con.');
    await expect(renderSupplementRequest({ ...base, missingItems: [], reason: 'x' })).rejects.toThrow(/missingItems/);
  });

  it('refusal wraps a long reason across pages', async () => {
    const reason = `${'Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân Xã Phú Lâm. '.repeat(30)}KẾT THÚC LÝ DO.`;
    const pdf = await renderRefusal({ ...base, reason });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    const t = await text(pdf);
    expect(t).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(t).toContain('KẾT THÚC LÝ DO.');
  });

  it('apology gives the reason and the new appointment', async () => {
    const t = await text(
      await renderApology({
        ...base,
        originalAppointmentAt: base.appointmentAt,
        newAppointmentAt: new Date('2026-11-27T01:00:00Z'),
        reason: 'Cần xác minh thêm thông tin.',
      }),
    );
    expect(t).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(t).toContain('Theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(t).toContain('Lý do: Cần xác minh thêm thông tin.');
    expect(t).toContain('08 giờ 00 phút, ngày 27 tháng 11 năm 2026');
  });
});

describe('result document', () => {
  it('fills the template and the key-field table from form data', async () => {
    const t = await text(await renderResult(resultInput()));
    expect(t).toContain('THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(t).toContain('Số: 125/TB-UBND');
    expect(t).toContain('cho trẻ Lê Minh Khôi như sau');
    expect(t).toContain('02/11/2026');
    expect(t).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(t).toContain('Phạm Quốc Hùng');
    expect(t).not.toMatch(/[{}]/);
  });

  it('refuses to render when form data lacks a field', async () => {
    const input = resultInput();
    delete input.formData.childName;
    await expect(renderResult(input)).rejects.toBeInstanceOf(MissingPlaceholderError);
  });
});
