import { Readable } from 'node:stream';
import { PROBLEM } from '@motcua/core/problems';
import { Type } from '@sinclair/typebox';
import { PersonalDocumentListSchema, PersonalDocumentSchema, UploadSchema } from '@motcua/core/api';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { FileBody } from '../../platform/contract.ts';
import { badRequest, Problem } from '../../platform/errors.ts';
import { assertText } from '../../platform/input.ts';
import { uploadProblems } from './content-gate.ts';
import type { CitizenActor, UploadsService } from './service.ts';

const Title = Type.String({ minLength: 1, maxLength: 200 });
const DocumentId = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Filename as `inline; filename="ascii"; filename*=UTF-8''…` so Vietnamese names survive (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const asCitizen = (request: FastifyRequest) => request.actor as CitizenActor;

export const uploadsRoutes: FastifyPluginAsyncTypebox<{ uploads: UploadsService; maxBytes: number }> = async (app, { uploads, maxBytes }) => {
  // The upload route gets its own scope: a pass-through body parser there must not reach JSON routes.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 5, parts: 6 } });
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post(
      '/api/uploads',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['uploads'],
          summary: 'Tải lên tệp PDF, JPEG, PNG (multipart trường "file", hoặc thân yêu cầu thô) — upload a file',
          description: 'Kiểm tra định dạng theo nội dung, giới hạn dung lượng, tính SHA-256. Content is checked by its bytes, not its name.',
          querystring: Type.Object({ filename: Type.Optional(Type.String({ maxLength: 500 })) }),
          response: { 201: Type.Ref(UploadSchema) },
        },
      },
      async (request, reply) => {
        let source: Readable;
        let filename: string | undefined;
        if (request.isMultipart()) {
          const part = await request.file({ limits: { fileSize: maxBytes + 1 } });
          if (!part) throw badRequest('Yêu cầu không có tệp nào (trường "file").', 'The request carries no file (field "file").');
          // Busboy may already have found the form broken (no closing boundary) and destroyed the part.
          if (part.file.destroyed && !part.file.readableEnded)
            throw badRequest('Biểu mẫu gửi lên (multipart) bị hỏng hoặc không trọn vẹn.', 'The multipart form is malformed or incomplete.');
          source = part.file;
          filename = part.filename;
        } else if (request.body instanceof Readable) {
          source = request.body;
          filename = request.query.filename;
        } else {
          throw new Problem(
            415,
            PROBLEM.unsupported_media_type,
            'Hãy gửi tệp dạng multipart/form-data hoặc thân yêu cầu thô.',
            'Send the file as multipart/form-data or as the raw request body.',
          );
        }
        try {
          assertText(filename, 'filename');
          return reply.status(201).send(await uploads.receive(request.actor, source, filename));
        } catch (err) {
          // The rest of a refused body is not worth reading: close the connection after answering.
          reply.header('connection', 'close');
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw uploadProblems.tooLarge(maxBytes);
          throw err;
        }
      },
    );
  });

  app.get(
    '/api/uploads/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['uploads'],
        summary: 'Xem/tải tệp (chủ sở hữu, hoặc cán bộ của đơn vị giữ hồ sơ đính kèm tệp) — view an upload',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ dossier: Type.Optional(Type.String({ maxLength: 64, description: 'Mã hồ sơ (ghi vào nhật ký khi cán bộ xem)' })) }),
        response: { 200: FileBody('Tệp như đã tải lên (PDF, JPEG, PNG) — the file as uploaded', ['application/pdf', 'image/jpeg', 'image/png']) },
      },
    },
    async (request, reply) => {
      const { upload, stream } = await uploads.openForRead(request.actor, request.params.id, request.query.dossier);
      return reply
        .header('content-type', upload.mediaType)
        .header('content-length', String(upload.size))
        .header('content-disposition', contentDisposition(upload.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${upload.sha256}"`)
        .send(stream);
    },
  );

  app.get(
    '/api/me/documents',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['uploads'],
        summary: 'Kho giấy tờ cá nhân — my document store',
        response: { 200: Type.Ref(PersonalDocumentListSchema) },
      },
    },
    async (request) => ({ items: await uploads.personalDocuments(asCitizen(request)) }),
  );

  app.post(
    '/api/me/documents',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['uploads'],
        summary: 'Lưu tệp đã tải lên vào kho giấy tờ — keep an upload in my store',
        body: Type.Object({ uploadId: Type.String({ maxLength: 64 }), title: Title }, { additionalProperties: false }),
        response: { 201: Type.Ref(PersonalDocumentSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await uploads.keepUpload(asCitizen(request), request.body.uploadId, request.body.title)),
  );

  app.patch(
    '/api/me/documents/:id',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['uploads'],
        summary: 'Đổi tên giấy tờ — rename a document',
        params: DocumentId,
        body: Type.Object({ title: Title }, { additionalProperties: false }),
        response: { 200: Type.Ref(PersonalDocumentSchema) },
      },
    },
    async (request) => uploads.renamePersonalDocument(asCitizen(request), request.params.id, request.body.title),
  );

  app.delete(
    '/api/me/documents/:id',
    {
      config: { access: 'citizen' },
      schema: {
        tags: ['uploads'],
        summary: 'Bỏ giấy tờ khỏi kho — remove a document',
        params: DocumentId,
        response: { 204: Type.Null({ description: 'Đã bỏ khỏi kho — removed' }) },
      },
    },
    async (request, reply) => {
      await uploads.removePersonalDocument(asCitizen(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
