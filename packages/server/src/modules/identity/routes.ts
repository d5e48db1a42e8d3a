import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import type { IdentityService } from './service.ts';
import { LOGIN_COOKIE, OidcClient, safeReturnTo } from './oidc-client.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { ALL_ROLES } from './officials.ts';
import { createDevProvider, devIdpRoutes } from './dev-idp.ts';
import { officeRoutes } from './office-routes.ts';

const Role = Type.Union(ALL_ROLES.map((r) => Type.Literal(r)));

const Me = Type.Union([
  Type.Object({
    kind: Type.Literal('citizen'),
    subject: Type.String(),
    idNumber: Type.String({ description: 'Số CCCD (12 chữ số) — citizen identity card number' }),
    fullName: Type.String(),
    birthdate: Type.Union([Type.String(), Type.Null()]),
    gender: Type.Union([Type.String(), Type.Null()]),
    phoneNumber: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    communeCode: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Object({
    kind: Type.Literal('official'),
    userId: Type.String(),
    username: Type.Union([Type.String(), Type.Null()]),
    fullName: Type.String(),
    roles: Type.Array(Role),
    unitCodes: Type.Array(Type.String()),
    via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  }),
]);

export const identityRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; identity: IdentityService }> = async (app, { ctx, identity }) => {
  const oidc = new OidcClient(ctx, identity.store);
  const loginCookie = { path: '/auth', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.publicUrl.startsWith('https:') };

  // The built-in provider exists only when no external issuer is configured.
  if (!ctx.config.identity.oidcIssuer) {
    app.log.warn('Built-in development identity provider at /dev-idp is ON (demo accounts, not VNeID); set OIDC_ISSUER in production');
    await app.register(devIdpRoutes, { provider: createDevProvider(ctx) });
  }

  app.get(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Đăng nhập qua nhà cung cấp định danh (OIDC) — start an OpenID Connect login',
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 512 })) }),
      },
    },
    async (request, reply) => {
      const { url, attemptId } = await oidc.begin(safeReturnTo(request.query.returnTo));
      reply.setCookie(LOGIN_COOKIE, attemptId, { ...loginCookie, maxAge: 600 });
      return reply.redirect(url, 303);
    },
  );

  app.get(
    '/auth/callback',
    {
      config: { access: 'public' },
      schema: { tags: ['identity'], summary: 'Điểm quay về sau đăng nhập — OIDC redirect URI' },
    },
    async (request, reply) => {
      const attemptId = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, loginCookie);
      const { claims, returnTo } = await oidc.complete(attemptId, request.url).catch((err: unknown) => {
        // The citizen reads a plain message; the operator needs the provider's own words.
        const cause = (err as { cause?: unknown }).cause;
        if (cause) request.log.warn({ err: cause }, 'login at the identity provider failed');
        throw err;
      });
      // A fresh session id at every login: a session fixed before login is worth nothing after it.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await identity.sessions.destroy(previous);
      identity.sessions.setCookies(reply, await identity.startSession(claims));
      return reply.redirect(returnTo, 303);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['identity'], summary: 'Đăng xuất — log out (deletes the server-side session)' },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await identity.sessions.destroy(sessionId);
      identity.sessions.clearCookies(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'Tôi là ai — the signed-in citizen or official', response: { 200: Me } },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind === 'citizen') {
        const profile = await identity.citizenProfile(request.cookies[SESSION_COOKIE] ?? '');
        return {
          kind: 'citizen' as const,
          subject: actor.subject,
          idNumber: actor.idNumber,
          fullName: actor.fullName,
          birthdate: profile?.birthdate ?? null,
          gender: profile?.gender ?? null,
          phoneNumber: profile?.phoneNumber ?? null,
          address: profile?.address ?? null,
          communeCode: profile?.communeCode ?? null,
        };
      }
      if (actor.kind !== 'official') throw new Error('unreachable: access rule admits only signed-in callers');
      const official = actor.via === 'session' ? await identity.store.getOfficial(actor.userId) : undefined;
      return {
        kind: 'official' as const,
        userId: actor.userId,
        username: official?.username ?? null,
        fullName: actor.fullName,
        roles: actor.roles,
        unitCodes: actor.unitCodes,
        via: actor.via,
      };
    },
  );

  await app.register(officeRoutes, { identity });
};
