import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyCodeBodySchema, UnitAgencyCodeSchema, UnitCode, type AgencyCodeBody } from '@motcua/core/api';
import { SYSTEM_ADMIN_ONLY } from '../../platform/access.ts';
import type { AgenciesService } from './service.ts';

const tags = ['units'];
const params = Type.Object({ code: UnitCode });

export const agenciesRoutes: FastifyPluginAsyncTypebox<{ agencies: AgenciesService }> = async (app, { agencies }) => {
  app.get(
    '/api/units/:code/agency-code',
    {
      config: { access: SYSTEM_ADMIN_ONLY },
      schema: { tags, summary: 'Mã định danh cơ quan của xã — a commune’s agency identifier', params, response: { 200: Type.Ref(UnitAgencyCodeSchema) } },
    },
    async (request) => agencies.get(request.params.code),
  );
  app.put(
    '/api/units/:code/agency-code',
    {
      // Every dossier code the commune issues from now on starts with it.
      config: { access: SYSTEM_ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Ghi mã định danh cơ quan (QCVN 102:2016) — set the agency identifier',
        params,
        body: Type.Ref(AgencyCodeBodySchema),
        response: { 200: Type.Ref(UnitAgencyCodeSchema) },
      },
    },
    async (request) => agencies.set(request.actor, request.params.code, request.body as AgencyCodeBody),
  );
};
