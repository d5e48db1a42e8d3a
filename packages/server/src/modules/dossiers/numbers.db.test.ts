import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction } from '../../db/database.ts';
import type { TestContext } from '../../testing/harness.ts';
import { AN, as, certifyCopyBody, count, setClock, startDossierApp } from './testkit.ts';
import { reserveDayNumbers, returnDayNumbers } from './numbers.ts';

// Circular 01/2018/TT-VPCP art. 19(1): XXXX, the daily number, "gồm 04 ký tự số".
let t: TestContext;
const UNIT = '30421';
const AGENCY = '000.19.01.H91'; // Xã Phú Lâm's default identifier (docs/rules.md)
beforeAll(async () => {
  t = await startDossierApp('2026-03-16T09:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const submit = async () =>
  t.app.inject({ method: 'POST', url: '/api/dossiers', headers: await as(t, 'official:phulam.tiepnhan'), payload: certifyCopyBody(AN) });
const setDesk = (day: string, last: number) =>
  sql`insert into dossier_daily_sequence (unit_code, day, last_seq) values (${UNIT}, ${day}, ${last})
      on conflict (unit_code, day) do update set last_seq = ${last}`.execute(t.ctx.db);
const deskLast = async (day: string) =>
  Number(
    (await sql<{ last_seq: number }>`select last_seq from dossier_daily_sequence where unit_code = ${UNIT} and day = ${day}`.execute(t.ctx.db)).rows[0]!
      .last_seq,
  );

describe('the day’s 9,999 numbers', () => {
  it('gives number 9999 and then refuses clearly (problem+json in both languages), never a 5-digit code', async () => {
    setClock(t, '2026-03-16T09:00:00+07:00');
    await setDesk('2026-03-16', 9998);
    const last = await submit();
    expect(last.statusCode).toBe(201);
    expect(last.json().code).toBe(`${AGENCY}-260316-9999`);
    const before = await count(t, 'dossier');
    const refused = await submit();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'daily_capacity' });
    expect(refused.json().detailVi).toContain('9.999');
    expect(refused.json().detailEn).toContain('9,999');
    expect(await count(t, 'dossier')).toBe(before);
    // The refusal rolled back: the counter still says 9999, so the desk's numbers stay gapless.
    expect(await deskLast('2026-03-16')).toBe(9999);
  });

  it('keeps the desk below numbers held for outreach, and lets it use them once they are returned', async () => {
    setClock(t, '2026-03-17T09:00:00+07:00');
    const held = await inTransaction(t.ctx.db, (trx) => reserveDayNumbers(trx, UNIT, '2026-03-17', 'test:block-a'));
    expect(held).toEqual({ firstSeq: 9900, lastSeq: 9999 });
    await setDesk('2026-03-17', 9898);
    expect((await submit()).json().code).toBe(`${AGENCY}-260317-9899`);
    const refused = await submit();
    expect(refused.statusCode).toBe(503);
    expect(refused.json().detailEn).toContain('100 numbers are held for mobile outreach');
    await inTransaction(t.ctx.db, (trx) => returnDayNumbers(trx, 'test:block-a'));
    expect((await submit()).json().code).toBe(`${AGENCY}-260317-9900`);
  });

  it('carves blocks only above the desk, gives a holder the same block again, and reuses a returned block', async () => {
    const day = '2026-03-18';
    await setDesk(day, 40);
    const reserve = (holder: string) => inTransaction(t.ctx.db, (trx) => reserveDayNumbers(trx, UNIT, day, holder));
    expect(await reserve('test:a')).toEqual({ firstSeq: 9900, lastSeq: 9999 });
    expect(await reserve('test:a')).toEqual({ firstSeq: 9900, lastSeq: 9999 });
    expect(await reserve('test:b')).toEqual({ firstSeq: 9800, lastSeq: 9899 });
    await inTransaction(t.ctx.db, (trx) => returnDayNumbers(trx, 'test:a'));
    expect(await reserve('test:c')).toEqual({ firstSeq: 9900, lastSeq: 9999 });
    // Reserving never moved the desk's counter.
    expect(await deskLast(day)).toBe(40);
    // A day whose free numbers above the desk are fewer than a block: no block.
    await setDesk('2026-03-19', 9950);
    expect(await inTransaction(t.ctx.db, (trx) => reserveDayNumbers(trx, UNIT, '2026-03-19', 'test:d'))).toBeNull();
  });
});
