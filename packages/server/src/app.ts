import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { HealthSchema } from '@motcua/core/api';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerErrorHandling } from './platform/errors.ts';
import { contractRefResolver, registerContract } from './platform/contract.ts';
import { frameworkErrorOptions } from './platform/framework-errors.ts';
import { inputValidatorFactory, installInputGuards } from './platform/input.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { installAccessControl, type ActorResolver } from './platform/access.ts';
import { registerWeb } from './platform/web.ts';
import type { AppContext } from './platform/context.ts';
import { pingWithin } from './db/database.ts';
import { UnitsService } from './modules/units/service.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { CatalogService } from './modules/catalog/service.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { IdentityService } from './modules/identity/service.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { installRateLimits } from './modules/identity/rate-limits.ts';
import { databaseRateLimitCounter } from './modules/identity/rate-limit-store.ts';
import { createBlobStore, UploadsService } from './modules/uploads/index.ts';
import { uploadsRoutes } from './modules/uploads/routes.ts';
import { DossierService } from './modules/dossiers/service.ts';
import { dossierRoutes } from './modules/dossiers/routes.ts';
import { createResults, resultsDossierHook, resultsRoutes, verifyRoutes } from './modules/results/index.ts';
import { auditUploadRead } from './modules/audit/reads.ts';
import { auditRoutes, createAuditAnchoring, publicUnit } from './modules/audit/index.ts';
import { OutreachService } from './modules/outreach/service.ts';
import { outreachRoutes } from './modules/outreach/routes.ts';
import { outreachFieldRoutes } from './modules/outreach/field-routes.ts';
import { InsightsService } from './modules/insights/service.ts';
import { insightsRoutes } from './modules/insights/routes.ts';
import { PrivacyService } from './modules/privacy/service.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';

/** Random per process: a /health answer with a new bootId proves the server really restarted. */
const bootId = randomUUID();
/** /health answers within this even when the database does not. */
const HEALTH_DB_TIMEOUT_MS = 2000;

export interface BuildOptions {
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean | { level: string };
  /** Who is calling; by default the identity module (session cookie or API token). */
  resolveActor?: ActorResolver;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the Fastify instance from the modules; nothing else happens here. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // TRUST_PROXY (platform/config.ts). Fastify 5 has no hop count of its own: trust the first n hops.
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Bodies validated as sent, text parts coerced to declared types, numbers bounded (platform/input.ts).
    schemaController: { compilersFactory: { buildValidator: inputValidatorFactory() } },
    ...frameworkErrorOptions(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  await registerSecurityHeaders(app, ctx.config);
  installInputGuards(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    refResolver: contractRefResolver,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Motcua API',
        description: 'Dịch vụ công một cửa cấp xã — one-stop public administrative services.',
        version: '0.1.0',
      },
    },
  });
  registerContract(app);
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // Swagger UI (a developers' page) injects <style> elements at run time; only there may styles be inline.
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  });
  const identity = new IdentityService(ctx);
  installAccessControl(app, options.resolveActor ?? identity.resolveActor);
  await installRateLimits(app, ctx.config.identity, databaseRateLimitCounter(ctx));

  const units = new UnitsService(ctx);
  const catalog = new CatalogService(ctx);
  const uploads = new UploadsService(ctx, { blobs: createBlobStore(ctx.config), onOfficialRead: auditUploadRead(ctx.clock) });

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness and database reachability', response: { 200: Type.Ref(HealthSchema), 503: Type.Ref(HealthSchema) } },
    },
    async (_request, reply) => {
      const up = await pingWithin(ctx.db, HEALTH_DB_TIMEOUT_MS);
      if (!up) reply.header('retry-after', '2');
      return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', engine: ctx.dbKind, bootId });
    },
  );
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  await app.register(unitsRoutes, { units });
  await app.register(catalogRoutes, { catalog });
  await app.register(identityRoutes, { ctx, identity });
  await app.register(uploadsRoutes, { uploads, maxBytes: ctx.config.uploadMaxBytes });
  // The results module follows every recorded dossier event (documents to issue, notice details).
  const dossiers = new DossierService(ctx, catalog, { attachments: uploads, onRecorded: resultsDossierHook(ctx.config) });
  await app.register(dossierRoutes, { dossiers, ctx });
  const results = createResults(ctx, { dossiers, catalog, uploads, blobs: uploads.blobs });
  await app.register(resultsRoutes, { results: results.results, delivery: results.delivery });
  await app.register(verifyRoutes, {
    verification: results.verification,
    delivery: results.delivery,
    maxBytes: ctx.config.uploadMaxBytes,
    perMinute: ctx.config.identity.rateLimitLookupPerMinute,
    postal: ctx.config.results,
  });
  const outreach = new OutreachService(ctx, { dossiers, uploads });
  await app.register(outreachRoutes, { outreach });
  await app.register(outreachFieldRoutes, { outreach });
  const insights = new InsightsService(ctx, (code) => {
    const u = units.index.current.get(code);
    return u ? { fullName: u.fullName, type: u.type, provinceCode: u.provinceCode ?? null } : null;
  });
  await app.register(insightsRoutes, { insights });
  await app.register(auditRoutes, { anchoring: createAuditAnchoring(ctx), unit: publicUnit, anchorMinutes: ctx.config.audit.anchorMinutes });
  const privacy = new PrivacyService(ctx, {
    dossiers,
    uploads,
    results: results.results,
    delivery: results.delivery,
    identity,
    unitName: (code) => units.index.current.get(code)?.fullName ?? null,
  });
  await app.register(privacyRoutes, { privacy, now: () => ctx.clock.now() });

  if (options.serveWeb) await registerWeb(app, ctx.config.webDist);
  return app;
}
