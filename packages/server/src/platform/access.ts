import type { Role } from '@motcua/core/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors.ts';

/** An official's role: `Role` of the wire contract (@motcua/core/api), one list for server and web. */
export type OfficialRole = Role;

/** Who is calling: resolved once per request by the identity module (session cookie or API token). */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; subject: string; idNumber: string; fullName: string; sessionId?: string }
  | { kind: 'official'; userId: string; fullName: string; roles: OfficialRole[]; unitCodes: string[]; via: 'session' | 'token'; sessionId?: string };

/**
 * Every route declares who may call it in `config.access`; a route without a rule refuses to
 * register, so forgetting authorization is a start-up error rather than an open door.
 */
export type Access = 'public' | 'authenticated' | 'citizen' | 'official' | { roles: OfficialRole[] };

/** Country-wide reference data (announced days off, agency identifiers): system administrators only. */
export const SYSTEM_ADMIN_ONLY: Access = { roles: ['system_admin'] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Routes registered by plugins we do not write (API docs UI, static files) are public by nature. */
const EXEMPT = [/^\/docs(\/|$)/, /^\/openapi\.json$/, /^\/assets\//, /^\/\*$/, /^\/dev-idp/];

export type ActorResolver = (request: FastifyRequest) => Promise<Actor>;

export interface RouteAccess {
  method: string;
  url: string;
  access: Access | null;
  exempt: boolean;
}

const tables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route registered on the app with its rule, in registration order (tests walk it). */
export function accessTable(app: FastifyInstance): RouteAccess[] {
  return [...(tables.get(app) ?? [])];
}

export function installAccessControl(app: FastifyInstance, resolveActor: ActorResolver) {
  // Reference-type decorations must start as null in Fastify 5; the onRequest hook fills it.
  app.decorateRequest('actor' as never, null as never);
  const table: RouteAccess[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    const exempt = EXEMPT.some((re) => re.test(route.url));
    for (const method of [route.method].flat()) table.push({ method: String(method), url: route.url, access: access ?? null, exempt });
    if (!access && !exempt) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });
  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(request);
    const access = request.routeOptions.config?.access;
    if (!access) return;
    assertAccess(request.actor, access);
  });
}

export function assertAccess(actor: Actor, access: Access): void {
  if (access === 'public') return;
  if (actor.kind === 'anonymous') throw unauthorized();
  if (access === 'authenticated') return;
  if (access === 'citizen') {
    if (actor.kind !== 'citizen') throw forbidden('Chức năng này dành cho công dân.', 'This is for citizens.');
    return;
  }
  if (actor.kind !== 'official') throw forbidden('Chức năng này dành cho cán bộ.', 'This is for officials.');
  if (access === 'official') return;
  if (!access.roles.some((r) => actor.roles.includes(r))) throw forbidden();
}
