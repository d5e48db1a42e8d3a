import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';

/**
 * Security headers on every answer, through helmet (issue #10). The Content-Security-Policy is
 * strict: scripts only from this origin and never inline (the web build has none; server pages load
 * theirs from files), no plugins, no framing by other sites. The few server-rendered pages keep a
 * small <style> block each, allowed by its hash (see inlineStyle).
 */

const styleHashes = new Set<string>();

/**
 * A `<style>` element whose exact text the CSP allows by hash. Call it at module load (the policy
 * reads the set per request) with constant CSS only — never text that depends on the request.
 */
export function inlineStyle(css: string): string {
  styleHashes.add(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
  return `<style>${css}</style>`;
}

/**
 * Answers the office app shows inside its own page (an attachment in an <iframe>): these may be
 * framed by this origin; everything else by nobody.
 */
const SAME_ORIGIN_FRAMEABLE = [/^\/api\/uploads\/[^/?]+(\?|$)/];
const frameable = (req: IncomingMessage) => SAME_ORIGIN_FRAMEABLE.some((re) => re.test(req.url ?? ''));

export function contentSecurityDirectives(config: Config): Record<string, Iterable<string | ((req: IncomingMessage) => string)>> {
  const https = config.publicUrl.startsWith('https:');
  // Logging in posts forms to this origin only: the development provider lives here, and with
  // VNeID the forms are on the provider's own pages.
  const formAction = ["'self'"];
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", () => [...styleHashes].join(' ')],
    // data: for QR codes and Swagger UI's icons, blob: for photos taken offline in the field app.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'form-action': formAction,
    'frame-ancestors': [(req) => (frameable(req) ? "'self'" : "'none'")],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives(config) },
    // Per route below: the same decision as frame-ancestors, for browsers without CSP level 2.
    xFrameOptions: false,
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only where the site really is https: sent over http it would be ignored at best.
    // No includeSubDomains: a commune's domain may carry other, older services.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.setHeader('x-frame-options', frameable(request.raw) ? 'SAMEORIGIN' : 'DENY');
  });
}
