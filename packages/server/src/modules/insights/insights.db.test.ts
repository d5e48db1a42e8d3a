import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { fixedClock } from '../../platform/clock.ts';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, PHUC, as, certifyCopyBody, maritalStatusBody, startDossierApp } from '../dossiers/testkit.ts';

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

  it('refuses a period that ends before it starts', async () => {
    const r = await figures('official:phulam.lanhdao', '30421', '?from=2026-03-31&to=2026-03-01');
    expect(r.statusCode).toBe(400);
    expect(r.json().detailVi).toMatch(/Ngày bắt đầu/);
  });
});
