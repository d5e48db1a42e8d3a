import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ReservedCodeBlock } from '@motcua/core/dossier';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { completeOp, consultOp, count, createRound, kit, people, receiveOp, roundBody, SESSION_DAY, surveyOp, sync } from './testkit.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let roundId: string;
let sessionId: string;
let block: ReservedCodeBlock;
const code = (offset: number) => `${block.agencyCode}-261126-${block.firstSeq + offset}`;

beforeAll(async () => {
  t = await startTestApp({ clock: `${SESSION_DAY}T04:00:00Z` }); // 11:00 in Vietnam, session day
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  roundId = round.id;
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
  block = (await kit(t, p.outreach, sessionId)).codeBlock;
});
afterAll(async () => {
  await t?.close();
});

const statuses = (r: { json(): { results: { status: string }[] } }) => r.json().results.map((x) => x.status);

describe('sync', () => {
  const batch: Record<string, unknown>[] = [];

  it('applies each op, reports a failing op without blocking the ones after it', async () => {
    const before = { dossiers: await count(t, 'dossier'), outbox: await count(t, 'outbox') };
    const outsideBlock = receiveOp(block, 0, { code: `${block.agencyCode}-261126-${block.firstSeq - 1}` });
    batch.push(
      receiveOp(block, 0, { hamlet: '30421-09' }), // 0 same-day copy certification
      outsideBlock, // 1 rejected: not our block
      receiveOp(block, 1, { procedure: 'marital', hamlet: '30421-08' }), // 2 three working days
      completeOp(code(0), 1), // 3 finished on the spot
      consultOp('30421-09', 4), // 4
      consultOp('30790-01', 2), // 5 rejected: another commune's hamlet
      surveyOp('30421-09', 5, 4, 5), // 6
      surveyOp('30421-08', 3, 4, 2), // 7
      receiveOp(block, 2, { hamlet: '30421-08' }), // 8 received, not finished here
    );
    const r = await sync(t, p.outreach, sessionId, batch);
    expect(r.statusCode).toBe(200);
    expect(statuses(r)).toEqual(['applied', 'rejected', 'applied', 'applied', 'applied', 'rejected', 'applied', 'applied', 'applied']);
    const results = r.json().results;
    expect(results[1].error).toMatchObject({ code: 'code_not_reserved', retryable: false });
    expect(results[1].error.messageVi).toMatch(/khối mã dự trữ/);
    expect(results[5].error.code).toBe('hamlet_not_in_unit');
    expect(results[0].result).toMatchObject({ dossierCode: code(0), version: 1, state: 'received' });
    expect(results[3].result).toMatchObject({ dossierCode: code(0), version: 2, state: 'result_ready' });
    expect(r.json().summary).toEqual({ applied: 7, duplicate: 0, rejected: 2, conflict: 0 });
    expect(await count(t, 'dossier')).toBe(before.dossiers + 3);
    // Through the dossier service: the notice is queued exactly as for a counter intake.
    expect(await count(t, 'outbox')).toBeGreaterThan(before.outbox);
  });

  it('files the dossier with the reserved code, the outreach channel and a due date counted from the offline receipt', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code(1)}`, headers: p.receptionist });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({ code: code(1), channel: 'outreach', state: 'received', procedureCode: '1.004873' });
    expect(d.receivedAt).toBe(`${SESSION_DAY}T08:11:00+07:00`);
    // Received Thursday 08:11: three working days → Tuesday 01/12 (the weekend does not count).
    expect(d.dueAt.slice(0, 10)).toBe('2026-12-01');
    expect(d.applicant.hamlet).toBe('30421-08');
  });

  it('answers a replay of the whole batch with duplicates and creates nothing new', async () => {
    const before = await Promise.all(
      (['dossier', 'dossier_event', 'outreach_op', 'outreach_consultation', 'outreach_survey', 'outbox', 'audit_log'] as const).map((x) => count(t, x)),
    );
    const r = await sync(t, p.outreach, sessionId, batch);
    expect(statuses(r).every((s) => s === 'duplicate')).toBe(true);
    const results = r.json().results;
    expect(results[0].result).toMatchObject({ dossierCode: code(0), version: 1 });
    expect(results[1].original.status).toBe('rejected');
    expect(results[1].error.code).toBe('code_not_reserved');
    const after = await Promise.all(
      (['dossier', 'dossier_event', 'outreach_op', 'outreach_consultation', 'outreach_survey', 'outbox', 'audit_log'] as const).map((x) => count(t, x)),
    );
    expect(after).toEqual(before);
  });

  it('applies a double send of the same ops once (the concurrent case is in sync.race.test.ts)', async () => {
    const ops = [receiveOp(block, 3, { hamlet: '30421-07' }), consultOp('30421-07', 3)];
    const before = await count(t, 'dossier');
    const a = await sync(t, p.outreach, sessionId, ops);
    const b = await sync(t, p.outreach, sessionId, ops);
    expect([...statuses(a), ...statuses(b)]).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
    expect(await count(t, 'dossier')).toBe(before + 1);
  });

  it('refuses an op id reused for different content', async () => {
    const reused = { ...batch[4]!, people: 40 };
    const r = await sync(t, p.outreach, sessionId, [reused]);
    expect(r.json().results[0]).toMatchObject({ status: 'rejected', error: { code: 'op_id_reused' } });
  });

  it('reports a conflict with the server copy when the office changed the dossier meanwhile', async () => {
    // At the office, the receptionist finishes dossier 2 (a same-day procedure) herself.
    const office = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${code(2)}/actions`,
      headers: p.receptionist,
      payload: { action: 'complete_on_spot', version: 1 },
    });
    expect(office.statusCode).toBe(200);
    const eventsBefore = await count(t, 'dossier_event');
    const r = await sync(t, p.outreach, sessionId, [completeOp(code(2), 1), consultOp('30421-08', 1)]);
    expect(statuses(r)).toEqual(['conflict', 'applied']);
    const c = r.json().results[0];
    expect(c.error.code).toBe('version_conflict');
    expect(c.server).toMatchObject({ code: code(2), version: 2, state: 'result_ready' });
    expect(await count(t, 'dossier_event')).toBe(eventsBefore);
  });

  it('rejects a dossier received on another day or a procedure not offered on the round', async () => {
    const otherDay = receiveOp(block, 4, { at: '2026-11-27T08:00:00+07:00', code: `${block.agencyCode}-261127-${block.firstSeq + 4}` });
    const notOffered = receiveOp(block, 5);
    (notOffered.dossier as Record<string, unknown>).procedureCode = '1.004194';
    const r = await sync(t, p.outreach, sessionId, [otherDay, notOffered]);
    expect(r.json().results.map((x: { error: { code: string } }) => x.error.code)).toEqual(['not_session_day', 'procedure_not_offered']);
  });

  it('refuses to sync for someone who is not on the team', async () => {
    expect((await sync(t, p.specialist, sessionId, [consultOp(null, 1)])).statusCode).toBe(403);
    expect((await sync(t, {}, sessionId, [consultOp(null, 1)])).statusCode).toBe(401);
  });
});

