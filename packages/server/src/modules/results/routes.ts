import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DeliveryBodySchema,
  DossierProgressSchema,
  DossierSchema,
  IssuedDocumentListSchema,
  ShipmentEventBodySchema,
  ShipmentListSchema,
  ShipmentSchema,
  type DeliveryBody,
} from '@motcua/core/api';
import { FileBody } from '../../platform/contract.ts';
import { notFound } from '../../platform/errors.ts';
import { contentDisposition } from '../uploads/index.ts';
import type { DeliveryService } from './delivery.ts';
import type { ResultsService } from './service.ts';

const tags = ['results'];
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const resultsRoutes: FastifyPluginAsyncTypebox<{ results: ResultsService; delivery: DeliveryService }> = async (app, { results, delivery }) => {
  app.get(
    '/api/dossiers/:code/documents',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: CodeParams,
        summary: 'Văn bản đã phát hành của hồ sơ (giấy tiếp nhận, phiếu, kết quả đã ký số) — issued documents of a dossier',
        response: { 200: Type.Ref(IssuedDocumentListSchema) },
      },
    },
    async (request) => ({ items: await results.list(request.actor, request.params.code) }),
  );

  app.get(
    '/api/dossiers/:code/progress',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: CodeParams,
        summary:
          'Tiến độ hồ sơ (phiên bản, trạng thái, số văn bản đã ký) để trang tự cập nhật — where a dossier stands, polled by the office page while its result is signed',
        response: { 200: Type.Ref(DossierProgressSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return results.progress(request.actor, request.params.code);
    },
  );

  app.get(
    '/api/dossiers/:code/documents/:file',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tải văn bản PDF đã ký số — download a signed document ({id}.pdf)',
        params: Type.Object({ code: CodeParams.properties.code, file: Type.String({ maxLength: 64 }) }),
        response: { 200: FileBody('Văn bản PDF đã ký số — the signed PDF', ['application/pdf']) },
      },
    },
    async (request, reply) => {
      const m = /^([0-9a-f-]{36})\.pdf$/i.exec(request.params.file);
      if (!m) throw notFound('văn bản', 'Document', request.params.file);
      const { row, stream } = await results.open(request.actor, request.params.code, m[1]!);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(row.size))
        .header('content-disposition', contentDisposition(`${row.dossier_code}-${row.kind}.pdf`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${row.sha256}"`)
        .send(stream);
    },
  );

  app.post(
    '/api/office/dossiers/:code/delivery',
    {
      config: { access: { roles: ['receptionist', 'outreach'] } },
      schema: {
        tags,
        params: CodeParams,
        body: Type.Ref(DeliveryBodySchema),
        summary: 'Trả kết quả: tại quầy (người nhận ký), qua bưu điện, hoặc trực tuyến — hand over a ready result',
        response: { 200: Type.Ref(DossierSchema) },
      },
    },
    async (request) => delivery.deliver(request.actor, request.params.code, request.body as DeliveryBody),
  );

  app.get(
    '/api/dossiers/:code/shipments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: CodeParams,
        summary: 'Bưu gửi kết quả và trạng thái, cước thu hộ — postal shipments of a dossier',
        response: { 200: Type.Ref(ShipmentListSchema) },
      },
    },
    async (request) => ({ items: await delivery.shipments(request.actor, request.params.code) }),
  );

  app.post(
    '/api/office/shipments/:id/events',
    {
      config: { access: { roles: ['receptionist', 'outreach', 'commune_admin'] } },
      schema: {
        tags,
        summary: 'Cập nhật trạng thái bưu gửi (khi dùng bưu chính giả lập) — record a shipment status',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: ShipmentEventBodySchema,
        response: { 200: Type.Ref(ShipmentSchema) },
      },
    },
    async (request) => delivery.advanceByOfficial(request.actor, request.params.id, request.body.status, request.body.note ?? null),
  );
};
