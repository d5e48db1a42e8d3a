import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { InsightsService } from './service.ts';

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const DossierFigures = Type.Object({
  received: Type.Integer(),
  online: Type.Integer(),
  counter: Type.Integer(),
  outreach: Type.Integer(),
  postal: Type.Integer(),
  finished: Type.Integer(),
  finishedOnTime: Type.Integer(),
  lateNow: Type.Integer(),
  inProgress: Type.Integer(),
  apologies: Type.Integer(),
  onlineRate: Rate,
  onTimeRate: Rate,
});
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD (giờ Việt Nam)' });

export const insightsRoutes: FastifyPluginAsyncTypebox<{ insights: InsightsService }> = async (app, { insights }) => {
  app.get(
    '/api/insights/:code',
    {
      // Figures carry no personal data; which units' figures a caller sees is the policy's call.
      config: { access: 'official' },
      schema: {
        tags: ['insights'],
        summary: 'Số liệu tổng hợp cho lãnh đạo xã, tỉnh — figures for commune and province leaders (no personal data)',
        params: Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' }) }),
        querystring: Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }),
        response: {
          200: Type.Object({
            unit: Type.Object({ code: Type.String(), fullName: Type.String() }),
            period: Type.Object({ from: Type.String(), to: Type.String() }),
            dossiers: DossierFigures,
            outreach: Type.Object({
              received: Type.Integer(),
              completedOnSpot: Type.Integer(),
              toReturn: Type.Integer(),
              peopleGuided: Type.Integer(),
              surveys: Type.Integer(),
              satisfied: Type.Integer(),
              averageRating: Type.Union([Type.Number(), Type.Null()]),
              satisfactionRate: Rate,
            }),
            communes: Type.Array(Type.Intersect([Type.Object({ code: Type.String(), fullName: Type.String() }), DossierFigures])),
          }),
        },
      },
    },
    async (request) => insights.figures(request.actor, request.params.code, request.query.from, request.query.to),
  );
};
