import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Procedure } from '@motcua/core/catalog';
import type { CatalogService } from './service.ts';
import { ProcedureSchema } from './schemas.ts';

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.addSchema(ProcedureSchema);

  app.get('/api/procedures', {
    config: { access: 'public' },
    schema: {
      tags: ['catalog'],
      summary: 'Tìm thủ tục hành chính (không phân biệt dấu) — search procedures',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200 })),
        field: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })),
        online: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('partial')])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref(ProcedureSchema)) }) },
    },
  }, async (request) => {
    const { q, field, online, limit } = request.query;
    return { items: await catalog.search(q ?? '', { ...(field ? { field } : {}), ...(online ? { online } : {}) }, limit) };
  });

  app.get('/api/procedures/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['catalog'],
      summary: 'Chi tiết thủ tục — procedure detail',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
      response: { 200: Type.Ref(ProcedureSchema) },
    },
  }, async (request) => catalog.get(request.params.code));

  app.put('/api/procedures/:code', {
    config: { access: { roles: ['system_admin'] } },
    schema: {
      tags: ['catalog'],
      summary: 'Thêm hoặc sửa thủ tục (quản trị) — create or replace a procedure (administrator)',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
      body: Type.Ref(ProcedureSchema),
      response: { 200: Type.Ref(ProcedureSchema), 201: Type.Ref(ProcedureSchema) },
    },
  }, async (request, reply) => {
    const { procedure, created } = await catalog.save(request.actor, request.params.code, request.body as unknown as Procedure);
    return reply.status(created ? 201 : 200).send(procedure);
  });
};
