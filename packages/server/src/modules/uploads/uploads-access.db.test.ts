import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/database.ts';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import { createBlobStore, UploadsService } from './index.ts';
import { citizen, makePdf, makePng, official } from './test-files.ts';
import { provinceOf } from '../units/index.ts';

// Demo people: two citizens of Phú Lâm (30421), a receptionist there and one in Hòa Điền (30790).
const AN = '089095001234';
const NGOC = '089190004567';
let t: TestContext;
let h: Record<'an' | 'ngoc' | 'phulam' | 'hoadien', Record<string, string>>;
const reads: Array<{ userId: string; uploadId: string; dossierCode: string | null }> = [];
let svc: UploadsService;

beforeAll(async () => {
  t = await startTestApp();
  h = {
    an: (await loginAs(t, `citizen:${AN}`)).headers,
    ngoc: (await loginAs(t, `citizen:${NGOC}`)).headers,
    phulam: (await loginAs(t, 'official:phulam.tiepnhan')).headers,
    hoadien: (await loginAs(t, 'official:hoadien.tiepnhan')).headers,
  };
  // A second service over the same storage and database, with the audit hook observed.
  svc = new UploadsService(t.ctx, {
    blobs: createBlobStore(t.config),
    onOfficialRead: async (_trx, actor, uploadId, dossierCode) => {
      reads.push({ userId: actor.userId, uploadId, dossierCode });
    },
  });
});
afterAll(async () => {
  await t?.close();
});

async function upload(headers: Record<string, string>, body: Buffer, type = 'application/pdf'): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: '/api/uploads?filename=giay-to.pdf', headers: { ...headers, 'content-type': type }, payload: body });
  expect(r.statusCode).toBe(201);
  return r.json().id;
}
const get = (headers: Record<string, string>, id: string, query = '') => t.app.inject({ method: 'GET', url: `/api/uploads/${id}${query}`, headers });

describe('who may read an upload', () => {
  it('its owner; another citizen or an unrelated official gets the same 404 as for a missing file', async () => {
    const id = await upload(h.an, await makePdf());
    expect((await get(h.an, id)).statusCode).toBe(200);
    const missing = await get(h.ngoc, '5b1f3c1e-8f0e-4d7a-9a55-3f1f7c2d9e10');
    for (const other of [h.ngoc, h.phulam]) {
      const r = await get(other, id);
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe(missing.json().code);
    }
    expect((await get({}, id)).statusCode).toBe(401);
    expect((await get(h.an, 'not-a-uuid')).statusCode).toBe(404);
  });

  it('officials of the unit holding a dossier that attaches it, with every read reported to the audit hook', async () => {
    const id = await upload(h.an, makePng());
    const an = citizen(AN);
    await inTransaction(t.ctx.db, (trx) =>
      svc.attachToDossier(trx, [{ uploadId: id, kind: 'cccd', label: 'Ảnh CCCD' }], '30421-261123-0001', an, { unitCode: '30421' }),
    );
    expect((await get(h.phulam, id)).statusCode).toBe(200);
    expect((await get(h.hoadien, id)).statusCode).toBe(404);
    expect((await get(h.phulam, id, '?dossier=30421-261123-9999')).statusCode).toBe(404);

    const clerk = official('u-phulam', ['30421']);
    const opened = await svc.openForRead(clerk, id, '30421-261123-0001');
    opened.stream.resume();
    expect(reads).toEqual([{ userId: 'u-phulam', uploadId: id, dossierCode: '30421-261123-0001' }]);
    // A province viewer sees figures only (docs/privacy.md), and a province code in a desk
    // official's units does not reach the province's communes either.
    const province = provinceOf('30421')!;
    const viewer = { ...official('u-province', [province]), roles: ['province_viewer' as const] };
    await expect(svc.openForRead(viewer, id)).rejects.toMatchObject({ status: 404 });
    await expect(svc.openForRead(official('u-province-desk', [province]), id)).rejects.toMatchObject({ status: 404 });
    await expect(svc.openForRead(official('u-elsewhere', ['30790']), id)).rejects.toMatchObject({ status: 404 });
    expect(reads.map((r) => r.userId)).toEqual(['u-phulam']);
  });
});

