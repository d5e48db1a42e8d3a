import { randomUUID } from 'node:crypto';
import { outboxBacklog } from './platform/outbox/index.ts';
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
import { serializerFactory } from './platform/lazy-compile.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { installAccessControl, type ActorResolver } from './platform/access.ts';
import { registerWeb } from './platform/web.ts';
import type { AppContext } from './platform/context.ts';
import { pingWithin } from './db/database.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { installRateLimits } from './modules/identity/rate-limits.ts';
import { databaseRateLimitCounter } from './modules/identity/rate-limit-store.ts';
import { uploadsRoutes } from './modules/uploads/routes.ts';
import { dossierRoutes } from './modules/dossiers/routes.ts';
import { resultsRoutes, verifyRoutes } from './modules/results/index.ts';
import { buildServices, type Services } from './services.ts';
import { auditRoutes, publicUnit } from './modules/audit/index.ts';
import { createAuditAnchoring } from './modules/audit/wiring.ts';
import { outreachRoutes } from './modules/outreach/routes.ts';
import { outreachFieldRoutes } from './modules/outreach/field-routes.ts';
import { insightsRoutes } from './modules/insights/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { paymentsRoutes, sandboxVnpayRoutes, VnpayGateway, type Transport } from './modules/payments/index.ts';
import { discrepancyRoutes } from './modules/discrepancies/index.ts';
import { ratingsRoutes } from './modules/ratings/index.ts';
import { feedbackRoutes } from './modules/feedback/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { calendarRoutes } from './modules/calendar/index.ts';
import { agenciesRoutes } from './modules/agencies/index.ts';
import { dossierGroupRoutes } from './modules/dossier-groups/index.ts';

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
  /** The process's services (services.ts), shared with its workers; built here when not given. */
  services?: Services;
  /** Compile every route's validators and serializers at start, so a bad schema fails there (tests). */
  compileSchemasAtStart?: boolean;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the Fastify instance on the process's services (services.ts); nothing else happens here. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // TRUST_PROXY (platform/config.ts). Fastify 5 has no hop count of its own: trust the first n hops.
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Bodies validated as sent, text parts coerced to declared types, numbers bounded (platform/input.ts);
    // validators and serializers compiled on a route's first use (platform/lazy-compile.ts).
    schemaController: {
      compilersFactory: {
        buildValidator: inputValidatorFactory({ eager: options.compileSchemasAtStart }),
        buildSerializer: serializerFactory({ eager: options.compileSchemasAtStart }),
      },
    },
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
  const services = options.services ?? buildServices(ctx);
  const { identity, units, catalog, uploads, dossiers, results, outreach, insights, privacy, discrepancies } = services;
  installAccessControl(app, options.resolveActor ?? identity.resolveActor);
  await installRateLimits(app, ctx.config.identity, databaseRateLimitCounter(ctx));

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness and database reachability', response: { 200: Type.Ref(HealthSchema), 503: Type.Ref(HealthSchema) } },
    },
    async (_request, reply) => {
      const up = await pingWithin(ctx.db, HEALTH_DB_TIMEOUT_MS);
      if (!up) reply.header('retry-after', '2');
      const outboxWaiting = up ? await outboxBacklog(ctx.db).catch(() => null) : null;
      return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', engine: ctx.dbKind, bootId, outboxWaiting });
    },
  );
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  await app.register(unitsRoutes, { units });
  await app.register(catalogRoutes, { catalog });
  await app.register(identityRoutes, { ctx, identity });
  await app.register(uploadsRoutes, { uploads, maxBytes: ctx.config.uploadMaxBytes });
  await app.register(dossierRoutes, { dossiers });
  await app.register(resultsRoutes, { results: results.results, delivery: results.delivery });
  await app.register(verifyRoutes, {
    verification: results.verification,
    delivery: results.delivery,
    maxBytes: ctx.config.uploadMaxBytes,
    perMinute: ctx.config.identity.rateLimitLookupPerMinute,
    postal: ctx.config.results,
  });
  await app.register(outreachRoutes, { outreach });
  await app.register(outreachFieldRoutes, { outreach });
  await app.register(insightsRoutes, { insights });
  await app.register(auditRoutes, { anchoring: createAuditAnchoring(ctx), unit: publicUnit, anchorMinutes: ctx.config.audit.anchorMinutes });
  await app.register(privacyRoutes, { privacy, now: () => ctx.clock.now() });
  await app.register(paymentsRoutes, { payments: services.payments });
  if (ctx.config.payments.sandbox) {
    // The sandbox gateway lives on this server: its calls to us and ours to it stay in-process.
    const local: Transport = async (url, init) => {
      const r = await app.inject({
        method: init.method,
        url: url.slice(ctx.config.publicUrl.length),
        ...(init.body === undefined ? {} : { payload: init.body as object }),
      });
      return { status: r.statusCode, json: r.headers['content-type']?.toString().includes('json') ? r.json() : null };
    };
    if (services.payments.gateway instanceof VnpayGateway) services.payments.gateway.transport = local;
    await app.register(sandboxVnpayRoutes, {
      db: ctx.db,
      clock: ctx.clock,
      config: ctx.config.payments,
      ipnUrl: `${ctx.config.publicUrl}/api/payments/vnpay/ipn`,
      transport: () => local,
    });
    app.log.warn('Built-in sandbox payment gateway at /sandbox/vnpay is ON (no real money); set PAYMENT_VNPAY_URL in production');
  }
  await app.register(discrepancyRoutes, { discrepancies, maxBytes: 512 * 1024 * 1024 });
  await app.register(ratingsRoutes, { ratings: services.ratings });
  await app.register(feedbackRoutes, { feedback: services.feedback });
  await app.register(notificationsRoutes, { ctx, dossiers });
  // Due dates read the recorded announcements from the first request on.
  await services.calendar.refresh();
  await app.register(calendarRoutes, { calendar: services.calendar });
  await app.register(agenciesRoutes, { agencies: services.agencies });
  await app.register(dossierGroupRoutes, { groups: services.groups });

  if (options.serveWeb) await registerWeb(app, ctx.config.webDist);
  return app;
}
