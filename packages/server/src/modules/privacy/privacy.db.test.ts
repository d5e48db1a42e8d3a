import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, client, maritalStatusBody, setClock, startDossierApp, userId } from '../dossiers/testkit.ts';
import { resultsWorker } from '../results/testkit.ts';
import { makePng } from '../uploads/testkit.ts';

// Nguyễn Văn An files in Phú Lâm (30421), result by post; the desk, specialist and approver of
// Phú Lâm work it. The province viewer of An Giang (91) and the system administrator look on.
let t: TestContext;
let c: ReturnType<typeof client>;
let drain: () => Promise<void>;
let code: string;
let uploadId: string;
let resultUrl: string;
const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const A = 'official:phulam.lanhdao';
const P = 'official:angiang.theodoi';
const SYS = 'official:hethong.quantri';
const an = `citizen:${AN}`;
const PROPOSAL = 'Ghi chú nội bộ: đối chiếu sổ hộ tịch đã khớp';

const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
  drain = resultsWorker(t);
  const up = await t.app.inject({
    method: 'POST',
    url: '/api/uploads?filename=cccd-mat-truoc.png',
    headers: { ...(await as(t, an)), 'content-type': 'image/png' },
    payload: makePng(6, 6),
  });
  uploadId = up.json().id;
  const sub = await c.submit(
    an,
    maritalStatusBody(AN, { attachments: [{ uploadId, label: 'CCCD' }], resultDelivery: 'post', postalAddress: 'Số 12, Ấp Phú Lâm 1, Xã Phú Lâm' }),
  );
  expect(sub.statusCode, sub.body).toBe(201);
  code = sub.json().code;
  await ok(c.act(R, code, { action: 'receive' }));
  await ok(c.act(R, code, { action: 'assign', assigneeUserId: await userId(t, 'phulam.chuyenvien') }));
  await ok(c.act(S, code, { action: 'propose', outcome: 'approve', note: PROPOSAL }));
  await ok(c.act(A, code, { action: 'approve', note: 'Đồng ý, ký' }));
  await drain();
  const del = await t.app.inject({ method: 'POST', url: `/api/office/dossiers/${code}/delivery`, headers: await as(t, R), payload: { method: 'post' } });
  expect(del.statusCode, del.body).toBe(200);
  resultUrl = (await ok(c.get(an, `/api/dossiers/${code}/documents`))).items.find((d: { kind: string }) => d.kind === 'result').downloadUrl;
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const personal = /Nguyễn Văn An|089095001234|0912345678|1995-03-12/;

describe('a province viewer and the system administrator see figures, never a dossier', () => {
  it('answers 404 for the dossier, its files, documents, result PDF and shipments, as for a missing one', async () => {
    for (const who of [P, SYS]) {
      for (const url of [
        `/api/dossiers/${code}`,
        `/api/uploads/${uploadId}`,
        `/api/uploads/${uploadId}?dossier=${code}`,
        `/api/dossiers/${code}/documents`,
        resultUrl,
        `/api/dossiers/${code}/shipments`,
      ]) {
        const r = await c.get(who, url);
        expect([who, url, r.statusCode]).toEqual([who, url, 404]);
        expect(r.body).not.toMatch(personal);
      }
    }
    // The desk of the unit still sees them all.
    for (const url of [
      `/api/dossiers/${code}`,
      `/api/uploads/${uploadId}?dossier=${code}`,
      `/api/dossiers/${code}/documents`,
      resultUrl,
      `/api/dossiers/${code}/shipments`,
    ]) {
      expect((await c.get(R, url)).statusCode).toBe(200);
    }
  });

  it("shows no applicant in the work queue, with or without a unit, but the unit's counts and the province figures", async () => {
    const all = await c.get(P, '/api/office/dossiers');
    expect(all.statusCode).toBe(200);
    expect(all.json().items).toEqual([]);
    expect((await c.get(P, '/api/office/dossiers?unit=30421')).statusCode).toBe(403);
    expect((await c.get(P, `/api/office/dossiers?q=${AN}`)).json().items).toEqual([]);
    expect((await c.get(SYS, '/api/office/dossiers?unit=30421')).statusCode).toBe(403);
    expect((await c.get(R, '/api/office/dossiers?unit=30421')).json().items.map((i: { applicantName: string }) => i.applicantName)).toContain('Nguyễn Văn An');

    const summary = await c.get(P, '/api/office/summary?unit=30421');
    expect(summary.statusCode).toBe(200);
    expect(summary.body).not.toMatch(personal);
    expect((await c.get(P, '/api/insights/91')).statusCode).toBe(200);
    expect((await c.get(P, '/api/insights/01')).statusCode).toBe(403);
  });

  it('cannot act on the dossier either', async () => {
    expect((await c.act(P, code, { action: 'cancel', reason: 'x' })).statusCode).toBe(404);
  });
});

describe('internal notes', () => {
  it("are shown to the unit's officials, never to the citizen (who sees the step and when)", async () => {
    const official = await ok(c.get(R, `/api/dossiers/${code}`));
    expect(official.history.find((h: { action: string }) => h.action === 'propose').note).toBe(PROPOSAL);
    const mine = await ok(c.get(an, `/api/dossiers/${code}`));
    const step = mine.history.find((h: { action: string }) => h.action === 'propose');
    expect(step).toMatchObject({ action: 'propose', note: null });
    expect(JSON.stringify(mine)).not.toContain(PROPOSAL);
    expect(JSON.stringify((await ok(c.get(an, '/api/me/dossiers'))).items)).not.toContain('Đồng ý, ký');
  });
});

