import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ActionBodySchema,
  DossierCodeParams as CodeParams,
  DossierListSchema,
  DossierSchema,
  FeeAdjustmentBodySchema,
  LookupQuerySchema,
  LookupResultSchema,
  QueuePageSchema,
  QueueQuerySchema,
  SubmissionSchema,
  SummaryQuerySchema,
  UnitDaySummarySchema,
  type ActionBody,
} from '@motcua/core/api';
import { badRequest } from '../../platform/errors.ts';
import type { DossierService } from './service.ts';

const tags = ['dossiers'];

export const dossierRoutes: FastifyPluginAsyncTypebox<{ dossiers: DossierService }> = async (app, { dossiers }) => {
  const Dossier = Type.Ref(DossierSchema);

  app.post(
    '/api/dossiers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Nộp hồ sơ (công dân trực tuyến; cán bộ nhận tại quầy, lưu động, bưu chính) — file a dossier',
        description: 'Gửi lại cùng Idempotency-Key trả về đúng hồ sơ đã tạo (200), không tạo hồ sơ thứ hai.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: Type.Ref(SubmissionSchema),
        response: { 200: Dossier, 201: Dossier },
      },
    },
    async (request, reply) => {
      const { dossier, created } = await dossiers.submit(request.actor, request.body, request.headers['idempotency-key']);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(dossier);
    },
  );

  app.get(
    '/api/dossiers/:code',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Chi tiết hồ sơ — dossier detail (applicant or officials of its unit)', params: CodeParams, response: { 200: Dossier } },
    },
    async (request) => dossiers.get(request.actor, request.params.code),
  );

  app.post(
    '/api/dossiers/:code/actions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Thực hiện thao tác trên hồ sơ — take a workflow action',
        description: 'Body: { action, version?, ...fields } with the fields listed in allowedActions.',
        params: CodeParams,
        body: ActionBodySchema,
        response: { 200: Dossier },
      },
    },
    async (request) => dossiers.act(request.actor, request.params.code, request.body as ActionBody),
  );

  app.post(
    '/api/dossiers/:code/fee',
    {
      // Those who take fees at the desk and in the field; the service checks the dossier's unit.
      config: { access: { roles: ['receptionist', 'outreach', 'commune_admin'] } },
      schema: {
        tags,
        summary: 'Điều chỉnh lệ phí phải nộp, có lý do (cán bộ của đơn vị) — adjust the fee due, with a reason',
        params: CodeParams,
        body: Type.Ref(FeeAdjustmentBodySchema),
        response: { 200: Dossier },
      },
    },
    async (request) => dossiers.adjustFee(request.actor, request.params.code, request.body),
  );

  app.get(
    '/api/me/dossiers',
    {
      config: { access: 'citizen' },
      schema: { tags, summary: 'Hồ sơ của tôi — my dossiers with their timelines', response: { 200: Type.Ref(DossierListSchema) } },
    },
    async (request) => ({ items: await dossiers.listMine(request.actor) }),
  );

  app.get(
    '/api/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tra cứu tình trạng hồ sơ bằng mã và số điện thoại hoặc CCCD — public status look-up',
        querystring: LookupQuerySchema,
        response: { 200: Type.Ref(LookupResultSchema) },
      },
    },
    async (request) => {
      const { code, phone, idNumber } = request.query;
      if (!phone && !idNumber) throw badRequest('Cần nhập số điện thoại hoặc số CCCD của người nộp.', "Give the applicant's phone number or ID number.");
      return dossiers.lookup({ code, ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}) });
    },
  );

  app.get(
    '/api/office/dossiers',
    {
      config: { access: 'official' },
      schema: {
        tags,
        summary: 'Danh sách hồ sơ cần xử lý của đơn vị — the office work queue',
        querystring: QueueQuerySchema,
        response: { 200: Type.Ref(QueuePageSchema) },
      },
    },
    async (request) => dossiers.queue(request.actor, request.query),
  );

  app.get(
    '/api/office/summary',
    {
      config: { access: 'official' },
      schema: {
        tags,
        summary: "Số liệu trong ngày của đơn vị — today's counts for a unit",
        querystring: SummaryQuerySchema,
        response: { 200: Type.Ref(UnitDaySummarySchema) },
      },
    },
    async (request) => dossiers.summary(request.actor, request.query.unit),
  );
};
