// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { AN, as, maritalStatusBody, startDossierApp } from '../dossiers/testkit.ts';
import { drawRegisterNumber } from './register.ts';

let t: TestContext;
const codes: string[] = [];
beforeAll(async () => {
  t = await startDossierApp('2026-12-31T09:00:00+07:00');
  await requireInterleaving(t.ctx.db);
  for (let i = 0; i < 30; i++) {
    const r = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: await as(t, `citizen:${AN}`), payload: maritalStatusBody(AN) });
    expect(r.statusCode, r.body).toBe(201);
    codes.push(r.json().code);
  }
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const draw = (dossierCode: string, at = new Date('2026-12-31T10:00:00+07:00'), unitCode = '30421') =>
  drawRegisterNumber(t.ctx.db, { unitCode, register: 'birth', dossierCode, eventSeq: 1, at });

describe('register numbers under real concurrency', () => {
  it('gives 30 parallel results in one unit, register and year the numbers 1..30, each once', async () => {
    const got = await Promise.all(codes.map((code) => draw(code)));
    expect(got.map((n) => n.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(got.map((n) => n.book))).toEqual(new Set(['01/2026']));
  });

  it('returns the number already drawn to 10 parallel retries of one event, and draws no other', async () => {
    const before = await draw(codes[0]!);
    const again = await Promise.all(Array.from({ length: 10 }, () => draw(codes[0]!)));
    expect(new Set(again.map((n) => n.number))).toEqual(new Set([before.number]));
    const counter = await t.ctx.db
      .selectFrom('result_register_counter')
      .select('last_number')
      .where('unit_code', '=', '30421')
      .where('register', '=', 'birth')
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(30);
  });

  it('starts each year and each unit at 1 (Vietnam time decides the year)', async () => {
    // 31/12/2026 23:30 UTC is already 1/1/2027 in Vietnam.
    const next = await drawRegisterNumber(t.ctx.db, {
      unitCode: '30421',
      register: 'birth',
      dossierCode: codes[1]!,
      eventSeq: 2,
      at: new Date('2026-12-31T23:30:00Z'),
    });
    expect(next).toMatchObject({ year: 2027, number: 1, book: '01/2027' });
    const other = await drawRegisterNumber(t.ctx.db, {
      unitCode: '30790',
      register: 'birth',
      dossierCode: codes[2]!,
      eventSeq: 3,
      at: new Date('2026-12-31T10:00:00+07:00'),
    });
    expect(other).toMatchObject({ year: 2026, number: 1 });
  });
});
