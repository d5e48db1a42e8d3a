import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DossierCodeParams, DossierGroupCodeParams, DossierGroupSchema, GroupSubmissionSchema, ProcedureGroupListSchema } from '@motcua/core/api';
import type { DossierGroupService } from './service.ts';

const tags = ['dossier-groups'];

export const dossierGroupRoutes: FastifyPluginAsyncTypebox<{ groups: DossierGroupService }> = async (app, { groups }) => {
  const Group = Type.Ref(DossierGroupSchema);

  app.get(
    '/api/procedure-groups',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Nhóm thủ tục liên thông (Nghị định 63/2024/NĐ-CP) — linked procedure groups',
        response: { 200: Type.Ref(ProcedureGroupListSchema) },
      },
    },
    async () => ({ items: groups.list() }),
  );

  app.post(
    '/api/dossier-groups',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Nộp một hồ sơ liên thông cho cả nhóm thủ tục — file one application for a linked group',
        description: 'Gửi lại cùng Idempotency-Key trả về đúng nhóm đã tạo (200), không tạo nhóm thứ hai.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: Type.Ref(GroupSubmissionSchema),
        response: { 200: Group, 201: Group },
      },
    },
    async (request, reply) => {
      const { group, created } = await groups.submit(request.actor, request.body, request.headers['idempotency-key']);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(group);
    },
  );

  app.get(
    '/api/dossier-groups/:code',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Hồ sơ liên thông: các thành phần và dòng thời gian — a dossier group',
        params: DossierGroupCodeParams,
        response: { 200: Group },
      },
    },
    async (request) => groups.get(request.actor, request.params.code),
  );

  app.get(
    '/api/dossiers/:code/group',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Nhóm liên thông của một hồ sơ — the group a dossier leads', params: DossierCodeParams, response: { 200: Group } },
    },
    async (request) => groups.byDossier(request.actor, request.params.code),
  );
};
