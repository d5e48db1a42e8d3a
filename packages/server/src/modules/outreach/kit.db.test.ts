import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, dueDate, makeCalendar, type WorkCalendar } from '@motcua/core/calendar';
import { MAX_DAILY_SEQ, RESERVED_BLOCK_SIZE } from '@motcua/core/dossier';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { fixedClock } from '../../platform/clock.ts';
import { consultOp, createRound, kit, people, roundBody, SESSION_DAY, sync } from './testkit.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let sessionId: string;
const clock = fixedClock(`${SESSION_DAY}T03:00:00Z`);
beforeAll(async () => {
  t = await startTestApp({ clock });
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
});
afterAll(async () => {
  await t?.close();
});

describe('field kit', () => {
  it('carries the procedures with their forms, the working calendar, hamlets, team, a reserved code block and a credential', async () => {
    const k = (await kit(t, p.outreach, sessionId)) as Record<string, any>;
    expect(k.procedures.map((x: { code: string }) => x.code).sort()).toEqual(['1.004873', '2.000815']);
    expect(k.procedures[0].formSchema.type).toBe('object');
    expect(k.procedures[0].documents.length).toBeGreaterThan(0);
    expect(k.hamlets.map((h: { code: string }) => h.code)).toContain('30421-09');
    expect(k.team.map((m: { fullName: string }) => m.fullName).sort()).toEqual(['Huỳnh Thị Mỹ Linh', 'Trương Văn Lộc']);
    expect(k.residentsNeedingHelp.map((r: { fullName: string }) => r.fullName)).toContain('Võ Văn Tư');
    expect(k.session).toMatchObject({ id: sessionId, day: SESSION_DAY, part: 'morning', unitCode: '30421', unitName: 'Xã Phú Lâm' });
    // The session day's first block: the top of its numbers (Circular 01/2018/TT-VPCP art. 19: 4 digits).
    expect(k.codeBlock).toMatchObject({ firstSeq: MAX_DAILY_SEQ - RESERVED_BLOCK_SIZE + 1, lastSeq: MAX_DAILY_SEQ });
    expect(k.codeBlock.agencyCode).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/);
    expect(k.codeBlock.lastSeq - k.codeBlock.firstSeq + 1).toBe(k.codeBlock.size);
    expect(new Date(k.credential.expiresAt).getTime()).toBeGreaterThan(new Date(`${SESSION_DAY}T23:59:59+07:00`).getTime());
    expect(k.credential.token.split('.')).toHaveLength(3);
    // The calendar round-trips through JSON and gives the same due date as the server's default.
    const cal = makeCalendar({}, k.calendar as WorkCalendar);
    const at = new Date(`${SESSION_DAY}T08:15:00+07:00`);
    expect(dueDate(at, { workingDays: 3 }, cal).toISOString()).toBe(dueDate(at, { workingDays: 3 }).toISOString());
    // The contract's FieldKit schema serializes the answer: nothing of the calendar may be dropped.
    expect(k.calendar).toEqual(JSON.parse(JSON.stringify(defaultCalendar)));
  });

  it('refuses officials who are not on the team, and officials of other units', async () => {
    const specialist = await t.app.inject({ method: 'GET', url: `/api/office/outreach/sessions/${sessionId}/kit?deviceId=x-1234`, headers: p.specialist });
    expect(specialist.statusCode).toBe(403);
    const admin = await t.app.inject({ method: 'GET', url: `/api/office/outreach/sessions/${sessionId}/kit?deviceId=x-1234`, headers: p.admin });
    expect(admin.statusCode).toBe(403);
  });

  it('accepts the offline credential for its own session only, until revoked or expired', async () => {
    const k = await kit(t, p.outreach, sessionId, 'phone-cred');
    const cred = { 'x-outreach-credential': k.credential.token };
    const ok = await sync(t, cred, sessionId, [consultOp('30421-07', 2)]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().results[0].status).toBe('applied');

    const otherSession = (await createRound(t, p.admin, roundBody(p.ids, { title: 'Đợt khác' }))).sessions[0]!.id;
    expect((await sync(t, cred, otherSession, [consultOp('30421-07', 1)])).statusCode).toBe(400);
    expect((await sync(t, { 'x-outreach-credential': k.credential.token.slice(0, -2) + 'xx' }, sessionId, [consultOp(null, 1)])).statusCode).toBe(401);

    // Asking for the kit again on the same phone replaces the credential.
    const renewed = await kit(t, p.outreach, sessionId, 'phone-cred');
    expect((await sync(t, cred, sessionId, [consultOp(null, 1)])).statusCode).toBe(401);
    const fresh = { 'x-outreach-credential': renewed.credential.token };
    expect((await sync(t, fresh, sessionId, [consultOp(null, 1)])).statusCode).toBe(200);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/office/outreach/credentials/${renewed.credential.id}`, headers: p.specialist })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'DELETE', url: `/api/office/outreach/credentials/${renewed.credential.id}`, headers: p.admin })).statusCode).toBe(204);
    const revoked = await sync(t, fresh, sessionId, [consultOp(null, 1)]);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('outreach_credential_invalid');

    const late = await kit(t, p.outreach, sessionId, 'phone-late');
    clock.set('2026-11-30T18:00:00Z'); // past the session day + 3 days of grace
    try {
      expect((await sync(t, { 'x-outreach-credential': late.credential.token }, sessionId, [consultOp(null, 1)])).statusCode).toBe(401);
    } finally {
      clock.set(`${SESSION_DAY}T03:00:00Z`);
    }
  });
});
