import { randomInt } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PaymentsConfig } from '../../platform/config.ts';
import { inlineStyle } from '../../platform/security-headers.ts';
import type { Transport } from './gateway.ts';
import {
  QUERYDR_ANSWER_FIELDS,
  QUERYDR_FIELDS,
  REFUND_ANSWER_FIELDS,
  REFUND_FIELDS,
  canonicalQuery,
  signParams,
  signPiped,
  verifyParams,
  verifyPiped,
  vnpDate,
  type VnpParams,
} from './vnpay.ts';

/**
 * The built-in sandbox gateway (the default when PAYMENT_VNPAY_URL is not set), mounted at
 * /sandbox/vnpay like the development identity provider: it speaks VNPAY 2.1.0 to the merchant
 * side exactly as VNPAY would (signed payment URL in, signed return URL and IPN out, querydr and
 * refund over its merchant API, a daily statement) and lets the tester choose the outcome and
 * whether the IPN comes at once, late (held until sent from /sandbox/vnpay/held), twice or never.
 */

const STYLE = inlineStyle(`
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; color: #1a1a1a; }
  .notice { border: 3px solid #b45309; background: #fff7ed; padding: .5rem 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  a.btn { display: block; margin: .4rem 0; padding: .6rem .8rem; border: 1px solid #555; border-radius: 4px; color: #1a1a1a; text-decoration: none; }
  a.btn:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  a.ok { background: #15803d; color: #fff; border-color: #15803d; }
  fieldset { margin: 1rem 0; }
`);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>${STYLE}</head><body><p class="notice">Cổng thanh toán THỬ NGHIỆM (sandbox) của Motcua — không có tiền thật. <span lang="en">Motcua's sandbox gateway: no real money.</span></p>${body}</body></html>`;

export const IPN_MODES = ['now', 'late', 'twice', 'never'] as const;
type IpnMode = (typeof IPN_MODES)[number];
const OUTCOMES = { success: { code: '00', status: '00' }, failure: { code: '51', status: '02' }, cancel: { code: '24', status: '02' } } as const;

export interface SandboxDeps {
  db: Db;
  clock: Clock;
  config: PaymentsConfig;
  /** The merchant's IPN URL as set in the (sandbox) merchant portal. */
  ipnUrl: string;
  transport: () => Transport;
}

