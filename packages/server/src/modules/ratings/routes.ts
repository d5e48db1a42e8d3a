import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DossierCodeParams,
  KioskLinkSchema,
  LowRatingAlertsSchema,
  MyOfficialRatingsSchema,
  MyRatingsSchema,
  RatingBodySchema,
  RatingFiguresQuery,
  RatingFiguresSchema,
  RatingLinkInfoSchema,
  RatingReceiptSchema,
  RatingTokenParams,
  RatingUnitQuery,
  type RatingBody,
} from '@motcua/core/api';
import type { RatingsService } from './service.ts';

const tags = ['ratings'];

export const ratingsRoutes: FastifyPluginAsyncTypebox<{ ratings: RatingsService }> = async (app, { ratings }) => {
  app.post(
    '/api/dossiers/:code/rating',
    {
      // The applicant's session, or a notice/kiosk link's token in the body: checked by the service.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Đánh giá mức độ hài lòng về hồ sơ (một lần) — rate a dossier, once',
        params: DossierCodeParams,
        body: Type.Ref(RatingBodySchema),
        response: { 201: Type.Ref(RatingReceiptSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await ratings.rate(request.actor, request.params.code, request.body as RatingBody)),
  );

  app.get(
    '/api/ratings/links/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Hồ sơ của một đường dẫn đánh giá (không có dữ liệu cá nhân) — what a rating link is for',
        params: RatingTokenParams,
        response: { 200: Type.Ref(RatingLinkInfoSchema) },
      },
    },
    async (request) => ratings.linkInfo(request.params.token),
  );

  app.post(
    '/api/dossiers/:code/rating-kiosk',
    {
      config: { access: { roles: ['receptionist', 'specialist', 'approver', 'commune_admin'] } },
      schema: {
        tags,
        summary: 'Mở phiếu đánh giá trên máy tại quầy — open the desk kiosk for this dossier',
        params: DossierCodeParams,
        response: { 201: Type.Ref(KioskLinkSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await ratings.kioskLink(request.actor, request.params.code)),
  );

  app.get(
    '/api/me/ratings',
    { config: { access: 'citizen' }, schema: { tags, summary: 'Hồ sơ tôi đã đánh giá — my rated dossiers', response: { 200: Type.Ref(MyRatingsSchema) } } },
    async (request) => ratings.mine(request.actor),
  );

  app.get(
    '/api/ratings/figures',
    {
      config: { access: 'official' },
      schema: {
        tags,
        summary: 'Số đánh giá theo từng mức của mỗi tiêu chí (ẩn danh) — counts per level per criterion, anonymous',
        querystring: RatingFiguresQuery,
        response: { 200: Type.Ref(RatingFiguresSchema) },
      },
    },
    async (request) => ratings.figures(request.actor, request.query),
  );

  app.get(
    '/api/office/my-ratings',
    { config: { access: 'official' }, schema: { tags, summary: 'Đánh giá về tôi — my own ratings', response: { 200: Type.Ref(MyOfficialRatingsSchema) } } },
    async (request) => ratings.forOfficial(request.actor),
  );

  app.get(
    '/api/ratings/low',
    {
      config: { access: { roles: ['approver', 'commune_admin'] } },
      schema: {
        tags,
        summary: 'Đánh giá chưa hài lòng cần xử lý — low ratings to follow up',
        querystring: RatingUnitQuery,
        response: { 200: Type.Ref(LowRatingAlertsSchema) },
      },
    },
    async (request) => ratings.lowAlerts(request.actor, request.query.unit),
  );
};
