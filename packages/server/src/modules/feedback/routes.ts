import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  FeedbackAnswerBodySchema,
  FeedbackBodySchema,
  FeedbackCodeParams,
  FeedbackLookupQuery,
  FeedbackQueueSchema,
  FeedbackRatingBodySchema,
  FeedbackReceiptSchema,
  FeedbackStatusSchema,
  FeedbackUnitQuery,
  PublishedAnswersSchema,
  PhoneCodeBodySchema,
  PhoneCodeSentSchema,
  type PhoneCodeBody,
  type FeedbackAnswerBody,
  type FeedbackBody,
  type FeedbackRatingBody,
} from '@motcua/core/api';
import type { FeedbackService } from './service.ts';

const tags = ['feedback'];

export const feedbackRoutes: FastifyPluginAsyncTypebox<{ feedback: FeedbackService }> = async (app, { feedback }) => {
  app.post(
    '/api/feedback',
    {
      // Public: without a session the body must carry a code sent to its phone (the service checks).
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Gửi phản ánh, kiến nghị — file feedback or a complaint',
        body: Type.Ref(FeedbackBodySchema),
        response: { 201: Type.Ref(FeedbackReceiptSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await feedback.file(request.actor, request.body as FeedbackBody)),
  );
  app.post(
    '/api/feedback/phone-code',
    {
      // Per address here; per number in the service (PHONE_CODES_PER_WINDOW).
      config: { access: 'public', rateLimit: { max: 5, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Gửi mã xác nhận số điện thoại qua SMS — send a phone confirmation code by SMS',
        body: Type.Ref(PhoneCodeBodySchema),
        response: { 202: Type.Ref(PhoneCodeSentSchema) },
      },
    },
    async (request, reply) => reply.status(202).send(await feedback.phoneCodes.send((request.body as PhoneCodeBody).phone)),
  );
  app.get(
    '/api/feedback/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tra cứu phản ánh theo mã và số điện thoại — look up by code and phone',
        querystring: FeedbackLookupQuery,
        response: { 200: Type.Ref(FeedbackStatusSchema) },
      },
    },
    async (request) => feedback.lookup(request.query.code, request.query.phone),
  );
  app.post(
    '/api/feedback/:code/rating',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Đánh giá câu trả lời (một lần) — rate the answer, once',
        params: FeedbackCodeParams,
        body: Type.Ref(FeedbackRatingBodySchema),
        response: { 200: Type.Ref(FeedbackStatusSchema) },
      },
    },
    async (request) => feedback.rateAnswer(request.params.code, request.body as FeedbackRatingBody),
  );
  app.get(
    '/api/feedback/published',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Câu trả lời được công khai của xã (không có dữ liệu cá nhân) — published answers',
        querystring: FeedbackUnitQuery,
        response: { 200: Type.Ref(PublishedAnswersSchema) },
      },
    },
    async (request) => feedback.published(request.query.unit),
  );
  app.get(
    '/api/office/feedback',
    {
      config: { access: 'official' },
      schema: {
        tags,
        summary: 'Phản ánh, kiến nghị của đơn vị — the unit’s feedback queue',
        querystring: FeedbackUnitQuery,
        response: { 200: Type.Ref(FeedbackQueueSchema) },
      },
    },
    async (request) => feedback.queue(request.actor, request.query.unit),
  );
  app.post(
    '/api/office/feedback/:code/answer',
    {
      config: { access: 'official' },
      schema: {
        tags,
        summary: 'Trả lời phản ánh — answer',
        params: FeedbackCodeParams,
        body: Type.Ref(FeedbackAnswerBodySchema),
        response: { 200: Type.Ref(FeedbackStatusSchema) },
      },
    },
    async (request) => feedback.answer(request.actor, request.params.code, request.body as FeedbackAnswerBody),
  );
};
