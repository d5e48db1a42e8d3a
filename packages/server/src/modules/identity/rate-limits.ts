import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { IdentityConfig } from '../../platform/config.ts';

/** Which routes are limited, by URL, so modules written later (e.g. /api/lookup) are covered too. */
export function rateLimitFor(url: string, config: IdentityConfig): { max: number; timeWindow: number } | undefined {
  if (/^\/auth\//.test(url) || /^\/dev-idp\/interaction\/[^/]+\/login$/.test(url)) {
    return { max: config.rateLimitLoginPerMinute, timeWindow: 60_000 };
  }
  if (/^\/api\/lookup(\/|$)/.test(url) || url === '/api/units/resolve') {
    return { max: config.rateLimitLookupPerMinute, timeWindow: 60_000 };
  }
  return undefined;
}

/**
 * Guessing CCCD numbers or dossier codes and hammering the login must be slow. Limits are per
 * client address and per route; the plugin's 429 flows through the error handler as problem+json.
 * Must run before any route is registered: this onRoute hook fills in the rule that the plugin's
 * own onRoute hook (added right after) reads.
 */
export async function installRateLimits(app: FastifyInstance, config: IdentityConfig): Promise<void> {
  app.addHook('onRoute', (route) => {
    const limit = rateLimitFor(route.url, config);
    const existing = (route.config as { rateLimit?: unknown } | undefined)?.rateLimit;
    if (limit && existing === undefined) route.config = { ...(route.config ?? {}), rateLimit: limit } as typeof route.config;
  });
  await app.register(fastifyRateLimit, { global: false });
}
