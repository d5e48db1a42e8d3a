import fastifyMultipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { SHIPMENT_STATUSES, ShipmentSchema, VerificationReportSchema, type ShipmentStatus } from '@motcua/core/api';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ResultsConfig } from '../../platform/config.ts';
import { FileBody } from '../../platform/contract.ts';
import { badRequest, Problem } from '../../platform/errors.ts';
import type { DeliveryService } from './delivery.ts';
import { webhookSignatureOk, WEBHOOK_SIGNATURE_HEADER } from './postal.ts';
import { readAll } from './service.ts';
import type { VerificationReport, VerificationService } from './verification.ts';
import { VERIFY_PAGE_SCRIPT, verifyPageHtml } from './verify-page.ts';

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /application\/json/.test(accept) && !/text\/html/.test(accept);
}

function answer(request: FastifyRequest, reply: FastifyReply, report: VerificationReport) {
  const status = report.verdict === 'not_found' ? 404 : 200;
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  if (wantsJson(request)) return reply.status(status).send(report);
  return reply.status(status).type('text/html; charset=utf-8').send(verifyPageHtml(report));
}

export interface VerifyRoutesOptions {
  verification: VerificationService;
  delivery: DeliveryService;
  maxBytes: number;
  perMinute: number;
  /** Read per request (POSTAL_WEBHOOK_SECRET), so the secret is never captured at start-up only. */
  postal: Pick<ResultsConfig, 'postalWebhookSecret'>;
}

const HTML = ['text/html'];
const PAGE = FileBody('Trang HTML — the page', HTML, 'text');
/** The report as JSON when the caller asks only for JSON (Accept), else the page showing it. */
const REPORT = {
  description: 'Kết quả xác thực: JSON (Accept: application/json) hoặc trang HTML — the verification report, as JSON or as a page',
  content: { 'application/json': { schema: Type.Ref(VerificationReportSchema) }, ...FileBody('', HTML, 'text').content },
};

/** Public: the QR link's page, the file check, and the carrier's status webhook. */
export const verifyRoutes: FastifyPluginAsyncTypebox<VerifyRoutesOptions> = async (app, o) => {
  const rateLimit = { max: o.perMinute, timeWindow: 60_000 };
  const tags = ['verify'];

  app.get(
    '/verify',
    {
      config: { access: 'public', rateLimit },
      schema: { tags, summary: 'Trang xác thực văn bản (tải tệp lên) — verification page', response: { 200: PAGE } },
    },
    async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(verifyPageHtml(null)),
  );

  app.get('/verify/verify.js', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(VERIFY_PAGE_SCRIPT),
  );

  app.get(
    '/verify/:code',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Xác thực văn bản theo mã QR — verify a document from its QR link',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ h: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: REPORT, 404: REPORT },
      },
    },
    async (request, reply) => answer(request, reply, await o.verification.byLink(request.params.code, (request.query.h ?? '').toLowerCase())),
  );

  await app.register(async (scope) => {
    const s = scope.withTypeProvider<TypeBoxTypeProvider>();
    await s.register(fastifyMultipart, { limits: { files: 1, fields: 2, parts: 3, fileSize: o.maxBytes } });
    s.post(
      '/verify',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags,
          summary: 'Xác thực tệp PDF tải lên (multipart, trường "file"); HTML hoặc JSON theo Accept — verify an uploaded PDF',
          response: { 200: REPORT },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new Problem(
            415,
            'unsupported_media_type',
            'Hãy gửi tệp dạng multipart/form-data (trường "file").',
            'Send the file as multipart/form-data (field "file").',
          );
        const part = await request.file();
        if (!part) throw badRequest('Yêu cầu không có tệp nào (trường "file").', 'The request carries no file (field "file").');
        const bytes = await readAll(part.file);
        if (part.file.truncated) throw new Problem(413, 'payload_too_large', 'Tệp quá lớn.', 'The file is too large.');
        return answer(request, reply, await o.verification.byFile(bytes));
      },
    );
  });

  // The carrier's webhook is authenticated by an HMAC of the exact bytes sent, so the body is kept raw.
  await app.register(async (scope) => {
    const s = scope.withTypeProvider<TypeBoxTypeProvider>();
    s.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    s.post(
      '/api/postal/webhook',
      {
        config: { access: 'public' },
        schema: {
          tags: ['results'],
          summary: 'Webhook trạng thái bưu gửi của đơn vị bưu chính (ký HMAC-SHA256) — carrier status webhook',
          description: `Header ${WEBHOOK_SIGNATURE_HEADER}: sha256=<hex HMAC of the raw body with POSTAL_WEBHOOK_SECRET>. Body: PostalWebhookBody ({"trackingNumber","status","note"?}).`,
          response: { 200: Type.Ref(ShipmentSchema) },
        },
      },
      async (request) => {
        const secret = o.postal.postalWebhookSecret;
        if (!secret) throw new Problem(503, 'webhook_disabled', 'Chưa cấu hình POSTAL_WEBHOOK_SECRET.', 'POSTAL_WEBHOOK_SECRET is not configured.');
        const raw = request.body as Buffer;
        const signature = request.headers[WEBHOOK_SIGNATURE_HEADER];
        if (!Buffer.isBuffer(raw) || !webhookSignatureOk(secret, raw, typeof signature === 'string' ? signature : undefined)) {
          throw new Problem(401, 'bad_signature', 'Chữ ký webhook không hợp lệ.', 'The webhook signature is not valid.');
        }
        let body: { trackingNumber?: unknown; status?: unknown; note?: unknown };
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw badRequest('Nội dung không phải JSON.', 'The body is not JSON.');
        }
        if (typeof body.trackingNumber !== 'string' || typeof body.status !== 'string' || !(SHIPMENT_STATUSES as readonly string[]).includes(body.status)) {
          throw badRequest('Cần trackingNumber và status hợp lệ.', 'trackingNumber and a valid status are required.');
        }
        const note = typeof body.note === 'string' ? body.note.slice(0, 500) : null;
        return o.delivery.advanceByCarrier(body.trackingNumber, body.status as ShipmentStatus, note);
      },
    );
  });
};