describe('round report', () => {
  it('counts received, finished on the spot, to return, consulted and survey averages, per session and hamlet', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/office/outreach/sessions/${sessionId}/report`, headers: p.receptionist });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    // Dossiers 0 (done on the spot), 1, 2 and 3; 2 was completed at the office, not in the field.
    expect(s).toMatchObject({ received: 4, completedOnSpot: 1, scheduledForReturn: 3, consulted: 4 + 3 + 1, surveys: 2 });
    expect(s.averages).toEqual({ overall: 4, staff: 4, convenience: 3.5 });
    const phuLong3 = s.byHamlet.find((h: { hamletCode: string }) => h.hamletCode === '30421-09');
    expect(phuLong3).toMatchObject({
      hamletName: 'Ấp Phú Long 3',
      received: 1,
      completedOnSpot: 1,
      consulted: 4,
      surveys: 1,
      averages: { overall: 5, staff: 4, convenience: 5 },
    });

    const round = (await t.app.inject({ method: 'GET', url: `/api/office/outreach/rounds/${roundId}/report`, headers: p.admin })).json();
    expect(round).toMatchObject({ received: 4, completedOnSpot: 1, consulted: 8, surveys: 2 });
    expect(round.sessions).toHaveLength(4);
    expect(round.sessions.filter((x: { received: number }) => x.received === 0)).toHaveLength(3);
    expect(round.byHamlet.map((h: { hamletCode: string }) => h.hamletCode)).toEqual(['30421-07', '30421-08', '30421-09']);

    const html = await t.app.inject({ method: 'GET', url: `/api/office/outreach/rounds/${roundId}/report.html`, headers: p.admin });
    expect(html.body).toContain('Báo cáo đợt tiếp nhận lưu động');
    expect(html.body).toContain('Ấp Phú Long 3');
  });

  it('exports an Excel workbook with Vietnamese headers and one row per session and hamlet', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/office/outreach/rounds/${roundId}/report.xlsx`, headers: p.admin });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sessions = wb.getWorksheet('Theo buổi')!;
    expect(sessions.getRow(1).values).toEqual([
      undefined,
      'Ngày',
      'Buổi',
      'Trạng thái',
      'Hồ sơ tiếp nhận',
      'Giải quyết tại chỗ',
      'Hẹn trả sau',
      'Lượt tư vấn',
      'Phiếu khảo sát',
      'Hài lòng chung (TB)',
      'Thái độ cán bộ (TB)',
      'Thuận tiện (TB)',
    ]);
    expect(sessions.rowCount).toBe(1 + 4 + 1);
    expect(sessions.getRow(2).getCell(1).value).toBe('24/11/2026');
    expect(sessions.getRow(3).values).toEqual([undefined, '26/11/2026', 'Sáng', 'Theo kế hoạch', 4, 1, 3, 8, 2, 4, 4, 3.5]);
    expect(sessions.getRow(6).getCell(1).value).toBe('Cộng');
    expect(sessions.getRow(6).getCell(4).value).toBe(4);
    const hamlets = wb.getWorksheet('Theo thôn, ấp')!;
    expect(hamlets.rowCount).toBe(1 + 3);
    expect(hamlets.getRow(4).values).toEqual([undefined, '30421-09', 'Ấp Phú Long 3', 1, 1, 0, 4, 1, 5, 4, 5]);
  });
});
