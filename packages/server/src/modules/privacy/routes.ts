import { AccessLogSchema, PersonalDataExportSchema } from '@motcua/core/api';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { vnDate } from '@motcua/core/calendar';
import type { Actor } from '../../platform/access.ts';
import type { PrivacyService } from './service.ts';

const tags = ['privacy'];
type Citizen = Extract<Actor, { kind: 'citizen' }>;

/** The citizen's own transparency pages: who opened my data, and all my data as a file. */
export const privacyRoutes: FastifyPluginAsyncTypebox<{ privacy: PrivacyService; now: () => Date }> = async (app, { privacy, now }) => {
  app.get(
    '/api/me/access-log',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Ai đã xem hồ sơ của tôi (cán bộ, vai trò, đơn vị, thời điểm, nội dung) — who opened my data',
        response: { 200: Type.Ref(AccessLogSchema) },
      },
    },
    async (request) => ({ items: await privacy.accessLog(request.actor as Citizen) }),
  );

  app.get(
    '/api/me/export',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Tải về toàn bộ dữ liệu Một cửa lưu về tôi (JSON) — download everything held about me',
        description:
          'Hồ sơ và tiến trình, tệp đã gửi (kèm đường dẫn tải), văn bản đã phát hành, bưu gửi, kho giấy tờ, phiên đăng nhập, ghi nhận đồng ý, thông báo đã gửi, nhật ký truy cập.',
        response: { 200: Type.Ref(PersonalDataExportSchema) },
      },
    },
    async (request, reply) => {
      const citizen = request.actor as Citizen;
      const body = await privacy.export(citizen);
      return (
        reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="motcua-du-lieu-ca-nhan-${vnDate(now())}.json"`)
          .header('cache-control', 'private, no-store')
          // Indented for a person to read, every member kept (not the schema's serializer).
          .serializer((payload) => JSON.stringify(payload, null, 2))
          .send(body)
      );
    },
  );
};
