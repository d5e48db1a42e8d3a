import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, PHUC, client, maritalStatusBody, setClock, startDossierApp } from './testkit.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
let mine: string; // Nguyễn Văn An's, in Phú Lâm (30421)
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  c = client(t);
  mine = (await c.submit(`citizen:${AN}`, maritalStatusBody(AN))).json().code;
});
afterAll(async () => {
  await t?.close();
});

const reads = async (code: string) =>
  (await t.ctx.db.selectFrom('audit_log').select(['action', 'actor']).where('dossier_code', '=', code).where('action', '=', 'dossier.read').execute()).length;

describe('who sees a dossier', () => {
  it("shows a citizen their own dossier and answers 404 for anyone else's", async () => {
    expect((await c.get(`citizen:${AN}`, `/api/dossiers/${mine}`)).json()).toMatchObject({ code: mine, applicant: { idNumber: AN } });
    const other = await c.get(`citizen:${NGOC}`, `/api/dossiers/${mine}`);
    const missing = await c.get(`citizen:${NGOC}`, '/api/dossiers/30421-260302-0999');
    expect([other.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(other.json().code).toBe(missing.json().code);
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${mine}` })).statusCode).toBe(401);
  });

  it("shows officials of the unit but not another commune's, the province viewer or the system administrator; reads are audited", async () => {
    expect(await reads(mine)).toBe(0); // the citizen's own reads are not personal-data access by staff
    expect((await c.get('official:phulam.tiepnhan', `/api/dossiers/${mine}`)).statusCode).toBe(200);
    expect((await c.get('official:angiang.theodoi', `/api/dossiers/${mine}`)).statusCode).toBe(404);
    expect((await c.get('official:hoadien.tiepnhan', `/api/dossiers/${mine}`)).statusCode).toBe(404);
    expect((await c.get('official:hethong.quantri', `/api/dossiers/${mine}`)).statusCode).toBe(404);
    expect(await reads(mine)).toBe(1);
  });

  it("lists a citizen's own dossiers with their timelines", async () => {
    await c.submit(`citizen:${PHUC}`, maritalStatusBody(PHUC));
    const r = await c.get(`citizen:${AN}`, '/api/me/dossiers');
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { code: string; applicant: { idNumber: string }; history: unknown[] }[];
    expect(items.map((d) => d.code)).toContain(mine);
    expect(items.every((d) => d.applicant.idNumber === AN && d.history.length > 0)).toBe(true);
    expect((await c.get('official:phulam.tiepnhan', '/api/me/dossiers')).statusCode).toBe(403);
  });
});

describe('public look-up', () => {
  const lookup = (q: string) => t.app.inject({ method: 'GET', url: `/api/lookup?${q}` });

  it('reveals only the progress, with the right phone or CCCD', async () => {
    // The date the receipt shows (provisional until the desk receives the dossier).
    const receipt = (await c.get(`citizen:${AN}`, `/api/dossiers/${mine}`)).json();
    expect(receipt).toMatchObject({ dueAtProvisional: true, dueAt: expect.any(String) });
    for (const q of [`code=${mine}&phone=0912345678`, `code=${mine}&phone=%2B84912345678`, `code=${mine}&idNumber=${AN}`]) {
      const r = await lookup(q);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({
        code: mine,
        state: 'submitted',
        stateLabel: 'đã nộp, chờ kiểm tra',
        procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
        receivedAt: null,
        dueAt: receipt.dueAt,
        dueAtProvisional: true,
        timeliness: 'on_time',
      });
      expect(r.body).not.toMatch(/Nguyễn|0912345678|089095001234/);
    }
  });

  it('says the same thing for a wrong phone and an unknown code', async () => {
    const wrong = await lookup(`code=${mine}&phone=0987654321`);
    const unknown = await lookup('code=30421-260302-0999&phone=0912345678');
    const wrongId = await lookup(`code=${mine}&idNumber=${NGOC}`);
    expect([wrong.statusCode, unknown.statusCode, wrongId.statusCode]).toEqual([404, 404, 404]);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.body).not.toMatch(/Nguyễn|submitted|tình trạng hôn nhân/);
    expect((await lookup(`code=${mine}`)).statusCode).toBe(400);
  });
  it('reads codes, phones and CCCDs typed with spaces, dots or dashes (issue #18)', async () => {
    const spaced = mine.replace(/-/g, ' '); // "30421 260302 0001"
    const dotted = mine.replace(/-/g, '.');
    const glued = mine.replace(/-/g, '');
    for (const q of [
      `code=${encodeURIComponent(spaced)}&phone=${encodeURIComponent('0912 345 678')}`,
      `code=${encodeURIComponent(dotted)}&phone=${encodeURIComponent('0912.345.678')}`,
      `code=${glued.toLowerCase()}&idNumber=${encodeURIComponent(AN.replace(/(\d{4})(?=\d)/g, '$1 '))}`,
      `code=${encodeURIComponent(` ${mine} `)}&idNumber=${encodeURIComponent(AN.replace(/(\d{3})(?=\d)/g, '$1.'))}`,
    ]) {
      const r = await lookup(q);
      expect(r.statusCode, q).toBe(200);
      expect(r.json().code).toBe(mine);
    }
    // Separators never make a wrong contact match.
    expect((await lookup(`code=${encodeURIComponent(spaced)}&phone=${encodeURIComponent('0987 654 321')}`)).statusCode).toBe(404);
  });
});

describe('office work queue and summary', () => {
  it('scopes, filters, searches and pages', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const R = 'official:phulam.tiepnhan';
    const codes: string[] = [];
    for (const [i, who] of [AN, NGOC, AN, NGOC, AN].entries()) {
      const body = {
        ...maritalStatusBody(who),
        channel: 'counter',
        consent: { method: 'verbal' },
        applicant: { ...maritalStatusBody(who).applicant, hamlet: i % 2 ? '30421-03' : null },
      };
      codes.push((await c.submit(R, body)).json().code);
    }
    const q = async (query: string, who = R) => (await c.get(who, `/api/office/dossiers?${query}`)).json();
    const all = await q('state=received&channel=counter&limit=100');
    expect(all.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(codes));
    expect(all.items.every((i: { state: string; unitCode: string }) => i.state === 'received' && i.unitCode === '30421')).toBe(true);
    expect((await q('state=received', 'official:hoadien.tiepnhan')).items.some((i: { unitCode: string }) => i.unitCode === '30421')).toBe(false);
    expect((await c.get('official:hoadien.tiepnhan', '/api/office/dossiers?unit=30421')).statusCode).toBe(403);
    expect((await c.get(`citizen:${AN}`, '/api/office/dossiers')).statusCode).toBe(403);

    expect((await q('hamlet=30421-03&state=received')).items.map((i: { code: string }) => i.code).sort()).toEqual([codes[1], codes[3]].sort());
    const byName = await q('q=tran thi bich&state=received');
    expect(byName.items.map((i: { code: string }) => i.code).sort()).toEqual([codes[1], codes[3]].sort());
    expect(byName.items[0]).toMatchObject({
      applicantName: 'Trần Thị Bích Ngọc',
      procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      timeliness: 'on_time',
    });
    expect((await q(`q=${NGOC}&state=received`)).items.length).toBe(2);
    expect((await q(`q=${codes[2]}`)).items.map((i: { code: string }) => i.code)).toEqual([codes[2]]);

    // Keyset pages of 2 walk the same list without gaps or repeats, in dueAt then code order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { code: string; dueAt: string }[]; nextCursor: string | null } = await q(
        `state=received&state=submitted&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    const full = (await q('state=received&state=submitted&limit=100')).items.map((i: { code: string }) => i.code);
    expect(seen).toEqual(full);
    const recent = (await q('state=received&sort=receivedAt&limit=100')).items.map((i: { code: string }) => i.code);
    expect(recent.slice(0, 5)).toEqual([...codes].reverse());
    expect((await c.get(R, '/api/office/dossiers?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
  });

  it('puts new online dossiers among the due dates, finds by procedure name, and counts approvals waiting (issue #18)', async () => {
    setClock(t, '2026-03-05T09:00:00+07:00');
    const R = 'official:phulam.tiepnhan';
    const q = async (query: string) =>
      (await c.get(R, `/api/office/dossiers?${query}`)).json() as { items: { code: string; dueAt: string | null; procedureName: string }[] };
    const online = (await c.submit(`citizen:${NGOC}`, maritalStatusBody(NGOC))).json().code as string;
    const order = (await q('state=submitted&state=received&limit=100')).items;
    const at = order.findIndex((i) => i.code === online);
    // Received dossiers due after today come after it; "Chưa có hạn" no longer means last.
    expect(at).toBeGreaterThanOrEqual(0);
    expect(order.slice(at + 1).some((i) => i.dueAt !== null)).toBe(true);
    const byProcedure = await q('q=tinh trang hon nhan&limit=100');
    expect(byProcedure.items.map((i) => i.code)).toContain(online);
    expect(byProcedure.items.every((i) => i.procedureName === 'Cấp Giấy xác nhận tình trạng hôn nhân')).toBe(true);
    expect((await q('q=khai tu&limit=100')).items.map((i) => i.code)).not.toContain(online);
    expect((await c.get(R, '/api/office/summary?unit=30421')).json()).toMatchObject({ awaitingApproval: expect.any(Number) });
  });

  it('counts today for the unit dashboard', async () => {
    setClock(t, '2026-03-04T09:00:00+07:00');
    const R = 'official:phulam.tiepnhan';
    const before = (await c.get(R, '/api/office/summary?unit=30421')).json();
    await c.submit(R, { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'verbal' } });
    await c.submit(`citizen:${AN}`, maritalStatusBody(AN));
    const after = (await c.get(R, '/api/office/summary?unit=30421')).json();
    expect(after).toMatchObject({ unitCode: '30421', day: '2026-03-04' });
    expect(after.receivedToday - before.receivedToday).toBe(1);
    expect(after.awaitingCheck - before.awaitingCheck).toBe(1);
    expect(after.inProgress - before.inProgress).toBe(1);
    // Dossiers received on 3 March with 3 working days fall due on 6 March, not today.
    expect(after.dueToday).toBe(before.dueToday);
    setClock(t, '2026-03-06T09:00:00+07:00');
    const due = (await c.get(R, '/api/office/summary?unit=30421')).json();
    expect(due.dueToday).toBeGreaterThanOrEqual(5);
    expect((await c.get('official:hoadien.tiepnhan', '/api/office/summary?unit=30421')).statusCode).toBe(403);
  });
});
