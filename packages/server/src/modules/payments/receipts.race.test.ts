// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { AN, as, certifyCopyBody, client, startDossierApp } from '../dossiers/testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  await requireInterleaving(t.ctx.db);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('fee receipts under real concurrency', () => {
  it('keeps receipt numbers gapless and unique under 100 concurrent cash payments', { timeout: 300_000 }, async () => {
    const c = client(t);
    const R = 'official:phulam.tiepnhan';
    const codes: string[] = [];
    for (let i = 0; i < 100; i++) codes.push((await c.submit(R, certifyCopyBody(AN))).json().code as string);
    const headers = await as(t, R);
    const answers = await Promise.all(
      codes.map((code) => t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/payments`, headers, payload: { method: 'cash' } })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(codes.map(() => 201));
    const numbers = (
      await t.ctx.db.selectFrom('fee_receipt').select('number').where('unit_code', '=', '30421').where('year', '=', 2026).orderBy('number').execute()
    ).map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
    expect(numbers.length).toBe(100);
  });
});
