import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWeb } from './web.ts';
import { installAccessControl } from './access.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>shell</title>');
fs.writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

async function app() {
  const a = Fastify();
  installAccessControl(a, async () => ({ kind: 'anonymous' }));
  await registerWeb(a, dist);
  return a;
}

describe('static web app', () => {
  it('serves the shell for client routes, including ones that look like codes', async () => {
    const a = await app();
    for (const url of ['/', '/thu-tuc/1.001193', '/ho-so/30421-260223-0001']) {
      const r = await a.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('shell');
    }
  });
  it('serves assets with a long cache and 404s a missing one instead of the shell', async () => {
    const a = await app();
    const ok = await a.inject({ url: '/assets/app-1.js' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toContain('immutable');
    expect((await a.inject({ url: '/assets/app-0.js' })).statusCode).toBe(404);
    expect((await a.inject({ url: '/api/nothing' })).statusCode).toBe(404);
  });
  it('does not serve files outside the build folder', async () => {
    const a = await app();
    const r = await a.inject({ url: '/../../etc/passwd' });
    expect(r.body).not.toContain('root:');
  });
});
