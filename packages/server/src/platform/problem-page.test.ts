import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { Problem, registerErrorHandling } from './errors.ts';

// A bare Fastify with the house's error handling: the same problem, asked for by a program and by a person.
const app = Fastify();
registerErrorHandling(app);
app.get('/api/report.xlsx', async () => {
  throw new Problem(401, 'unauthorized', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.', 'Your session has expired; please sign in again.');
});
afterAll(async () => {
  await app.close();
});

describe('problems a person meets by following a link (issue #18)', () => {
  it('are a page with a title, a language and a way on, for a browser navigation', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/report.xlsx', headers: { 'sec-fetch-dest': 'document', accept: 'text/html,*/*' } });
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toMatch(/<html lang="vi">/);
    expect(r.body).toMatch(/<title>Phiên đăng nhập đã hết hạn/);
    expect(r.body).toContain('href="/auth/login?returnTo=%2Fapi%2Freport.xlsx"');
    const missing = await app.inject({ method: 'GET', url: '/lich-luu-dong/99999', headers: { accept: 'text/html' } });
    expect([missing.statusCode, missing.body.includes('Không tìm thấy trang')]).toEqual([404, true]);
  });

  it("stay problem+json for programs and for the web app's own requests", async () => {
    for (const headers of [{}, { accept: 'application/json' }, { 'sec-fetch-dest': 'empty', accept: 'text/html' }]) {
      const r = await app.inject({ method: 'GET', url: '/api/report.xlsx', headers });
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json()).toMatchObject({ status: 401, code: 'unauthorized' });
    }
  });
});
