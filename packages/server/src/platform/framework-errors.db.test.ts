import net from 'node:net';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../testing/harness.ts';
import { freePort } from '../modules/identity/test-browser.ts';
import { loginAs } from '../testing/auth.ts';

// Errors the framework makes on its own, and the headers on every answer (issue #10).
let t: TestContext;
let base: string;
let port: number;

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  t = await startTestApp({ config: { port, publicUrl: base } });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
});

/** Sends raw bytes (what fetch would refuse to send) and returns the status line, headers and body. */
function raw(request: string | Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

function expectProblem(r: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) {
  expect(r.status, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(r.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(body.detailVi).toBeTruthy();
  expect(body.detailEn).toBeTruthy();
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
}

async function viaFetch(path: string, init?: RequestInit) {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

describe('framework errors are problem+json', () => {
  it('bad percent-encoding in the path', async () => {
    expectProblem(await viaFetch('/api/units/%ZZ'), 400, 'bad_url');
  });

  it('a path parameter over the router limit (414)', async () => {
    expectProblem(await viaFetch(`/api/procedures/${'a'.repeat(300)}`), 414, 'uri_too_long');
  });

  it('an address longer than the HTTP parser takes (414) and a header block too large (431)', async () => {
    expectProblem(await raw(`GET /api/units?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'uri_too_long');
    expectProblem(await raw(`GET /api/units?q=a HTTP/1.1\r\nHost: x\r\nCookie: ${'c'.repeat(20_000)}\r\n\r\n`), 431, 'headers_too_large');
  });

  it('a NUL byte in a header and broken HTTP', async () => {
    expectProblem(await raw(Buffer.from('GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\u0000b\r\n\r\n', 'latin1')), 400, 'bad_request');
    expectProblem(await raw('NOT HTTP AT ALL\r\n\r\n'), 400, 'bad_request');
  });

  it('unknown routes, invalid JSON, empty JSON, compressed bodies, too large bodies, unsupported types', async () => {
    expectProblem(await viaFetch('/api/no-such-thing'), 404, 'not_found');
    // Signed in as the commune's administrator, so the request gets past access control to the parser.
    const auth = (await loginAs(t, 'official:phulam.quantri')).headers;
    const json = { ...auth, 'content-type': 'application/json' };
    expectProblem(await viaFetch('/api/units/30421/hamlets', { method: 'POST', headers: json, body: '{"name":' }), 400, 'invalid_json');
    expectProblem(await viaFetch('/api/units/30421/hamlets', { method: 'POST', headers: json, body: '' }), 400, 'empty_body');
    expectProblem(
      await viaFetch('/api/units/30421/hamlets', { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: '{}' }),
      415,
      'unsupported_content_encoding',
    );
    expectProblem(
      await viaFetch('/api/units/30421/hamlets', { method: 'POST', headers: json, body: `{"name":"${'x'.repeat(1_100_000)}"}` }),
      413,
      'payload_too_large',
    );
    expectProblem(
      await viaFetch('/api/units/30421/hamlets', { method: 'POST', headers: { ...auth, 'content-type': 'application/xml' }, body: '<a/>' }),
      415,
      'unsupported_media_type',
    );
    // A body shorter than its Content-Length, then the client stops sending.
    const cookies = Object.entries(auth)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const short = await raw(`POST /api/units/30421/hamlets HTTP/1.1\r\nHost: x\r\n${cookies}Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{}`);
    expectProblem(short, 400, 'bad_request');
  });
});

describe('security headers', () => {
  it('on API answers: CSP without inline script, no framing, nosniff, a referrer policy, no HSTS over http', async () => {
    const r = await viaFetch('/api/units/30421');
    expect(r.status).toBe(200);
    const csp = r.headers['content-security-policy']!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });

  it('an upload may be framed by the office app on this origin only', async () => {
    const r = await viaFetch('/api/uploads/00000000-0000-4000-8000-000000000000');
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('server-rendered pages load their script from a file and their <style> is allowed by hash', async () => {
    for (const path of ['/verify', '/lich-luu-dong/30421']) {
      const page = await viaFetch(path);
      expect(page.status, path).toBe(200);
      expect(page.body).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|style="/);
      for (const [, css] of page.body.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        const hash = `'sha256-${createHash('sha256').update(css!, 'utf8').digest('base64')}'`;
        expect(page.headers['content-security-policy'], path).toContain(hash);
      }
    }
    const script = await viaFetch('/verify/verify.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });
});

describe('over https (PUBLIC_URL)', () => {
  it('sends HSTS, upgrades insecure requests and marks cookies Secure', async () => {
    const https = await startTestApp({ config: { publicUrl: 'https://motcua.example' } });
    try {
      const r = await https.app.inject({ method: 'POST', url: '/auth/logout' });
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(r.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
      const cookies = [r.headers['set-cookie']].flat().filter(Boolean) as string[];
      expect(cookies.length).toBeGreaterThan(0);
      for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
    } finally {
      await https.close();
    }
  });
});
