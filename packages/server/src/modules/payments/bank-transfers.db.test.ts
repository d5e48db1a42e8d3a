import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_BANK_WEBHOOK_SECRET, SANDBOX_VNPAY } from '../../platform/config.ts';
import { testEngine, type TestContext } from '../../testing/harness.ts';
import { AN, applicant, as, certifyCopyBody, client, startDossierApp } from '../dossiers/testkit.ts';
import { STATEMENT_HEADER } from './sandbox.ts';
import { signBankNotification } from './transfers.ts';
import { signParams, type VnpParams } from './vnpay.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const citizen = `citizen:${AN}`;
const UNIT = applicant(AN).unitCode;
const DAY = '2026-03-02';

beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no xor-out), as EMVCo's QR spec asks for tag 63. */
function crc16ccittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** EMVCo TLV: two-digit tag, two-digit length, value. */
function tlv(payload: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < payload.length; ) {
    const tag = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    out[tag] = payload.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}

/** Copies of a civil-status extract: fully online (catalog 2.000635). */
const extractBody = () => ({
  procedureCode: '2.000635',
  unitCode: UNIT,
  channel: 'online',
  applicant: applicant(AN),
  form: { recordKind: 'khai_sinh', subjectFullName: applicant(AN).fullName, registrationPlace: 'UBND xã Phú Lâm', copies: 1 },
  resultDelivery: 'counter',
});
const post = async (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: await as(t, who), payload });
const submit = async (body = certifyCopyBody(AN)) => (await c.submit(R, body)).json().code as string;
async function qrPayment(who = R) {
  const code = await submit();
  const r = await post(who, `/api/dossiers/${code}/payments`, { method: 'vietqr' });
  expect(r.statusCode, r.body).toBe(201);
  return { code, payment: r.json() as { id: string; reference: string; amountVnd: number; status: string; qr: { payload: string; message: string } } };
}
const importStatement = (who: string, bytes: Buffer, fileName = 'saoke.csv') =>
  post(who, '/api/payments/bank-statements', { unitCode: UNIT, fileName, contentBase64: bytes.toString('base64') });
const csv = (rows: string[][]) => Buffer.from(`Ngày,Số tiền,Nội dung,Mã giao dịch\n${rows.map((r) => r.map((x) => `"${x}"`).join(',')).join('\n')}\n`);
const rowsOf = async (table: 'bank_transfer' | 'fee_receipt' | 'audit_log') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const paymentOf = async (code: string) => (await c.get(R, `/api/dossiers/${code}/payments`)).json();
const webhook = (body: object, signature?: string) => {
  const raw = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: '/api/payments/bank/webhook',
    headers: {
      'content-type': 'application/json',
      ...(signature === undefined
        ? { 'x-motcua-signature': signBankNotification(SANDBOX_BANK_WEBHOOK_SECRET, raw) }
        : signature
          ? { 'x-motcua-signature': signature }
          : {}),
    },
    payload: raw,
  });
};

