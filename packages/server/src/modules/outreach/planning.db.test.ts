import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { createRound, people, roundBody, UNIT } from './testkit.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T01:00:00Z' }); // Monday 08:00 in Vietnam
  p = await people(t);
});
afterAll(async () => {
  await t?.close();
});

describe('planning outreach rounds', () => {
  it('expands Tuesday and Thursday mornings into sessions', async () => {
    const round = await createRound(t, p.admin, roundBody(p.ids));
    expect(round.sessions.map((s) => `${s.day} ${s.part}`)).toEqual(['2026-11-24 morning', '2026-11-26 morning', '2026-12-01 morning', '2026-12-03 morning']);
    expect(round.skipped).toEqual([]);
    const read = await t.app.inject({ method: 'GET', url: `/api/office/outreach/rounds/${round.id}`, headers: p.receptionist });
    expect(read.statusCode).toBe(200);
    expect(read.json().sessions).toHaveLength(4);
  });

  it('lets receptionists read but only planners plan, within their own unit', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/office/outreach/rounds', headers: p.receptionist, payload: roundBody(p.ids) })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/office/outreach/rounds', headers: p.otherAdmin, payload: roundBody(p.ids) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/office/outreach/rounds', payload: roundBody(p.ids) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/office/outreach/rounds?unit=${UNIT}`, headers: p.otherAdmin })).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: `/api/office/outreach/rounds?unit=${UNIT}`, headers: p.receptionist });
    expect(list.json().items.map((r: { title: string }) => r.title)).toContain('Tiếp nhận lưu động thứ Ba, thứ Năm'); // the demo round
  });

  it('refuses a team member who cannot take dossiers in, and hamlets of another commune', async () => {
    const specialist = await t.app.inject({
      method: 'POST',
      url: '/api/office/outreach/rounds',
      headers: p.admin,
      payload: roundBody(p.ids, { teamUserIds: [p.ids['phulam.chuyenvien']] }),
    });
    expect(specialist.statusCode).toBe(400);
    expect(specialist.json().field).toBe('teamUserIds');
    const hamlet = await t.app.inject({
      method: 'POST',
      url: '/api/office/outreach/rounds',
      headers: p.admin,
      payload: roundBody(p.ids, { hamletCodes: ['30790-01'] }),
    });
    expect(hamlet.statusCode).toBe(400);
  });

  it('re-plans with the version seen, refusing a stale one', async () => {
    const round = await createRound(t, p.outreach, roundBody(p.ids, { title: 'Đợt sẽ sửa' }));
    const update = {
      ...roundBody(p.ids, { title: 'Đợt đã sửa', rules: [{ weekdays: [3], part: 'afternoon', from: '2026-12-01', to: '2026-12-10' }] }),
      version: round.version,
    };
    const ok = await t.app.inject({ method: 'PUT', url: `/api/office/outreach/rounds/${round.id}`, headers: p.admin, payload: update });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sessions.map((s: { day: string; part: string }) => `${s.day} ${s.part}`)).toEqual(['2026-12-02 afternoon', '2026-12-09 afternoon']);
    const stale = await t.app.inject({ method: 'PUT', url: `/api/office/outreach/rounds/${round.id}`, headers: p.admin, payload: update });
    expect(stale.statusCode).toBe(409);
  });

  it('publishes the schedule as JSON with the sentence read out in the hamlet, and as a printable page', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/outreach/schedule?unit=${UNIT}&days=14` });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { day: string; announcementVi: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.day >= '2026-11-23' && i.day <= '2026-12-07')).toBe(true);
    expect(items.map((i) => i.announcementVi)).toContain(
      'Tổ tiếp nhận lưu động sẽ đến ấp Long Hoà 3, ấp Phú Long 1, ấp Phú Long 2 và ấp Phú Long 3 vào sáng thứ Ba 01/12/2026, tại Nhà văn hóa ấp Phú Long 2, từ 07g30 đến 11g30.',
    );
    const html = await t.app.inject({ method: 'GET', url: `/lich-luu-dong/${UNIT}` });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Lịch tiếp nhận hồ sơ lưu động');
    expect(html.body).toContain('sáng thứ Năm 26/11/2026');
    expect(html.body).toContain('@media print');
    expect((await t.app.inject({ method: 'GET', url: '/api/outreach/schedule?unit=99999' })).statusCode).toBe(404);
  });

  it('documents every outreach route in OpenAPI with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string; responses?: object }>>;
    };
    const outreach = Object.entries(doc.paths).filter(([path]) => path.includes('outreach') || path.startsWith('/lich-luu-dong'));
    expect(outreach.flatMap(([, ops]) => Object.keys(ops)).length).toBe(25);
    for (const [path, ops] of outreach)
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(op.responses, `${method} ${path}`).toBeTruthy();
      }
    expect(doc.paths['/api/office/outreach/sync']!.post).toMatchObject({ requestBody: expect.anything() });
  });
});

describe('residents needing help and suggestions', () => {
  it('keeps a list of residents needing help, editable by commune officials only', async () => {
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/office/outreach/assistance',
      headers: p.receptionist,
      payload: { unitCode: UNIT, hamletCode: '30421-01', fullName: 'Lê Thị Út', reason: 'elderly', note: '92 tuổi' },
    });
    expect(add.statusCode).toBe(201);
    const id = add.json().id;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/office/outreach/assistance/${id}`, headers: p.admin, payload: { reason: 'ill' } });
    expect(patched.json().reason).toBe('ill');
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/office/outreach/assistance/${id}`, headers: p.otherAdmin, payload: { reason: 'ill' } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/office/outreach/assistance/${id}`, headers: p.admin })).statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: `/api/office/outreach/assistance?unit=${UNIT}&hamlet=30421-01`, headers: p.admin });
    expect(list.json().items).toEqual([]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/office/outreach/assistance',
      headers: p.admin,
      payload: { unitCode: UNIT, hamletCode: '30790-01', fullName: 'Người Khác', reason: 'elderly' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('ranks hamlets by a score whose parts are shown, and moves a near hamlet up once residents there need help', async () => {
    const get = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/office/outreach/suggestions?unit=${UNIT}`, headers: p.receptionist })).json() as {
        items: { hamletCode: string; rank: number; score: number; parts: { key: string; points: number; explanationVi: string }[] }[];
      };
    const before = await get();
    expect(before.items.length).toBe(9);
    for (const s of before.items)
      expect(s.score).toBeCloseTo(
        s.parts.reduce((a, x) => a + x.points, 0),
        5,
      );
    expect(before.items.map((s) => s.score)).toEqual([...before.items.map((s) => s.score)].sort((a, b) => b - a));
    const part = (s: (typeof before.items)[number], key: string) => s.parts.find((x) => x.key === key)!;
    // Remoteness follows travel time: Phú Long 2 (39 min) outscores Phú Lâm 1 (6 min) on that part.
    const byCode = (items: typeof before.items, code: string) => items.find((s) => s.hamletCode === code)!;
    expect(part(byCode(before.items, '30421-08'), 'remoteness').points).toBe(19.5);
    expect(part(byCode(before.items, '30421-01'), 'remoteness').points).toBe(3);
    // The demo flags one resident in Phú Long 2.
    expect(part(byCode(before.items, '30421-08'), 'assistance').points).toBe(10);

    const last = before.items.at(-1)!;
    for (const name of ['Trần Văn A', 'Trần Văn B', 'Trần Thị C']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/office/outreach/assistance',
        headers: p.admin,
        payload: { unitCode: UNIT, hamletCode: last.hamletCode, fullName: name, reason: 'disabled' },
      });
    }
    const after = await get();
    const moved = byCode(after.items, last.hamletCode);
    expect(part(moved, 'assistance').points).toBe(30);
    expect(part(moved, 'assistance').explanationVi).toMatch(/người cần hỗ trợ/);
    expect(moved.score).toBeCloseTo(last.score + 30 - part(last, 'assistance').points, 5);
    expect(moved.rank).toBeLessThan(last.rank);
  });
});
