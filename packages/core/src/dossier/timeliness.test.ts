import { describe, expect, it } from 'vitest';
import { dueDate, workingDaysBetween, defaultCalendar } from '../calendar/index.ts';
import { bindClock } from './clock.ts';
import { decideSubmission } from './decide.ts';
import { deriveDossier } from './derive.ts';
import { cast, ctx, Journal, OWNER_ID, U1, U1_AGENCY, validCommand } from './testkit.ts';
import { timeliness } from './timeliness.ts';
import type { DossierEvent } from './types.ts';

const vn = (local: string) => new Date(`${local}+07:00`);

/** Counter intake Monday 7 July 2025 08:00, 3 working days: due Thursday 10 July 17:00. */
function running(): Journal {
  const j = new Journal('counter', { workingDays: 3 });
  j.act('receptionist', { action: 'assign', assigneeUserId: 'spec1' });
  return j;
}

function finishAt(local: string): Journal {
  const j = running();
  j.act('assignee', validCommand('propose', j.view, j.now));
  j.act('approver', { action: 'approve' });
  j.now = vn(local);
  j.act('receptionist', { action: 'mark_result_ready' }, 0);
  return j;
}

describe('timeliness', () => {
  it('running: on time, due soon within a working day, late after dueAt', () => {
    const view = running().view;
    expect(timeliness(view, vn('2025-07-08T09:00:00'), ctx.clock)).toBe('on_time');
    expect(timeliness(view, vn('2025-07-09T09:00:00'), ctx.clock)).toBe('due_soon');
    expect(timeliness(view, vn('2025-07-10T16:59:59'), ctx.clock)).toBe('due_soon');
    expect(timeliness(view, vn('2025-07-10T17:00:01'), ctx.clock)).toBe('late');
  });

  it('finished: early before the due day, on time on it, regardless of now', () => {
    const later = vn('2025-08-01T09:00:00');
    expect(timeliness(finishAt('2025-07-09T16:00:00').view, later, ctx.clock)).toBe('early');
    expect(timeliness(finishAt('2025-07-10T08:00:00').view, later, ctx.clock)).toBe('on_time');
  });

  it('finished after dueAt (an imported log) is late', () => {
    const j = running();
    const events: DossierEvent[] = [
      ...j.events,
      { seq: 3, type: 'propose', at: '2025-07-08T02:00:00.000Z', actor: { kind: 'official', userId: 'spec1' }, data: { outcome: 'approve', note: 'ok' } },
      { seq: 4, type: 'approve', at: '2025-07-08T03:00:00.000Z', actor: { kind: 'official', userId: 'appr1' }, data: { note: null } },
      { seq: 5, type: 'mark_result_ready', at: '2025-07-11T03:00:00.000Z', actor: { kind: 'official', userId: 'rec1' }, data: { resultDocumentId: null } },
    ];
    expect(timeliness(deriveDossier(events), vn('2025-07-11T10:00:00'), ctx.clock)).toBe('late');
  });

  it('closed without a result: late only if it closed overdue', () => {
    const j = running();
    j.act('receptionist', { action: 'cancel', reason: 'Trùng hồ sơ' });
    expect(timeliness(j.view, vn('2025-09-01T09:00:00'), ctx.clock)).toBe('on_time');
    const overdue = running();
    overdue.now = vn('2025-07-11T09:00:00');
    overdue.act('receptionist', { action: 'cancel', reason: 'Người dân không bổ sung' });
    expect(timeliness(overdue.view, overdue.now, ctx.clock)).toBe('late');
  });

  it('not yet received: on time', () => {
    expect(timeliness(new Journal('online', { workingDays: 1 }).view, vn('2025-12-01T09:00:00'), ctx.clock)).toBe('on_time');
  });
});

describe('with the real calendar (@motcua/core/calendar)', () => {
  const clock = bindClock({ dueDate, workingDaysBetween }, defaultCalendar);

  it('puts the appointment after the Tết 2026 holiday', () => {
    const receivedAt = vn('2026-02-13T09:00:00');
    const result = decideSubmission(
      {
        code: `${U1_AGENCY}-260213-0001`,
        procedureCode: '1.004873',
        processing: { workingDays: 3 },
        channel: 'counter',
        unitCode: U1,
        agencyCode: U1_AGENCY,
        applicantIdNumber: OWNER_ID,
      },
      cast.receptionist,
      receivedAt,
      { clock },
    );
    if (!result.ok) throw new Error(result.error.messageEn);
    const view = deriveDossier([{ ...result.event, seq: 1 } as DossierEvent]);
    expect(view.dueAt).toBe(dueDate(receivedAt, { workingDays: 3 }, defaultCalendar).toISOString());
    // Three plain weekdays later would be Wednesday 18 February, in the middle of Tết.
    expect(Date.parse(view.dueAt!)).toBeGreaterThan(Date.parse('2026-02-18T10:00:00Z'));
    expect(timeliness(view, receivedAt, clock)).toBe('on_time');
  });
});