describe(`VietQR payload (${testEngine})`, () => {
  it('is an EMVCo NAPAS 247 transfer QR with the unit’s (demo) account, the amount, the reference as message, and a valid CRC', async () => {
    const { payment } = await qrPayment();
    expect(payment).toMatchObject({ method: 'vietqr', status: 'pending' });
    expect(payment.amountVnd).toBeGreaterThan(0);
    const { payload } = payment.qr;
    const f = tlv(payload);
    expect(f['00']).toBe('01');
    expect(f['01']).toBe('12');
    expect(f['53']).toBe('704');
    expect(f['54']).toBe(String(payment.amountVnd));
    expect(f['58']).toBe('VN');
    const merchant = tlv(f['38']!);
    expect(merchant['00']).toBe('A000000727');
    expect(merchant['02']).toBe('QRIBFTTA');
    const beneficiary = tlv(merchant['01']!);
    expect(beneficiary['00']).toBe('970405');
    expect(beneficiary['01']).toMatch(/^\d+$/);
    expect(tlv(f['62']!)['08']).toBe(payment.reference);
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(payload.slice(-4)).toBe(crc16ccittFalse(payload.slice(0, -4)));
    expect(payment.qr).toMatchObject({ demo: true, message: payment.reference, accountName: 'TAI KHOAN DEMO MOTCUA' });
    expect((payment.qr as unknown as { imageDataUrl: string }).imageDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('the CRC check fails when one character changes (the test can fail)', () => {
    const good = '00020101021238560010A0000007270126000697040501129704012345000208QRIBFTTA5303704540480005802VN62220818MC0123456789ABCDEF6304';
    expect(crc16ccittFalse('123456789')).toBe('29B1'); // the published check value of CRC-16/CCITT-FALSE
    expect(crc16ccittFalse(good)).not.toBe(crc16ccittFalse(good.replace('8000', '8001')));
  });

  it('shows the same QR again (one open transfer order per dossier), to the citizen too', async () => {
    const code = (await c.submit(citizen, extractBody())).json().code as string;
    const a = (await post(citizen, `/api/dossiers/${code}/payments`, { method: 'vietqr' })).json();
    const b = (await post(citizen, `/api/dossiers/${code}/payments`, { method: 'vietqr' })).json();
    expect(b.reference).toBe(a.reference);
    expect((await paymentOf(code)).items).toHaveLength(1);
    expect((await paymentOf(code)).items[0].qr.payload).toBe(a.qr.payload);
  });
});

describe(`bank statement import (${testEngine})`, () => {
  it('confirms the exact transfer once (receipt numbered), re-import changes nothing; partial, excess, unknown are listed', async () => {
    const exact = await qrPayment();
    const short = await qrPayment();
    const over = await qrPayment();
    const receiptsBefore = await rowsOf('fee_receipt');
    // Banks squeeze spaces and change case in the message; the reference is still found.
    const file = csv([
      [
        '02/03/2026',
        exact.payment.amountVnd.toLocaleString('vi-VN'),
        `NGUYEN VAN AN CHUYEN TIEN ${exact.payment.reference.toLowerCase().replace(/(.{6})/, '$1 ')} LE PHI`,
        'FT26061000001',
      ],
      ['02/03/2026', String(short.payment.amountVnd - 1000), `CK ${short.payment.reference}`, 'FT26061000002'],
      ['02/03/2026', (over.payment.amountVnd + 3000).toLocaleString('en-US'), `CK ${over.payment.reference}`, 'FT26061000003'],
      ['02/03/2026', '150000', 'TIEN AN TRUA', 'FT26061000004'],
      ['02/03/2026', '-20000', 'PHI DICH VU', 'FT26061000005'],
    ]);
    const first = await importStatement(R, file);
    expect(first.statusCode, first.body).toBe(200);
    const r = first.json();
    expect(r).toMatchObject({ lines: 4, recorded: 4, alreadyKnown: 0, skipped: 1, matched: 1 });
    expect(r.toSettle.map((l: { outcome: string }) => l.outcome).sort()).toEqual(['excess', 'partial', 'unmatched']);
    expect(await rowsOf('fee_receipt')).toBe(receiptsBefore + 1);
    const paid = await paymentOf(exact.code);
    expect(paid.paid).toBe(true);
    expect(paid.items[0]).toMatchObject({ status: 'paid', method: 'vietqr', receipt: { cancelled: false } });
    expect((await paymentOf(short.code)).items[0].status).toBe('pending');

    const transfersBefore = await rowsOf('bank_transfer');
    const again = (await importStatement(R, file)).json();
    expect(again).toMatchObject({ recorded: 0, alreadyKnown: 4, matched: 0, toSettle: [] });
    expect(await rowsOf('bank_transfer')).toBe(transfersBefore);
    expect(await rowsOf('fee_receipt')).toBe(receiptsBefore + 1);

    const open = (await c.get(R, `/api/payments/bank-transfers?unitCode=${UNIT}`)).json().items as { id: string; bankReference: string; outcome: string }[];
    const line = open.find((l) => l.bankReference === 'FT26061000004')!;
    expect(line.outcome).toBe('unmatched');
    expect((await post(R, `/api/payments/bank-transfers/${line.id}/settle`, { resolution: 'bogus', note: 'x' })).statusCode).toBe(400);
    const auditBefore = await rowsOf('audit_log');
    const settled = await post(R, `/api/payments/bank-transfers/${line.id}/settle`, { resolution: 'not_ours', note: 'Chuyển nhầm, đã báo ngân hàng' });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json().settlement).toMatchObject({ resolution: 'not_ours', note: 'Chuyển nhầm, đã báo ngân hàng' });
    expect(await rowsOf('audit_log')).toBe(auditBefore + 1);
    expect((await post(R, `/api/payments/bank-transfers/${line.id}/settle`, { resolution: 'other', note: 'lần hai' })).json().code).toBe('already_settled');
    const stillOpen = (await c.get(R, `/api/payments/bank-transfers?unitCode=${UNIT}`)).json().items as { bankReference: string }[];
    expect(stillOpen.map((l) => l.bankReference)).not.toContain('FT26061000004');
  });

  it('reads Excel statements with a title block above the table', async () => {
    const p = await qrPayment();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sao ke');
    ws.addRow(['SAO KÊ TÀI KHOẢN']);
    ws.addRow(['Ngày giao dịch', 'Số tiền ghi có', 'Nội dung', 'Mã giao dịch']);
    ws.addRow([new Date('2026-03-02T03:00:00Z'), p.payment.amountVnd, `CK ${p.payment.reference}`, 'FT26061000100']);
    const r = await importStatement(R, Buffer.from(await wb.xlsx.writeBuffer()), 'saoke.xlsx');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ recorded: 1, matched: 1 });
    expect((await paymentOf(p.code)).paid).toBe(true);
  });

  it('refuses other units’ officials, other roles, citizens and unreadable files, changing nothing', async () => {
    const before = await rowsOf('bank_transfer');
    const file = csv([['02/03/2026', '2000', 'CK MC0000000000000000', 'FT26061000200']]);
    expect((await importStatement(S, file)).statusCode).toBe(403);
    expect((await importStatement(citizen, file)).statusCode).toBe(403);
    expect((await importStatement('official:hoadien.tiepnhan', file)).statusCode).toBe(403);
    const bad = await importStatement(R, Buffer.from('just some words\nwithout columns\n'));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(await rowsOf('bank_transfer')).toBe(before);
  });
});

