import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  DiscrepancyDossierInputSchema,
  DiscrepancyFixResultSchema,
  DiscrepancyImportListSchema,
  DiscrepancyImportSchema,
  DiscrepancyPageSchema,
  DiscrepancyParams,
  DiscrepancyQuerySchema,
  DiscrepancySchema,
  DiscrepancyStatusInputSchema,
  DiscrepancyVisitInputSchema,
  ImportParams,
  ImportQuerySchema,
} from '@motcua/core/api';
import { badRequest } from '../../platform/errors.ts';
import { assertText } from '../../platform/input.ts';
import { COMMUNE_ROLES, type DiscrepancyService } from './service.ts';

const access = { roles: COMMUNE_ROLES };
const tags = ['discrepancies'];

export const discrepancyRoutes: FastifyPluginAsyncTypebox<{ discrepancies: DiscrepancyService; maxBytes: number }> = async (
  app,
  { discrepancies, maxBytes },
) => {
  // The import route has its own scope for multipart: the fields come before the file, which is streamed.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 3, parts: 4, fileSize: maxBytes } });
    scope.post(
      '/api/office/discrepancies/imports',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Nhập trích xuất sổ hộ tịch hoặc dữ liệu dân cư (multipart: unit, kind, file; CSV hoặc Excel) — import an extract',
          response: { 201: Type.Ref(DiscrepancyImportSchema) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw badRequest('Hãy gửi biểu mẫu multipart (unit, kind, file).', 'Send a multipart form (unit, kind, file).');
        const fields: Record<string, string> = {};
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const kind = fields.kind;
          const unit = fields.unit ?? (request.actor.kind === 'official' ? request.actor.unitCodes[0] : undefined);
          if (kind !== 'civil_status' && kind !== 'population') {
            part.file.resume();
            throw badRequest(
              'Trường kind phải là civil_status hoặc population và đứng trước tệp.',
              'Field kind must be civil_status or population and come before the file.',
              {
                field: 'kind',
              },
            );
          }
          if (!unit || !/^[0-9]{5}$/.test(unit)) {
            part.file.resume();
            throw badRequest('Thiếu mã xã (unit).', 'The commune code (unit) is missing.', { field: 'unit' });
          }
          assertText(part.filename, 'filename');
          const result = await discrepancies.importExtract(request.actor, unit, kind, part.filename || 'extract', part.file as Readable);
          if (part.file.truncated) throw badRequest('Tệp vượt quá dung lượng cho phép.', 'The file is larger than allowed.');
          return reply.status(201).send(result);
        }
        throw badRequest('Yêu cầu không có tệp nào (trường "file").', 'The request carries no file (field "file").');
      },
    );
  });

  app.get(
    '/api/office/discrepancies/imports',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Các lần nhập của xã, tiến độ — imports and their progress',
        querystring: ImportQuerySchema,
        response: { 200: Type.Ref(DiscrepancyImportListSchema) },
      },
    },
    async (request) => ({ items: await discrepancies.imports(request.actor, request.query.unit) }),
  );
  app.get(
    '/api/office/discrepancies/imports/:id',
    {
      config: { access },
      schema: { tags, summary: 'Một lần nhập: tiến độ, dòng lỗi — one import', params: ImportParams, response: { 200: Type.Ref(DiscrepancyImportSchema) } },
    },
    async (request) => discrepancies.importById(request.actor, request.params.id),
  );
  app.get(
    '/api/office/discrepancies',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Sai lệch hộ tịch – dân cư theo thôn, hai bản ghi cạnh nhau (mỗi lần xem được ghi nhật ký) — discrepancies per hamlet',
        querystring: DiscrepancyQuerySchema,
        response: { 200: Type.Ref(DiscrepancyPageSchema) },
      },
    },
    async (request) => discrepancies.list(request.actor, request.query),
  );
  app.patch(
    '/api/office/discrepancies/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Đổi trạng thái — set the status',
        params: DiscrepancyParams,
        body: Type.Ref(DiscrepancyStatusInputSchema),
        response: { 200: Type.Ref(DiscrepancySchema) },
      },
    },
    async (request) => discrepancies.setStatus(request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/office/discrepancies/:id/dossier',
    {
      config: { access: { roles: ['receptionist'] } },
      schema: {
        tags,
        summary: 'Lập hồ sơ cải chính, bổ sung hộ tịch điền sẵn tại quầy — open the prefilled correction dossier',
        params: DiscrepancyParams,
        body: Type.Ref(DiscrepancyDossierInputSchema),
        response: { 201: Type.Ref(DiscrepancyFixResultSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await discrepancies.openDossier(request.actor, request.params.id, request.body)),
  );
  app.post(
    '/api/office/discrepancies/:id/visit',
    {
      config: { access: { roles: ['outreach', 'commune_admin', 'receptionist'] } },
      schema: {
        tags,
        summary: 'Đưa vào danh sách cần đến của đợt lưu động — add to an outreach session’s residents to visit',
        params: DiscrepancyParams,
        body: Type.Ref(DiscrepancyVisitInputSchema),
        response: { 201: Type.Ref(DiscrepancyFixResultSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await discrepancies.addToVisit(request.actor, request.params.id, request.body.sessionId)),
  );
};
