import { Type } from '@sinclair/typebox';
import { MeSchema } from '@motcua/core/api';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import type { IdentityService } from './service.ts';
import { LOGIN_COOKIE, OidcClient, safeReturnTo } from './oidc-client.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { createDevProvider, devIdpRoutes } from './dev-idp.ts';
import { officeRoutes } from './office-routes.ts';

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
        response: { 303: Type.Null({ description: 'Chuyển tới nhà cung cấp định danh — to the identity provider (Location)' }) },
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
      schema: {
        tags: ['identity'],
        summary: 'Điểm quay về sau đăng nhập — OIDC redirect URI',
        response: { 303: Type.Null({ description: 'Đăng nhập xong, về trang đã yêu cầu — signed in: back to the page asked for (Location)' }) },
      },
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
      schema: {
        tags: ['identity'],
        summary: 'Đăng xuất — log out (deletes the server-side session)',
        response: { 204: Type.Null({ description: 'Đã đăng xuất — logged out' }) },
      },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await identity.sessions.destroy(sessionId);
      identity.sessions.clearCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'Tôi là ai — the signed-in citizen or official', response: { 200: Type.Ref(MeSchema) } },
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
