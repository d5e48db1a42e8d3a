import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FindingSchema, ReconcileBodySchema, ReconciliationQuerySchema, ReconciliationSchema, SettleFindingBodySchema } from '@motcua/core/api';
import { FileBody } from '../../platform/contract.ts';
import { contentDisposition } from '../uploads/index.ts';
import type { PaymentsService } from './service.ts';

const tags = ['payments'];
const COLLECTORS = { roles: ['receptionist', 'outreach', 'commune_admin'] as ('receptionist' | 'outreach' | 'commune_admin')[] };

/** Daily reconciliation per unit: run, read, settle a line, export to Excel. */
export const reconciliationRoutes: FastifyPluginAsyncTypebox<{ payments: PaymentsService }> = async (app, { payments }) => {
  const recon = payments.reconciliation;
  app.post(
    '/api/payments/reconciliation',
    {
      config: { access: COLLECTORS },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        body: Type.Ref(ReconcileBodySchema),
        summary: 'Đối soát thanh toán trong ngày của đơn vị — reconcile a unit’s day',
        response: { 200: Type.Ref(ReconciliationSchema) },
      },
    },
    async (request) => {
      const b = request.body;
      const csv = b.gatewayStatementBase64 !== undefined ? Buffer.from(b.gatewayStatementBase64, 'base64').toString('utf8') : undefined;
      return recon.run(request.actor, b.unitCode, b.day, csv);
    },
  );

  app.get(
    '/api/payments/reconciliation',
    {
      config: { access: COLLECTORS },
      schema: {
        tags,
        querystring: Type.Ref(ReconciliationQuerySchema),
        summary: 'Các dòng đối soát đã tìm thấy — the lines found for a unit’s day',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref(FindingSchema)) }) },
      },
    },
    async (request) => ({ items: await recon.stored(request.actor, request.query.unitCode, request.query.day) }),
  );

  app.get(
    '/api/payments/reconciliation.xlsx',
    {
      config: { access: COLLECTORS },
      schema: {
        tags,
        querystring: Type.Ref(ReconciliationQuerySchema),
        summary: 'Xuất Excel bảng đối soát — the day’s lines as Excel',
        response: { 200: FileBody('Bảng đối soát — reconciliation workbook', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) },
      },
    },
    async (request, reply) => {
      const bytes = await recon.workbook(request.actor, request.query.unitCode, request.query.day);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`doi-soat-${request.query.unitCode}-${request.query.day}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.post(
    '/api/payments/reconciliation/lines/:id/settle',
    {
      config: { access: COLLECTORS },
      schema: {
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Ref(SettleFindingBodySchema),
        summary: 'Xử lý một dòng đối soát (ghi nhật ký) — settle a reconciliation line (audited)',
        response: { 200: Type.Ref(FindingSchema) },
      },
    },
    async (request) => recon.settle(request.actor, request.params.id, request.body.resolution, request.body.note),
  );
};
