import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReservedCodeBlock } from '@motcua/core/dossier';
import { fixedClock } from '../../platform/clock.ts';
import { loginAs } from '../../testing/auth.ts';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { canonicalJson } from '../audit/index.ts';
import { consultOp, count, createRound, kit, people, receiveOp, roundBody, SESSION_DAY, sync } from './testkit.ts';

// Field time is the time of record (issue #10): work done offline in the hamlet is judged and
// dated by when it was done, within the session's window, whenever the phone finds a signal.

const vn = (hhmm: string, day = SESSION_DAY) => `${day}T${hhmm}:00+07:00`;
const clock = fixedClock(vn('07:20'));
let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let sessionId: string;
let block: ReservedCodeBlock;
let credential: Record<string, string>;
let next = 0;
/** A receipt at `hhmm` with the next free reserved code. */
const receipt = (hhmm: string, over: { procedure?: 'copy' | 'marital' } = {}) => receiveOp(block, next++, { at: vn(hhmm), ...over });
const complete = (dossierCode: string, baseVersion: number, at: string) => ({
  id: randomUUID(),
  kind: 'complete_on_spot',
  at,
  dossierCode,
  baseVersion,
  note: 'Trả bản sao tại chỗ',
});
type Results = {
  results: { status: string; result?: Record<string, unknown>; error?: { code: string; retryable: boolean; retryAfter?: number; messageVi: string } }[];
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
  const k = await kit(t, p.outreach, sessionId, 'phone-field-time');
  block = k.codeBlock;
  credential = { 'x-outreach-credential': k.credential.token };
});
afterAll(async () => {
  await t?.close();
});

/** Signed in now: the test moves the clock by hours, past the session cookies' idle limit. */
const as = async (username: string) => (await loginAs(t, `official:${username}`)).headers;

async function dossier(code: string) {
  const r = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: await as('phulam.tiepnhan') });
  expect(r.statusCode).toBe(200);
  return r.json() as { state: string; dueAt: string; timeliness: string; history: { action: string; at: string }[] };
}

