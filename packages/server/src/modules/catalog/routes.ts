import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProcedureCodeParams, ProcedureListSchema, ProcedureQuerySchema, ProcedureSchema } from '@motcua/core/api';
import { withoutInternalNotes, type Procedure } from '@motcua/core/catalog';
import type { Actor } from '../../platform/access.ts';
import type { CatalogService } from './service.ts';

const tags = ['catalog'];

/** Officials see the catalog's checking notes; everyone else gets the procedure without them. */
const forReader = (actor: Actor, p: Procedure): Procedure => (actor.kind === 'official' ? p : withoutInternalNotes(p));

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/api/procedures',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tìm thủ tục hành chính (không phân biệt dấu) — search procedures',
        querystring: ProcedureQuerySchema,
        response: { 200: Type.Ref(ProcedureListSchema) },
      },
    },
    async (request) => {
      const { q, field, online, limit } = request.query;
      const items = await catalog.search(q ?? '', { ...(field ? { field } : {}), ...(online ? { online } : {}) }, limit);
      return { items: items.map((p) => forReader(request.actor, p)) };
    },
  );

  app.get(
    '/api/procedures/:code',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Chi tiết thủ tục — procedure detail', params: ProcedureCodeParams, response: { 200: Type.Ref(ProcedureSchema) } },
    },
    async (request) => forReader(request.actor, await catalog.get(request.params.code)),
  );

  app.put(
    '/api/procedures/:code',
    {
      config: { access: { roles: ['system_admin'] } },
      schema: {
        tags,
        summary: 'Thêm hoặc sửa thủ tục (quản trị) — create or replace a procedure (administrator)',
        params: ProcedureCodeParams,
        body: Type.Ref(ProcedureSchema),
        response: { 200: Type.Ref(ProcedureSchema), 201: Type.Ref(ProcedureSchema) },
      },
    },
    async (request, reply) => {
      const { procedure, created } = await catalog.save(request.actor, request.params.code, request.body as unknown as Procedure);
      return reply.status(created ? 201 : 200).send(procedure);
    },
  );
};