describe(`bank notification webhook (${testEngine})`, () => {
  it('refuses a forged or missing signature with no change; a signed one confirms once; a replay changes nothing', async () => {
    const p = await qrPayment();
    const body = { unitCode: UNIT, bankReference: 'FT26061000300', bookedOn: DAY, amountVnd: p.payment.amountVnd, description: `CK ${p.payment.reference}` };
    const before = await rowsOf('bank_transfer');
    const forged = await webhook(body, signBankNotification('not-the-secret', JSON.stringify(body)));
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect((await webhook(body, '')).statusCode).toBe(401);
    // Signed, then altered in flight.
    const signed = signBankNotification(SANDBOX_BANK_WEBHOOK_SECRET, JSON.stringify(body));
    expect((await webhook({ ...body, amountVnd: 2_000_000 }, signed)).statusCode).toBe(401);
    expect(await rowsOf('bank_transfer')).toBe(before);
    expect((await paymentOf(p.code)).items[0].status).toBe('pending');

    const ok = await webhook(body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ recorded: true, outcome: 'matched' });
    expect((await webhook(body)).json()).toEqual({ recorded: false, outcome: 'matched' });
    // The same transfer in the day's statement later: already known.
    const again = (await importStatement(R, csv([[DAY, String(body.amountVnd), body.description, body.bankReference]]))).json();
    expect(again).toMatchObject({ recorded: 0, alreadyKnown: 1 });
    const paid = await paymentOf(p.code);
    expect(paid.items.filter((x: { status: string }) => x.status === 'paid')).toHaveLength(1);
    expect(await rowsOf('bank_transfer')).toBe(before + 1);
  });
});

/** What the gateway would send for this order, signed with the sandbox terminal's secret. */
function ipnParams(reference: string, amountVnd: number, n: number): VnpParams {
  const p: VnpParams = {
    vnp_TmnCode: SANDBOX_VNPAY.tmnCode,
    vnp_Amount: String(amountVnd * 100),
    vnp_BankCode: 'NCB',
    vnp_OrderInfo: 'Thanh toan',
    vnp_PayDate: '20260302091500',
    vnp_ResponseCode: '00',
    vnp_TransactionNo: String(15000000 + n),
    vnp_TransactionStatus: '00',
    vnp_TxnRef: reference,
  };
  return { ...p, vnp_SecureHash: signParams(SANDBOX_VNPAY.hashSecret, p) };
}

