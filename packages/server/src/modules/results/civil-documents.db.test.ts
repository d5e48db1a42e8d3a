import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, applicant, client, startDossierApp, userId } from '../dossiers/testkit.ts';
import { ensureTools, getPdf, pdfTools, resultsWorker } from './testkit.ts';

// Result documents in the forms the law prescribes (civil-forms.ts; docs/rules.md, "Result
// documents"): the items in the form's order, the register number, the signer's position.
let t: TestContext;
let c: ReturnType<typeof client>;
let drain: () => Promise<void>;
let tools: Awaited<ReturnType<typeof pdfTools>>;
const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const A = 'official:phulam.lanhdao'; // Phó Chủ tịch Ủy ban nhân dân (demo-people.json)

beforeAll(async () => {
  await ensureTools();
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
  drain = resultsWorker(t);
  tools = await pdfTools(t);
}, 300_000);
afterAll(async () => {
  tools?.remove();
  await t?.close();
});

function birthBody(idNumber: string, childFullName: string) {
  return {
    procedureCode: '1.001193',
    unitCode: '30421',
    channel: 'online',
    applicant: applicant(idNumber),
    // Stored in a different order from the form's on purpose: the extract follows the form.
    form: {
      motherResidence: 'Ấp Phú Hưng, xã Phú Lâm, tỉnh An Giang',
      childSex: 'nu',
      childFullName,
      childDateOfBirth: '2026-02-20',
      childEthnicity: 'Kinh',
      childNationality: 'Việt Nam',
      childPlaceOfBirth: 'Trạm Y tế xã Phú Lâm, tỉnh An Giang',
      childHometown: 'xã Phú Lâm, tỉnh An Giang',
      motherFullName: 'Trần Thị Bích Ngọc',
      motherDateOfBirth: '1990-05-04',
      motherEthnicity: 'Kinh',
      motherNationality: 'Việt Nam',
      fatherFullName: 'Nguyễn Văn An',
      fatherDateOfBirth: '1995-01-10',
      fatherEthnicity: 'Kinh',
      fatherNationality: 'Việt Nam',
      fatherResidence: 'Ấp Phú Hưng, xã Phú Lâm, tỉnh An Giang',
      birthProofKind: 'giay_chung_sinh',
      declarantRelationship: 'cha',
    },
    resultDelivery: 'electronic',
  };
}

