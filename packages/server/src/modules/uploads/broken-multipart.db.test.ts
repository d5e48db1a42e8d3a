import http from 'node:http';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import { freePort } from '../identity/testkit.ts';
import { UploadsService, createBlobStore } from './index.ts';
import { citizen } from './test-files.ts';

// Found by the fuzz drill (issue #10): a multipart body cut off before its closing boundary left
// the upload waiting for a file part busboy had already destroyed; the request hung until the
// client gave up (on PostgreSQL, where the handler runs after busboy has hit the end).
let t: TestContext;
let port: number;
let headers: Record<string, string>;

beforeAll(async () => {
  port = await freePort();
  t = await startTestApp({ config: { port, publicUrl: `http://127.0.0.1:${port}` } });
  await t.app.listen({ port, host: '127.0.0.1' });
  headers = (await loginAs(t, 'citizen:089095001234')).headers;
});
afterAll(async () => {
  await t?.close();
});

function post(body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/uploads',
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=B', 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += String(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

describe('a multipart upload cut off before its closing boundary', () => {
  it('is answered 400 at once, whichever way the file name is written', async () => {
    for (const disposition of [
      `form-data; name="file"; filename*=UTF-8''%ED%A0%80.png`,
      'form-data; name="file"; filename="a.pdf"',
      'form-data; name="x"; filename=""',
    ]) {
      const r = await post(`--B\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut off here`);
      expect(r.status, r.body).toBeGreaterThanOrEqual(400);
      expect(r.status, r.body).toBeLessThan(500);
      expect(JSON.parse(r.body)).toHaveProperty('detailVi');
    }
  });

  it('the service refuses a source stream that was destroyed before it ended', async () => {
    const uploads = new UploadsService(t.ctx, { blobs: createBlobStore(t.config) });
    const gone = new PassThrough();
    gone.write('%PDF-1.4');
    gone.destroy();
    await expect(uploads.receive(citizen('089095001234'), gone, 'a.pdf')).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    const later = new PassThrough();
    const pending = uploads.receive(citizen('089095001234'), later, 'a.pdf');
    later.write('%PDF-1.4');
    later.destroy();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});
