import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReservedCodeBlock } from '@motcua/core/dossier';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { CHUNK_SIZE } from './chunks.ts';
import { createRound, kit, people, receiveOp, roundBody, SESSION_DAY, sync, type Headers } from './testkit.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let sessionId: string;
let block: ReservedCodeBlock;
let cred: Headers;

beforeAll(async () => {
  t = await startTestApp({ clock: `${SESSION_DAY}T04:00:00Z` });
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
  const k = await kit(t, p.outreach, sessionId);
  block = k.codeBlock;
  cred = { 'x-outreach-credential': k.credential.token };
});
afterAll(async () => {
  await t?.close();
});

/** A scanned document as the phone makes it: a PDF of a little over two chunks. */
function scannedPdf(): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
    randomBytes(2 * CHUNK_SIZE + 1000),
    Buffer.from('\ntrailer\n<<>>\nstartxref\n12\n%%EOF\n'),
  ]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunk = (file: Buffer, i: number) => file.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);

async function declare(file: Buffer, digest = sha(file)) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/office/outreach/uploads',
    headers: cred,
    payload: { sessionId, size: file.length, sha256: digest, mediaType: 'application/pdf', filename: 'giay-khai-sinh.pdf' },
  });
  expect(r.statusCode).toBe(201);
  return r.json() as { id: string; chunkCount: number; missing: number[] };
}
const put = (id: string, i: number, body: Buffer) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/office/outreach/uploads/${id}/chunks/${i}`,
    headers: { ...cred, 'content-type': 'application/octet-stream' },
    payload: body,
  });
const status = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/office/outreach/uploads/${id}`, headers: cred })).json();
const complete = (id: string) => t.app.inject({ method: 'POST', url: `/api/office/outreach/uploads/${id}/complete`, headers: cred });

describe('resumable field uploads', () => {
  it('resumes an interrupted upload from the chunks the server reports missing, then completes exactly once', async () => {
    const file = scannedPdf();
    const up = await declare(file);
    expect(up.chunkCount).toBe(3);
    expect(up.missing).toEqual([0, 1, 2]);

    // Signal drops after chunk 0 and chunk 2 (sent out of order); chunk 1 never arrived.
    expect((await put(up.id, 0, chunk(file, 0))).json()).toEqual({ index: 0, stored: true });
    expect((await put(up.id, 2, chunk(file, 2))).json()).toEqual({ index: 2, stored: true });
    const early = await complete(up.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().missing).toEqual([1]);

    // Back in range: the app asks what is missing, resends (repeating chunk 0 is harmless) and completes.
    const s = await status(up.id);
    expect(s.received).toEqual([0, 2]);
    expect(s.missing).toEqual([1]);
    expect((await put(up.id, 0, chunk(file, 0))).json()).toEqual({ index: 0, stored: false });
    expect((await put(up.id, 1, chunk(file, 1))).json()).toEqual({ index: 1, stored: true });
    const done = await complete(up.id);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ complete: true, missing: [] });
    const uploadId = done.json().uploadId as string;

    const again = await complete(up.id);
    expect(again.json().uploadId).toBe(uploadId);
    const stored = await t.ctx.db.selectFrom('upload').select(['id', 'sha256', 'size']).where('sha256', '=', sha(file)).execute();
    expect(stored).toEqual([{ id: uploadId, sha256: sha(file), size: file.length }]);

    // The dossier can name the field upload; the server attaches the stored file.
    const op = receiveOp(block, 0, { attachments: [up.id] });
    const r = await sync(t, cred, sessionId, [op]);
    expect(r.json().results[0].status).toBe('applied');
    const dossier = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${op.dossier.code}`, headers: p.receptionist })).json();
    expect(dossier.attachments.map((a: { sha256: string }) => a.sha256)).toEqual([sha(file)]);
  });

  it('verifies the SHA-256 of the assembled file and makes the app start over on a mismatch', async () => {
    const file = scannedPdf();
    const up = await declare(file, sha(Buffer.from('something else')));
    for (let i = 0; i < up.chunkCount; i++) await put(up.id, i, chunk(file, i));
    const r = await complete(up.id);
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('checksum_mismatch');
    expect((await status(up.id)).missing).toEqual([0, 1, 2]);
  });

  it('refuses a chunk of the wrong size, different bytes for a stored chunk, and strangers', async () => {
    const file = scannedPdf();
    const up = await declare(file);
    expect((await put(up.id, 0, chunk(file, 0).subarray(1))).statusCode).toBe(400);
    await put(up.id, 0, chunk(file, 0));
    expect((await put(up.id, 0, Buffer.alloc(CHUNK_SIZE, 1))).statusCode).toBe(409);
    expect((await put(up.id, 3, chunk(file, 2))).statusCode).toBe(400);
    const stranger = await t.app.inject({ method: 'GET', url: `/api/office/outreach/uploads/${up.id}`, headers: p.receptionist });
    expect(stranger.statusCode).toBe(404);
  });

  it('makes a dossier that names an unfinished upload wait, without recording it, so the same op succeeds later', async () => {
    const file = scannedPdf();
    const up = await declare(file);
    const op = receiveOp(block, 1, { attachments: [up.id] });
    const first = await sync(t, cred, sessionId, [op]);
    expect(first.json().results[0]).toMatchObject({ status: 'rejected', error: { code: 'upload_incomplete', retryable: true } });
    for (let i = 0; i < up.chunkCount; i++) await put(up.id, i, chunk(file, i));
    expect((await complete(up.id)).statusCode).toBe(200);
    expect((await sync(t, cred, sessionId, [op])).json().results[0].status).toBe('applied');
  });
});