describe("the citizen's access log", () => {
  it('lists who opened what and when, with role and unit, never internal ids; audited reads only', async () => {
    setClock(t, '2026-03-05T10:15:00+07:00');
    await ok(c.get(S, `/api/dossiers/${code}`));
    expect((await c.get(S, `/api/uploads/${uploadId}?dossier=${code}`)).statusCode).toBe(200);
    await ok(c.get(A, `/api/dossiers/${code}/shipments`));
    expect((await c.get(P, `/api/dossiers/${code}`)).statusCode).toBe(404); // refused: not a read

    const log = await ok(c.get(an, '/api/me/access-log'));
    const at = '2026-03-05T03:15:00.000Z';
    const recent = log.items.filter((e: { at: string }) => e.at === at);
    expect(recent).toEqual(
      expect.arrayContaining([
        {
          at,
          dossierCode: code,
          viewer: { name: 'Đặng Minh Khoa', roles: ['specialist'], units: [{ code: '30421', name: 'Xã Phú Lâm' }], via: 'session' },
          what: { vi: 'Chi tiết hồ sơ (nhân thân, liên lạc, tờ khai)', en: 'The dossier (identity, contact, form)' },
          kinds: ['identity', 'contact', 'application'],
        },
        expect.objectContaining({
          viewer: expect.objectContaining({ name: 'Đặng Minh Khoa' }),
          what: { vi: 'Tệp đính kèm "cccd-mat-truoc.png"', en: 'Attached file "cccd-mat-truoc.png"' },
          kinds: ['documents'],
        }),
        expect.objectContaining({ viewer: expect.objectContaining({ name: 'Nguyễn Thanh Tùng', roles: ['approver'] }), kinds: ['results', 'contact'] }),
      ]),
    );
    expect(recent).toHaveLength(3);
    expect(log.items.some((e: { viewer: { name: string } }) => e.viewer.name === 'Phan Quốc Bảo')).toBe(false);
    // Actions (receive, approve…) are in the timeline; the log is for reads. No user or upload ids.
    expect(JSON.stringify(log)).not.toContain(uploadId);
    expect(JSON.stringify(log)).not.toContain(await userId(t, 'phulam.chuyenvien'));
    expect(log.items.every((e: { at: string }, i: number, all: { at: string }[]) => i === 0 || all[i - 1]!.at >= e.at)).toBe(true);
  });

  it("is the citizen's own: another citizen sees none of it, officials cannot ask", async () => {
    expect((await ok(c.get(`citizen:${NGOC}`, '/api/me/access-log'))).items).toEqual([]);
    expect((await c.get(R, '/api/me/access-log')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/me/access-log' })).statusCode).toBe(401);
  });
});

describe("the citizen's export", () => {
  it('is a JSON file with everything held about them: dossiers, files, documents, shipments, sessions, log', async () => {
    const r = await c.get(an, '/api/me/export');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="motcua-du-lieu-ca-nhan-2026-03-05\.json"$/);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const x = JSON.parse(r.body);
    expect(x).toMatchObject({ format: 'motcua.personal-data-export/1', subject: { idNumber: AN, fullName: 'Nguyễn Văn An' } });
    const d = x.dossiers.find((o: { code: string }) => o.code === code);
    expect(d.applicant).toMatchObject({ idNumber: AN, phone: '0912345678', birthDate: '1995-03-12' });
    expect(d.attachments).toEqual([expect.objectContaining({ id: uploadId, filename: 'cccd-mat-truoc.png', downloadUrl: `/api/uploads/${uploadId}` })]);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'submitted',
      'receive',
      'assign',
      'propose',
      'approve',
      'mark_result_ready',
      'return_result',
    ]);
    expect(d.issuedDocuments.map((doc: { kind: string }) => doc.kind).sort()).toEqual(['receipt', 'result']);
    expect(d.shipments).toEqual([expect.objectContaining({ recipientName: 'Nguyễn Văn An', address: 'Số 12, Ấp Phú Lâm 1, Xã Phú Lâm' })]);
    expect(x.uploads).toEqual([expect.objectContaining({ id: uploadId, downloadUrl: `/api/uploads/${uploadId}` })]);
    expect(x.sessions.length).toBeGreaterThan(0);
    expect(x.profileFromIdentityProvider).toMatchObject({ idNumber: AN, phoneNumber: '0912345678' });
    expect(x.accessLog.length).toBeGreaterThanOrEqual(3);
    expect(r.body).not.toContain(PROPOSAL);
    // The links work for the citizen.
    expect((await c.get(an, d.attachments[0].downloadUrl)).statusCode).toBe(200);
    expect((await c.get(an, d.issuedDocuments[0].downloadUrl)).statusCode).toBe(200);
  });

  it('holds nothing of anyone else, and only citizens can ask for it', async () => {
    const other = await c.get(`citizen:${NGOC}`, '/api/me/export');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toMatch(personal);
    expect(other.body).not.toContain(code);
    expect((await c.get(R, '/api/me/export')).statusCode).toBe(403);
    expect((await c.get(P, '/api/me/export')).statusCode).toBe(403);
  });
});
