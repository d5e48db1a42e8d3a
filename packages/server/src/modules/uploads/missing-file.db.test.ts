import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import { makePdf, multipart } from './test-files.ts';

/*
 * Issue #19: with a data folder per node, a file stored on the other node answered 500. The
 * record is found here, its bytes are not: a clear 503 problem in both languages, with Retry-After.
 */

let t: TestContext;
let an: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T03:00:00Z' });
  an = (await loginAs(t, 'citizen:089095001234')).headers;
});
afterAll(async () => {
  await t?.close();
});

describe('a file missing from this node storage', () => {
  it('answers 503 problem+json instead of a broken 500, and serves again once the bytes are back', async () => {
    const pdf = await makePdf();
    const form = multipart('to-khai.pdf', pdf, 'application/pdf');
    const up = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...form.headers, ...an }, payload: form.payload });
    expect(up.statusCode).toBe(201);
    const id = up.json().id as string;
    const file = path.join(t.config.dataDir, 'uploads', 'u', '2026', '11', id);
    const aside = `${file}.aside`;
    fs.renameSync(file, aside);

    const r = await t.app.inject({ method: 'GET', url: `/api/uploads/${id}`, headers: an });
    expect(r.statusCode).toBe(503);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.headers['retry-after']).toBe('60');
    expect(r.json()).toMatchObject({ status: 503, code: 'file_unavailable' });
    expect(r.json().detailVi).toMatch(/không đọc được/);
    expect(r.json().detailEn).toMatch(/cannot read it/);

    fs.renameSync(aside, file);
    const back = await t.app.inject({ method: 'GET', url: `/api/uploads/${id}`, headers: an });
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, pdf)).toBe(0);
  });
});
