import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, PHUC, applicant, as, certifyCopyBody, client, setClock, startDossierApp } from '../dossiers/testkit.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
const R = 'official:phulam.tiepnhan';
const LEADER = 'official:phulam.lanhdao';

beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
});
afterAll(async () => {
  await t?.close();
});

const post = async (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: await as(t, who), payload });
const indicator = async (key: string, code = '30421') => {
  const r = await c.get(LEADER, `/api/insights/${code}?from=2026-03-01&to=2026-03-31`);
  expect(r.statusCode, r.body).toBe(200);
  return r
    .json()
    .groups.flatMap((g: { indicators: { key: string }[] }) => g.indicators)
    .find((i: { key: string }) => i.key === key);
};

/** Copies of a civil-status extract, 8,000 đ, online (catalog 2.000635). */
const extractCopyBody = (id: string) => ({
  procedureCode: '2.000635',
  unitCode: applicant(id).unitCode,
  channel: 'online',
  applicant: applicant(id),
  form: { recordKind: 'khai_sinh', subjectFullName: applicant(id).fullName, registrationPlace: 'UBND xã Phú Lâm', copies: 1 },
  resultDelivery: 'counter',
});

async function vnpayOrder(id: string) {
  const code = (await c.submit(`citizen:${id}`, extractCopyBody(id))).json().code as string;
  const r = await post(`citizen:${id}`, `/api/dossiers/${code}/payments`, { method: 'vnpay' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { reference: string; amountVnd: number; redirectUrl: string };
}

/** Pays an order through the built-in sandbox gateway, which signs and sends the IPN as VNPAY does. */
async function payInSandbox(order: { reference: string; redirectUrl: string }, ipn: 'now' | 'late') {
  await t.app.inject({ method: 'GET', url: order.redirectUrl.slice(t.config.publicUrl.length) });
  await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/pay?ref=${order.reference}&outcome=success&ipn=${ipn}` });
}

describe('Decision 766 online-payment share and feedback handled on time', () => {
  it('counts dossiers whose fee was paid online among those whose fee was paid', async () => {
    expect(await indicator('online_payment')).toMatchObject({ numerator: 0, denominator: 0, value: null });
    // One paid through VNPAY (IPN confirmed), one paid in cash at the desk, one order never paid.
    const paid = await vnpayOrder(AN);
    await payInSandbox(paid, 'now');
    await vnpayOrder(NGOC);
    const desk = (await c.submit(R, certifyCopyBody(AN))).json().code as string;
    expect((await post(R, `/api/dossiers/${desk}/payments`, { method: 'cash' })).statusCode).toBe(201);
    // Another commune's payment does not count for Phú Lâm.
    const other = (await c.submit('official:hoadien.tiepnhan', certifyCopyBody(PHUC))).json().code as string;
    expect((await post('official:hoadien.tiepnhan', `/api/dossiers/${other}/payments`, { method: 'cash' })).statusCode).toBe(201);

    expect(await indicator('online_payment')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, note: expect.any(String) });
    // The province sums its communes: Phú Lâm's two and Hòa Điền's one.
    const r = await c.get('official:angiang.theodoi', '/api/insights/91?from=2026-03-01&to=2026-03-31');
    const province = r
      .json()
      .groups.flatMap((g: { indicators: { key: string }[] }) => g.indicators)
      .find((i: { key: string }) => i.key === 'online_payment');
    expect(province).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('a dossier paid twice counts once, and a refunded payment no longer counts', async () => {
    // Cash at the desk while the online payment's IPN is late; then the IPN: one dossier paid twice,
    // counted once, online while that payment holds.
    const order = await vnpayOrder(AN);
    const code = (await t.ctx.db.selectFrom('payment').select('dossier_code').where('reference', '=', order.reference).executeTakeFirstOrThrow()).dossier_code;
    await payInSandbox(order, 'late');
    expect((await post(R, `/api/dossiers/${code}/payments`, { method: 'cash' })).statusCode).toBe(201);
    await t.app.inject({ method: 'GET', url: `/sandbox/vnpay/held/${order.reference}/send` });
    expect(await indicator('online_payment')).toMatchObject({ numerator: 2, denominator: 3 });
    const online = (await c.get(R, `/api/dossiers/${code}/payments`)).json().items.find((p: { method: string }) => p.method === 'vnpay');
    const refund = await post(R, `/api/dossiers/${code}/payments/${online.id}/refund`, { reason: 'Thu hai lần qua hai kênh.' });
    expect(refund.statusCode, refund.body).toBe(200);
    // The fee given back online, the cash one stays: the dossier now counts as paid in cash.
    expect(await indicator('online_payment')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('counts PAKN due in the period, answered by their due time or not, leaving those not yet due', async () => {
    const file = async () => {
      const r = await post(`citizen:${AN}`, '/api/feedback', {
        unitCode: '30421',
        topic: 'conduct',
        text: 'Cán bộ hẹn tôi nhiều lần mà vẫn chưa trả lời rõ ràng.',
        phone: '0912345678',
        publishConsent: false,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().code as string;
    };
    const answer = async (code: string) =>
      expect((await post(R, `/api/office/feedback/${code}/answer`, { answer: 'Xã đã kiểm tra và trả lời ông về việc này.' })).statusCode).toBe(200);
    const [early, late, never] = [await file(), await file(), await file()];
    await answer(early);
    expect(await indicator('feedback_on_time')).toMatchObject({ numerator: 1, denominator: 1 });
    setClock(t, '2026-03-20T09:00:00+07:00'); // past the 10 working days of all three
    await answer(late);
    await file(); // filed now, not yet due: counts neither way
    expect(await indicator('feedback_on_time')).toMatchObject({ numerator: 1, denominator: 3, value: 0.3333 });
    expect(never).toBeTruthy();
  });
});
