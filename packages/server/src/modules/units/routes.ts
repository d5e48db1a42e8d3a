import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UnitsService } from './service.ts';
import { HAMLET_KINDS } from './service.ts';

const Unit = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    fullName: Type.String(),
    fullNameEn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    type: Type.String(),
    provinceCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: true },
);

const Hamlet = Type.Object({
  code: Type.String(),
  unitCode: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  distanceKm: Type.Union([Type.Number(), Type.Null()]),
  travelMinutes: Type.Union([Type.Integer(), Type.Null()]),
  active: Type.Boolean(),
});

const UnitCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,5}$', description: 'Mã đơn vị hành chính (2 chữ số tỉnh, 5 chữ số xã)' }) });
const HamletKind = Type.Union(HAMLET_KINDS.map((k) => Type.Literal(k)));

export const unitsRoutes: FastifyPluginAsyncTypebox<{ units: UnitsService }> = async (app, { units }) => {
  app.get(
    '/api/units',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Tìm đơn vị hành chính hiện hành (không phân biệt dấu) — search current units',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Unit) }) },
      },
    },
    async (request) => ({ items: units.search(request.query.q, request.query.province, request.query.limit) }),
  );

  app.get(
    '/api/units/resolve',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Quy đổi địa chỉ cũ sang đơn vị mới — map an old-style address to the current commune',
        querystring: Type.Object({ address: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: {
          200: Type.Object({
            // resolved | ambiguous (near-equal `candidates`; `unit` is only the first) | not_found
            status: Type.Union([Type.Literal('resolved'), Type.Literal('ambiguous'), Type.Literal('not_found')]),
            unit: Type.Union([Unit, Type.Null()]),
            confidence: Type.Number({ minimum: 0, maximum: 1 }),
            alternatives: Type.Array(Type.Object({ unit: Unit, confidence: Type.Number() })),
            candidates: Type.Optional(Type.Array(Type.Object({ unit: Unit, confidence: Type.Number(), matchedOld: Type.Optional(Type.Any()) }))),
            matchedOld: Type.Optional(Type.Any()),
            oldStyle: Type.Optional(Type.Boolean()),
          }),
        },
      },
    },
    async (request) => units.resolve(request.query.address),
  );

  app.get(
    '/api/units/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Chi tiết đơn vị, đơn vị trước sáp nhập và đơn vị kế thừa — unit with predecessors and successor',
        params: UnitCode,
      },
    },
    async (request) => units.detail(request.params.code),
  );

  app.get(
    '/api/units/:code/hamlets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Thôn, ấp của xã — hamlets of a commune',
        params: UnitCode,
        response: { 200: Type.Object({ items: Type.Array(Hamlet) }) },
      },
    },
    async (request) => ({ items: await units.hamlets(request.params.code) }),
  );

  app.post(
    '/api/units/:code/hamlets',
    {
      config: { access: { roles: ['commune_admin'] } },
      schema: {
        tags: ['units'],
        summary: 'Thêm thôn, ấp (quản trị xã) — add a hamlet (commune administrator)',
        params: UnitCode,
        body: Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 120 }),
            kind: HamletKind,
            distanceKm: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
            travelMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Hamlet },
      },
    },
    async (request, reply) => reply.status(201).send(await units.addHamlet(request.actor, request.params.code, request.body)),
  );

  app.patch(
    '/api/units/:code/hamlets/:hamlet',
    {
      config: { access: { roles: ['commune_admin'] } },
      schema: {
        tags: ['units'],
        summary: 'Sửa thôn, ấp (quản trị xã) — edit a hamlet',
        params: Type.Object({ code: UnitCode.properties.code, hamlet: Type.String({ pattern: '^[0-9]{5}-[0-9]{2,3}$' }) }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
            kind: Type.Optional(HamletKind),
            distanceKm: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
            travelMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Hamlet },
      },
    },
    async (request) => units.updateHamlet(request.actor, request.params.code, request.params.hamlet, request.body),
  );
};
