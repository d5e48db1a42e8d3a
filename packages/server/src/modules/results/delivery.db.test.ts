import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, client, maritalStatusBody, setClock, startDossierApp, userId } from '../dossiers/testkit.ts';
import { isS10, webhookSignature, WEBHOOK_SIGNATURE_HEADER } from './postal.ts';
import { ensureTools, getPdf, pdfTools, resultsWorker } from './testkit.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
let drain: () => Promise<void>;
let tools: Awaited<ReturnType<typeof pdfTools>>;
let specialist: string;
const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const A = 'official:phulam.lanhdao';
const citizen = `citizen:${AN}`;

beforeAll(async () => {
  await ensureTools();
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
  drain = resultsWorker(t);
  tools = await pdfTools(t);
  specialist = await userId(t, 'phulam.chuyenvien');
}, 300_000);
afterAll(async () => {
  tools?.remove();
  await t?.close();
});

const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const counterIntake = async (extra: Record<string, unknown>) =>
  (await c.submit(R, { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'signature' }, ...extra })).json().code as string;
const decide = async (code: string, outcome: 'approve' | 'refuse') => {
  await ok(c.act(R, code, { action: 'assign', assigneeUserId: specialist }));
  await ok(c.act(S, code, { action: 'propose', outcome, note: 'Đã xem xét' }));
  await ok(c.act(A, code, outcome === 'approve' ? { action: 'approve' } : { action: 'refuse', reason: 'Người yêu cầu đang có vợ theo sổ hộ tịch' }));
  await drain();
};
const deliver = async (code: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/office/dossiers/${code}/delivery`, headers: await as(t, R), payload });
const docs = async (code: string) => (await c.get(citizen, `/api/dossiers/${code}/documents`)).json().items as { kind: string; downloadUrl: string }[];
const textOf = async (url: string) => tools.text((await getPdf(t, citizen, url)).bytes);

describe('postal delivery', () => {
  it('books a shipment whose status updates the citizen sees, from officials and the carrier webhook', async () => {
    setClock(t, '2026-03-02T09:00:00+07:00');
    const code = await counterIntake({ resultDelivery: 'post', postalAddress: 'Số 12, Ấp Phú Lâm 1, Xã Phú Lâm, Tỉnh An Giang' });
    await drain();
    const [receipt] = await docs(code);
    expect(receipt?.kind).toBe('receipt'); // received on the spot
    expect(await textOf(receipt!.downloadUrl)).toContain('Qua dịch vụ bưu chính công ích');
    await decide(code, 'approve');

    const d = (await deliver(code, { method: 'post' })).json();
    expect(d.state).toBe('returned');
    const shipments = async (who: string) => (await c.get(who, `/api/dossiers/${code}/shipments`)).json().items;
    let [s] = await shipments(citizen);
    expect(isS10(s.trackingNumber)).toBe(true);
    expect(s).toMatchObject({ status: 'accepted', codFeeVnd: 25_000, address: 'Số 12, Ấp Phú Lâm 1, Xã Phú Lâm, Tỉnh An Giang' });
    expect(s.codFeeNote.vi).toContain('25.000 đồng');
    expect(d.history.at(-1).action).toBe('return_result');
    expect((await c.get(`citizen:${NGOC}`, `/api/dossiers/${code}/shipments`)).statusCode).toBe(404);

    const move = async (who: string, status: string) =>
      t.app.inject({ method: 'POST', url: `/api/office/shipments/${s.id}/events`, headers: await as(t, who), payload: { status } });
    expect((await move('official:hoadien.tiepnhan', 'in_transit')).statusCode).toBe(404); // not their commune
    expect((await move(R, 'in_transit')).statusCode).toBe(200);
    expect((await move(R, 'accepted')).statusCode).toBe(409);
    [s] = await shipments(citizen);
    expect(s.status).toBe('in_transit');

    const body = JSON.stringify({ trackingNumber: s.trackingNumber, status: 'delivered', note: 'Người nhận ký nhận' });
    const hook = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/postal/webhook', headers: { 'content-type': 'application/json', ...headers }, payload: body });
    expect((await hook({})).statusCode).toBe(503); // no secret configured: the webhook is off
    t.ctx.config.results.postalWebhookSecret = 'carrier-secret';
    expect((await hook({})).statusCode).toBe(401);
    expect((await hook({ [WEBHOOK_SIGNATURE_HEADER]: webhookSignature('wrong', body) })).statusCode).toBe(401);
    expect((await hook({ [WEBHOOK_SIGNATURE_HEADER]: webhookSignature('carrier-secret', body) })).statusCode).toBe(200);
    expect((await hook({ [WEBHOOK_SIGNATURE_HEADER]: webhookSignature('carrier-secret', body) })).statusCode).toBe(200); // replayed
    [s] = await shipments(citizen);
    expect(s.status).toBe('delivered');
    expect(s.events.map((e: { status: string; source: string }) => `${e.status}:${e.source}`)).toEqual([
      'accepted:system',
      'in_transit:official',
      'delivered:carrier',
    ]);

    const notices = await t.ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'dossier.notice').execute();
    const returned = notices.map((n) => n.payload as Record<string, unknown>).find((p) => p.dossierCode === code && p.action === 'return_result');
    expect(returned).toMatchObject({ trackingNumber: s.trackingNumber, codFeeVnd: 25_000 });
  });
});

describe('forms 02–04, a refusal as the result, and the counter handover', () => {
  it('issues a supplement request, a new receipt, an apology and the refusal, then records the signed pickup', async () => {
    setClock(t, '2026-03-02T09:00:00+07:00');
    const code = await counterIntake({ resultDelivery: 'counter' });
    await ok(c.act(R, code, { action: 'request_supplement', reason: 'Thiếu giấy tờ chứng minh đã ly hôn', missingDocuments: ['Bản sao Quyết định ly hôn'] }));
    await ok(c.act(R, code, { action: 'submit_supplement', documents: ['Bản sao Quyết định ly hôn'] }));
    await ok(c.act(R, code, { action: 'record_apology', newAppointment: '2026-03-10T16:00:00+07:00', reason: 'Cần xác minh nơi cư trú trước đây' }));
    await drain();
    expect((await docs(code)).map((d) => d.kind)).toEqual(['receipt', 'supplement_request', 'receipt', 'apology']);
    const [, supplement, , apology] = await docs(code);
    const st = await textOf(supplement!.downloadUrl);
    expect(st).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(st).toContain('1. Bản sao Quyết định ly hôn');
    const at = await textOf(apology!.downloadUrl);
    expect(at).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(at).toContain('16 giờ 00 phút, ngày 10 tháng 3 năm 2026');

    await decide(code, 'refuse');
    const refusal = (await docs(code)).at(-1)!;
    expect(refusal.kind).toBe('refusal');
    expect(await textOf(refusal.downloadUrl)).toContain('Người yêu cầu đang có vợ theo sổ hộ tịch');
    expect((await c.get(citizen, `/api/dossiers/${code}`)).json().state).toBe('result_ready');

    const base = { method: 'counter', recipientName: 'Nguyễn Văn An', recipientIdNumber: AN };
    expect((await deliver(code, base)).statusCode).toBe(400); // neither signature nor confirmation
    expect((await deliver(code, { ...base, typedConfirmation: 'Đã nhận', signaturePng: 'AAAA' })).statusCode).toBe(400);
    expect((await deliver(code, { ...base, signaturePng: Buffer.from('not a png').toString('base64') })).statusCode).toBe(400);
    const png = await QRCode.toBuffer('chữ ký', { type: 'png' });
    const r = await deliver(code, { ...base, signaturePng: `data:image/png;base64,${png.toString('base64')}` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('returned');
    const handover = await t.ctx.db.selectFrom('result_handover').selectAll().where('dossier_code', '=', code).executeTakeFirstOrThrow();
    expect(handover).toMatchObject({ recipient_name: 'Nguyễn Văn An', recipient_id_number: AN, confirmation: 'signature_image' });
    const event = await t.ctx.db
      .selectFrom('dossier_event')
      .select('data')
      .where('dossier_code', '=', code)
      .where('type', '=', 'return_result')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ method: 'counter', recipientName: 'Nguyễn Văn An', signatureRef: `handover:${handover.id}` });
    expect((await deliver(code, { ...base, typedConfirmation: 'Đã nhận' })).statusCode).toBe(409); // already returned
  });

  it('issues form 03 when the desk refuses to receive', async () => {
    const code = (await c.submit(citizen, maritalStatusBody(AN))).json().code;
    await ok(c.act(R, code, { action: 'refuse_intake', reason: 'Không thuộc thẩm quyền của xã' }));
    await drain();
    const [refusal] = await docs(code);
    expect(refusal?.kind).toBe('refusal');
    const text = await textOf(refusal!.downloadUrl);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Không thuộc thẩm quyền của xã');
  });
});
