import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BankNotificationAnswerSchema,
  BankNotificationSchema,
  BankStatementImportBodySchema,
  BankStatementImportResultSchema,
  BankTransferListSchema,
  BankTransferQuerySchema,
  BankTransferSchema,
  SettleBodySchema,
  type BankNotification,
} from '@motcua/core/api';
import { badRequest } from '../../platform/errors.ts';
import type { BankTransfers } from './transfers.ts';

const tags = ['payments'];
const COLLECTORS = { roles: ['receptionist', 'outreach', 'commune_admin'] as ('receptionist' | 'outreach' | 'commune_admin')[] };

/** Bank transfers by VietQR: statements imported by the unit's officials, the bank's signed notifications, settling. */
export const bankTransferRoutes: FastifyPluginAsyncTypebox<{ transfers: BankTransfers }> = async (app, { transfers }) => {
  app.post(
    '/api/payments/bank-statements',
    {
      config: { access: COLLECTORS },
      // A month of a commune's statement fits easily; base64 adds a third.
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        body: Type.Ref(BankStatementImportBodySchema),
        summary: 'Nhập sao kê ngân hàng (CSV/Excel) để đối khớp chuyển khoản — import a bank statement',
        response: { 200: Type.Ref(BankStatementImportResultSchema) },
      },
    },
    async (request) => transfers.importStatement(request.actor, request.body.unitCode, request.body.fileName, request.body.contentBase64),
  );

  app.get(
    '/api/payments/bank-transfers',
    {
      config: { access: COLLECTORS },
      schema: {
        tags,
        querystring: Type.Ref(BankTransferQuerySchema),
        summary: 'Các giao dịch chuyển khoản cần xử lý — bank transfers (open: to settle)',
        response: { 200: Type.Ref(BankTransferListSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await transfers.list(request.actor, request.query.unitCode, request.query.state) };
    },
  );

  app.post(
    '/api/payments/bank-transfers/:id/settle',
    {
      config: { access: COLLECTORS },
      schema: {
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Ref(SettleBodySchema),
        summary: 'Xử lý giao dịch chuyển khoản thiếu, thừa hoặc không khớp — settle a transfer line',
        response: { 200: Type.Ref(BankTransferSchema) },
      },
    },
    async (request) => transfers.settle(request.actor, request.params.id, request.body.resolution, request.body.note),
  );

  // Server to server from the bank: no session; the HMAC over the raw body is the only trust,
  // so the body is kept as text and read only after the signature checks.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/payments/bank/webhook',
      {
        config: { access: 'public' },
        schema: {
          tags,
          headers: Type.Object({ 'x-motcua-signature': Type.Optional(Type.String({ maxLength: 200 })) }),
          summary: 'Thông báo biến động số dư từ ngân hàng (ký HMAC-SHA256) — the bank’s signed credit notification',
          description: 'Body: BankNotification JSON. Header `x-motcua-signature: sha256=<hex HMAC-SHA256 of the raw body>`.',
          response: { 200: Type.Ref(BankNotificationAnswerSchema) },
        },
      },
      async (request) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const signature = request.headers['x-motcua-signature'];
        return transfers.notification(raw, typeof signature === 'string' ? signature : undefined, parseNotification).catch((err: unknown) => {
          request.log.warn({ err, bankWebhook: 'refused' }, 'bank notification refused');
          throw err;
        });
      },
    );
  });
};

function parseNotification(raw: string): BankNotification {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('Thông báo không phải JSON.', 'The notification is not JSON.');
  }
  if (!Value.Check(BankNotificationSchema, value)) throw badRequest('Thông báo thiếu hoặc sai trường.', 'The notification has missing or wrong fields.');
  return value;
}
