import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChunkParams,
  ChunkStoredSchema,
  FieldKitSchema,
  FieldUploadDeclareSchema,
  FieldUploadSchema,
  KitQuerySchema,
  OutreachIdParams,
  ReturnCodesBodySchema,
  ReturnedCodesSchema,
  SyncAnswerSchema,
} from '@motcua/core/api';
import { badRequest } from '../../platform/errors.ts';
import { FIELD_ROLES } from './access.ts';
import { CHUNK_SIZE } from './chunks.ts';
import { CREDENTIAL_HEADER, fieldCaller } from './credential.ts';
import { SyncBodySchema } from '@motcua/core/api';
import type { OutreachService } from './service.ts';

const tags = ['outreach-field'];
const IdParams = OutreachIdParams;
const credentialHeaders = Type.Object({
  [CREDENTIAL_HEADER]: Type.Optional(Type.String({ maxLength: 2000, description: 'Mã truy cập offline từ bộ công cụ (kit.credential.token)' })),
});
// These routes authenticate inside: a session (cookie) or the offline credential, see fieldCaller.
const selfAuthenticated = { access: 'public' as const };
const authNote = 'Xác thực: phiên đăng nhập của cán bộ, hoặc header x-outreach-credential (mã truy cập offline của bộ công cụ, chỉ cho buổi đó).';

