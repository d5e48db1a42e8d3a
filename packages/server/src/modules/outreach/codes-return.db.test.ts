import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createRound, kit, people, receiveOp, roundBody, SESSION_DAY, sync } from './testkit.ts';

// Reserved outreach blocks are numbers of the session's day (Circular 01/2018/TT-VPCP art. 19:
// 4-digit daily numbers); what a phone did not use goes back to the day.
let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let sessionId: string;
beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(`${SESSION_DAY}T03:00:00Z`) });
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
});
afterAll(async () => {
  await t?.close();
});

const giveBack = (deviceId: string, used: number) =>
  t.app.inject({ method: 'POST', url: `/api/office/outreach/sessions/${sessionId}/codes/return`, headers: p.outreach, payload: { deviceId, used } });

describe('giving back a block’s unused numbers', () => {
  it('keeps the numbers used, returns the rest, and the next block reuses them', async () => {
    const a = (await kit(t, p.outreach, sessionId, 'phone-a')).codeBlock;
    const b = (await kit(t, p.outreach, sessionId, 'phone-b')).codeBlock;
    expect([a.firstSeq, a.lastSeq, b.firstSeq, b.lastSeq]).toEqual([9900, 9999, 9800, 9899]);
    const applied = await sync(t, p.outreach, sessionId, [receiveOp(a, 0), receiveOp(a, 1)]);
    expect(applied.json().results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

    // Numbers a synced dossier carries cannot be given back.
    const tooFew = await giveBack('phone-a', 1);
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json().detailEn).toContain('9901');

    const back = await giveBack('phone-a', 2);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ agencyCode: a.agencyCode, firstSeq: 9900, lastSeq: 9901, returned: 98 });
    expect((await giveBack('phone-a', 2)).statusCode).toBe(409);

    // Phone B gives back its whole block; a third phone gets those numbers again.
    expect((await giveBack('phone-b', 0)).json()).toMatchObject({ returned: 100, lastSeq: 9799 });
    const c = (await kit(t, p.outreach, sessionId, 'phone-c')).codeBlock;
    expect([c.firstSeq, c.lastSeq]).toEqual([9800, 9899]);

    // A code in the given-back part is no longer reserved for phone A.
    const late = await sync(t, p.outreach, sessionId, [receiveOp(a, 5)]);
    expect(late.json().results[0]).toMatchObject({ status: 'rejected', error: { code: 'code_not_reserved' } });

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'outreach.codes.return').execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses an unknown device and changes nothing', async () => {
    expect((await giveBack('no-such-phone', 0)).statusCode).toBe(404);
  });
});