describe('field time is the time of record', () => {
  it('an on-the-spot completion done at 07:39 and synced at 18:30, after the 17:00 due time, is applied and dated 07:39 everywhere', async () => {
    const received = receipt('07:30');
    const code = received.dossier.code;
    clock.set(vn('18:30'));
    const r = await sync(t, credential, sessionId, [received, complete(code, 1, vn('07:39'))]);
    expect(r.statusCode).toBe(200);
    const body = r.json() as Results;
    expect(body.results.map((x) => x.status)).toEqual(['applied', 'applied']);

    // History, lateness and due date as in the hamlet.
    const d = await dossier(code);
    expect(d.state).toBe('result_ready');
    expect(d.dueAt).toBe(vn('17:00'));
    expect(d.history.map((h) => [h.action, h.at])).toEqual([
      ['submitted', vn('07:30')],
      ['complete_on_spot', vn('07:39')],
    ]);
    expect(d.timeliness).toBe('on_time');
    // The outreach record and the figures (projection read by insights) agree with the history.
    const o = await t.ctx.db.selectFrom('outreach_dossier').select('completed_on_spot_at').where('dossier_code', '=', code).executeTakeFirstOrThrow();
    expect(new Date(o.completed_on_spot_at!).toISOString()).toBe(new Date(vn('07:39')).toISOString());
    const row = await t.ctx.db.selectFrom('dossier').select(['result_ready_at', 'due_at', 'received_at']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(new Date(row.result_ready_at!).toISOString()).toBe(new Date(vn('07:39')).toISOString());
    expect(new Date(row.received_at!).toISOString()).toBe(new Date(vn('07:30')).toISOString());
    expect(new Date(row.result_ready_at!).getTime()).toBeLessThanOrEqual(new Date(row.due_at!).getTime());
    // The audit entry is dated when the server recorded it, and names the field time.
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['at', 'detail'])
      .where('dossier_code', '=', code)
      .where('action', '=', 'dossier.complete_on_spot')
      .executeTakeFirstOrThrow();
    expect(new Date(audit.at).toISOString()).toBe(new Date(vn('18:30')).toISOString());
    expect((typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail).performedAt).toBe(new Date(vn('07:39')).toISOString());
  });

  it('two days later, still with the offline credential, the same holds', async () => {
    const received = receipt('08:05');
    clock.set(vn('09:00', '2026-11-28'));
    try {
      const r = await sync(t, credential, sessionId, [received, complete(received.dossier.code, 1, vn('08:12'))]);
      expect((r.json() as Results).results.map((x) => x.status)).toEqual(['applied', 'applied']);
      expect((await dossier(received.dossier.code)).history.at(-1)!.at).toBe(vn('08:12'));
    } finally {
      clock.set(vn('18:30'));
    }
  });

  it('a completion really done after the due time is judged late at that time', async () => {
    const received = receipt('08:20');
    const r = await sync(t, credential, sessionId, [received, complete(received.dossier.code, 1, vn('17:30'))]);
    const [, late] = (r.json() as Results).results;
    expect(late).toMatchObject({ status: 'rejected', error: { code: 'late_needs_apology', retryable: false } });
    expect((await dossier(received.dossier.code)).state).toBe('received');
  });

  it('refuses a completion dated before the dossier was received: its history cannot go backwards', async () => {
    const received = receipt('08:40');
    const r = await sync(t, credential, sessionId, [received, complete(received.dossier.code, 1, vn('08:35'))]);
    const [ok, back] = (r.json() as Results).results;
    expect(ok!.status).toBe('applied');
    expect(back).toMatchObject({ status: 'rejected', error: { code: 'field_time_before_history', retryable: false } });
    expect(back!.error!.messageVi).toMatch(/08:35 26\/11\/2026|2026-11-26T08:35/);
  });

  it('refuses for good, with the reason, times outside the session window', async () => {
    const before = { ...consultOp('30421-07', 2), at: vn('23:00', '2026-11-25') };
    const r = await sync(t, credential, sessionId, [before]);
    expect((r.json() as Results).results[0]).toMatchObject({ status: 'rejected', error: { code: 'field_time_before_session', retryable: false } });
    expect((r.json() as Results).results[0]!.error!.messageVi).toContain('trước ngày của buổi lưu động');

    // After the credential expired, with the official's own session (signed in again at the office).
    clock.set(vn('10:00', '2026-11-30'));
    try {
      const after = { ...consultOp('30421-07', 2), at: vn('00:05', '2026-11-30') };
      const late = await sync(t, await as('phulam.luudong'), sessionId, [after]);
      expect((late.json() as Results).results[0]).toMatchObject({ status: 'rejected', error: { code: 'field_time_after_window', retryable: false } });
      // Work done inside the window is still accepted then.
      const inside = await sync(t, await as('phulam.luudong'), sessionId, [{ ...consultOp('30421-07', 3), at: vn('15:00') }]);
      expect((inside.json() as Results).results[0]!.status).toBe('applied');
    } finally {
      clock.set(vn('18:30'));
    }
  });

  it('an ordinary action over HTTP happens now, whatever time its body claims', async () => {
    const received = receipt('09:10');
    expect((await sync(t, credential, sessionId, [received])).statusCode).toBe(200);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${received.dossier.code}/actions`,
      headers: await as('phulam.tiepnhan'),
      payload: { action: 'complete_on_spot', version: 1, performedAt: vn('09:15'), at: vn('09:15') },
    });
    // 18:30 is after the 17:00 due time: the counter cannot backdate its way out of an apology.
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('late_needs_apology');
  });
});

describe('a phone clock ahead of the server', () => {
  it('a receipt 20 minutes ahead is kept for later, not refused: nothing recorded, the same op applies once the server gets there', async () => {
    clock.set(vn('09:00'));
    try {
      const ahead = receipt('09:20');
      const opsBefore = await count(t, 'outreach_op');
      const r = await sync(t, credential, sessionId, [ahead]);
      const [res] = (r.json() as Results).results;
      expect(res).toMatchObject({ status: 'rejected', error: { code: 'field_time_in_future', retryable: true } });
      expect(res!.error!.retryAfter).toBe(18 * 60); // 20 min ahead, 2 min of tolerance
      expect(await count(t, 'outreach_op')).toBe(opsBefore);

      clock.set(vn('09:18'));
      const again = await sync(t, credential, sessionId, [ahead]);
      expect((again.json() as Results).results[0]!.status).toBe('applied');
      expect((await dossier(ahead.dossier.code)).history[0]!.at).toBe(vn('09:20'));
    } finally {
      clock.set(vn('18:30'));
    }
  });

  it('every sync answer says when the server received the request and when it answered', async () => {
    const r = await sync(t, credential, sessionId, [{ ...consultOp(null, 1), at: vn('11:00') }]);
    expect(r.json().serverClock).toEqual({ receivedAt: new Date(vn('18:30')).toISOString(), sentAt: new Date(vn('18:30')).toISOString() });
    const k = await kit(t, await as('phulam.luudong'), sessionId, 'phone-field-time-2');
    expect(k.serverClock).toEqual({ receivedAt: new Date(vn('18:30')).toISOString(), sentAt: new Date(vn('18:30')).toISOString() });
  });

  it('a dossier an older server refused as "received in the future" is applied when the phone sends it again', async () => {
    const stranded = receipt('10:30');
    // As the server before issue #10 recorded it, for good.
    await t.ctx.db
      .insertInto('outreach_op')
      .values({
        client_op_id: stranded.id,
        session_id: sessionId,
        user_id: p.ids['phulam.luudong']!,
        kind: 'receive_dossier',
        status: 'rejected',
        request_hash: createHash('sha256').update(canonicalJson(stranded)).digest('hex'),
        result: JSON.stringify(null),
        error: JSON.stringify({
          code: 'received_in_future',
          messageVi: 'Thời điểm tiếp nhận ở tương lai; hãy kiểm tra đồng hồ máy.',
          messageEn: 'The receipt time is in the future; check the device clock.',
          retryable: false,
        }),
        applied_at: new Date(vn('10:00')),
      })
      .execute();
    const r = await sync(t, credential, sessionId, [stranded]);
    expect((r.json() as Results).results[0]!.status).toBe('applied');
    expect((await dossier(stranded.dossier.code)).state).toBe('received');
    const replay = await sync(t, credential, sessionId, [stranded]);
    expect((replay.json() as Results).results[0]).toMatchObject({ status: 'duplicate', original: { status: 'applied' } });
  });
});
