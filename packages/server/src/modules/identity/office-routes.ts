import { Type } from '@sinclair/typebox';
import { ApiTokenListSchema, ColleagueListSchema, CreatedApiTokenSchema, OfficialListSchema, OfficialSchema, RoleSchema } from '@motcua/core/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { IdentityService } from './service.ts';

const Role = Type.Ref(RoleSchema);
const UnitCode = Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$', description: 'Mã xã (5 chữ số) hoặc tỉnh (2 chữ số)' });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Work e-mail: where the unit's reports (the daily audit anchor) reach approvers and administrators. */
const Email = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]);

const ADMINS = { roles: ['commune_admin', 'system_admin'] } as const;

/** Staff and API-token administration: commune administrators for their own commune only. */
export const officeRoutes: FastifyPluginAsyncTypebox<{ identity: IdentityService }> = async (app, { identity }) => {
  app.get(
    '/api/office/officials',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: {
        tags: ['identity'],
        summary: 'Danh sách cán bộ của xã — officials of a unit (administrators)',
        querystring: Type.Object({ unit: Type.Optional(UnitCode) }),
        response: { 200: Type.Ref(OfficialListSchema) },
      },
    },
    async (request) => ({ items: await identity.officials.list(request.actor, request.query.unit) }),
  );

  app.get(
    '/api/office/colleagues',
    {
      config: { access: 'official' },
      schema: {
        tags: ['identity'],
        summary: 'Cán bộ cùng đơn vị (tên, vai trò) — colleagues to assign work to',
        querystring: Type.Object({ unit: Type.String({ pattern: '^[0-9]{5}$' }), role: Type.Optional(Role) }),
        response: { 200: Type.Ref(ColleagueListSchema) },
      },
    },
    async (request) => ({ items: await identity.officials.colleagues(request.actor, request.query.unit, request.query.role) }),
  );

  app.post(
    '/api/office/officials',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: {
        tags: ['identity'],
        summary: 'Thêm cán bộ — add an official to a unit',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-zA-Z0-9._-]{3,64}$' }),
            fullName: Type.String({ minLength: 2, maxLength: 120 }),
            roles: Type.Array(Role, { minItems: 1, maxItems: 7 }),
            unitCode: UnitCode,
            email: Type.Optional(Email),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref(OfficialSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await identity.officials.create(request.actor, request.body)),
  );

  app.patch(
    '/api/office/officials/:id',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: {
        tags: ['identity'],
        summary: 'Sửa vai trò, họ tên, e-mail, khoá/mở cán bộ — update roles, name, e-mail or active flag',
        params: Id,
        body: Type.Object(
          {
            fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
            roles: Type.Optional(Type.Array(Role, { minItems: 1, maxItems: 7 })),
            active: Type.Optional(Type.Boolean()),
            email: Type.Optional(Email),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref(OfficialSchema) },
      },
    },
    async (request) => identity.officials.update(request.actor, request.params.id, request.body),
  );

  app.delete(
    '/api/office/officials/:id',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: { tags: ['identity'], summary: 'Khoá tài khoản cán bộ — deactivate an official', params: Id, response: { 200: Type.Ref(OfficialSchema) } },
    },
    async (request) => identity.officials.update(request.actor, request.params.id, { active: false }),
  );

  app.get(
    '/api/office/tokens',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: {
        tags: ['identity'],
        summary: 'Mã truy cập API (không kèm bí mật) — API tokens, without secrets',
        response: { 200: Type.Ref(ApiTokenListSchema) },
      },
    },
    async (request) => ({ items: await identity.tokens.list(request.actor) }),
  );

  app.post(
    '/api/office/tokens',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: {
        tags: ['identity'],
        summary: 'Tạo mã truy cập API (chỉ hiện một lần) — create an API token, shown once',
        body: Type.Object(
          {
            role: Role,
            unitCode: UnitCode,
            label: Type.Optional(Type.String({ maxLength: 120 })),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref(CreatedApiTokenSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await identity.tokens.create(request.actor, request.body)),
  );

  app.delete(
    '/api/office/tokens/:id',
    {
      config: { access: { roles: [...ADMINS.roles] } },
      schema: {
        tags: ['identity'],
        summary: 'Thu hồi mã truy cập API — revoke an API token (immediate)',
        params: Id,
        response: { 204: Type.Null({ description: 'Đã thu hồi — revoked' }) },
      },
    },
    async (request, reply) => {
      await identity.tokens.revoke(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
