import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import { JPEG, bigStream, filesUnder, makeHeic, makePdf, makePng, multipart } from './test-files.ts';

let t: TestContext;
let uploadsDir: string;
let an: Record<string, string>;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T03:00:00Z' });
  an = (await loginAs(t, 'citizen:089095001234')).headers;
  uploadsDir = path.join(t.config.dataDir, 'uploads');
});
afterAll(async () => {
  await t?.close();
});

const countRows = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('upload')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/uploads accepts PDF, JPEG and PNG by content', () => {
  it('stores a multipart PDF, hashes it, and gives it back to its owner inline', async () => {
    const pdf = await makePdf();
    const form = multipart('Tờ khai đăng ký khai sinh.pdf', pdf, 'application/pdf');
    const r = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...form.headers, ...an }, payload: form.payload });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sha256: sha(pdf),
      size: pdf.length,
      mediaType: 'application/pdf',
      filename: 'Tờ khai đăng ký khai sinh.pdf',
      createdAt: '2026-11-23T03:00:00.000Z',
    });
    expect(filesUnder(uploadsDir)).toEqual([path.join('u', '2026', '11', body.id)]);

    const get = await t.app.inject({ method: 'GET', url: `/api/uploads/${body.id}`, headers: an });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('application/pdf');
    expect(get.headers['content-disposition']).toBe(
      `inline; filename="To khai dang ky khai sinh.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai đăng ký khai sinh.pdf')}`,
    );
    expect(get.headers['x-content-type-options']).toBe('nosniff');
    expect(sha(get.rawPayload)).toBe(sha(pdf));
    expect((await PDFDocument.load(get.rawPayload)).getPageCount()).toBe(1);
  });

  it('takes PNG and JPEG as a raw body and types them by their bytes, not their names', async () => {
    const png = makePng();
    await PDFDocument.create().then((d) => d.embedPng(new Uint8Array(png))); // the fixture is a PNG a real decoder accepts
    await PDFDocument.create().then((d) => d.embedJpg(new Uint8Array(JPEG)));
    const p = await t.app.inject({ method: 'POST', url: '/api/uploads?filename=anh-cccd.png', headers: { 'content-type': 'image/png', ...an }, payload: png });
    expect(p.statusCode).toBe(201);
    expect(p.json()).toMatchObject({ mediaType: 'image/png', size: png.length, sha256: sha(png), filename: 'anh-cccd.png' });
    // A photo named .pdf and sent as application/octet-stream is still a JPEG.
    const j = await t.app.inject({
      method: 'POST',
      url: '/api/uploads?filename=giay-khai-sinh.pdf',
      headers: { 'content-type': 'application/octet-stream', ...an },
      payload: JPEG,
    });
    expect(j.statusCode).toBe(201);
    expect(j.json()).toMatchObject({ mediaType: 'image/jpeg', size: JPEG.length });
    const back = await t.app.inject({ method: 'GET', url: `/api/uploads/${j.json().id}`, headers: an });
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.rawPayload.equals(JPEG)).toBe(true);
  });

  it('keeps only the base name of a path-like file name', async () => {
    const form = multipart('..\\..\\C:\\Users\\an\\so-ho-khau.png', makePng());
    const r = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...form.headers, ...an }, payload: form.payload });
    expect(r.json().filename).toBe('so-ho-khau.png');
  });

  it('needs a logged-in caller', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { 'content-type': 'image/png' }, payload: makePng() });
    expect(r.statusCode).toBe(401);
  });
});

describe('refused uploads say why and leave nothing behind', async () => {
  const pdf = await makePdf('Ban goc se bi cat doi');
  const limit = 10 * 1024 * 1024;
  const cases: Array<{
    name: string;
    send: () => { headers: Record<string, string>; payload: Buffer | NodeJS.ReadableStream };
    status: number;
    code: string;
    vi: RegExp;
    en: RegExp;
  }> = [
    {
      name: 'a multipart file over the 10 MB limit',
      send: () => multipart('scan.pdf', bigStream(limit + 1)),
      status: 413,
      code: 'upload_too_large',
      vi: /vượt quá dung lượng.*10 MB/,
      en: /larger than the 10 MB limit/,
    },
    {
      name: 'a raw body over the limit',
      send: () => ({ headers: { 'content-type': 'application/pdf' }, payload: bigStream(limit + 300_000) }),
      status: 413,
      code: 'upload_too_large',
      vi: /tối đa 10 MB/,
      en: /10 MB/,
    },
    {
      name: 'a text file renamed to .pdf',
      send: () => multipart('to-khai.pdf', Buffer.from('Họ và tên: Nguyễn Văn An\nNgày sinh: 01/01/1990\n'), 'application/pdf'),
      status: 415,
      code: 'upload_unsupported_type',
      vi: /Chỉ nhận tệp PDF, ảnh JPEG hoặc PNG/,
      en: /Only PDF, JPEG and PNG/,
    },
    { name: 'an empty file', send: () => multipart('trong.pdf', Buffer.alloc(0)), status: 422, code: 'upload_empty', vi: /rỗng/, en: /empty/ },
    {
      name: 'an empty raw body',
      send: () => ({ headers: { 'content-type': 'application/pdf' }, payload: Buffer.alloc(0) }),
      status: 422,
      code: 'upload_empty',
      vi: /rỗng/,
      en: /empty/,
    },
    {
      name: 'a PDF cut in half',
      send: () => multipart('cat-doi.pdf', pdf.subarray(0, Math.floor(pdf.length / 2))),
      status: 422,
      code: 'upload_incomplete',
      vi: /PDF không hoàn chỉnh/,
      en: /PDF file is incomplete/,
    },
    {
      name: 'a PNG cut short',
      send: () => multipart('anh.png', makePng(32, 32).subarray(0, 60)),
      status: 422,
      code: 'upload_incomplete',
      vi: /PNG không hoàn chỉnh/,
      en: /PNG file is incomplete/,
    },
    {
      name: 'an iPhone HEIC photo',
      send: () => multipart('IMG_0001.HEIC', makeHeic(), 'image/heic'),
      status: 415,
      code: 'upload_heic_unsupported',
      vi: /^Ảnh HEIC từ iPhone chưa được hỗ trợ, vui lòng chụp lại ở định dạng JPEG hoặc xuất ra PDF\.$/,
      en: /HEIC photos from iPhone are not supported/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const filesBefore = filesUnder(uploadsDir);
      const rowsBefore = await countRows();
      const { headers, payload } = c.send();
      const r = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...headers, ...an }, payload: payload as Buffer });
      expect(r.statusCode).toBe(c.status);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = r.json();
      expect(body.code).toBe(c.code);
      expect(body.detailVi).toMatch(c.vi);
      expect(body.detailEn).toMatch(c.en);
      expect(filesUnder(uploadsDir)).toEqual(filesBefore);
      expect(await countRows()).toBe(rowsBefore);
    });
  }

  it('accepts a file of exactly the limit', async () => {
    // A "PDF" of exactly 10 MB whose last bytes hold the trailer.
    const trailer = Buffer.from('\nstartxref\n0\n%%EOF\n', 'latin1');
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(limit - 9 - trailer.length, 0x20), trailer]);
    const r = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { 'content-type': 'application/pdf', ...an }, payload: body });
    expect(r.statusCode).toBe(201);
    expect(r.json().size).toBe(limit);
  });
});
