import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app. Client-side routes (/thu-tuc/..., /can-bo/...) fall back to index.html;
 * API paths never do, so a wrong API URL still answers problem+json.
 */
export async function registerWeb(app: FastifyInstance, webDist: string) {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`Web app not built (${index} missing): run "npm run build:web"`);
    return;
  }
  // serve:false: only reply.sendFile; our two routes below carry the access rule.
  await app.register(fastifyStatic, { root: webDist, serve: false });
  // Read per request (it is small and in the page cache) so a rebuild never serves a stale shell.
  const html = () => fs.readFileSync(index);
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html()),
  );
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const file = path.join(webDist, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const long = url.startsWith('/assets/');
      return reply
        .header('cache-control', long ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(path.relative(webDist, file), { cacheControl: false });
    }
    // API paths and missing files (an old /assets/x.js after a rebuild) get a real 404, not the shell.
    if (
      /^\/(api|health|openapi\.json|docs|auth|dev-idp|verify)(\/|$)/.test(url) ||
      /\.(js|mjs|css|map|png|jpe?g|svg|ico|webp|woff2?|webmanifest|txt)$/i.test(url)
    )
      return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html());
  });
}