describe(`daily reconciliation (${testEngine})`, () => {
  it('finds every planted mismatch in a generated gateway statement and the bank’s lines; a person settles each; Excel export', async () => {
    // Online orders by the citizen (fully online extract copies: 8,000 đ).
    const online = async () => {
      const code = (await c.submit(citizen, extractBody())).json().code as string;
      const r = await post(citizen, `/api/dossiers/${code}/payments`, { method: 'vnpay' });
      expect(r.statusCode, r.body).toBe(201);
      return { code, ...(r.json() as { reference: string; amountVnd: number }) };
    };
    const ipn = async (ref: string, amount: number, n: number) =>
      (await t.app.inject({ method: 'GET', url: `/api/payments/vnpay/ipn?${new URLSearchParams(ipnParams(ref, amount, n))}` })).json();
    const good = await online();
    const notRecorded = await online();
    const notAtGateway = await online();
    const twiceOnStatement = await online();
    const otherAmount = await online();
    for (const [i, o] of [good, notAtGateway, twiceOnStatement, otherAmount].entries()) expect((await ipn(o.reference, o.amountVnd, i)).RspCode).toBe('00');
    // Paid twice over two channels: cash at the desk, then the QR transfer comes in.
    const twice = await qrPayment();
    expect((await post(R, `/api/dossiers/${twice.code}/payments`, { method: 'cash' })).statusCode).toBe(201);
    const late = {
      unitCode: UNIT,
      bankReference: 'FT26061000400',
      bookedOn: DAY,
      amountVnd: twice.payment.amountVnd,
      description: `CK ${twice.payment.reference}`,
    };
    expect((await webhook(late)).json()).toEqual({ recorded: true, outcome: 'matched' });

    const T = SANDBOX_VNPAY.tmnCode;
    const line = (tmn: string, ref: string, no: string, vnd: number) => [tmn, ref, no, String(vnd * 100), '20260302091500', 'NCB', '00'].join(',');
    const statement = [
      STATEMENT_HEADER,
      line(T, good.reference, '15000000', 8000),
      line(T, notRecorded.reference, '15000099', 8000),
      line(T, twiceOnStatement.reference, '15000002', 8000),
      line(T, twiceOnStatement.reference, '15000002', 8000),
      line(T, otherAmount.reference, '15000003', 9000),
      line(T, 'MCFFFFFFFFFFFFFFFF', '15000098', 8000),
      line('OTHERTMN', 'MCEEEEEEEEEEEEEEEE', '15000097', 8000),
    ].join('\n');
    const run = await post(R, '/api/payments/reconciliation', { unitCode: UNIT, day: DAY, gatewayStatementBase64: Buffer.from(statement).toString('base64') });
    expect(run.statusCode, run.body).toBe(200);
    const rec = run.json() as { gatewayStatement: string; findings: { id: string; kind: string; subject: string; source: string }[] };
    expect(rec.gatewayStatement).toBe('uploaded');
    const has = (kind: string, subject: string) => rec.findings.filter((f) => f.kind === kind && f.subject === subject);
    expect(has('missing_in_motcua', notRecorded.reference)).toHaveLength(1);
    expect(has('missing_at_gateway', notAtGateway.reference)).toHaveLength(1);
    expect(has('duplicate', twiceOnStatement.reference)).toHaveLength(1);
    expect(has('amount_differs', otherAmount.reference)).toHaveLength(1);
    expect(has('unknown_reference', 'MCFFFFFFFFFFFFFFFF')).toHaveLength(1);
    expect(has('paid_twice', twice.code)).toHaveLength(1);
    // The bank's lines from this day that did not match by themselves.
    expect(has('unknown_reference', 'FT26061000004')).toHaveLength(1);
    expect(has('amount_differs', 'FT26061000002')).toHaveLength(1);
    expect(has('amount_differs', 'FT26061000003')).toHaveLength(1);
    // Nothing about what agrees, nor another terminal's order.
    expect(rec.findings.filter((f) => f.subject === good.reference || f.subject === 'MCEEEEEEEEEEEEEEEE')).toEqual([]);

    // Run again: the same lines, not new ones.
    const rerun = (
      await post(R, '/api/payments/reconciliation', { unitCode: UNIT, day: DAY, gatewayStatementBase64: Buffer.from(statement).toString('base64') })
    ).json();
    expect(rerun.findings.map((f: { id: string }) => f.id).sort()).toEqual(rec.findings.map((f) => f.id).sort());

    const target = has('paid_twice', twice.code)[0]!;
    expect(
      (await post(S, `/api/payments/reconciliation/lines/${target.id}/settle`, { resolution: 'refunded_to_payer', note: 'Hoàn tiền mặt' })).statusCode,
    ).toBe(403);
    const settled = await post(R, `/api/payments/reconciliation/lines/${target.id}/settle`, {
      resolution: 'refunded_to_payer',
      note: 'Hoàn tiền mặt cho công dân',
    });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json().settlement).toMatchObject({ resolution: 'refunded_to_payer' });
    expect((await post(R, `/api/payments/reconciliation/lines/${target.id}/settle`, { resolution: 'other', note: 'lần hai' })).statusCode).toBe(409);

    const xlsx = await c.get(R, `/api/payments/reconciliation.xlsx?unitCode=${UNIT}&day=${DAY}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(rec.findings.length + 1);
    const cells = sheet.getColumn(2).values.map(String);
    expect(cells).toContain(notRecorded.reference);
    expect(sheet.getColumn(8).values.map(String)).toContain('refunded_to_payer');
  });

  it('the sandbox’s own statement is used when none is uploaded', async () => {
    const r = await post(R, '/api/payments/reconciliation', { unitCode: UNIT, day: DAY });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().gatewayStatement).toBe('sandbox');
    expect((await post(R, '/api/payments/reconciliation', { unitCode: UNIT, day: '2026-13-45' })).statusCode).toBe(400);
    expect((await post('official:hoadien.tiepnhan', '/api/payments/reconciliation', { unitCode: UNIT, day: DAY })).statusCode).toBe(403);
  });
});
