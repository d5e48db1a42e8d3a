import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { IdentityConfig } from '../../platform/config.ts';
import { databaseRateLimitStore, type RateLimitCounter } from './rate-limit-store.ts';

/** Which routes are limited, by URL, so modules written later (e.g. /api/lookup) are covered too. */
export function rateLimitFor(url: string, config: IdentityConfig): { max: number; timeWindow: number } | undefined {
  if (/^\/auth\//.test(url) || /^\/dev-idp\/interaction\/[^/]+\/login$/.test(url)) {
    return { max: config.rateLimitLoginPerMinute, timeWindow: 60_000 };
  }
  if (/^\/api\/lookup(\/|$)/.test(url) || url === '/api/units/resolve' || url === '/api/feedback/lookup') {
    return { max: config.rateLimitLookupPerMinute, timeWindow: 60_000 };
  }
  return undefined;
}

/**
 * Guessing CCCD numbers or dossier codes and hammering the login must be slow. Limits are per
 * client address (request.ip: see TRUST_PROXY) and per route; the plugin's 429 flows through the
 * error handler as problem+json. With a counter, the counts live in the database and are shared by
 * every process (rate-limit-store.ts); without one, in this process's memory.
 * Must run before any route is registered: this onRoute hook fills in the rule that the plugin's
 * own onRoute hook (added right after) reads.
 */
export async function installRateLimits(app: FastifyInstance, config: IdentityConfig, counter?: RateLimitCounter): Promise<void> {
  app.addHook('onRoute', (route) => {
    const limit = rateLimitFor(route.url, config);
    const existing = (route.config as { rateLimit?: unknown } | undefined)?.rateLimit;
    if (limit && existing === undefined) route.config = { ...(route.config ?? {}), rateLimit: limit } as typeof route.config;
  });
  await app.register(fastifyRateLimit, {
    global: false,
    ...(counter ? { store: databaseRateLimitStore(counter) } : {}),
    // A database that cannot count must not lock people out; the request then meets the same
    // database in its handler and fails there with its own answer.
    skipOnError: true,
  });
}