async function decide(body: object, note = 'Đồng ý..'): Promise<string> {
  const submitted = await c.submit(`citizen:${(body as { applicant: { idNumber: string } }).applicant.idNumber}`, body);
  expect(submitted.statusCode, submitted.body).toBe(201);
  const code = submitted.json().code as string;
  for (const [who, payload] of [
    [R, { action: 'receive', note: 'Đủ giấy tờ' }],
    [R, { action: 'assign', assigneeUserId: await userId(t, 'phulam.chuyenvien') }],
    [S, { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện' }],
    [A, { action: 'approve', note }],
  ] as const) {
    const r = await c.act(who, code, payload);
    expect(r.statusCode, r.body).toBe(200);
  }
  await drain();
  return code;
}

async function resultPdf(code: string): Promise<{ title: string; bytes: Buffer }> {
  const docs = (await c.get(`citizen:${AN}`, `/api/dossiers/${code}/documents`)).json().items as { kind: string; title: string; downloadUrl: string }[];
  const result = docs.find((d) => d.kind === 'result')!;
  const bytes = (await getPdf(t, `citizen:${AN}`, result.downloadUrl)).bytes;
  return { title: result.title, bytes };
}

/** Where each label first appears after the previous one: fails unless they come in this order. */
function expectInOrder(text: string, labels: string[]): void {
  let at = 0;
  for (const label of labels) {
    const i = text.indexOf(label, at);
    expect(i, `"${label}" after position ${at} in: ${text}`).toBeGreaterThanOrEqual(0);
    at = i + label.length;
  }
}

describe('birth registration ends with the signed Trích lục khai sinh', () => {
  it('prints the form’s items in the form’s order, the register number and the deputy chairman’s title', async () => {
    const code = await decide(birthBody(AN, 'Nguyễn Thị Bình'));
    const { title, bytes } = await resultPdf(code);
    expect(title).toBe('Trích lục khai sinh (bản điện tử)');
    expect(await tools.pdfsig(bytes)).toContain('Signature is Valid.');
    const text = await tools.text(bytes);
    expectInOrder(text, [
      'ỦY BAN NHÂN DÂN XÃ PHÚ LÂM',
      'Số: 1',
      'Quyển số: 01/2026',
      'TRÍCH LỤC KHAI SINH',
      'Họ, chữ đệm, tên: Nguyễn Thị Bình',
      'Ngày, tháng, năm sinh: 20/02/2026',
      'Giới tính: Nữ',
      'Dân tộc: Kinh',
      'Quốc tịch: Việt Nam',
      'Nơi sinh: Trạm Y tế xã Phú Lâm',
      'Quê quán: xã Phú Lâm',
      'Số định danh cá nhân',
      'Họ, chữ đệm, tên người mẹ: Trần Thị Bích Ngọc',
      'Năm sinh: 1990',
      'Nơi cư trú: Ấp Phú Hưng',
      'Họ, chữ đệm, tên người cha: Nguyễn Văn An',
      'Năm sinh: 1995',
      'Họ, chữ đệm, tên người đi khai sinh: Nguyễn Văn An',
      `Giấy tờ tùy thân: Căn cước số ${AN}`,
      'Nơi đăng ký khai sinh: Ủy ban nhân dân xã Phú Lâm, tỉnh An Giang',
      'Ngày, tháng, năm đăng ký: 02/03/2026',
      'NGƯỜI KÝ TRÍCH LỤC',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thanh Tùng',
      `Mã hồ sơ: ${code}`,
    ]);
    for (const absent of ['NGƯỜI PHÊ DUYỆT', 'Đồng ý', 'Dossier code', 'Scan or visit', '…………']) expect(text).not.toContain(absent);
  });

  it('numbers the next birth 2 in the same book, and a marital-status confirmation 1 in its own register', async () => {
    const second = await decide(birthBody(AN, 'Nguyễn Văn Cường'));
    const text = await tools.text((await resultPdf(second)).bytes);
    expectInOrder(text, ['Số: 2', 'Quyển số: 01/2026', 'TRÍCH LỤC KHAI SINH']);

    const marital = await decide({
      procedureCode: '1.004873',
      unitCode: '30421',
      channel: 'online',
      applicant: applicant(AN),
      form: { purpose: 'muc_dich_khac', maritalStatus: 'chua_ket_hon', purposeDetail: 'Vay vốn ngân hàng', copies: 1 },
      resultDelivery: 'counter',
    });
    const m = await tools.text((await resultPdf(marital)).bytes);
    expectInOrder(m, [
      'Số: 1/UBND-XNTTHN',
      'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
      'Xét đề nghị của ông/bà: Nguyễn Văn An',
      'XÁC NHẬN:',
      'Họ, chữ đệm, tên: Nguyễn Văn An',
      'Ngày, tháng, năm sinh',
      'Giới tính: Nam',
      'Dân tộc',
      'Quốc tịch',
      'Giấy tờ tùy thân',
      'Nơi cư trú',
      'Tình trạng hôn nhân',
      'có giá trị sử dụng trong thời hạn 6 tháng',
      'Vay vốn ngân hàng',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thanh Tùng',
    ]);
    expect(m).not.toContain('Quyển số');
  });
});

describe('other procedures keep the notice, fixed', () => {
  it('numbers it in the outgoing register, lists answers in the form’s order, signs with the title, drops the approver’s note', async () => {
    const code = await decide({
      procedureCode: '1.003677',
      unitCode: '30421',
      channel: 'online',
      applicant: applicant(NGOC),
      form: { reason: 'Đi làm', destinationAddress: 'Phường Sài Gòn, TP. Hồ Chí Minh', absentUntil: '2026-06-10', absentFrom: '2026-05-10' },
      resultDelivery: 'counter',
    });
    const docs = (await c.get(`citizen:${NGOC}`, `/api/dossiers/${code}/documents`)).json().items as { kind: string; downloadUrl: string }[];
    const bytes = (await getPdf(t, `citizen:${NGOC}`, docs.find((d) => d.kind === 'result')!.downloadUrl)).bytes;
    const text = await tools.text(bytes);
    expectInOrder(text, ['Số: 1/TB-UBND', 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ', 'Người yêu cầu']);
    // The catalog form's order: absentFrom, absentUntil, destinationAddress, reason.
    expectInOrder(text, ['10/05/2026', '10/06/2026', 'Phường Sài Gòn', 'Đi làm', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Thanh Tùng']);
    for (const absent of ['NGƯỜI PHÊ DUYỆT', 'Đồng ý', 'Ý kiến phê duyệt', 'Dossier code', '…………']) expect(text).not.toContain(absent);
  });
});