export const sandboxVnpayRoutes: FastifyPluginAsyncTypebox<SandboxDeps> = async (app, deps) => {
  const { db, config } = deps;
  const secret = config.vnpayHashSecret;
  const schema = { hide: true } as const;

  const sendIpn = async (params: VnpParams) => {
    await deps.transport()(`${deps.ipnUrl}?${canonicalQuery(params)}&vnp_SecureHash=${params.vnp_SecureHash}`, { method: 'GET' });
  };

  app.get('/sandbox/vnpay/paymentv2/vpcpay.html', { config: { access: 'public' }, schema }, async (request, reply) => {
    const q = request.query as VnpParams;
    reply.type('text/html; charset=utf-8');
    if (
      !verifyParams(secret, q) ||
      q.vnp_TmnCode !== config.vnpayTmnCode ||
      q.vnp_Version !== '2.1.0' ||
      q.vnp_Command !== 'pay' ||
      !q.vnp_TxnRef ||
      !q.vnp_ReturnUrl
    )
      return reply
        .status(400)
        .send(
          page(
            'Sai chữ ký',
            '<h1>Yêu cầu không hợp lệ</h1><p>Sai chữ ký hoặc thiếu tham số (mã lỗi 97). <span lang="en">Invalid signature or parameters.</span></p>',
          ),
        );
    await db
      .insertInto('sandbox_vnpay_txn')
      .values({
        txn_ref: q.vnp_TxnRef,
        tmn_code: q.vnp_TmnCode,
        amount: q.vnp_Amount ?? '0',
        order_info: q.vnp_OrderInfo ?? '',
        return_url: q.vnp_ReturnUrl,
        create_date: q.vnp_CreateDate ?? '',
        status: 'pending',
        transaction_no: null,
        pay_date: null,
        ipn_held: null,
        refunded_amount: null,
      })
      .onConflict((oc) => oc.column('txn_ref').doNothing())
      .execute();
    const ref = encodeURIComponent(q.vnp_TxnRef);
    const links = (outcome: keyof typeof OUTCOMES, label: string, cls = '') =>
      IPN_MODES.map(
        (m) => `<a class="btn ${cls}" href="/sandbox/vnpay/pay?ref=${ref}&amp;outcome=${outcome}&amp;ipn=${m}">${label} — IPN ${IPN_LABEL[m]}</a>`,
      ).join('');
    return page(
      'Thanh toán VNPAY (thử nghiệm)',
      `<h1>Thanh toán</h1><dl><dt>Đơn hàng</dt><dd>${esc(q.vnp_TxnRef)}</dd><dt>Nội dung</dt><dd>${esc(q.vnp_OrderInfo ?? '')}</dd><dt>Số tiền</dt><dd>${(Number(q.vnp_Amount) / 100).toLocaleString('vi-VN')} đ</dd></dl>
      <fieldset><legend>Thanh toán thành công</legend>${links('success', 'Thanh toán thành công', 'ok')}</fieldset>
      <fieldset><legend>Thất bại</legend>${links('failure', 'Thanh toán thất bại')}</fieldset>
      <fieldset><legend>Hủy</legend>${links('cancel', 'Hủy giao dịch')}</fieldset>`,
    );
  });

  app.get('/sandbox/vnpay/pay', { config: { access: 'public' }, schema }, async (request, reply) => {
    const q = request.query as { ref?: string; outcome?: string; ipn?: string };
    const txn = q.ref ? await db.selectFrom('sandbox_vnpay_txn').selectAll().where('txn_ref', '=', q.ref).executeTakeFirst() : undefined;
    const outcome = OUTCOMES[q.outcome as keyof typeof OUTCOMES];
    const mode = (IPN_MODES as readonly string[]).includes(q.ipn ?? '') ? (q.ipn as IpnMode) : null;
    if (!txn || !outcome || !mode) return reply.status(400).type('text/html; charset=utf-8').send(page('Lỗi', '<h1>Không tìm thấy giao dịch</h1>'));
    const now = deps.clock.now();
    const paid = outcome.code === '00';
    const transactionNo = txn.transaction_no ?? String(randomInt(10_000_000, 99_999_999));
    const payDate = vnpDate(now);
    if (txn.status === 'pending') {
      await db
        .updateTable('sandbox_vnpay_txn')
        .set({ status: paid ? 'paid' : q.outcome === 'cancel' ? 'cancelled' : 'failed', transaction_no: transactionNo, pay_date: payDate })
        .where('txn_ref', '=', txn.txn_ref)
        .execute();
    }
    const params: VnpParams = {
      vnp_TmnCode: txn.tmn_code,
      vnp_Amount: txn.amount,
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: paid ? `VNP${transactionNo}` : '',
      vnp_CardType: 'ATM',
      vnp_PayDate: payDate,
      vnp_OrderInfo: txn.order_info,
      vnp_TransactionNo: paid ? transactionNo : '0',
      vnp_ResponseCode: outcome.code,
      vnp_TransactionStatus: outcome.status,
      vnp_TxnRef: txn.txn_ref,
    };
    params.vnp_SecureHash = signParams(secret, params);
    if (mode === 'now' || mode === 'twice') await sendIpn(params).catch(() => undefined);
    if (mode === 'twice') await sendIpn(params).catch(() => undefined);
    if (mode === 'late')
      await db
        .updateTable('sandbox_vnpay_txn')
        .set({ ipn_held: JSON.stringify(params) })
        .where('txn_ref', '=', txn.txn_ref)
        .execute();
    return reply.redirect(`${txn.return_url}?${canonicalQuery(params)}&vnp_SecureHash=${params.vnp_SecureHash}`);
  });

  app.get('/sandbox/vnpay/held', { config: { access: 'public' }, schema }, async (_request, reply) => {
    const held = await db.selectFrom('sandbox_vnpay_txn').select(['txn_ref', 'order_info', 'amount']).where('ipn_held', 'is not', null).execute();
    const items = held.map(
      (h) =>
        `<li>${esc(h.txn_ref)} — ${esc(h.order_info)} <a class="btn" href="/sandbox/vnpay/held/${encodeURIComponent(h.txn_ref)}/send">Gửi IPN ngay (send IPN now)</a></li>`,
    );
    return reply
      .type('text/html; charset=utf-8')
      .send(page('IPN đang giữ', `<h1>IPN đang giữ lại (late)</h1><ul>${items.join('') || '<li>Không có.</li>'}</ul>`));
  });

  app.get('/sandbox/vnpay/held/:ref/send', { config: { access: 'public' }, schema }, async (request, reply) => {
    const { ref } = request.params as { ref: string };
    const txn = await db.selectFrom('sandbox_vnpay_txn').select(['ipn_held']).where('txn_ref', '=', ref).executeTakeFirst();
    if (!txn?.ipn_held) return reply.status(404).type('text/html; charset=utf-8').send(page('Không có', '<h1>Không có IPN đang giữ</h1>'));
    const params = (typeof txn.ipn_held === 'string' ? JSON.parse(txn.ipn_held) : txn.ipn_held) as VnpParams;
    await sendIpn(params);
    await db.updateTable('sandbox_vnpay_txn').set({ ipn_held: null }).where('txn_ref', '=', ref).execute();
    return reply.redirect('/sandbox/vnpay/held');
  });

  // The merchant web API: querydr and refund, JSON in and out, "|"-joined HMAC-SHA512 both ways.
  app.post(
    '/sandbox/vnpay/merchant_webapi/api/transaction',
    { config: { access: 'public' }, schema: { hide: true, body: Type.Record(Type.String(), Type.String()) } },
    async (request) => {
      const b = request.body as Record<string, string>;
      const now = vnpDate(deps.clock.now());
      const base = {
        vnp_ResponseId: b.vnp_RequestId ?? '',
        vnp_Command: b.vnp_Command ?? '',
        vnp_TmnCode: b.vnp_TmnCode ?? '',
        vnp_TxnRef: b.vnp_TxnRef ?? '',
      };
      const fields = b.vnp_Command === 'refund' ? REFUND_FIELDS : QUERYDR_FIELDS;
      const answerFields = b.vnp_Command === 'refund' ? REFUND_ANSWER_FIELDS : QUERYDR_ANSWER_FIELDS;
      const answer = (a: Record<string, string>) => ({ ...a, vnp_SecureHash: signPiped(secret, answerFields, a) });
      if (!verifyPiped(secret, fields, b)) return answer({ ...base, vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' });
      const txn = await db
        .selectFrom('sandbox_vnpay_txn')
        .selectAll()
        .where('txn_ref', '=', b.vnp_TxnRef ?? '')
        .where('tmn_code', '=', b.vnp_TmnCode ?? '')
        .executeTakeFirst();
      if (!txn) return answer({ ...base, vnp_ResponseCode: '91', vnp_Message: 'Not found transaction' });
      const facts = {
        vnp_Amount: txn.amount,
        vnp_BankCode: 'NCB',
        vnp_PayDate: txn.pay_date ?? '',
        vnp_TransactionNo: txn.transaction_no ?? '',
        vnp_OrderInfo: txn.order_info,
      };
      if (b.vnp_Command === 'refund') {
        if (txn.status === 'refunded')
          return answer({
            ...base,
            ...facts,
            vnp_ResponseCode: '94',
            vnp_Message: 'Duplicate refund request',
            vnp_TransactionType: '02',
            vnp_TransactionStatus: '05',
          });
        if (txn.status !== 'paid' || b.vnp_Amount !== txn.amount)
          return answer({ ...base, ...facts, vnp_ResponseCode: '02', vnp_Message: 'Invalid refund', vnp_TransactionType: '02', vnp_TransactionStatus: '02' });
        await db.updateTable('sandbox_vnpay_txn').set({ status: 'refunded', refunded_amount: txn.amount }).where('txn_ref', '=', txn.txn_ref).execute();
        return answer({
          ...base,
          ...facts,
          vnp_PayDate: now,
          vnp_ResponseCode: '00',
          vnp_Message: 'Refund success',
          vnp_TransactionType: '02',
          vnp_TransactionStatus: '05',
        });
      }
      const status = txn.status === 'paid' || txn.status === 'refunded' ? '00' : txn.status === 'pending' ? '01' : '02';
      return answer({
        ...base,
        ...facts,
        vnp_ResponseCode: '00',
        vnp_Message: 'QueryDR Success',
        vnp_TransactionType: '01',
        vnp_TransactionStatus: status,
        vnp_PromotionCode: '',
        vnp_PromotionAmount: '',
      });
    },
  );

  // The day's statement as the gateway's merchant portal exports it (CSV), for reconciliation.
  app.get('/sandbox/vnpay/statement', { config: { access: 'public' }, schema }, async (request, reply) => {
    const day = ((request.query as { date?: string }).date ?? vnpDate(deps.clock.now()).slice(0, 8)).replace(/\D/g, '').slice(0, 8);
    return reply.type('text/csv; charset=utf-8').send(await sandboxStatementCsv(db, day));
  });
};

/** The sandbox gateway's statement of a day (yyyyMMdd), in the CSV its merchant portal exports. */
export async function sandboxStatementCsv(db: Db, day: string): Promise<string> {
  const rows = await db
    .selectFrom('sandbox_vnpay_txn')
    .selectAll()
    .where('pay_date', 'like', `${day}%`)
    .where('status', 'in', ['paid', 'refunded'])
    .orderBy('pay_date')
    .execute();
  const lines = [STATEMENT_HEADER];
  for (const r of rows)
    lines.push([r.tmn_code, r.txn_ref, r.transaction_no ?? '', r.amount, r.pay_date ?? '', 'NCB', r.status === 'refunded' ? '05' : '00'].join(','));
  return `${lines.join('\n')}\n`;
}

export const STATEMENT_HEADER = 'vnp_TmnCode,vnp_TxnRef,vnp_TransactionNo,vnp_Amount,vnp_PayDate,vnp_BankCode,vnp_TransactionStatus';

const IPN_LABEL: Record<IpnMode, string> = { now: 'gửi ngay', late: 'gửi muộn', twice: 'gửi hai lần', never: 'không gửi' };
