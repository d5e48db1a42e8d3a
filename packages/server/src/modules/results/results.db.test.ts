import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, client, maritalStatusBody, startDossierApp, userId } from '../dossiers/testkit.ts';
import { sha256Hex } from './signing/index.ts';
import { ensureTools, flipOneByte, getPdf, multipartPdf, pdfTools, resultsWorker } from './testkit.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
let drain: () => Promise<void>;
let tools: Awaited<ReturnType<typeof pdfTools>>;
const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const A = 'official:phulam.lanhdao';
const citizen = `citizen:${AN}`;

beforeAll(async () => {
  await ensureTools();
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
  drain = resultsWorker(t);
}, 300_000);
afterAll(async () => {
  tools?.remove();
  await t?.close();
});

type Doc = { id: string; kind: string; sha256: string; verifyUrl: string; downloadUrl: string; signerSubject: string; issuingUnit: string };
const documents = async (who: string, code: string) => (await c.get(who, `/api/dossiers/${code}/documents`)).json().items as Doc[];
const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
};
/** The app-relative path of a verification URL printed in a QR code. */
const pathOf = (url: string) => {
  expect(url.startsWith(`${t.config.publicUrl}/verify/`)).toBe(true);
  return url.slice(t.config.publicUrl.length);
};

describe('documents issued along the way, signed and verifiable', () => {
  let code: string;
  let result: Doc;
  let signed: Buffer;

  it('issues a receipt at intake with the real dossier data and a QR code to the verify page', async () => {
    tools = await pdfTools(t);
    code = (await c.submit(citizen, maritalStatusBody(AN, { resultDelivery: 'electronic' }))).json().code;
    await ok(c.act(R, code, { action: 'receive', note: 'Đủ giấy tờ' }));
    await drain();
    const [receipt] = await documents(citizen, code);
    expect(receipt).toMatchObject({ kind: 'receipt', issuingUnit: 'Ủy ban nhân dân xã Phú Lâm' });
    const pdf = await getPdf(t, citizen, receipt!.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(sha256Hex(pdf.bytes)).toBe(receipt!.sha256);

    const text = await tools.text(pdf.bytes);
    for (const s of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'ỦY BAN NHÂN DÂN XÃ PHÚ LÂM',
      'TỈNH AN GIANG',
      'Nguyễn Văn An',
      'Cấp Giấy xác nhận tình trạng hôn nhân',
      'Huỳnh Thị Mỹ Linh',
      `Mã hồ sơ: ${code}`,
      '17 giờ 00 phút, ngày 05 tháng 3 năm 2026',
      'Trực tuyến qua Cổng dịch vụ công',
      'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
    ]) {
      expect(text).toContain(s);
    }

    const url = await tools.qr(pdf.bytes);
    expect(url).toBe(receipt!.verifyUrl);
    const page = await t.app.inject({ url: pathOf(url) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Văn bản xác thực');
    expect(page.body).toContain('Authentic document');
    expect(page.body).toContain(code);
    expect(page.body).not.toContain('Nguyễn Văn An'); // no personal data on the public page
  });

  it('signs the result when the approver approves, and the dossier becomes result_ready', async () => {
    await ok(c.act(R, code, { action: 'assign', assigneeUserId: await userId(t, 'phulam.chuyenvien') }));
    await ok(c.act(S, code, { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện' }));
    await ok(c.act(A, code, { action: 'approve', note: 'Đồng ý cấp' }));
    await drain();
    const d = (await c.get(citizen, `/api/dossiers/${code}`)).json();
    expect(d.state).toBe('result_ready');
    expect(d.history.at(-1)).toMatchObject({ action: 'mark_result_ready', actorName: 'Hệ thống ký số Motcua' });

    result = (await documents(citizen, code)).find((x) => x.kind === 'result')!;
    expect(result.signerSubject).toBe('CN=Ủy ban nhân dân xã Phú Lâm, O=Motcua development CA, C=VN');
    signed = (await getPdf(t, citizen, result.downloadUrl)).bytes;
    expect(sha256Hex(signed)).toBe(result.sha256);

    const sig = await tools.pdfsig(signed);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('Certificate is Trusted.');
    const text = await tools.text(signed);
    expect(text).toContain('GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN'); // the form of Circular 04/2020/TT-BTP (civil-forms.ts)
    expect(text).toContain('Số: 1/UBND-XNTTHN');
    expect(text).toContain('Chưa đăng ký kết hôn với ai'); // the form's answer by its title
    expect(text).toContain('Nguyễn Thanh Tùng'); // the approver

    const row = await t.ctx.db.selectFrom('result_document').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ dossier_code: code, kind: 'result', sha256: result.sha256, signer_subject: result.signerSubject });
    expect(row.blob_key).toBe(`results/${result.sha256.slice(0, 2)}/${result.sha256}.pdf`);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('dossier_code', '=', code)
      .where('action', '=', 'results.document.issued')
      .execute();
    expect(audit.map((a) => a.detail.sha256)).toContain(result.sha256);
    // The result-ready notice carries the verification link.
    const notices = await t.ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'dossier.notice').execute();
    const ready = notices.map((n) => n.payload as Record<string, unknown>).find((p) => p.dossierCode === code && p.action === 'mark_result_ready');
    expect(ready).toMatchObject({ verifyUrl: result.verifyUrl, deliveryMethod: 'electronic' });
  });

  it('follows the QR code of the result to an authentic verdict; a flipped byte fails pdfsig and the verify page', async () => {
    const url = await tools.qr(signed);
    expect(url).toBe(result.verifyUrl);
    const json = await t.app.inject({ url: pathOf(url), headers: { accept: 'application/json' } });
    expect(json.json()).toMatchObject({ verdict: 'authentic', document: { kind: 'result', dossierCode: code, issuingUnit: 'Ủy ban nhân dân xã Phú Lâm' } });
    expect((await t.app.inject({ url: `/verify/${code}?h=0123456789abcdef0123` })).statusCode).toBe(404);

    const upload = multipartPdf(signed);
    const good = await t.app.inject({ method: 'POST', url: '/verify', headers: { ...upload.headers, accept: 'application/json' }, payload: upload.payload });
    expect(good.json()).toMatchObject({ verdict: 'authentic', checks: { issuedByMotcua: true, signatureValid: true, coversWholeFile: true } });

    const tampered = flipOneByte(signed);
    const sig = await tools.pdfsig(tampered);
    expect(sig).not.toContain('Signature is Valid.');
    const bad = multipartPdf(tampered);
    const asJson = await t.app.inject({ method: 'POST', url: '/verify', headers: { ...bad.headers, accept: 'application/json' }, payload: bad.payload });
    expect(asJson.json()).toMatchObject({ verdict: 'altered', checks: { issuedByMotcua: false, signatureValid: false } });
    const asHtml = await t.app.inject({ method: 'POST', url: '/verify', headers: { ...bad.headers, accept: 'text/html' }, payload: bad.payload });
    expect(asHtml.body).toContain('KHÔNG xác thực: văn bản đã bị sửa đổi');
    expect(asHtml.body).toContain('NOT authentic: the document was altered');
  });

  it('puts the electronic result into the citizen’s personal store and records the delivery', async () => {
    const store = (await c.get(citizen, '/api/me/documents')).json().items as { source: string; dossierCode: string; upload: { sha256: string } }[];
    expect(store.filter((d) => d.source === 'result' && d.dossierCode === code).map((d) => d.upload.sha256)).toEqual([result.sha256]);
    const r = await t.app.inject({ method: 'POST', url: `/api/office/dossiers/${code}/delivery`, headers: await as(t, R), payload: { method: 'electronic' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('returned');
    expect((await c.get(citizen, '/api/me/documents')).json().items.filter((d: { dossierCode: string }) => d.dossierCode === code)).toHaveLength(1);
  });

  it('shows documents only to the applicant and covering officials (404 for others); official reads are audited', async () => {
    const other = `citizen:${NGOC}`;
    expect((await c.get(other, `/api/dossiers/${code}/documents`)).statusCode).toBe(404);
    expect((await getPdf(t, other, result.downloadUrl)).status).toBe(404);
    expect((await c.get('official:hoadien.tiepnhan', `/api/dossiers/${code}/documents`)).statusCode).toBe(404);
    expect((await getPdf(t, 'official:hoadien.tiepnhan', result.downloadUrl)).status).toBe(404);
    expect((await t.app.inject({ url: `/api/dossiers/${code}/documents` })).statusCode).toBe(401);

    expect(await documents(A, code)).toHaveLength(2);
    // A province viewer sees figures, not results (docs/privacy.md): the same 404.
    expect((await c.get('official:angiang.theodoi', `/api/dossiers/${code}/documents`)).statusCode).toBe(404);
    expect((await getPdf(t, 'official:angiang.theodoi', result.downloadUrl)).status).toBe(404);
    expect((await getPdf(t, A, result.downloadUrl)).status).toBe(200);
    const reads = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'detail'])
      .where('dossier_code', '=', code)
      .where('action', 'like', 'results.document.%')
      .execute();
    expect(reads.filter((a) => a.action === 'results.document.list').map((a) => a.actor.name)).toContain('Nguyễn Thanh Tùng');
    const opened = reads.filter((a) => a.action === 'results.document.read');
    expect(opened.map((a) => a.actor.name)).toEqual(['Nguyễn Thanh Tùng']);
    expect(opened[0]!.detail).toMatchObject({ kinds: ['results'], as: { roles: ['approver'], unitCodes: ['30421'] } });
  });
});