/** What the field app calls: the kit before leaving, then sync and resumable uploads on return. */
export const outreachFieldRoutes: FastifyPluginAsyncTypebox<{ outreach: OutreachService }> = async (app, { outreach }) => {
  const caller = (request: { actor: Parameters<typeof fieldCaller>[1]; headers: Record<string, string | string[] | undefined> }) =>
    fieldCaller(outreach.credentials, request.actor, request.headers[CREDENTIAL_HEADER]);
  const boundTo = (bound: string | null, sessionId: string) => {
    if (bound !== null && bound !== sessionId)
      throw badRequest('Mã truy cập lưu động chỉ dùng cho buổi đã cấp.', 'The outreach credential is for another session.', { field: 'sessionId' });
  };

  if (!app.hasContentTypeParser('application/octet-stream')) {
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: CHUNK_SIZE + 1024 }, (_req, body, done) => done(null, body));
  }

  app.get(
    '/api/office/outreach/sessions/:id/kit',
    {
      config: { access: { roles: FIELD_ROLES } },
      schema: {
        tags,
        summary: 'Bộ công cụ làm việc offline cho một buổi — the offline field kit',
        description:
          'Thủ tục (đầy đủ, có formSchema), lịch làm việc, thôn ấp, tổ công tác, người cần hỗ trợ, KHỐI MÃ DỰ TRỮ riêng cho máy này và mã truy cập offline (hết hạn sau ngày của buổi + 3 ngày). Cùng deviceId gọi lại: cùng khối mã, mã truy cập mới (mã cũ bị thu hồi).',
        params: IdParams,
        querystring: KitQuerySchema,
        response: { 200: Type.Ref(FieldKitSchema) },
      },
    },
    async (request) => outreach.kit(request.actor, request.params.id, request.query.deviceId),
  );

  app.post(
    '/api/office/outreach/sessions/:id/codes/return',
    {
      config: { access: { roles: FIELD_ROLES } },
      schema: {
        tags,
        summary: 'Trả lại số chưa dùng của khối mã dự trữ — give back a code block’s unused numbers',
        description:
          'Sau khi đã đồng bộ mọi hồ sơ đánh số từ khối, máy báo số mã đã dùng (used); các số còn lại trở về ngày đó (cho bộ phận một cửa và khối sau). Không thể trả số mà một hồ sơ đã mang.',
        params: IdParams,
        body: Type.Ref(ReturnCodesBodySchema),
        response: { 200: Type.Ref(ReturnedCodesSchema) },
      },
    },
    async (request) => outreach.returnUnusedCodes(request.actor, request.params.id, request.body.deviceId, request.body.used),
  );

  app.delete(
    '/api/office/outreach/credentials/:id',
    {
      config: { access: 'official' },
      schema: { tags, summary: 'Thu hồi mã truy cập offline (mất máy) — revoke an offline credential', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await outreach.revokeCredential(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/office/outreach/sync',
    {
      config: selfAuthenticated,
      schema: {
        tags,
        summary: 'Đồng bộ các thao tác làm offline — apply a batch of field operations exactly once',
        description: `${authNote} Mỗi thao tác có id (UUID) do máy khách sinh; gửi lại cả lô an toàn: thao tác đã ghi nhận trả về "duplicate" kèm kết quả lần đầu. Kết quả từng thao tác: applied | duplicate | rejected (lý do Việt/Anh; retryable=true thì chưa ghi nhận, gửi lại sau) | conflict (hồ sơ đã đổi trên máy chủ; "server" là bản hiện tại). Thao tác lỗi không chặn thao tác khác. Xem modules/outreach/README.md.`,
        headers: credentialHeaders,
        body: Type.Ref(SyncBodySchema),
        response: { 200: Type.Ref(SyncAnswerSchema) },
      },
    },
    async (request) => {
      const { actor, sessionId } = await caller(request);
      boundTo(sessionId, request.body.sessionId);
      return outreach.sync.apply(actor, request.body);
    },
  );

  app.post(
    '/api/office/outreach/uploads',
    {
      config: selfAuthenticated,
      schema: {
        tags,
        summary: 'Khai báo tệp tải lên từng phần — declare a resumable upload',
        description: `${authNote} Trả về id, chunkSize và số phần; gửi từng phần bằng PUT .../chunks/{index}.`,
        headers: credentialHeaders,
        body: Type.Ref(FieldUploadDeclareSchema),
        response: { 201: Type.Ref(FieldUploadSchema) },
      },
    },
    async (request, reply) => {
      const { actor, sessionId } = await caller(request);
      boundTo(sessionId, request.body.sessionId);
      return reply.status(201).send(await outreach.uploads.bound(sessionId).declare(actor, request.body));
    },
  );

  app.put(
    '/api/office/outreach/uploads/:id/chunks/:index',
    {
      config: selfAuthenticated,
      schema: {
        tags,
        summary: 'Gửi một phần của tệp (lặp lại an toàn) — store one chunk (idempotent)',
        description: `${authNote} Thân: application/octet-stream, đúng chunkSize byte (phần cuối: phần còn lại). Gửi lại cùng nội dung: 200, stored=false.`,
        headers: credentialHeaders,
        params: ChunkParams,
        response: { 200: Type.Ref(ChunkStoredSchema) },
      },
    },
    async (request) => {
      const { actor, sessionId } = await caller(request);
      if (!Buffer.isBuffer(request.body)) throw badRequest('Thân yêu cầu phải là application/octet-stream.', 'The body must be application/octet-stream.');
      return outreach.uploads.bound(sessionId).putChunk(actor, request.params.id, request.params.index, request.body);
    },
  );

  app.get(
    '/api/office/outreach/uploads/:id',
    {
      config: selfAuthenticated,
      schema: {
        tags,
        summary: 'Các phần đã nhận (để tải tiếp) — which chunks are present, to resume',
        description: authNote,
        headers: credentialHeaders,
        params: IdParams,
        response: { 200: Type.Ref(FieldUploadSchema) },
      },
    },
    async (request) => {
      const { actor, sessionId } = await caller(request);
      return outreach.uploads.bound(sessionId).view(actor, request.params.id);
    },
  );

  app.post(
    '/api/office/outreach/uploads/:id/complete',
    {
      config: selfAuthenticated,
      schema: {
        tags,
        summary: 'Ghép tệp, kiểm tra SHA-256 và lưu (lặp lại an toàn) — assemble, verify and store (idempotent)',
        description: `${authNote} Thiếu phần: 409 kèm "missing". Sai SHA-256: 422 và các phần bị xóa. Thành công: uploadId dùng trong receive_dossier.attachments (hoặc gửi thẳng id của upload lưu động).`,
        headers: credentialHeaders,
        params: IdParams,
        response: { 200: Type.Ref(FieldUploadSchema) },
      },
    },
    async (request) => {
      const { actor, sessionId } = await caller(request);
      return outreach.uploads.bound(sessionId).complete(actor, request.params.id);
    },
  );
};
