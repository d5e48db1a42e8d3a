import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DeliveryReportAckSchema,
  DossierCodeParams,
  NoticeDeliveryListSchema,
  NotificationPreferenceBodySchema,
  NotificationPreferenceSchema,
  NotificationPreferenceStateSchema,
  type NotificationPreferenceBody,
} from '@motcua/core/api';
import type { DataKind } from '@motcua/core/privacy';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, Problem } from '../../platform/errors.ts';
import { preferenceOf, setPreference, ZALO_CONSENT_TEXT } from './preferences.ts';
import { applyDeliveryReport, noticeReceiptsFor, sameSignature, smsReceiptSignature, zaloSignature } from './receipts.ts';
import { toZaloPhone } from './zalo.ts';

const tags = ['notifications'];

/** Zalo resends an unanswered webhook; a report older than this is a replay, not news (ms). */
export const ZALO_EVENT_MAX_AGE_MS = 15 * 60_000;

/** What these routes need of the dossiers module (its index.ts): who may see a dossier, and the audit of that look. */
export interface DossierVisibility {
  loadVisible(actor: Actor, code: string, kinds: readonly DataKind[]): Promise<unknown>;
  auditRead(
    actor: Actor,
    read: { action: 'notifications.notice.list'; dossierCode: string; kinds: DataKind[]; detail?: Record<string, unknown> },
  ): Promise<void>;
}

const badSignature = () => new Problem(401, 'bad_signature', 'Chữ ký của báo cáo gửi tin không hợp lệ.', 'The delivery report signature is not valid.');

function parseJson(raw: Buffer): Record<string, unknown> {
  try {
    const v = JSON.parse(raw.toString('utf8')) as unknown;
    if (v && typeof v === 'object') return v as Record<string, unknown>;
  } catch {
    // falls through
  }
  throw badRequest('Nội dung không phải JSON.', 'The body is not JSON.');
}

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; dossiers: DossierVisibility }> = async (app, { ctx, dossiers }) => {
  app.get(
    '/api/me/notification-preference',
    {
      config: { access: 'citizen' },
      schema: { tags, summary: 'Kênh nhận thông báo của tôi — my notice channel', response: { 200: Type.Ref(NotificationPreferenceStateSchema) } },
    },
    async (request) => {
      const actor = request.actor as Extract<Actor, { kind: 'citizen' }>;
      return { preference: await preferenceOf(ctx.db, actor.subject), zaloConsentText: ZALO_CONSENT_TEXT };
    },
  );

  app.put(
    '/api/me/notification-preference',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Chọn nhận thông báo qua Zalo hoặc SMS (ghi nhận đồng ý) — choose Zalo or SMS, consent recorded',
        body: Type.Ref(NotificationPreferenceBodySchema),
        response: { 200: Type.Ref(NotificationPreferenceSchema) },
      },
    },
    async (request) => {
      const actor = request.actor as Extract<Actor, { kind: 'citizen' }>;
      const body = request.body as NotificationPreferenceBody;
      if (!toZaloPhone(body.phone)) throw badRequest('Số điện thoại di động không hợp lệ.', 'The mobile phone number is not valid.');
      if (body.channel === 'zalo' && !body.consent) throw badRequest('Cần đồng ý nhận thông báo qua Zalo.', 'Receiving notices by Zalo needs your consent.');
      return setPreference(ctx.db, actor.subject, body.phone, body.channel, ctx.clock.now());
    },
  );

  app.get(
    '/api/office/dossiers/:code/notices',
    {
      config: { access: 'official' },
      schema: {
        tags,
        summary: 'Thông báo đã gửi và trạng thái nhận — notices of a dossier and their delivery state',
        params: DossierCodeParams,
        response: { 200: Type.Ref(NoticeDeliveryListSchema) },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      await dossiers.loadVisible(request.actor, code, ['contact']);
      const items = await noticeReceiptsFor(ctx.db, code);
      // Phone numbers and addresses are personal data: an official's look is audited.
      await dossiers.auditRead(request.actor, { action: 'notifications.notice.list', dossierCode: code, kinds: ['contact'], detail: { count: items.length } });
      return { items };
    },
  );

  // Providers sign the exact bytes they send, so these bodies are kept raw.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post(
      '/api/notifications/zalo/events',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Webhook sự kiện Zalo (tin ZNS đã đến máy người nhận) — Zalo delivery events',
          description:
            'Header X-ZEvent-Signature: mac=<hex SHA-256 of app_id + raw body + timestamp + ZALO_OA_SECRET_KEY>. Event user_received_message with message.msg_id marks a ZNS notice delivered.',
          response: { 200: Type.Ref(DeliveryReportAckSchema) },
        },
      },
      async (request) => {
        const z = ctx.config.notifications.zalo;
        if (!z.appId || !z.oaSecretKey)
          throw new Problem(
            503,
            'webhook_disabled',
            'Chưa cấu hình ZALO_APP_ID và ZALO_OA_SECRET_KEY.',
            'ZALO_APP_ID and ZALO_OA_SECRET_KEY are not configured.',
          );
        const raw = request.body as Buffer;
        if (!Buffer.isBuffer(raw)) throw badSignature();
        const event = parseJson(raw);
        const timestamp = String(event.timestamp ?? '');
        const given = request.headers['x-zevent-signature'];
        if (event.app_id !== undefined && String(event.app_id) !== z.appId) throw badSignature();
        if (!sameSignature(zaloSignature(z.appId, raw.toString('utf8'), timestamp, z.oaSecretKey), typeof given === 'string' ? given : undefined))
          throw badSignature();
        if (!(Math.abs(ctx.clock.now().getTime() - Number(timestamp)) <= ZALO_EVENT_MAX_AGE_MS)) throw badSignature();
        const message = (event.message ?? {}) as { msg_id?: unknown };
        if (event.event_name !== 'user_received_message' || typeof message.msg_id !== 'string') return { matched: false };
        return { matched: await applyDeliveryReport(ctx.db, 'zalo', message.msg_id, 'delivered', null, ctx.clock.now()) };
      },
    );

    scope.post(
      '/api/notifications/sms/receipts',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Báo cáo gửi SMS của nhà mạng (ký HMAC-SHA256) — SMS gateway delivery reports',
          description:
            'Header X-Signature: sha256=<hex HMAC of the raw body with SMS_CALLBACK_SECRET>. Body {"id": gateway message id, "status": "delivered"|"failed", "detail"?}.',
          response: { 200: Type.Ref(DeliveryReportAckSchema) },
        },
      },
      async (request) => {
        const secret = ctx.config.notifications.smsCallbackSecret;
        if (!secret) throw new Problem(503, 'webhook_disabled', 'Chưa cấu hình SMS_CALLBACK_SECRET.', 'SMS_CALLBACK_SECRET is not configured.');
        const raw = request.body as Buffer;
        const given = request.headers['x-signature'];
        if (!Buffer.isBuffer(raw) || !sameSignature(smsReceiptSignature(secret, raw.toString('utf8')), typeof given === 'string' ? given : undefined))
          throw badSignature();
        const report = parseJson(raw);
        if (typeof report.id !== 'string' || (report.status !== 'delivered' && report.status !== 'failed'))
          throw badRequest('Cần id và status ("delivered" hoặc "failed").', 'id and status ("delivered" or "failed") are required.');
        const detail = typeof report.detail === 'string' ? report.detail.slice(0, 500) : null;
        return { matched: await applyDeliveryReport(ctx.db, 'sms', report.id, report.status, detail, ctx.clock.now()) };
      },
    );
  });
};
