import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PaymentListSchema, PaymentSchema, RefundBodySchema, StartPaymentBodySchema, VnpayIpnAnswerSchema } from '@motcua/core/api';
import { FileBody } from '../../platform/contract.ts';
import { notFound } from '../../platform/errors.ts';
import { inlineStyle } from '../../platform/security-headers.ts';
import { contentDisposition } from '../uploads/index.ts';
import { unitOf } from '../units/index.ts';
import { reconciliationRoutes } from './reconciliation-routes.ts';
import type { PaymentsService } from './service.ts';
import { bankTransferRoutes } from './transfer-routes.ts';
import type { VnpParams } from './vnpay.ts';

const tags = ['payments'];
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
const PaymentParams = Type.Object({ code: CodeParams.properties.code, id: Type.String({ format: 'uuid' }) });
/** VNPAY sends its parameters as the query string; all text, at most a few dozen. */
// The parameters VNPAY 2.1.0 sends to the return URL and the IPN, named so OpenAPI lists them; others
// are kept (the signature covers every vnp_ parameter, so one the gateway adds must not be refused).
const VNP_RETURN_PARAMS = [
  'vnp_TmnCode',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_BankTranNo',
  'vnp_CardType',
  'vnp_PayDate',
  'vnp_OrderInfo',
  'vnp_TransactionNo',
  'vnp_ResponseCode',
  'vnp_TransactionStatus',
  'vnp_TxnRef',
  'vnp_SecureHashType',
  'vnp_SecureHash',
] as const;
const VnpQuery = Type.Object(Object.fromEntries(VNP_RETURN_PARAMS.map((k) => [k, Type.Optional(Type.String({ maxLength: 512 }))])), {
  additionalProperties: Type.String({ maxLength: 512 }),
  maxProperties: 40,
});

export const paymentsRoutes: FastifyPluginAsyncTypebox<{ payments: PaymentsService }> = async (app, { payments }) => {
  await app.register(bankTransferRoutes, { transfers: payments.transfers });
  await app.register(reconciliationRoutes, { payments });
  app.get(
    '/api/dossiers/:code/payments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: CodeParams,
        summary: 'Các khoản thanh toán phí, lệ phí của hồ sơ — the fee payments of a dossier',
        response: { 200: Type.Ref(PaymentListSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return payments.list(request.actor, request.params.code);
    },
  );

  app.post(
    '/api/dossiers/:code/payments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: CodeParams,
        body: Type.Ref(StartPaymentBodySchema),
        summary: 'Nộp phí, lệ phí: trực tuyến (VNPAY), chuyển khoản (VietQR) hoặc tiền mặt tại quầy — pay a dossier’s fee',
        response: { 201: Type.Ref(PaymentSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await payments.start(request.actor, request.params.code, request.body.method, request.ip)),
  );

  app.post(
    '/api/dossiers/:code/payments/:id/refund',
    {
      config: { access: { roles: ['receptionist', 'outreach', 'commune_admin'] } },
      schema: {
        tags,
        params: PaymentParams,
        body: Type.Ref(RefundBodySchema),
        summary: 'Hoàn phí, lệ phí (một lần) — refund a payment, once',
        response: { 200: Type.Ref(PaymentSchema) },
      },
    },
    async (request) => payments.refund(request.actor, request.params.code, request.params.id, request.body.reason),
  );

  app.get(
    '/api/dossiers/:code/payments/:id/receipt.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: PaymentParams,
        summary: 'Biên lai thu phí, lệ phí điện tử (PDF ký số) — the signed e-receipt',
        response: { 200: FileBody('Biên lai PDF đã ký số — the signed receipt', ['application/pdf']) },
      },
    },
    async (request, reply) => {
      const { bytes, number, sha256 } = await payments.receiptFile(request.actor, request.params.code, request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`bien-lai-${number.replace('/', '-')}.pdf`))
        .header('cache-control', 'private, no-store')
        .header('etag', `"${sha256}"`)
        .send(bytes);
    },
  );

  // Server to server from the gateway: no session, trusted only by its signature (service.ipn).
  app.get(
    '/api/payments/vnpay/ipn',
    {
      config: { access: 'public' },
      schema: {
        tags,
        querystring: VnpQuery,
        summary: 'VNPAY IPN (thông báo kết quả thanh toán từ cổng) — the gateway’s server-to-server notice',
        response: { 200: Type.Ref(VnpayIpnAnswerSchema) },
      },
    },
    async (request) => payments.ipn(request.query as VnpParams),
  );

  // The citizen's browser back from the gateway: shown, never trusted.
  app.get(
    '/api/payments/vnpay/return',
    {
      config: { access: 'public' },
      schema: {
        tags,
        querystring: VnpQuery,
        summary: 'Trang quay về từ VNPAY — the gateway’s return URL (redirects to the portal)',
        response: { 302: Type.Null() },
      },
    },
    async (request, reply) => {
      const r = await payments.returned(request.query as VnpParams);
      if (!r.dossierCode) return reply.redirect('/ho-so-cua-toi?thanh-toan=khong-hop-le');
      return reply.redirect(`/ho-so/${encodeURIComponent(r.dossierCode)}/thanh-toan?ket-qua=${r.outcome}`);
    },
  );

  app.get(
    '/verify/receipt/:token',
    { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ token: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const r = await payments.verify(request.params.token);
      if (!r) throw notFound('biên lai', 'Receipt', request.params.token);
      const unit = unitOf(r.unitCode)?.fullName ?? r.unitCode;
      const state = r.cancelled ? `ĐÃ HỦY — ${esc(r.cancelReason ?? '')} <span lang="en">(cancelled)</span>` : 'Hợp lệ <span lang="en">(valid)</span>';
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Biên lai ${esc(r.number)}</title>${STYLE}</head><body><h1>Biên lai thu phí, lệ phí điện tử</h1><dl><dt>Số</dt><dd>${esc(r.number)}</dd><dt>Đơn vị thu</dt><dd>${esc(unit)}</dd><dt>Hồ sơ</dt><dd>${esc(r.dossierCode)}</dd><dt>Số tiền</dt><dd>${r.amountVnd.toLocaleString('vi-VN')} đ</dd><dt>Ngày thu</dt><dd>${r.issuedAt.toISOString()}</dd><dt>Trạng thái</dt><dd>${state}</dd><dt>SHA-256 của tệp</dt><dd><code>${esc(r.sha256 ?? 'chưa phát hành tệp')}</code></dd></dl></body></html>`,
        );
    },
  );
};

const STYLE = inlineStyle(
  'body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; } dt { font-weight: 600; } code { word-break: break-all; }',
);
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