describe('attachToDossier', () => {
  it('takes only the actor’s own uploads, or the applicant’s when an official files on their behalf', async () => {
    const ansFile = await upload(h.an, await makePdf('An'));
    const ngocsFile = await upload(h.ngoc, await makePdf('Ngoc'));
    const clerk = official('u-clerk', ['30421']);
    const scan = (await svc.receive(clerk, Readable.from([makePng()]), 'quet-tai-quay.png')).id;

    await expect(inTransaction(t.ctx.db, (trx) => svc.attachToDossier(trx, [ansFile], 'D-1', citizen(NGOC), { unitCode: '30421' }))).rejects.toMatchObject({
      status: 404,
      code: 'upload_not_found',
    });
    await expect(
      inTransaction(t.ctx.db, (trx) => svc.attachToDossier(trx, [scan, ngocsFile], 'D-1', clerk, { unitCode: '30421', onBehalfOf: { idNumber: AN } })),
    ).rejects.toMatchObject({ status: 404, extra: { uploadId: ngocsFile } });
    expect(await svc.dossierAttachments(t.ctx.db, 'D-1')).toEqual([]); // nothing half-attached

    const attached = await inTransaction(t.ctx.db, (trx) =>
      svc.attachToDossier(trx, [scan, { uploadId: ansFile, label: 'Tờ khai' }, scan], 'D-1', clerk, { unitCode: '30421', onBehalfOf: { idNumber: AN } }),
    );
    expect(attached.map((a) => [a.uploadId, a.label]).sort()).toEqual(
      [
        [ansFile, 'Tờ khai'],
        [scan, null],
      ].sort(),
    );
    // The applicant can now see the clerk's scan of their papers; another citizen still cannot.
    expect((await get(h.an, scan)).statusCode).toBe(200);
    expect((await get(h.ngoc, scan)).statusCode).toBe(404);

    await inTransaction(t.ctx.db, (trx) => svc.moveDossierAttachments(trx, 'D-1', '30790'));
    expect((await get(h.hoadien, ansFile)).statusCode).toBe(200);
  });
});

describe('personal document store (kho giấy tờ cá nhân)', () => {
  it('lists only the citizen’s own documents; rename, remove and reuse in a new dossier', async () => {
    const id = await upload(h.an, await makePdf('Giay khai sinh'));
    const ngocs = await upload(h.ngoc, makePng());
    const kept = await t.app.inject({ method: 'POST', url: '/api/me/documents', headers: h.an, payload: { uploadId: id, title: ' Giấy khai sinh  bản sao ' } });
    expect(kept.statusCode).toBe(201);
    expect(kept.json()).toMatchObject({ title: 'Giấy khai sinh bản sao', source: 'upload', upload: { id, mediaType: 'application/pdf' } });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/me/documents', headers: h.an, payload: { uploadId: ngocs, title: 'Không phải của tôi' } })).statusCode,
    ).toBe(404);
    await t.app.inject({ method: 'POST', url: '/api/me/documents', headers: h.ngoc, payload: { uploadId: ngocs, title: 'Ảnh thẻ' } });

    // A result from an earlier dossier, written to storage by the results module.
    await svc.blobs.put('results/30421-261001-0007/ket-qua', Readable.from([await makePdf('Ket qua')]));
    const result = await inTransaction(t.ctx.db, (trx) =>
      svc.addToPersonalStore(trx, AN, {
        blobKey: 'results/30421-261001-0007/ket-qua',
        title: 'Trích lục khai sinh',
        source: 'result',
        dossierCode: '30421-261001-0007',
      }),
    );
    expect(result.upload.mediaType).toBe('application/pdf');

    const list = (await t.app.inject({ method: 'GET', url: '/api/me/documents', headers: h.an })).json().items;
    expect(list.map((d: { title: string }) => d.title).sort()).toEqual(['Giấy khai sinh bản sao', 'Trích lục khai sinh']);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/documents', headers: h.ngoc })).json().items.map((d: { title: string }) => d.title)).toEqual([
      'Ảnh thẻ',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/documents', headers: h.phulam })).statusCode).toBe(403);
    expect((await get(h.an, result.upload.id)).statusCode).toBe(200);

    const docId = kept.json().id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/me/documents/${docId}`, headers: h.ngoc, payload: { title: 'Chiếm' } })).statusCode).toBe(404);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/me/documents/${docId}`, headers: h.an, payload: { title: 'Giấy khai sinh (2026)' } });
    expect(renamed.json().title).toBe('Giấy khai sinh (2026)');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/documents/${docId}`, headers: h.ngoc })).statusCode).toBe(404);

    // Reused in a new dossier without uploading again, then removed from the list: the dossier keeps it.
    await inTransaction(t.ctx.db, (trx) => svc.attachToDossier(trx, [result.upload.id], '30421-261123-0042', citizen(AN), { unitCode: '30421' }));
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/documents/${result.id}`, headers: h.an })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/documents', headers: h.an })).json().items).toHaveLength(1);
    expect((await get(h.phulam, result.upload.id)).statusCode).toBe(200);
  });
});
