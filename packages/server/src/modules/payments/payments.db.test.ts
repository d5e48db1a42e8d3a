import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_VNPAY } from '../../platform/config.ts';
import { testEngine, type TestContext } from '../../testing/harness.ts';
import { AN, NGOC, applicant, as, certifyCopyBody, client, startDossierApp } from '../dossiers/testkit.ts';
import { ensureTools, pdfTools } from '../results/testkit.ts';
import { signParams, type VnpParams } from './vnpay.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const citizen = `citizen:${AN}`;

beforeAll(async () => {
  await ensureTools();
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

/** Copies of a civil-status extract: 8,000 đ, fully online (catalog 2.000635). */
function extractCopyBody(idNumber = AN) {
  return {
    procedureCode: '2.000635',
    unitCode: applicant(idNumber).unitCode,
    channel: 'online',
    applicant: applicant(idNumber),
    form: { recordKind: 'khai_sinh', subjectFullName: applicant(idNumber).fullName, registrationPlace: 'UBND xã Phú Lâm', copies: 1 },
    resultDelivery: 'counter',
  };
}

const post = async (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: await as(t, who), payload });
const paymentsOf = async (who: string, code: string) => {
  const r = await c.get(who, `/api/dossiers/${code}/payments`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const ipn = async (params: VnpParams) => (await t.app.inject({ method: 'GET', url: `/api/payments/vnpay/ipn?${new URLSearchParams(params)}` })).json();
const countRows = async (table: 'payment_ipn' | 'fee_receipt') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** What the gateway would send for this order, signed with the sandbox terminal's secret unless told. */
function ipnParams(reference: string, amountVnd: number, over: VnpParams = {}, secret: string = SANDBOX_VNPAY.hashSecret): VnpParams {
  const p: VnpParams = {
    vnp_TmnCode: SANDBOX_VNPAY.tmnCode,
    vnp_Amount: String(amountVnd * 100),
    vnp_BankCode: 'NCB',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Thanh toan',
    vnp_PayDate: '20260302091500',
    vnp_ResponseCode: '00',
    vnp_TransactionNo: '14000001',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: reference,
    ...over,
  };
  return { ...p, vnp_SecureHash: signParams(secret, p) };
}

async function onlineDossierWithOrder() {
  const code = (await c.submit(citizen, extractCopyBody())).json().code as string;
  const r = await post(citizen, `/api/dossiers/${code}/payments`, { method: 'vnpay' });
  expect(r.statusCode, r.body).toBe(201);
  return { code, payment: r.json() as { id: string; reference: string; amountVnd: number; status: string; redirectUrl: string } };
}

describe('starting a payment', () => {
  it('gives the citizen a signed VNPAY 2.1.0 payment URL for the dossier’s fee', async () => {
    const { payment } = await onlineDossierWithOrder();
    expect(payment).toMatchObject({ status: 'pending', amountVnd: 8000 });
    const url = new URL(payment.redirectUrl);
    expect(url.pathname).toBe('/sandbox/vnpay/paymentv2/vpcpay.html');
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: SANDBOX_VNPAY.tmnCode,
      vnp_Amount: '800000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: payment.reference,
    });
    expect(q.vnp_SecureHash).toBe(signParams(SANDBOX_VNPAY.hashSecret, q));
    // Keys sorted in the URL, as the protocol signs them.
    const keys = [...url.searchParams.keys()].filter((k) => k !== 'vnp_SecureHash');
    expect(keys).toEqual([...keys].sort());
  });

  it('refuses bad input and strangers with problem+json, changing nothing', async () => {
    const code = (await c.submit(citizen, extractCopyBody())).json().code as string;
    const before = await paymentsOf(citizen, code);
    const bad = await post(citizen, `/api/dossiers/${code}/payments`, { method: 'bitcoin' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const cash = await post(citizen, `/api/dossiers/${code}/payments`, { method: 'cash' });
    expect(cash.statusCode).toBe(403);
    const stranger = await post(`citizen:${NGOC}`, `/api/dossiers/${code}/payments`, { method: 'vnpay' });
    expect(stranger.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/payments`, payload: { method: 'vnpay' } });
    expect(anonymous.statusCode).toBe(401);
    expect((await paymentsOf(citizen, code)).items).toEqual(before.items);
  });
});

describe('the IPN: accepted only signed, from our terminal, for a known order and its amount', () => {
  it('answers each refusal with the protocol’s code and changes nothing; confirms once; replays answer 02', async () => {
    const { code, payment } = await onlineDossierWithOrder();
    const ipnsBefore = await countRows('payment_ipn');
    const receiptsBefore = await countRows('fee_receipt');

    const forged = ipnParams(payment.reference, 8000, {}, 'not-the-secret');
    expect(await ipn(forged)).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    const tampered = { ...ipnParams(payment.reference, 8000), vnp_Amount: '100' };
    expect((await ipn(tampered)).RspCode).toBe('97');
    expect(await ipn(ipnParams(payment.reference, 800))).toEqual({ RspCode: '04', Message: 'invalid amount' });
    expect((await ipn(ipnParams(payment.reference, 8000, { vnp_TmnCode: 'OTHERTMN' }))).RspCode).toBe('01');
    expect(await ipn(ipnParams('MCNOSUCHORDER', 8000))).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect((await paymentsOf(citizen, code)).items[0]).toMatchObject({ status: 'pending', paidAt: null });
    expect(await countRows('fee_receipt')).toBe(receiptsBefore);

    const good = ipnParams(payment.reference, 8000);
    expect(await ipn(good)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const paid = await paymentsOf(citizen, code);
    expect(paid.paid).toBe(true);
    expect(paid.items[0]).toMatchObject({ status: 'paid', receipt: { cancelled: false } });
    expect(await ipn(good)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    const [again1, again2] = await Promise.all([ipn(good), ipn(good)]);
    expect([again1.RspCode, again2.RspCode]).toEqual(['02', '02']);
    expect(await countRows('fee_receipt')).toBe(receiptsBefore + 1);
    expect((await paymentsOf(citizen, code)).items).toEqual(paid.items);
    // Every IPN heard is logged with the answer given.
    const logged = await t.ctx.db.selectFrom('payment_ipn').select('rsp_code').orderBy('id').offset(ipnsBefore).execute();
    expect(logged.map((l) => l.rsp_code)).toEqual(['97', '97', '04', '01', '01', '00', '02', '02', '02']);
    // A failure notice for a confirmed order is an "already confirmed", not a downgrade.
    expect((await ipn(ipnParams(payment.reference, 8000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))).RspCode).toBe('02');
    expect((await paymentsOf(citizen, code)).items[0].status).toBe('paid');
  });

  it('through the sandbox: the return URL shows "confirming"; querydr confirms a lost IPN; the late IPN then changes nothing', async () => {
    const { code, payment } = await onlineDossierWithOrder();
    const pageUrl = payment.redirectUrl.slice(t.config.publicUrl.length);
    const page = await t.app.inject({ method: 'GET', url: pageUrl });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Thanh toán thành công');
    const paid = await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/pay?ref=${payment.reference}&outcome=success&ipn=late` });
    expect(paid.statusCode).toBe(302);
    const back = await t.app.inject({ method: 'GET', url: paid.headers.location!.slice(t.config.publicUrl.length) });
    expect(back.headers.location).toBe(`/ho-so/${code}/thanh-toan?ket-qua=confirming`);
    expect((await paymentsOf(citizen, code)).items[0]).toMatchObject({ status: 'confirming', paidAt: null });
    expect((await paymentsOf(citizen, code)).paid).toBe(false);

    expect(await t.services.payments.queryUnconfirmed(0)).toBeGreaterThanOrEqual(1);
    const after = await paymentsOf(citizen, code);
    expect(after.items[0]).toMatchObject({ status: 'paid' });
    const before = await countRows('payment_ipn');
    const late = await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/held/${payment.reference}/send` });
    expect(late.statusCode).toBe(302);
    const answer = await t.ctx.db.selectFrom('payment_ipn').select('rsp_code').orderBy('id').offset(before).execute();
    expect(answer.map((a) => a.rsp_code)).toEqual(['02']);
    expect((await paymentsOf(citizen, code)).items).toEqual(after.items);
  });

  it('an IPN sent twice by the sandbox confirms once; a cancelled payment is recorded as failed', async () => {
    const one = await onlineDossierWithOrder();
    await t.app.inject({ method: 'GET', url: one.payment.redirectUrl.slice(t.config.publicUrl.length) });
    const before = await countRows('payment_ipn');
    await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/pay?ref=${one.payment.reference}&outcome=success&ipn=twice` });
    const codes = (await t.ctx.db.selectFrom('payment_ipn').select('rsp_code').orderBy('id').offset(before).execute()).map((a) => a.rsp_code);
    expect(codes).toEqual(['00', '02']);
    const two = await onlineDossierWithOrder();
    await t.app.inject({ method: 'GET', url: two.payment.redirectUrl.slice(t.config.publicUrl.length) });
    await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/pay?ref=${two.payment.reference}&outcome=cancel&ipn=now` });
    expect((await paymentsOf(citizen, two.code)).items[0].status).toBe('failed');
  });
});

describe('cash at the desk, receipts and refunds', () => {
  it('the receptionist takes cash and the receipt is a signed PDF with a verify QR', async () => {
    const tools = await pdfTools(t);
    try {
      const code = (await c.submit(R, certifyCopyBody(AN))).json().code as string;
      expect((await post(S, `/api/dossiers/${code}/payments`, { method: 'cash' })).statusCode).toBe(403);
      const r = await post(R, `/api/dossiers/${code}/payments`, { method: 'cash' });
      expect(r.statusCode, r.body).toBe(201);
      const p = r.json();
      // Two copies of a one-page document at 2,000 đ a page (the fee rules in @motcua/core/fees).
      expect(p).toMatchObject({ method: 'cash', status: 'paid', amountVnd: 4000, receipt: { cancelled: false } });
      expect((await post(R, `/api/dossiers/${code}/payments`, { method: 'cash' })).json().code).toBe('already_paid');
      const pdf = await c.get(citizen, p.receipt.downloadUrl);
      expect(pdf.statusCode).toBe(200);
      const sig = await tools.pdfsig(pdf.rawPayload);
      expect(sig).toContain('Signature Validation: Signature is Valid.');
      expect(await tools.text(pdf.rawPayload)).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
      const qr = await tools.qr(pdf.rawPayload);
      expect(qr.startsWith(`${t.config.publicUrl}/verify/receipt/`)).toBe(true);
      const verify = await t.app.inject({ method: 'GET', url: qr.slice(t.config.publicUrl.length) });
      expect(verify.body).toContain(p.receipt.number);
      // The same bytes on every download.
      expect((await c.get(R, p.receipt.downloadUrl)).rawPayload.equals(pdf.rawPayload)).toBe(true);
    } finally {
      tools.remove();
    }
  });

  it('a dossier paid online and in cash is flagged, refunded once through the gateway, its receipt kept and marked cancelled', async () => {
    const { code, payment } = await onlineDossierWithOrder();
    await t.app.inject({ method: 'GET', url: payment.redirectUrl.slice(t.config.publicUrl.length) });
    await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/pay?ref=${payment.reference}&outcome=success&ipn=late` });
    // The IPN is late: the citizen also pays cash at the desk; then the IPN arrives.
    expect((await post(R, `/api/dossiers/${code}/payments`, { method: 'cash' })).statusCode).toBe(201);
    await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/held/${payment.reference}/send` });
    const both = await paymentsOf(R, code);
    type P = { id: string; method: string; status: string; duplicate: boolean; receipt: { cancelled: boolean } };
    const pick = (list: { items: P[] }, method: string) => list.items.find((p) => p.method === method)!;
    expect(pick(both, 'vnpay')).toMatchObject({ status: 'paid', duplicate: true });
    expect(pick(both, 'cash')).toMatchObject({ status: 'paid', duplicate: false });
    const url = `/api/dossiers/${code}/payments/${payment.id}/refund`;
    const [a, b] = await Promise.all([post(R, url, { reason: 'Nộp trùng hai kênh' }), post(R, url, { reason: 'Nộp trùng hai kênh' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await post(R, url, { reason: 'Lần nữa' })).json().code).toBe('payment_not_refundable');
    const after = await paymentsOf(R, code);
    expect(pick(after, 'vnpay')).toMatchObject({ status: 'refunded', receipt: { cancelled: true } });
    expect(pick(after, 'cash')).toMatchObject({ status: 'paid' });
    const sandbox = await t.ctx.db.selectFrom('sandbox_vnpay_txn').select('status').where('txn_ref', '=', payment.reference).executeTakeFirstOrThrow();
    expect(sandbox.status).toBe('refunded');
    // The cash payment is the one kept: it cannot be refunded while the dossier goes on.
    expect((await post(R, `/api/dossiers/${code}/payments/${pick(after, 'cash').id}/refund`, { reason: 'Thử' })).statusCode).toBe(409);
  });

  it.runIf(testEngine() === 'postgres')('receipt numbers stay gapless and unique under 100 concurrent payments', { timeout: 300_000 }, async () => {
    const codes: string[] = [];
    for (let i = 0; i < 100; i++) codes.push((await c.submit(R, certifyCopyBody(AN))).json().code as string);
    const headers = await as(t, R);
    const answers = await Promise.all(
      codes.map((code) => t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/payments`, headers, payload: { method: 'cash' } })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(codes.map(() => 201));
    const numbers = (
      await t.ctx.db.selectFrom('fee_receipt').select('number').where('unit_code', '=', '30421').where('year', '=', 2026).orderBy('number').execute()
    ).map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
    expect(numbers.length).toBeGreaterThanOrEqual(100);
  });
});
