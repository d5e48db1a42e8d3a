import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, as, client, maritalStatusBody, setClock, startDossierApp } from '../dossiers/testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2027-11-22T09:00:00+07:00'); // a Monday of a year not announced yet
});
afterAll(async () => {
  await t?.close();
});

const ADMIN = 'official:hethong.quantri';
const DESK = 'official:phulam.tiepnhan';
const source = { number: '1234/QĐ-TTg', date: '2027-10-01', issuer: 'Thủ tướng Chính phủ' };
const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: await as(t, who), ...(payload ? { payload } : {}) });
const rows = async () => (await t.ctx.db.selectFrom('holiday_announcement').selectAll().execute()).length;
const auditOf = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

/** A marital-status certificate (3 working days) filed online and received now; its dossier as the desk sees it. */
async function receivedNow() {
  const c = client(t);
  const code = (await c.submit(`citizen:${AN}`, maritalStatusBody(AN))).json().code as string;
  const r = await c.act(DESK, code, { action: 'receive' });
  expect(r.statusCode).toBe(200);
  return r.json() as { code: string; dueAt: string; dueAtProvisional: boolean };
}

describe('holiday announcements', () => {
  let first: { code: string; dueAt: string; dueAtProvisional: boolean };
  let id: number;

  it('a due date in a year not announced is marked provisional', async () => {
    first = await receivedNow();
    expect(first.dueAt).toBe('2027-11-25T17:00:00+07:00');
    expect(first.dueAtProvisional).toBe(true);
    const year = (await call(ADMIN, 'GET', '/api/calendar/year?year=2027')).json();
    expect(year).toMatchObject({ year: 2027, provisional: true, announcements: [] });
    expect(year.holidays.map((h: { date: string }) => h.date)).toContain('2027-09-02');
  });

  it('refuses bad announcements with problem+json and changes nothing', async () => {
    const auditBefore = (await t.ctx.db.selectFrom('audit_log').select('id').execute()).length;
    const holiday = await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-09-02', kind: 'day_off', source });
    expect(holiday.statusCode).toBe(422);
    expect(holiday.headers['content-type']).toContain('application/problem+json');
    expect(holiday.json()).toMatchObject({ code: 'invalid_input', field: 'day', detailVi: expect.stringContaining('đã là ngày nghỉ') });
    const workday = await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-11-24', kind: 'make_up', source });
    expect(workday.statusCode).toBe(422);
    expect(workday.json().detailEn).toContain('already a working day');
    expect((await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-02-30', kind: 'day_off', source })).statusCode).toBe(400);
    const blank = await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-11-24', kind: 'day_off', source: { ...source, number: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect((await call(DESK, 'POST', '/api/calendar/announcements', { day: '2027-11-24', kind: 'day_off', source })).statusCode).toBe(403);
    expect((await call(DESK, 'GET', '/api/calendar/year?year=2027')).statusCode).toBe(403);
    expect(await rows()).toBe(0);
    expect((await t.ctx.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
    expect((await receivedNow()).dueAt).toBe('2027-11-25T17:00:00+07:00');
  });

  it('a recorded day off moves the next due date at once, is audited and marks the year announced', async () => {
    const r = await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-11-24', kind: 'day_off', source, note: 'Ngày Văn hóa Việt Nam' });
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({ day: '2027-11-24', kind: 'day_off', source, recordedBy: 'Bùi Đức Thắng', withdrawnAt: null });
    const [entry] = await auditOf('calendar.announce');
    expect(entry).toMatchObject({ chain: 'system', dossier_code: null });
    expect(entry!.detail).toMatchObject({ id, day: '2027-11-24', kind: 'day_off', source });
    const next = await receivedNow();
    expect(next.dueAt).toBe('2027-11-26T17:00:00+07:00'); // 23, 25, 26: Wednesday 24 is off
    expect(next.dueAtProvisional).toBe(false);
    // A dossier already received keeps its appointment; its year is no longer provisional.
    const again = (await client(t).get(DESK, `/api/dossiers/${first.code}`)).json();
    expect(again).toMatchObject({ dueAt: first.dueAt, dueAtProvisional: false });
    expect((await call(ADMIN, 'GET', '/api/calendar/year?year=2027')).json()).toMatchObject({ provisional: false, announcements: [{ id }] });
    // The same day twice is refused: it is a day off now.
    expect((await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-11-24', kind: 'day_off', source })).statusCode).toBe(422);
  });

  it('a make-up Saturday becomes a working day', async () => {
    setClock(t, '2027-11-26T09:00:00+07:00'); // Friday: 3 working days are Mon 29, Tue 30, Wed 1/12
    expect((await receivedNow()).dueAt).toBe('2027-12-01T17:00:00+07:00');
    const r = await call(ADMIN, 'POST', '/api/calendar/announcements', { day: '2027-11-27', kind: 'make_up', source });
    expect(r.statusCode).toBe(201);
    expect((await receivedNow()).dueAt).toBe('2027-11-30T17:00:00+07:00');
    await call(ADMIN, 'POST', `/api/calendar/announcements/${r.json().id}/withdraw`, { reason: 'Nhập nhầm ngày' });
    setClock(t, '2027-11-22T09:00:00+07:00');
  });

  it('is withdrawn with a reason, audited, and the calendar goes back', async () => {
    expect((await call(ADMIN, 'POST', `/api/calendar/announcements/${id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    const r = await call(ADMIN, 'POST', `/api/calendar/announcements/${id}/withdraw`, { reason: 'Luật chưa được thông qua' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id, withdrawReason: 'Luật chưa được thông qua', withdrawnBy: 'Bùi Đức Thắng' });
    expect((await auditOf('calendar.withdraw')).map((e) => e.detail)).toContainEqual(expect.objectContaining({ id, reason: 'Luật chưa được thông qua' }));
    const back = await receivedNow();
    expect(back).toMatchObject({ dueAt: '2027-11-25T17:00:00+07:00', dueAtProvisional: true });
    expect((await call(ADMIN, 'POST', `/api/calendar/announcements/${id}/withdraw`, { reason: 'lần nữa' })).statusCode).toBe(409);
    expect((await call(ADMIN, 'POST', '/api/calendar/announcements/99999/withdraw', { reason: 'không có' })).statusCode).toBe(404);
    expect((await call(ADMIN, 'GET', '/api/calendar/year?year=2027')).json().provisional).toBe(true);
  });

  it('the receipt for an announced year is not provisional', async () => {
    setClock(t, '2026-03-09T10:00:00+07:00');
    expect(await receivedNow()).toMatchObject({ dueAt: '2026-03-12T17:00:00+07:00', dueAtProvisional: false });
    setClock(t, '2027-11-22T09:00:00+07:00');
  });
});

describe("a unit's agency identifier", () => {
  it('is set by a system administrator in the QCVN 102:2016 form, audited; dossier codes then carry it', async () => {
    const before = (await call(ADMIN, 'GET', '/api/units/30421/agency-code')).json();
    expect(before).toMatchObject({ unitCode: '30421', derived: true, agencyCode: expect.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/) });
    const bad = await call(ADMIN, 'PUT', '/api/units/30421/agency-code', { agencyCode: '30421' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'invalid_input', field: 'agencyCode' });
    expect((await call(DESK, 'PUT', '/api/units/30421/agency-code', { agencyCode: '000.77.33.H91' })).statusCode).toBe(403);
    expect((await call(ADMIN, 'GET', '/api/units/30421/agency-code')).json()).toEqual(before);
    expect(await auditOf('unit.agency_code')).toHaveLength(0);

    const r = await call(ADMIN, 'PUT', '/api/units/30421/agency-code', { agencyCode: '000.77.33.h91' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ agencyCode: '000.77.33.H91', derived: false });
    const [entry] = await auditOf('unit.agency_code');
    expect(entry!.detail).toMatchObject({ unitCode: '30421', from: null, fromDerived: before.agencyCode, to: '000.77.33.H91' });
    expect((await receivedNow()).code).toMatch(/^000\.77\.33\.H91-271122-\d{4}$/);
    const taken = await call(ADMIN, 'PUT', '/api/units/30790/agency-code', { agencyCode: '000.77.33.H91' });
    expect(taken.statusCode).toBe(409);
    expect((await call(ADMIN, 'GET', '/api/units/99999/agency-code')).statusCode).toBe(404);
  });
});
