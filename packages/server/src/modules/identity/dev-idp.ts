import fs from 'node:fs';
import path from 'node:path';
import { parse as parseQuery } from 'node:querystring';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { demoPeople, findDemoAccount } from './demo-people.ts';
import { loginPage } from './dev-idp-page.ts';
import { issuerUrl, redirectUri } from './oidc-client.ts';
import { sameSecret } from './sessions.ts';

export const DEV_IDP_PREFIX = '/dev-idp';

/** Claims per scope, shared with tests that stand up another provider. */
export const CLAIMS_BY_SCOPE: NonNullable<Configuration['claims']> = {
  openid: ['sub'],
  profile: ['name', 'birthdate', 'gender', 'preferred_username'],
  phone: ['phone_number'],
  address: ['address'],
  vneid: ['id_number', 'commune_code'],
  motcua: ['motcua_official'],
};

/** Signing keys persist in the data folder so ID tokens stay verifiable across restarts. */
function signingKeys(dataDir: string): { keys: object[] } {
  const file = path.join(dataDir, 'dev-idp', 'jwks.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: object[] };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `dev-${Date.now().toString(36)}`, use: 'sig', alg: 'RS256' };
  const jwks = { keys: [jwk] };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(jwks), { mode: 0o600 });
  return jwks;
}

export function createDevProvider(ctx: AppContext): Provider {
  const { oidcClientId, oidcClientSecret } = ctx.config.identity;
  const provider = new Provider(issuerUrl(ctx), {
    clients: [
      {
        client_id: oidcClientId,
        client_secret: oidcClientSecret,
        client_name: 'Motcua',
        redirect_uris: [redirectUri(ctx)],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: signingKeys(ctx.config.dataDir) as Configuration['jwks'],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Short lives: this provider only ever serves demos and tests.
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    scopes: Object.keys(CLAIMS_BY_SCOPE),
    claims: CLAIMS_BY_SCOPE,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `${DEV_IDP_PREFIX}/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = findDemoAccount(id);
      if (!account) return undefined;
      return { accountId: account.sub, claims: async () => account.claims as { sub: string } };
    },
    renderError(koa, out) {
      koa.type = 'html';
      koa.body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi đăng nhập — Sign-in error</title><main><h1>Lỗi đăng nhập <span lang="en">(sign-in error)</span></h1><pre>${String(out.error).replace(/[<>&]/g, '')}: ${String(out.error_description ?? '').replace(/[<>&]/g, '')}</pre></main></html>`;
    },
  });
  provider.proxy = true;
  return provider;
}

/** Fastify's URL-encoded parser for the login form only; the provider parses its own bodies. */
function parseForm(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, parseQuery(body as string));
  });
}

/**
 * Mounts the provider (Koa) under Fastify at /dev-idp. The provider answers from the raw request in
 * an onRequest hook, before Fastify would try to parse bodies it has no parser for. Interaction
 * pages (login, automatic consent) are ordinary Fastify routes beside it.
 */
export async function devIdpRoutes(app: FastifyInstance, { provider }: { provider: Provider }) {
  const callback = provider.callback();
  parseForm(app);

  app.route({
    method: ['GET', 'POST', 'HEAD', 'OPTIONS', 'DELETE', 'PUT'],
    url: `${DEV_IDP_PREFIX}/*`,
    config: { access: 'public' },
    schema: { hide: true },
    onRequest: (request, reply, done) => {
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = raw.url!.slice(DEV_IDP_PREFIX.length) || '/';
      void callback(raw, reply.raw);
      done();
    },
    handler: async () => undefined,
  });

  const page = async (request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply, error?: string) => {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    if (details.uid !== request.params.uid)
      return reply.status(400).type('text/plain; charset=utf-8').send('Phiên đăng nhập không khớp — interaction mismatch');
    const client = await provider.Client.find(String(details.params.client_id));
    const base = `${DEV_IDP_PREFIX}/interaction/${details.uid}`;
    return reply
      .status(error ? 401 : 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        loginPage({
          action: `${base}/login`,
          abort: `${base}/abort`,
          people: demoPeople(),
          clientName: client?.clientName ?? String(details.params.client_id),
          ...(error ? { error } : {}),
        }),
      );
  };

  app.get<{ Params: { uid: string } }>(
    `${DEV_IDP_PREFIX}/interaction/:uid`,
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      if (details.prompt.name === 'login') return page(request, reply);
      // First-party client: consent is recorded without asking, as VNeID does for government portals.
      const { Grant } = provider;
      const grant = details.grantId
        ? await Grant.find(details.grantId)
        : new Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant!.save();
      const to = await provider.interactionResult(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return reply.redirect(to, 303);
    },
  );

  app.post<{ Params: { uid: string }; Body: Record<string, string | undefined> }>(
    `${DEV_IDP_PREFIX}/interaction/:uid/login`,
    {
      config: { access: 'public' },
      schema: { hide: true },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      let accountId: string | undefined;
      if (body.account) {
        accountId = findDemoAccount(String(body.account))?.sub;
      } else if (body.identifier && body.password !== undefined) {
        const account = findDemoAccount(String(body.identifier));
        if (account && sameSecret(String(body.password), demoPeople().password)) accountId = account.sub;
      }
      if (!accountId) return page(request, reply, 'Sai số CCCD/tên đăng nhập hoặc mật khẩu. (Wrong CCCD/username or password.)');
      const to = await provider.interactionResult(request.raw, reply.raw, { login: { accountId } }, { mergeWithLastSubmission: false });
      return reply.redirect(to, 303);
    },
  );

  app.get<{ Params: { uid: string } }>(
    `${DEV_IDP_PREFIX}/interaction/:uid/abort`,
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const to = await provider.interactionResult(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'Người dùng đã huỷ đăng nhập (cancelled)' },
        { mergeWithLastSubmission: false },
      );
      return reply.redirect(to, 303);
    },
  );
}
