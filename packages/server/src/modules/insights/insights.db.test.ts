import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { fixedClock } from '../../platform/clock.ts';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, PHUC, as, certifyCopyBody, maritalStatusBody, startDossierApp } from '../dossiers/testkit.ts';
import { dossierFiguresByUnit } from '../dossiers/index.ts';
import { rebuildRollup, rollupRows } from './index.ts';

let t: TestContext;
const clock = () => t.clock as ReturnType<typeof fixedClock>;
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T08:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const post = async (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: await as(t, who), payload });
const figures = async (who: string, code: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/insights/${code}${query}`, headers: await as(t, who) });

const R = 'official:phulam.tiepnhan';

describe('insights for leaders', () => {
  it('counts dossiers by channel, the online rate, on-time results and the outreach tally', async () => {
    // Two online submissions, one counter intake, one counter same-day result finished on time.
    for (const id of [AN, NGOC]) expect((await post(`citizen:${id}`, '/api/dossiers', maritalStatusBody(id))).statusCode).toBe(201);
    const counter = (await post(R, '/api/dossiers', certifyCopyBody(AN))).json();
    expect((await post(R, `/api/dossiers/${counter.code}/actions`, { action: 'complete_on_spot', version: counter.version })).statusCode).toBe(200);
    expect((await post(R, '/api/dossiers', { ...certifyCopyBody(NGOC) })).statusCode).toBe(201);
    // A dossier in another commune must not count for Phú Lâm.
    expect((await post('official:hoadien.tiepnhan', '/api/dossiers', certifyCopyBody(PHUC))).statusCode).toBe(201);

    // Outreach tallies recorded by the field app land in these tables through sync.
    const session = await t.ctx.db.selectFrom('outreach_session').select('id').where('unit_code', '=', '30421').executeTakeFirstOrThrow();
    const at = clock().now();
    await t.ctx.db
      .insertInto('outreach_consultation')
      .values([
        { client_op_id: crypto.randomUUID(), session_id: session.id, hamlet_code: '30421-06', topic: 'Hộ tịch', procedure_code: null, people: 12, at },
        { client_op_id: crypto.randomUUID(), session_id: session.id, hamlet_code: '30421-07', topic: 'Cư trú', procedure_code: null, people: 8, at },
      ])
      .execute();
    await t.ctx.db
      .insertInto('outreach_survey')
      .values(
        [5, 4, 2].map((overall) => ({
          client_op_id: crypto.randomUUID(),
          session_id: session.id,
          hamlet_code: '30421-06',
          overall,
          staff: 5,
          convenience: 4,
          comment: null,
          at,
        })),
      )
      .execute();

    const r = await figures('official:phulam.lanhdao', '30421', '?from=2026-03-01&to=2026-03-31');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.dossiers).toMatchObject({ received: 4, online: 2, counter: 2, outreach: 0, finished: 1, finishedOnTime: 1, onlineRate: 0.5, onTimeRate: 1 });
    expect(body.outreach).toMatchObject({ peopleGuided: 20, surveys: 3, satisfied: 2, averageRating: 3.67, satisfactionRate: 0.667 });
    expect(JSON.stringify(body)).not.toContain(AN);
  });

  it('gives a province viewer the province total with a line per commune, and nothing outside scope', async () => {
    const province = await figures('official:angiang.theodoi', '91', '?from=2026-03-01&to=2026-03-31');
    expect(province.statusCode).toBe(200);
    const body = province.json();
    expect(body.dossiers.received).toBe(5);
    expect(body.communes.map((c: { code: string }) => c.code)).toEqual(['30421', '30790']);
    expect((await figures('official:angiang.theodoi', '01')).statusCode).toBe(403);
    expect((await figures('official:hoadien.lanhdao', '30421')).statusCode).toBe(403);
    expect((await figures(R, '30421')).statusCode).toBe(200); // figures of one's own unit: any official (docs/privacy.md)
    expect((await figures(R, '91')).statusCode).toBe(403); // …but not the province's
    expect((await figures(`citizen:${AN}`, '30421')).statusCode).toBe(403);
  });

  it('keeps the rollup equal to a rebuild from the event log and to a recount of the dossiers', async () => {
    // A transfer, a supplement and a withdrawal on top of the dossiers above.
    const a = (await post(R, '/api/dossiers', certifyCopyBody(NGOC))).json();
    const moved = (
      await post(R, `/api/dossiers/${a.code}/actions`, { action: 'transfer', toUnitCode: '30790', reason: 'Sai địa bàn', version: a.version })
    ).json();
    expect(moved.unitCode).toBe('30790');
    const b = (await post(R, '/api/dossiers', certifyCopyBody(AN))).json();
    const asked = await post(R, `/api/dossiers/${b.code}/actions`, {
      action: 'request_supplement',
      reason: 'Thiếu bản chính',
      missingDocuments: ['Bản chính'],
      version: b.version,
    });
    expect(asked.statusCode).toBe(200);
    const units = ['30421', '30790'];
    const sort = <T extends { unitCode: string; day: string; procedureCode: string; channel: string }>(rows: T[]) =>
      [...rows].sort((x, y) => `${x.unitCode}${x.day}${x.procedureCode}${x.channel}`.localeCompare(`${y.unitCode}${y.day}${y.procedureCode}${y.channel}`));
    const live = sort(await rollupRows(t.ctx.db, units));
    expect(live.length).toBeGreaterThan(0);
    await rebuildRollup(t.ctx.db);
    expect(sort(await rollupRows(t.ctx.db, units))).toEqual(live);

    // The naive GROUP BY over the dossiers (the old figures) agrees with the rollup's answer.
    const month = { from: new Date('2026-03-01T00:00:00+07:00'), to: new Date('2026-04-01T00:00:00+07:00') };
    // The naive count files a transferred dossier under its current unit, the rollup under the unit
    // that received it: over the whole province they agree.
    const naive = await dossierFiguresByUnit(t.ctx.db, units, month, clock().now());
    const sum = (k: 'received' | 'online' | 'finished' | 'finishedOnTime') => naive.reduce((n, x) => n + x[k], 0);
    const r = (await figures('official:angiang.theodoi', '91', '?from=2026-03-01&to=2026-03-31')).json();
    expect(r.dossiers).toMatchObject({ received: sum('received'), online: sum('online'), finished: sum('finished'), finishedOnTime: sum('finishedOnTime') });
    expect(r.counts).toMatchObject({ transferredOut: 1, supplementRequests: 1 });
    const other = (await figures('official:angiang.theodoi', '30790', '?from=2026-03-01&to=2026-03-31')).json();
    expect(other.counts.transferredIn).toBe(1);
    expect(other.counts.openAtEnd).toBe(2);
  });

  it('answers the Decision 766 groups, a ranking and breakdowns, with nothing that names a person', async () => {
    const r = await figures('official:angiang.theodoi', '91', '?from=2026-03-01&to=2026-03-31&by=commune');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['transparency', 'progress', 'digitisation', 'online', 'satisfaction']);
    expect(body.max).toBe(100);
    const indicator = (k: string) => body.groups.flatMap((g: { indicators: { key: string }[] }) => g.indicators).find((i: { key: string }) => i.key === k);
    expect(indicator('on_time')).toMatchObject({ numerator: 1, denominator: 1, value: 1, score: 20, max: 20 });
    // What Motcua cannot know says so; nothing paid in the period is a zero, not an invention.
    expect(indicator('national_portal_sync')).toMatchObject({ numerator: null, denominator: null, value: null, score: null });
    expect(indicator('national_portal_sync').note).toMatch(/không biết/);
    expect(indicator('online_payment')).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(body.breakdown.by).toBe('commune');
    expect(body.breakdown.rows.map((x: { key: string }) => x.key).sort()).toEqual(['30421', '30790']);
    const months = (await figures('official:angiang.theodoi', '91', '?from=2026-01-01&to=2026-03-31&by=month')).json();
    expect(months.breakdown.rows.map((x: { key: string }) => x.key)).toEqual(['2026-03']);
    const hamlets = (await figures('official:phulam.lanhdao', '30421', '?from=2026-03-01&to=2026-03-31&by=hamlet')).json();
    expect(hamlets.breakdown.by).toBe('hamlet');
    // Aggregates only: no ID number, name or phone of any applicant in the province's answer.
    const text = JSON.stringify(body);
    for (const id of [AN, NGOC, PHUC]) expect(text).not.toContain(id);
    const people = await t.ctx.db.selectFrom('dossier').select(['full_name', 'phone']).execute();
    for (const p of people) {
      expect(text).not.toContain(p.full_name);
      expect(text).not.toContain(p.phone);
    }
  });

  it('shows anyone the public transparency figures, scores and counts only', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/public/insights/91?from=2026-03-01&to=2026-03-31' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.groups).toHaveLength(5);
    expect(body.communes.length).toBe(2);
    expect(body).not.toHaveProperty('outreach');
    expect(JSON.stringify(body)).not.toContain(AN);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/insights/99999' })).statusCode).toBe(404);
  });

  it('exports the Excel report, one sheet per group with the formulas visible, to those who may see the figures', async () => {
    const url = '/api/insights/91/excel?from=2026-03-01&to=2026-03-31';
    const r = await t.app.inject({ method: 'GET', url, headers: await as(t, 'official:angiang.theodoi') });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 6)).toEqual([
      'Tổng hợp',
      '1. Công khai, minh bạch',
      '2. Tiến độ, kết quả giải quyết',
      '3. Số hóa hồ sơ',
      '4. Cung cấp dịch vụ trực tuyến',
      '5. Mức độ hài lòng',
    ]);
    const progress = wb.getWorksheet('2. Tiến độ, kết quả giải quyết')!;
    expect(progress.getCell('E2').formula).toBe('IF(D2>0,C2/D2,"")');
    expect((await t.app.inject({ method: 'GET', url, headers: await as(t, 'official:hoadien.lanhdao') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('refuses a period that ends before it starts', async () => {
    const r = await figures('official:phulam.lanhdao', '30421', '?from=2026-03-31&to=2026-03-01');
    expect(r.statusCode).toBe(400);
    expect(r.json().detailVi).toMatch(/Ngày bắt đầu/);
  });
});
