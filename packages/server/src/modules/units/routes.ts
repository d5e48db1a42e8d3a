import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddressResolutionSchema,
  HamletInputSchema,
  HamletListSchema,
  HamletParams,
  HamletPatchSchema,
  HamletSchema,
  ResolveQuerySchema,
  UnitCodeParams,
  UnitDetailSchema,
  UnitListSchema,
  UnitQuerySchema,
} from '@motcua/core/api';
import type { UnitsService } from './service.ts';

const tags = ['units'];

export const unitsRoutes: FastifyPluginAsyncTypebox<{ units: UnitsService }> = async (app, { units }) => {
  app.get(
    '/api/units',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tìm đơn vị hành chính hiện hành (không phân biệt dấu) — search current units',
        querystring: UnitQuerySchema,
        response: { 200: Type.Ref(UnitListSchema) },
      },
    },
    async (request) => ({ items: units.search(request.query.q, request.query.province, request.query.limit) }),
  );

  app.get(
    '/api/units/resolve',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Quy đổi địa chỉ cũ sang đơn vị mới — map an old-style address to the current commune',
        querystring: ResolveQuerySchema,
        response: { 200: Type.Ref(AddressResolutionSchema) },
      },
    },
    async (request) => units.resolve(request.query.address),
  );

  app.get(
    '/api/units/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Chi tiết đơn vị, đơn vị trước sáp nhập và đơn vị kế thừa — unit with predecessors and successor',
        params: UnitCodeParams,
        response: { 200: Type.Ref(UnitDetailSchema) },
      },
    },
    async (request) => units.detail(request.params.code),
  );

  app.get(
    '/api/units/:code/hamlets',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Thôn, ấp của xã — hamlets of a commune',
        params: UnitCodeParams,
        response: { 200: Type.Ref(HamletListSchema) },
      },
    },
    async (request) => ({ items: await units.hamlets(request.params.code) }),
  );

  app.post(
    '/api/units/:code/hamlets',
    {
      config: { access: { roles: ['commune_admin'] } },
      schema: {
        tags,
        summary: 'Thêm thôn, ấp (quản trị xã) — add a hamlet (commune administrator)',
        params: UnitCodeParams,
        body: Type.Ref(HamletInputSchema),
        response: { 201: Type.Ref(HamletSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await units.addHamlet(request.actor, request.params.code, request.body)),
  );

  app.patch(
    '/api/units/:code/hamlets/:hamlet',
    {
      config: { access: { roles: ['commune_admin'] } },
      schema: {
        tags,
        summary: 'Sửa thôn, ấp (quản trị xã) — edit a hamlet',
        params: HamletParams,
        body: Type.Ref(HamletPatchSchema),
        response: { 200: Type.Ref(HamletSchema) },
      },
    },
    async (request) => units.updateHamlet(request.actor, request.params.code, request.params.hamlet, request.body),
  );
};
