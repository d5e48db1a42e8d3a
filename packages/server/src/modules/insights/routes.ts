import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InsightsParams, InsightsQuerySchema, InsightsSchema, PublicInsightsSchema, XlsxFile } from '@motcua/core/api';
import { insightsWorkbook } from './excel.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import type { InsightsService } from './service.ts';

export const insightsRoutes: FastifyPluginAsyncTypebox<{ insights: InsightsService }> = async (app, { insights }) => {
  app.get(
    '/api/insights/:code',
    {
      // Figures carry no personal data; which units' figures a caller sees is the policy's call.
      config: { access: 'official' },
      schema: {
        tags: ['insights'],
        summary: 'Bộ chỉ số 766 và số liệu cho lãnh đạo xã, tỉnh — Decision 766 indicators for commune and province leaders (no personal data)',
        params: InsightsParams,
        querystring: InsightsQuerySchema,
        response: { 200: Type.Ref(InsightsSchema) },
      },
    },
    async (request) => insights.figures(request.actor, request.params.code, request.query.from, request.query.to, request.query.by),
  );

  app.get(
    '/api/insights/:code/excel',
    {
      config: { access: 'official' },
      schema: {
        tags: ['insights'],
        summary: 'Báo cáo Bộ chỉ số 766 (Excel, mỗi nhóm một trang, công thức hiển thị) — Decision 766 report as .xlsx',
        params: InsightsParams,
        querystring: InsightsQuerySchema,
        produces: [XLSX],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const data = await insights.figures(request.actor, request.params.code, request.query.from, request.query.to, request.query.by);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="chi-so-766-${data.unit.code}-${data.period.from}-${data.period.to}.xlsx"`)
        .send(await insightsWorkbook(data));
    },
  );

  app.get(
    '/api/public/insights/:code',
    {
      // The transparency page (like the national public index): scores and counts, anyone may read.
      config: { access: 'public' },
      schema: {
        tags: ['insights'],
        summary: 'Công khai chỉ số phục vụ của xã, tỉnh — public transparency figures of a commune or province',
        params: InsightsParams,
        querystring: Type.Object({ from: InsightsQuerySchema.properties.from, to: InsightsQuerySchema.properties.to }),
        response: { 200: Type.Ref(PublicInsightsSchema) },
      },
    },
    async (request) => insights.publicFigures(request.params.code, request.query.from, request.query.to),
  );
};
