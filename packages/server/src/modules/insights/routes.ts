import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InsightsParams, InsightsQuerySchema, InsightsSchema } from '@motcua/core/api';
import type { InsightsService } from './service.ts';

export const insightsRoutes: FastifyPluginAsyncTypebox<{ insights: InsightsService }> = async (app, { insights }) => {
  app.get(
    '/api/insights/:code',
    {
      // Figures carry no personal data; which units' figures a caller sees is the policy's call.
      config: { access: 'official' },
      schema: {
        tags: ['insights'],
        summary: 'Số liệu tổng hợp cho lãnh đạo xã, tỉnh — figures for commune and province leaders (no personal data)',
        params: InsightsParams,
        querystring: InsightsQuerySchema,
        response: { 200: Type.Ref(InsightsSchema) },
      },
    },
    async (request) => insights.figures(request.actor, request.params.code, request.query.from, request.query.to),
  );
};
